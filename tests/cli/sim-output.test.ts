/**
 * How `sim` prints (docs/engine.md section 9): compact JSON when stdout is a file or a pipe,
 * as it is for these commands (a child process, or one run in this process), indented with
 * `--pretty`, the same data either way.
 * And `run` takes two shortcuts that must not change a byte of what it means: the content
 * hash by Node's SHA-256, and each notice's text rendered as the autopilot sends it instead
 * of by a second replay.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCourseFiles } from '../../src/files/course-files';
import { parseScenario, runAutopilot } from '../../src/engine/index';
import { sentNoticeTexts } from '../../src/engine/messages';
import { scenarioHash } from '../../src/engine/report';
import { ROOT, callSim, spawnSim, type Outcome } from './sim-process';

const SCENARIO = join(ROOT, 'simulations', 'discontinued-substitute-refund.yaml');

const COMMANDS = {
  run: ['run', SCENARIO],
  rules: ['rules'],
  check: ['check', SCENARIO],
} as const;
type Verb = keyof typeof COMMANDS;

const outcomes = {} as Record<Verb, { compact: Outcome; pretty: Outcome }>;

beforeAll(async () => {
  await Promise.all(
    (Object.keys(COMMANDS) as Verb[]).map(async (verb) => {
      // What reaches a real pipe is seen once, on `run`'s large output; the rest in process,
      // where stdout is not a terminal either.
      const [compact, pretty] = await Promise.all([
        verb === 'run' ? spawnSim(COMMANDS[verb]) : callSim(COMMANDS[verb]),
        callSim([...COMMANDS[verb], '--pretty']),
      ]);
      outcomes[verb] = { compact, pretty };
    }),
  );
}, 120_000);

describe.each(Object.keys(COMMANDS) as Verb[])('sim %s', (verb) => {
  it('prints one line of JSON to a pipe, and indented JSON with --pretty', () => {
    const { compact, pretty } = outcomes[verb];
    expect(compact.code, compact.stderr).toBe(0);
    expect(pretty.code, pretty.stderr).toBe(0);
    expect(compact.stdout.endsWith('\n')).toBe(true);
    expect(compact.stdout.trimEnd()).not.toContain('\n');
    expect(compact.stdout).toBe(`${JSON.stringify(JSON.parse(compact.stdout))}\n`);
    expect(pretty.stdout).toBe(`${JSON.stringify(JSON.parse(compact.stdout), null, 2)}\n`);
  });
});

describe('sim run', () => {
  const parsed = parseScenario(readFileSync(SCENARIO, 'utf8'), SCENARIO);
  if (!parsed.ok) throw new Error(`${SCENARIO} does not parse`);
  const scenario = parsed.value;
  const report = () =>
    JSON.parse(outcomes.run.compact.stdout) as {
      contentHash: string;
      notifications: { subject?: string; body?: string }[];
    };

  it('prints the content hash the engine computes', () => {
    expect(report().contentHash).toBe(scenarioHash(scenario));
  });

  it('gives each notice the text a replay of its log renders', () => {
    const templates = readCourseFiles(join(ROOT, 'content')).templates.map(
      ({ template, body }) => ({
        kind: template.kind,
        subject: template.subject,
        when: template.when,
        body: body.trim(),
      }),
    );
    const texts = sentNoticeTexts(scenario, runAutopilot(scenario).log, templates);
    expect(texts.length).toBeGreaterThan(0);
    expect(report().notifications.map(({ subject, body }) => ({ subject, body }))).toEqual(texts);
  });
});
