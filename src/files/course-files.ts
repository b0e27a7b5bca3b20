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
  const reader = new ProblemNotingReader();
  const courses = only
    ? []
    : dirs(join(root, 'courses')).flatMap((slug) => {
        const course = readCourse(reader, join(root, 'courses', slug));
        return course ? [{ slug, ...course }] : [];
      });
  const templates = readTemplates(reader, join(root, 'templates'));
  const glossaryFile = join(root, 'glossary.yaml');
  const glossary =
    !only && existsSync(glossaryFile)
      ? (reader.parse(glossarySchema, reader.readYaml(glossaryFile), glossaryFile) ?? [])
      : [];
  return { courses, templates, glossary, problems: reader.problems };
}

/** Reads and parses files, noting every problem instead of stopping at the first. */
class ProblemNotingReader {
  readonly problems: Problem[] = [];

  /** Data checked against `schema`, or null with each issue noted by field path. */
  parse<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, data: unknown, file: string): T | null {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues)
      this.problems.push({ file, path: formatPath(issue.path), message: issue.message });
    return null;
  }

  /**
   * YAML text to data with the engine's checks (aliases, nesting, duplicate keys), or
   * undefined with the problems noted; `firstLine` is the text's first line in the file.
   */
  yamlData(text: string, file: string, firstLine = 1): unknown {
    const parsed = parseYaml(text, file);
    if (parsed.ok) return parsed.data;
    for (const problem of parsed.problems)
      this.problems.push(
        problem.line ? { ...problem, line: problem.line + firstLine - 1 } : problem,
      );
    return undefined;
  }

  readYaml(file: string): unknown {
    return this.yamlData(readFileSync(file, 'utf8'), file);
  }

  /** A Markdown or MDX file split into frontmatter data and body, or null with the problem noted. */
  readFrontmatterFile(file: string): { data: unknown; body: string } | null {
    const split = splitFrontmatter(readFileSync(file, 'utf8'));
    if (!split) {
      this.problems.push({
        file,
        path: '',
        message: 'expected frontmatter between --- lines at the top',
      });
      return null;
    }
    return { data: this.yamlData(split.yaml, file, 2), body: split.body };
  }
}

const dirs = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];

/** The files in `dir` ending in `extension`, in name order; none when there is no folder. */
const filesEnding = (dir: string, extension: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith(extension))
        .sort()
    : [];

function readCourse(reader: ProblemNotingReader, courseDir: string) {
  const courseFile = join(courseDir, 'course.yaml');
  const course = reader.parse(courseSchema, reader.readYaml(courseFile), courseFile);
  const modules: ModuleFiles[] = [];
  for (const moduleSlug of dirs(courseDir)) {
    const moduleDir = join(courseDir, moduleSlug);
    if (!NUMBERED.test(moduleSlug)) {
      reader.problems.push({
        file: moduleDir,
        path: '',
        message: 'module folders are named NN-name, e.g. 01-basics',
      });
      continue;
    }
    const module = readModule(reader, moduleDir);
    if (module) modules.push({ slug: moduleSlug, ...module });
  }
  return course ? { course, modules } : null;
}

function readModule(reader: ProblemNotingReader, moduleDir: string) {
  const moduleFile = join(moduleDir, 'module.yaml');
  const module = reader.parse(moduleSchema, reader.readYaml(moduleFile), moduleFile);
  const checkFile = join(moduleDir, 'check.yaml');
  const check = existsSync(checkFile)
    ? reader.parse(checkSchema, reader.readYaml(checkFile), checkFile)
    : null;
  const lessons: ModuleFiles['lessons'] = [];
  for (const name of filesEnding(moduleDir, '.mdx')) {
    const file = join(moduleDir, name);
    const lessonSlug = name.replace(/\.mdx$/, '');
    if (!NUMBERED.test(lessonSlug))
      reader.problems.push({ file, path: '', message: 'lesson files are named NN-name.mdx' });
    const split = reader.readFrontmatterFile(file);
    if (!split) continue;
    const lesson = reader.parse(lessonSchema, split.data, file);
    if (lesson) lessons.push({ slug: lessonSlug, lesson, body: split.body });
  }
  return module ? { module, check, lessons } : null;
}

function readTemplates(reader: ProblemNotingReader, templateDir: string): CourseFiles['templates'] {
  return filesEnding(templateDir, '.md').flatMap((name) => {
    const file = join(templateDir, name);
    const split = reader.readFrontmatterFile(file);
    const template = split && reader.parse(templateSchema, split.data, file);
    return split && template
      ? [{ slug: name.replace(/\.md$/, ''), template, body: split.body }]
      : [];
  });
}
