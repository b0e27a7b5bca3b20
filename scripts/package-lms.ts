/**
 * `npm run package -- --site https://academy.example.com`: the course as LMS packages, in
 * dist-lms/: backorder-academy-cmi5.zip (cmi5.xml at the root, one AU per module) and
 * backorder-academy-scorm12.zip / -scorm2004.zip (imsmanifest.xml at the root, one SCO per
 * module through launch.html and relay.js). The packages point at the site where it is
 * served (`--site` or SITE_URL); nothing of the site is copied, so one build serves both.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { readCourseFiles } from '../src/files/course-files.ts';
import {
  cmi5Xml,
  scorm12Manifest,
  scorm2004Manifest,
  type PackagedCourse,
} from './lms/manifests.ts';

const OUT = 'dist-lms';

function siteArgument(): string {
  const at = process.argv.indexOf('--site');
  const value = at >= 0 ? process.argv[at + 1] : process.env.SITE_URL;
  try {
    const url = new URL(value ?? '');
    if (!/^https?:$/.test(url.protocol)) throw new Error();
    return url.href.replace(/\/+$/, '');
  } catch {
    process.stderr.write(
      'package: give the address the site is served from, e.g. `npm run package -- --site https://academy.example.com`\n',
    );
    process.exit(2);
  }
}

export function packagedCourse(site: string): PackagedCourse {
  const files = readCourseFiles();
  const [course] = files.courses;
  if (files.problems.length > 0 || !course)
    throw new Error('The course content has problems: run `npm run content:check`.');
  return {
    slug: course.slug,
    title: course.course.title,
    description: course.course.summary,
    site,
    modules: course.modules
      .filter((m) => m.check)
      .map((m) => ({ slug: m.slug, title: m.module.title, passMark: m.check!.passMark })),
  };
}

const launchHtml = (site: string, version: '1.2' | '2004') => `<!doctype html>
<html lang="en" data-site="${site}" data-scorm="${version}">
  <head>
    <meta charset="utf-8" />
    <title>Backorder Academy</title>
    <style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:calc(100% - 2.5rem)}p{margin:0;padding:.6rem 1rem;font:1rem system-ui}</style>
  </head>
  <body>
    <p id="status" role="status"></p>
    <iframe id="module" title="Backorder Academy module"></iframe>
    <script src="relay.js"></script>
  </body>
</html>
`;

export function buildPackages(site: string): Record<string, Uint8Array> {
  const course = packagedCourse(site);
  const relay = readFileSync(new URL('./lms/relay.js', import.meta.url));
  const scorm = (version: '1.2' | '2004', manifest: string) =>
    zipSync({
      'imsmanifest.xml': strToU8(manifest),
      'launch.html': strToU8(launchHtml(site, version)),
      'relay.js': new Uint8Array(relay),
    });
  return {
    'backorder-academy-cmi5.zip': zipSync({ 'cmi5.xml': strToU8(cmi5Xml(course)) }),
    'backorder-academy-scorm12.zip': scorm('1.2', scorm12Manifest(course)),
    'backorder-academy-scorm2004.zip': scorm('2004', scorm2004Manifest(course)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = siteArgument();
  mkdirSync(OUT, { recursive: true });
  for (const [name, bytes] of Object.entries(buildPackages(site))) {
    writeFileSync(join(OUT, name), bytes);
    process.stdout.write(`${JSON.stringify({ file: join(OUT, name), bytes: bytes.length })}\n`);
  }
}
