/**
 * The example statements of docs/xapi.md, made by the site's own builders (src/xapi) from
 * small fixed records, so the document shows exactly what the site sends.
 * `npm run docs:xapi` rewrites the examples in the document; tests/unit/xapi-doc.test.ts
 * fails when they no longer match what the builders make.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Question } from '../src/course/schema';
import {
  checkAttemptStatements,
  cmi5Statement,
  lessonCompleted,
  lessonExperienced,
  roleplayOverrideScored,
  roleplayStatements,
  runAttempted,
  runVerdict,
  type RoleplayRecord,
  type RunRecord,
  type Statement,
  type Who,
} from '../src/xapi';

export const DOC = fileURLToPath(new URL('../docs/xapi.md', import.meta.url));
const START = '<!-- examples:start (npm run docs:xapi writes this part) -->';
const END = '<!-- examples:end -->';

const who: Who = {
  homePage: 'https://learning.example.com/',
  activityBase: 'https://learning.example.com/academy/',
  profileId: '6a1f0b8e-3d41-4c59-9d3b-2f8f2f0b6a11',
  name: 'Ana Ruiz',
};
const day = (time: string) => new Date(`2026-03-02T${time}Z`);

const visit = {
  course: 'backorders-and-partial-shipments',
  lesson: '01-basics/01-what-is-a-backorder',
  openedAt: day('09:00:00'),
  completedAt: day('09:06:05'),
  seconds: 365,
};
const question = {
  kind: 'single',
  id: 'first-step',
  prompt: 'A line is short. What do you do first?',
  options: [
    { id: 'check', text: 'Check stock and incoming purchase orders', correct: true, feedback: '' },
    { id: 'ship', text: 'Ship what is there without telling anyone', correct: false, feedback: '' },
  ],
} as Question;
const attempt = {
  course: visit.course,
  module: '01-basics',
  at: day('09:10:00'),
  answers: { 'first-step': { kind: 'single', option: 'check' } },
  score: 1,
  passed: true,
};
const run: RunRecord = {
  id: 'run-2f9c',
  scenario: 'three-backorder-types',
  scenarioHash: '5e'.repeat(32),
  engineVersion: '1.1.0',
  startedAt: day('10:00:00'),
  updatedAt: day('10:18:30'),
  status: 'ended',
  mode: 'assessment',
  score: { total: 84, passed: true, competencies: { allocation: 90, communication: 78 } },
};
// A real log has one entry per action at the desk; two stand for them here.
const log = {
  log: [
    { type: 'check-stock', sku: 'PLB-CU15-EL90', at: '2026-03-02T08:00', by: 'Ana Ruiz' },
    { type: 'end-shift', at: '2026-03-02T09:10', by: 'Ana Ruiz' },
  ],
  actedAt: [day('10:00:07').getTime(), day('10:18:30').getTime()],
};
const roleplay: RoleplayRecord = {
  id: 'rp-7c1d',
  roleplay: 'date-that-moved',
  roleplayHash: 'c4'.repeat(32),
  mode: 'assessment',
  startedAt: day('11:00:00'),
  updatedAt: day('11:04:00'),
  steps: [{ node: 'opening', option: 1, reply: 'I am sorry, the date has moved.', credits: [] }],
  score: { total: 7, max: 10, percent: 70, ending: 'resolved', rubric: { 'honest-date': 7 } },
};
const override = {
  step: 0,
  item: 'honest-date',
  credited: true,
  by: 'Tess Trainer',
  reason: 'gave the new date',
};
const launch = {
  endpoint: 'https://lms.example.com/lrs/',
  fetch: 'https://lms.example.com/fetch/abc',
  actor: {
    objectType: 'Agent' as const,
    account: { homePage: 'https://lms.example.com', name: 'learner-42' },
  },
  registration: '9b2a5f3e-1c4d-4e8f-8a6b-7d1e2f3a4b5c',
  activityId: 'https://academy.example.com/cmi5/01-basics/',
};
const launchData = {
  launchMode: 'Normal' as const,
  masteryScore: 0.8,
  contextTemplate: {
    extensions: {
      'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1',
    },
  },
};

export interface Example {
  title: string;
  when: string;
  statement: Statement;
}

export function examples(): Example[] {
  const checkStatements = checkAttemptStatements(who, attempt, {
    questions: [question],
    startedAt: day('09:08:30'),
  });
  const rescored = { ...roleplay.score!, total: 9, percent: 90, rubric: { 'honest-date': 9 } };
  return [
    {
      title: 'Lesson opened: `experienced`',
      when: 'A lesson is opened for the first time.',
      statement: lessonExperienced(who, visit),
    },
    {
      title: 'Lesson done: `completed`',
      when: 'The trainee marks a lesson complete; the duration is the reading time so far.',
      statement: lessonCompleted(who, visit),
    },
    {
      title: 'Check question: `answered`',
      when: 'One per question of a check attempt: a `cmi.interaction` with its `correctResponsesPattern` and the response.',
      statement: checkStatements[0]!,
    },
    {
      title: 'Module check: `passed` or `failed`',
      when: 'After the answers of a check attempt, with score and duration; the attempt itself rides in the `check-attempt` extension.',
      statement: checkStatements[1]!,
    },
    {
      title: 'Shift started: `attempted`',
      when: 'A simulation run starts; context extensions name the scenario hash, engine version, run id and mode.',
      statement: runAttempted(who, run),
    },
    {
      title: 'Shift ended: `passed` or `failed`',
      when: 'A run ends with a score: `score.scaled`, per-competency scores, and the whole run with its log in the `run` extension.',
      statement: runVerdict(who, run, log)!,
    },
    {
      title: 'Role-play reply: `answered`',
      when: 'One per reply the trainee gives in a role-play.',
      statement: roleplayStatements(who, { ...roleplay, score: undefined }, 0)[0]!,
    },
    {
      title: 'Role-play finished: `completed`',
      when: 'The conversation reaches an ending, with score, rubric and the attempt in the `roleplay-result` extension.',
      statement: roleplayStatements(who, roleplay, 1)[0]!,
    },
    {
      title: 'Trainer override: `scored`',
      when: 'A trainer re-scores a finished role-play; it refers to the `completed` statement (a StatementRef). Nothing is ever voided.',
      statement: roleplayOverrideScored(
        who,
        roleplay,
        rescored,
        [override],
        'Tess Trainer',
        day('15:00:00'),
      ),
    },
    {
      title: 'cmi5 (launched from an LMS): `passed`',
      when: 'The cmi5 defined statements (`initialized`, `completed`, `passed`/`failed`, `terminated`) go to the LMS, with its actor and context template.',
      statement: cmi5Statement(
        '0a6f3e0b-5a7c-4b8e-9f10-1a2b3c4d5e6f',
        'passed',
        launch,
        launchData,
        day('12:00:00'),
        { score: { scaled: 1 }, success: true, duration: 'PT4M' },
      ),
    },
  ];
}

/** The examples as the document shows them. */
export function renderExamples(): string {
  const sections = examples().map(
    (e) =>
      `### ${e.title}\n\n${e.when}\n\n\`\`\`json\n${JSON.stringify(e.statement, null, 2)}\n\`\`\``,
  );
  return `${START}\n\n${sections.join('\n\n')}\n\n${END}`;
}

/** The document with its examples part replaced by `rendered`. */
export function withExamples(doc: string, rendered: string): string {
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  if (from < 0 || to < 0) throw new Error(`${DOC} has no examples markers`);
  return doc.slice(0, from) + rendered + doc.slice(to + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DOC, withExamples(readFileSync(DOC, 'utf8'), renderExamples()));
  console.log(`wrote the examples of ${DOC}`);
}
