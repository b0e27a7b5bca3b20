/**
 * Checks between content files that no single schema can see: a glossary term must point at
 * a lesson that exists, a lesson's scenarios must exist in simulations/, a template's body
 * must use exactly the placeholders it declares, and a check question's `see:` must name a
 * section of a lesson in its module.
 */
import type { Problem } from '../engine/problems';
import type { Check, Course, Glossary, Lesson, Module, Template } from './schema';
import { lessonSections } from './sections';

/** The course folder as read from disk (src/files/course-files.ts), with its problems. */
export interface CourseFiles {
  courses: { slug: string; course: Course; modules: ModuleFiles[] }[];
  templates: { slug: string; template: Template; body: string }[];
  glossary: Glossary;
  problems: Problem[];
}

export interface ModuleFiles {
  slug: string;
  module: Module;
  check: Check | null;
  lessons: { slug: string; lesson: Lesson; body: string }[];
}

/** Each question's `see:` must be a heading of a lesson in the same module. */
function sectionProblems(course: string, module: ModuleFiles): Problem[] {
  if (!module.check) return [];
  const file = `content/courses/${course}/${module.slug}/check.yaml`;
  return module.check.questions.flatMap(({ see }, index) => {
    const [lessonSlug, anchor] = see.split('#') as [string, string];
    const lesson = module.lessons.find((l) => l.slug === lessonSlug);
    if (!lesson)
      return [
        {
          file,
          path: `questions[${index}].see`,
          message: `no lesson "${lessonSlug}" in ${module.slug}`,
        },
      ];
    const sections = lessonSections(lesson.body);
    if (sections.some((s) => s.id === anchor)) return [];
    return [
      {
        file,
        path: `questions[${index}].see`,
        message: `no section "#${anchor}" in ${lessonSlug}; its sections are ${sections.map((s) => `#${s.id}`).join(', ')}`,
      },
    ];
  });
}

export function contentLinkProblems(
  files: CourseFiles,
  scenarioIds: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const lessons = new Set<string>();
  for (const { slug: course, modules } of files.courses)
    for (const module of modules) {
      problems.push(...sectionProblems(course, module));
      for (const { slug, lesson } of module.lessons) {
        lessons.add(`${course}/${module.slug}/${slug}`);
        lesson.scenarios.forEach((id, index) => {
          if (!scenarioIds.has(id))
            problems.push({
              file: `content/courses/${course}/${module.slug}/${slug}.mdx`,
              path: `scenarios[${index}]`,
              message: `no scenario "${id}" in simulations/`,
            });
        });
      }
    }
  files.glossary.forEach((entry, index) => {
    if (!lessons.has(entry.taughtIn))
      problems.push({
        file: 'content/glossary.yaml',
        path: `[${index}].taughtIn`,
        message: `no lesson "${entry.taughtIn}"`,
      });
  });
  for (const { slug, template, body } of files.templates) {
    const used = new Set([...body.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]!));
    for (const name of used)
      if (!template.placeholders.includes(name))
        problems.push({
          file: `content/templates/${slug}.md`,
          path: 'placeholders',
          message: `the body uses {${name}}, which is not declared`,
        });
    template.placeholders.forEach((name, index) => {
      if (!used.has(name))
        problems.push({
          file: `content/templates/${slug}.md`,
          path: `placeholders[${index}]`,
          message: `{${name}} is declared but never used`,
        });
    });
  }
  return problems;
}
