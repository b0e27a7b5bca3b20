/**
 * Lessons that show (issue 13): every module of every course draws at least one figure, and
 * every figure in src/components/lesson/figures/ is an accessible drawing in the site's
 * colours: named by its <title>, described by its <desc>, coloured only with tokens (so the
 * dark theme and print reach it), and used by some lesson.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCourseFiles } from '../../src/files/course-files';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIGURES = join(ROOT, 'src/components/lesson/figures');
const figures = readdirSync(FIGURES)
  .filter((name) => name.endsWith('.astro'))
  .map((name) => ({
    name: name.replace(/\.astro$/, ''),
    source: readFileSync(join(FIGURES, name), 'utf8'),
  }));
/** Drawings a lesson writes with its numbers as props, not as files of their own. */
const DRAWN_FROM_PROPS = ['BarChart'];

const { courses } = readCourseFiles(join(ROOT, 'content'));
const usesOf = (body: string) =>
  [...body.matchAll(/^<([A-Z]\w+)[\s/>]/gm)].map((match) => match[1]!);

describe('lesson figures', () => {
  it('every module of every course has at least one', () => {
    const drawings = new Set([...figures.map((f) => f.name), ...DRAWN_FROM_PROPS]);
    const without = courses.flatMap((course) =>
      course.modules
        .filter((module) => module.lessons.length > 0)
        .filter(
          (module) => !module.lessons.some((l) => usesOf(l.body).some((u) => drawings.has(u))),
        )
        .map((module) => `${course.slug}/${module.slug}`),
    );
    expect(without).toEqual([]);
  });

  it('every figure file is used by a lesson', () => {
    const used = new Set(
      courses.flatMap((c) => c.modules.flatMap((m) => m.lessons.flatMap((l) => usesOf(l.body)))),
    );
    expect(figures.map((f) => f.name).filter((name) => !used.has(name))).toEqual([]);
  });

  for (const { name, source } of figures) {
    describe(name, () => {
      const svg = source.match(/<svg\b[^>]*>/)?.[0] ?? '';
      const idOf = (tag: string) => source.match(new RegExp(`<${tag} id="([^"]+)"`))?.[1];

      it('has a caption, and a drawing named by its title and described by its desc', () => {
        expect(source).toMatch(/<Figure caption="[^"]{8,}">/);
        expect(svg).toContain('role="img"');
        const title = idOf('title');
        const desc = idOf('desc');
        expect(title && svg.includes(`aria-labelledby="${title}"`)).toBe(true);
        expect(desc && svg.includes(`aria-describedby="${desc}"`)).toBe(true);
        const description = source.match(/<desc[^>]*>([\s\S]*?)<\/desc\s*>/)?.[1] ?? '';
        expect(description.split(/\s+/).length).toBeGreaterThan(20);
      });

      it('colours only with the tokens, and keeps its ids apart from other figures', () => {
        const colours = [...source.matchAll(/(?:fill|stroke|color)="([^"]+)"/g)].map((m) => m[1]!);
        expect(colours.filter((c) => !/^(none|currentColor|var\(--[\w-]+\))$/.test(c))).toEqual([]);
        const kebab = name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
        const ids = [...source.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
        expect(ids.filter((id) => !id.startsWith(`${kebab}-`))).toEqual([]);
      });

      it('draws static markup a phone can read: 400 units wide, text of 12 or more', () => {
        expect(svg).toMatch(/viewBox="0 0 400 \d+"/);
        const sizes = [...source.matchAll(/font-size="(\d+(?:\.\d+)?)"/g)].map((m) => Number(m[1]));
        expect(sizes.filter((size) => size < 12)).toEqual([]);
        expect(source.split('---')[2]).not.toMatch(/\{[^}]*\}/);
      });
    });
  }
});
