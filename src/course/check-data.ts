/**
 * A module's check as the quiz, the refresher and the manager's re-marking receive it
 * (`CheckData`): the bank, the draw size, the content hash a stored attempt keeps, and each
 * question's `see:` reference turned into a link to the lesson section. Built once, at build
 * time or in a test, from the parsed files.
 */
import { canonicalJson, sha256 } from '../engine/canonical';
import type { CheckData, SectionLink } from './outline';
import type { Check } from './schema';
import { lessonSections } from './sections';

/** A lesson of the module as the check needs it: its file name, title and MDX body. */
export interface LessonText {
  slug: string;
  title: string;
  body: string;
}

/** SHA-256 of the check as parsed (defaults filled in): a changed bank gives a new hash. */
export function checkHash(check: Check): string {
  return sha256(canonicalJson(check));
}

/** Every `see:` of the bank as a link; a reference to no section is left out (content:check names it). */
export function sectionLinks(
  course: string,
  module: string,
  check: Check,
  lessons: readonly LessonText[],
): Record<string, SectionLink> {
  const links: Record<string, SectionLink> = {};
  for (const { see } of check.questions) {
    const [lessonSlug, anchor] = see.split('#') as [string, string];
    const lesson = lessons.find((l) => l.slug === lessonSlug);
    const section = lesson && lessonSections(lesson.body).find((s) => s.id === anchor);
    if (lesson && section)
      links[see] = {
        href: `/courses/${course}/${module}/${lessonSlug}/#${anchor}`,
        label: `${lesson.title}: ${section.title}`,
      };
  }
  return links;
}

export function checkData(
  course: string,
  module: string,
  moduleTitle: string,
  check: Check,
  lessons: readonly LessonText[],
): CheckData {
  return {
    course,
    module,
    moduleTitle,
    passMark: check.passMark,
    draw: check.draw,
    questions: check.questions,
    hash: checkHash(check),
    sections: sectionLinks(course, module, check, lessons),
  };
}
