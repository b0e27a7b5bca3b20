/**
 * A lesson's sections: its `##` and `###` headings with the ids the site gives them. The
 * ids follow github-slugger, the slugger Astro's Markdown pipeline uses for heading ids
 * (@astrojs/markdown-remark `rehype-collect-headings`), so `see:` in a check points at the
 * anchor the built page has. Pure text in, data out.
 */
import Slugger from 'github-slugger';

export interface LessonSection {
  /** The heading's id on the page, e.g. `stock-record-errors`. */
  id: string;
  /** The heading as the reader sees it, Markdown emphasis and links removed. */
  title: string;
}

/** Inline Markdown a heading may carry, reduced to the text a reader sees. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`]/g, '')
    .replace(/(^|\s)_([^_]+)_(?=\s|$)/g, '$1$2')
    .trim();
}

/** Every `##` and `###` heading of an MDX body (code fences skipped), in page order. */
export function lessonSections(body: string): LessonSection[] {
  const slugger = new Slugger();
  const sections: LessonSection[] = [];
  let fenced = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const title = plainText(heading[2]!);
    const id = slugger.slug(title);
    if (heading[1]!.length <= 3) sections.push({ id, title });
  }
  return sections;
}
