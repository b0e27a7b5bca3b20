/**
 * From the course collections to the shapes pages and islands use: a `CourseOutline` per
 * course (src/course/outline.ts), each module's `CheckData`, and the facts pages show
 * beside them (summary, audience, objectives). Pure: it takes the entries Astro loaded
 * (`{ id, data }`, the id being the path below content/courses without extension) and
 * returns every problem it finds instead of throwing, so the build can list them all.
 *
 * Order is the order of the numbered folder and file names (`01-basics/02-three-types`):
 * authors reorder lessons by renaming, never by editing a list.
 */
import type { Problem } from '../engine/problems';
import type { CheckData, CourseOutline, LessonRef, ModuleRef } from './outline';
import type { Check, Course, Lesson, Module } from './schema';
import { checkData } from './check-data';

/** An entry as a content collection holds it. */
export interface Entry<T> {
  id: string;
  data: T;
  /** The file's text after the frontmatter (lessons): where check questions point. */
  body?: string;
}

export interface CourseEntries {
  courses: readonly Entry<Course>[];
  modules: readonly Entry<Module>[];
  checks: readonly Entry<Check>[];
  lessons: readonly Entry<Lesson>[];
}

export interface LessonPage {
  ref: LessonRef;
  lesson: Lesson;
  /** The collection id, `<course>/<module>/<lesson>`, to render the entry with. */
  entryId: string;
  /** Lesson file name without extension, e.g. `02-three-types`. */
  slug: string;
}

export interface ModulePage {
  ref: ModuleRef;
  module: Module;
  check: CheckData | null;
  lessons: LessonPage[];
}

export interface CourseContent {
  outline: CourseOutline;
  course: Course;
  modules: ModulePage[];
  /** Every module's check, in module order. */
  checks: CheckData[];
  /** Sum of the lessons' reading times. */
  totalMinutes: number;
}

export interface CourseBuild {
  courses: CourseContent[];
  problems: Problem[];
}

/** Module folders and lesson files are `NN-name`: two digits carry the order. */
const NUMBERED = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ROOT = 'content/courses';

/** `/courses/<course>/<module>/<lesson>/`. */
export function lessonHref(course: string, module: string, lesson: string): string {
  return `/courses/${course}/${module}/${lesson}/`;
}

/** `/courses/<course>/`. */
export function courseHref(course: string): string {
  return `/courses/${course}/`;
}

const byId = <T>(a: Entry<T>, b: Entry<T>) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every course with its modules and lessons in numbered order, and what is wrong. */
export function buildCourses(entries: CourseEntries): CourseBuild {
  const problems: Problem[] = [];
  const courseSlugs = new Set(entries.courses.map(({ id }) => id.split('/')[0]!));
  const modulesByCourse = groupModules(entries.modules, courseSlugs, problems);
  const moduleIds = new Set(
    [...modulesByCourse.values()].flat().map(({ id }) => id.split('/').slice(0, 2).join('/')),
  );
  const lessonsByModule = groupLessons(entries.lessons, moduleIds, problems);
  const checkByModule = checksByModule(entries.checks, moduleIds, problems);
  const courses = [...entries.courses].sort(byId).map(({ id, data: course }): CourseContent => {
    const courseSlug = id.split('/')[0]!;
    const modules = (modulesByCourse.get(courseSlug) ?? []).map((entry) => {
      const moduleSlug = entry.id.split('/')[1]!;
      const key = `${courseSlug}/${moduleSlug}`;
      return modulePage(courseSlug, entry, lessonsByModule.get(key) ?? [], checkByModule.get(key));
    });
    return coursePage(courseSlug, course, modules);
  });
  return { courses, problems };
}

/** Modules by course slug, in numbered order; a module outside a course or misnamed is a problem. */
function groupModules(
  entries: readonly Entry<Module>[],
  courseSlugs: ReadonlySet<string>,
  problems: Problem[],
): Map<string, Entry<Module>[]> {
  const modulesByCourse = new Map<string, Entry<Module>[]>();
  for (const entry of [...entries].sort(byId)) {
    const [course, module] = entry.id.split('/') as [string, string];
    if (!courseSlugs.has(course)) {
      problems.push({
        file: `${ROOT}/${entry.id}.yaml`,
        path: '',
        message: `the course folder has no course.yaml`,
      });
      continue;
    }
    if (!NUMBERED.test(module)) {
      problems.push({
        file: `${ROOT}/${course}/${module}`,
        path: '',
        message: 'module folders are named NN-name, e.g. 01-basics',
      });
      continue;
    }
    modulesByCourse.set(course, [...(modulesByCourse.get(course) ?? []), entry]);
  }
  return modulesByCourse;
}

