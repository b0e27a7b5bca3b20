/**
 * The LMS packages `npm run package` writes (issue 15): cmi5.xml or imsmanifest.xml at the
 * root, one unit per module with a check, the check's pass mark as the mastery score, and
 * manifests that name only files in their zip.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readCourseFiles } from '../../src/files/course-files';
import { buildPackages } from '../../scripts/package-lms';

const SITE = 'https://academy.example.com';
const packages = buildPackages(SITE);
const modules = readCourseFiles().courses[0]!.modules.filter((m) => m.check);
const filesOf = (name: string) => unzipSync(packages[name]!);

describe('the cmi5 package', () => {
  const files = filesOf('backorder-academy-cmi5.zip');
  const xml = strFromU8(files['cmi5.xml']!);

  it('has cmi5.xml at the root and one AU per module, moveOn CompletedAndPassed', () => {
    expect(Object.keys(files)).toEqual(['cmi5.xml']);
    const units = [...xml.matchAll(/<au id="([^"]+)" moveOn="(\w+)" masteryScore="([\d.]+)"/g)];
    expect(units.map((u) => [u[1], u[2], Number(u[3])])).toEqual(
      modules.map((m) => [`${SITE}/cmi5/${m.slug}/`, 'CompletedAndPassed', m.check!.passMark]),
    );
  });
});

describe.each([
  ['backorder-academy-scorm12.zip', '1.2'],
  ['backorder-academy-scorm2004.zip', '2004 4th Edition'],
])('the SCORM package %s', (name, version) => {
  const files = filesOf(name);
  const manifest = strFromU8(files['imsmanifest.xml']!);

  it('has imsmanifest.xml at the root naming only files in the zip', () => {
    expect(manifest).toContain(`<schemaversion>${version}</schemaversion>`);
    const named = [...manifest.matchAll(/(?:file|resource)[^>]* href="([^"?]+)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(1);
    for (const file of named) expect(Object.keys(files)).toContain(file);
  });

  it('has one SCO item per module, launched with its module', () => {
    const items = [...manifest.matchAll(/parameters="\?module=([\w-]+)"/g)].map((m) => m[1]);
    expect(items).toEqual(modules.map((m) => m.slug));
    expect(strFromU8(files['launch.html']!)).toContain(`data-site="${SITE}"`);
  });
});
