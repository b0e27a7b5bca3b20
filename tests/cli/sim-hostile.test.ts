/**
 * `sim check` and `sim score` on hostile files (issue 11): alias bombs, oversized and
 * endless files, UTF-16, deep nesting, duplicate JSON keys and impossible injected events.
 * Each is refused with exit 1 and a message naming the file (and the line or entry where
 * known), never a stack trace, and nothing on stdout but `check`'s `{ valid: false }`.
 * Files that could hang or exhaust a process if a guard failed (an alias bomb, oversized and
 * endless files) go to a real process (`spawnSim`); the rest are run in this one (`callSim`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAutopilot } from '../../src/engine/autopilot';
import {
  MAX_LOG_BYTES,
  MAX_NESTING,
  MAX_SCENARIO_BYTES,
  formatBytes,
} from '../../src/engine/limits';
import { parseScenario } from '../../src/engine/load';
import type { LogEntry } from '../../src/engine/log';
import { ROOT, STACK_FRAME, callSim, spawnSim, type Outcome } from './sim-process';

const BASE = 'three-backorder-types';
const baseFile = join(ROOT, 'simulations', `${BASE}.yaml`);
const baseText = readFileSync(baseFile, 'utf8');
/** A customer the base scenario has. */
const CUSTOMER = 'C-2001';

/** A "billion laughs": each anchor is a list of nine of the one before. */
const aliasBomb = `laughs:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${[...'bcdefghi']
  .map((name, i) => `  ${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)
  .join('\n')}\n`;

let dir = '';
/** A file in its own folder, named as a scenario's id requires. */
const scenarioAt = (folder: string, ext = 'yaml') => join(dir, folder, `${BASE}.${ext}`);

async function write(file: string, content: string | Buffer) {
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, content);
}

/** A refusal: exit 1, the file named on stderr, no stack trace. */
function expectRefusal(outcome: Outcome, file: string) {
  expect(outcome.code, outcome.stderr).toBe(1);
  expect(outcome.stderr).toContain(file);
  expect(outcome.stderr).not.toContain(STACK_FRAME);
}

/** `check`'s refusal: also `{ valid: false, problems }` on stdout, with one matching `message`. */
function expectCheckRefusal(outcome: Outcome, file: string, message: RegExp) {
  expectRefusal(outcome, file);
  const result = JSON.parse(outcome.stdout) as { valid: boolean; problems: { message: string }[] };
  expect(result.valid).toBe(false);
  expect(result.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(message));
}

/** The autopilot's log on the base scenario, with `event` injected before the entry at `index`. */
function autopilotLogWith(event: LogEntry, index: number): LogEntry[] {
  const parsed = parseScenario(baseText, baseFile);
  if (!parsed.ok) throw new Error(`${BASE} does not load`);
  const { log } = runAutopilot(parsed.value);
  return [...log.slice(0, index), { ...event, at: log[index]!.at }, ...log.slice(index)];
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sim-hostile-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a YAML alias bomb', () => {
  it('check: refused, naming the file and the line of the first alias', async () => {
    const file = scenarioAt('bomb');
    await write(file, `${baseText}${aliasBomb}`);
    const outcome = await spawnSim(['check', file]);
    expectCheckRefusal(outcome, file, /aliases .* expand too far/);
    const line = `${baseText}${aliasBomb}`.split('\n').findIndex((l) => l.includes('*a')) + 1;
    expect(outcome.stderr).toContain(`${file}:${line}`);
  });

  it('score: a log file with one is refused, naming the log file', async () => {
    const log = join(dir, 'bomb-log.yaml');
    await write(log, aliasBomb);
    const outcome = await spawnSim(['score', baseFile, log]);
    expectRefusal(outcome, log);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toMatch(/expand too far/);
  });
});

describe('files over the size limit, refused before they are read in full', () => {
  it(`check: a scenario over ${formatBytes(MAX_SCENARIO_BYTES)}`, async () => {
    const file = scenarioAt('huge');
    await write(file, '');
    await truncate(file, MAX_SCENARIO_BYTES + 1); // sparse: no disk used
    const outcome = await spawnSim(['check', file]);
    expectCheckRefusal(outcome, file, new RegExp(`at most ${formatBytes(MAX_SCENARIO_BYTES)}`));
  });

  it(`score: a log over ${formatBytes(MAX_LOG_BYTES)}`, async () => {
    const log = join(dir, 'huge-log.json');
    await write(log, '');
    await truncate(log, MAX_LOG_BYTES + 1);
    const outcome = await spawnSim(['score', baseFile, log]);
    expectRefusal(outcome, log);
    expect(outcome.stderr).toContain(formatBytes(MAX_LOG_BYTES));
  });

  it.skipIf(!existsSync('/dev/zero'))('check: /dev/zero, which never ends', async () => {
    const outcome = await spawnSim(['check', '/dev/zero']);
    expectCheckRefusal(outcome, '/dev/zero', new RegExp(formatBytes(MAX_SCENARIO_BYTES)));
  });
});

describe('unclear input made clear', () => {
  it('check: a UTF-16 file is named as UTF-16', async () => {
    const file = scenarioAt('utf16');
    await write(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(baseText, 'utf16le')]));
    expectCheckRefusal(await callSim(['check', file]), file, /UTF-16/);
  });

  it('check: deep nesting is refused with the limit and the field path', async () => {
    const file = scenarioAt('deep');
    await write(file, `${baseText}deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    const outcome = await callSim(['check', file]);
    expectCheckRefusal(outcome, file, new RegExp(`deeper than ${MAX_NESTING} levels`));
    expect(outcome.stderr).toContain('deep[0][0]');
  });

  it('check: a duplicate key in a JSON scenario is named with its line', async () => {
    const file = scenarioAt('duplicate', 'json');
    const parsed = parseScenario(baseText, baseFile);
    if (!parsed.ok) throw new Error(`${BASE} does not load`);
    const json = JSON.stringify(parsed.value, null, 2).replace(
      '"level": ',
      '"level": 3,\n  "level": ',
    );
    await write(file, json);
    const outcome = await callSim(['check', file]);
    expectCheckRefusal(outcome, file, /duplicate key "level"/);
    const line = json.split('\n').findLastIndex((l) => l.includes('"level"')) + 1;
    expect(outcome.stderr).toContain(`${file}:${line}`);
  });
});

describe('an impossible injected event in a log', () => {
  it.each([
    ['a customer who does not exist', { customer: 'NOBODY' }, /no customer NOBODY/],
    [
      'an item that does not exist',
      { lines: [{ sku: 'NO-SUCH-SKU', qty: 1 }] },
      /no item NO-SUCH-SKU/,
    ],
    ['an order number already in use', { id: 'SO-51108' }, /SO-51108 already exists/],
  ])('score: an order for %s is refused, naming the entry', async (_, change, reason) => {
    const index = 5;
    const log = join(dir, `ghost-order-${Object.keys(change)[0]}.json`);
    const ghost: LogEntry = {
      type: 'order-placed',
      at: '2026-03-02T08:00',
      order: {
        id: 'SO-GHOST',
        customer: CUSTOMER,
        placedAt: '2026-03-02T08:00',
        urgency: 'normal',
        shipPreference: 'ship-available',
        flagged: false,
        lines: [{ sku: 'PLB-CU15-EL90', qty: 1 }],
        ...change,
      },
    };
    await write(log, JSON.stringify(autopilotLogWith(ghost, index)));
    const outcome = await callSim(['score', baseFile, log]);
    expectRefusal(outcome, log);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain(`log[${index}]`);
    expect(outcome.stderr).toMatch(reason);
  });
});
