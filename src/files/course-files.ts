/**
 * Reading the course folder outside Astro (tests, scripts): every course, module, lesson,
 * check, template and the glossary, parsed with the course schemas, with every problem
 * listed by file and field. The site build reads the same files through content
 * collections with the same schemas.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { parseYaml } from '../engine/file-text';
import { formatPath, type Problem } from '../engine/problems';
import {
  checkSchema,
  courseSchema,
  glossarySchema,
  lessonSchema,
  moduleSchema,
  templateSchema,
} from '../course/schema';
import type { CourseFiles, ModuleFiles } from '../course/content-links';

export type { CourseFiles, ModuleFiles };

const NUMBERED = /^\d{2}-[a-z0-9-]+$/;

/** Split `---` frontmatter (YAML text, from the file's line 2) from an MDX or Markdown body. */
export function splitFrontmatter(text: string): { yaml: string; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return null;
  return { yaml: match[1]!, body: match[2]! };
}

/**
 * Every course file under `root`, checked, with every problem listed. `only: 'templates'`
 * reads the customer-message templates alone (what `sim run` needs), leaving courses and
 * the glossary empty.
 */
export function readCourseFiles(root = 'content', only?: 'templates'): CourseFiles {
  const problems: Problem[] = [];
  const parse = <T>(
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    data: unknown,
    file: string,
  ): T | null => {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues)
      problems.push({ file, path: formatPath(issue.path), message: issue.message });
    return null;
  };
  /**
   * YAML text to data with the engine's checks (aliases, nesting, duplicate keys), or
   * undefined with the problems noted; `firstLine` is the text's first line in the file.
   */
  const yamlData = (text: string, file: string, firstLine = 1): unknown => {
    const parsed = parseYaml(text, file);
    if (parsed.ok) return parsed.data;
    for (const problem of parsed.problems)
      problems.push(problem.line ? { ...problem, line: problem.line + firstLine - 1 } : problem);
    return undefined;
  };
  const readYaml = (file: string): unknown => yamlData(readFileSync(file, 'utf8'), file);
  /** A Markdown or MDX file split into frontmatter data and body, or null with the problem noted. */
  const readFrontmatterFile = (file: string) => {
    const split = splitFrontmatter(readFileSync(file, 'utf8'));
    if (!split) {
      problems.push({
        file,
        path: '',
        message: 'expected frontmatter between --- lines at the top',
      });
      return null;
    }
    return { data: yamlData(split.yaml, file, 2), body: split.body };
  };
  const dirs = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => e.name)
          .sort()
      : [];

  const courses: CourseFiles['courses'] = [];
  for (const courseSlug of only ? [] : dirs(join(root, 'courses'))) {
    const courseDir = join(root, 'courses', courseSlug);
    const course = parse(
      courseSchema,
      readYaml(join(courseDir, 'course.yaml')),
      join(courseDir, 'course.yaml'),
    );
    const modules: ModuleFiles[] = [];
    for (const moduleSlug of dirs(courseDir)) {
      const moduleDir = join(courseDir, moduleSlug);
      if (!NUMBERED.test(moduleSlug)) {
        problems.push({
          file: moduleDir,
          path: '',
          message: 'module folders are named NN-name, e.g. 01-basics',
        });
        continue;
      }
      const module = parse(
        moduleSchema,
        readYaml(join(moduleDir, 'module.yaml')),
        join(moduleDir, 'module.yaml'),
      );
      const checkFile = join(moduleDir, 'check.yaml');
      const check = existsSync(checkFile)
        ? parse(checkSchema, readYaml(checkFile), checkFile)
        : null;
      const lessons: ModuleFiles['lessons'] = [];
      for (const name of readdirSync(moduleDir)
        .filter((n) => n.endsWith('.mdx'))
        .sort()) {
        const file = join(moduleDir, name);
        const lessonSlug = name.replace(/\.mdx$/, '');
        if (!NUMBERED.test(lessonSlug))
          problems.push({ file, path: '', message: 'lesson files are named NN-name.mdx' });
        const split = readFrontmatterFile(file);
        if (!split) continue;
        const lesson = parse(lessonSchema, split.data, file);
        if (lesson) lessons.push({ slug: lessonSlug, lesson, body: split.body });
      }
      if (module) modules.push({ slug: moduleSlug, module, check, lessons });
    }
    if (course) courses.push({ slug: courseSlug, course, modules });
  }

  const templates: CourseFiles['templates'] = [];
  const templateDir = join(root, 'templates');
  for (const name of existsSync(templateDir)
    ? readdirSync(templateDir)
        .filter((n) => n.endsWith('.md'))
        .sort()
    : []) {
    const file = join(templateDir, name);
    const split = readFrontmatterFile(file);
    if (!split) continue;
    const template = parse(templateSchema, split.data, file);
    if (template) templates.push({ slug: name.replace(/\.md$/, ''), template, body: split.body });
  }

  const glossaryFile = join(root, 'glossary.yaml');
  const glossary =
    !only && existsSync(glossaryFile)
      ? (parse(glossarySchema, readYaml(glossaryFile), glossaryFile) ?? [])
      : [];
  return { courses, templates, glossary, problems };
}
