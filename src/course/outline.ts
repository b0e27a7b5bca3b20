/**
 * The shape of a course as pages hand it to islands: plain, serialisable data built at
 * build time from the content collections. Islands never read content files; they get this.
 */
import type { Question } from './schema';

export interface LessonRef {
  /** `01-basics/02-three-types`: unique within the course, the key progress is stored under. */
  key: string;
  title: string;
  href: string;
  minutes: number;
}

export interface ModuleRef {
  /** Folder name, e.g. `01-basics`. */
  slug: string;
  title: string;
  lessons: LessonRef[];
  /** Has a knowledge check (`check.yaml`). */
  hasCheck: boolean;
}

export interface CourseOutline {
  /** Folder name, e.g. `backorders-and-partial-shipments`. */
  slug: string;
  title: string;
  href: string;
  gating: boolean;
  refresherDays: number;
  refresherQuestions: number;
  modules: ModuleRef[];
}

/** A lesson section a question points to, as a link. */
export interface SectionLink {
  /** `/courses/<course>/<module>/<lesson>/#<heading>`. */
  href: string;
  /** `Lesson title: section heading`. */
  label: string;
}

/** A module's knowledge check as the quiz island receives it. */
export interface CheckData {
  course: string;
  module: string;
  moduleTitle: string;
  passMark: number;
  /** Questions drawn for one attempt. */
  draw: number;
  /** The bank every attempt draws from. */
  questions: Question[];
  /** SHA-256 of the check's canonical JSON: a stored attempt keeps it (issue 14). */
  hash: string;
  /** Each `see:` reference of the bank (`<NN-lesson>#<heading>`) as a link. */
  sections: Record<string, SectionLink>;
}