/** Lessons by `<course>/<module>`, in numbered order; one outside a valid module or misnamed is a problem. */
function groupLessons(
  entries: readonly Entry<Lesson>[],
  moduleIds: ReadonlySet<string>,
  problems: Problem[],
): Map<string, Entry<Lesson>[]> {
  const lessonsByModule = new Map<string, Entry<Lesson>[]>();
  for (const entry of [...entries].sort(byId)) {
    const [course, module, lesson] = entry.id.split('/') as [string, string, string];
    const file = `${ROOT}/${entry.id}.mdx`;
    if (!moduleIds.has(`${course}/${module}`)) {
      problems.push({ file, path: '', message: 'the module folder has no valid module.yaml' });
      continue;
    }
    if (!NUMBERED.test(lesson)) {
      problems.push({ file, path: '', message: 'lesson files are named NN-name.mdx' });
      continue;
    }
    const key = `${course}/${module}`;
    lessonsByModule.set(key, [...(lessonsByModule.get(key) ?? []), entry]);
  }
  return lessonsByModule;
}

/** Each module's check by `<course>/<module>`; a check beside no valid module is a problem. */
function checksByModule(
  entries: readonly Entry<Check>[],
  moduleIds: ReadonlySet<string>,
  problems: Problem[],
): Map<string, Check> {
  const checkByModule = new Map<string, Check>();
  for (const entry of entries) {
    const moduleId = entry.id.replace(/\/check$/, '');
    if (!moduleIds.has(moduleId))
      problems.push({
        file: `${ROOT}/${entry.id}.yaml`,
        path: '',
        message: 'the module folder has no valid module.yaml',
      });
    else checkByModule.set(moduleId, entry.data);
  }
  return checkByModule;
}

function modulePage(
  courseSlug: string,
  { id: moduleId, data: module }: Entry<Module>,
  lessonEntries: readonly Entry<Lesson>[],
  check: Check | undefined,
): ModulePage {
  const moduleSlug = moduleId.split('/')[1]!;
  const lessons = lessonEntries.map(({ id: entryId, data: lesson }): LessonPage => {
    const slug = entryId.split('/')[2]!;
    return {
      ref: {
        key: `${moduleSlug}/${slug}`,
        title: lesson.title,
        href: lessonHref(courseSlug, moduleSlug, slug),
        minutes: lesson.minutes,
      },
      lesson,
      entryId,
      slug,
    };
  });
  const lessonTexts = lessonEntries.map((entry) => ({
    slug: entry.id.split('/')[2]!,
    title: entry.data.title,
    body: entry.body ?? '',
  }));
  return {
    ref: {
      slug: moduleSlug,
      title: module.title,
      lessons: lessons.map(({ ref }) => ref),
      hasCheck: check !== undefined,
    },
    module,
    check: check ? checkData(courseSlug, moduleSlug, module.title, check, lessonTexts) : null,
    lessons,
  };
}

function coursePage(courseSlug: string, course: Course, modules: ModulePage[]): CourseContent {
  return {
    outline: {
      slug: courseSlug,
      title: course.title,
      href: courseHref(courseSlug),
      gating: course.gating,
      refresherDays: course.refresherDays,
      refresherQuestions: course.refresherQuestions,
      modules: modules.map(({ ref }) => ref),
    },
    course,
    modules,
    checks: modules.flatMap(({ check }) => (check ? [check] : [])),
    totalMinutes: modules.reduce(
      (sum, { lessons }) => lessons.reduce((total, { lesson }) => total + lesson.minutes, sum),
      0,
    ),
  };
}

/** A lesson in the order a learner reads the course, with what comes before and after. */
export interface LessonInSequence {
  course: CourseContent;
  module: ModulePage;
  lesson: LessonPage;
  previous: LessonRef | null;
  next: LessonRef | null;
  /** The lesson closes its module: the module's check goes after it. */
  lastInModule: boolean;
}

/** Every lesson of a course, modules in order, linked to its neighbours across modules. */
export function lessonSequence(course: CourseContent): LessonInSequence[] {
  const flat = course.modules.flatMap((module) =>
    module.lessons.map((lesson, index) => ({
      module,
      lesson,
      lastInModule: index === module.lessons.length - 1,
    })),
  );
  return flat.map((item, index) => ({
    course,
    ...item,
    previous: flat[index - 1]?.lesson.ref ?? null,
    next: flat[index + 1]?.lesson.ref ?? null,
  }));
}

/** Lessons whose `scenarios` name a file that is not in simulations/. */
export function unknownScenarioProblems(
  courses: readonly CourseContent[],
  scenarioIds: ReadonlySet<string>,
): Problem[] {
  return courses.flatMap(({ modules }) =>
    modules.flatMap(({ lessons }) =>
      lessons.flatMap(({ lesson, entryId }) =>
        lesson.scenarios.flatMap((id, index) =>
          scenarioIds.has(id)
            ? []
            : [
                {
                  file: `${ROOT}/${entryId}.mdx`,
                  path: `scenarios[${index}]`,
                  message: `no scenario "${id}" in simulations/`,
                },
              ],
        ),
      ),
    ),
  );
}
