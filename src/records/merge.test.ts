import { describe, expect, it } from 'vitest';
import { profileDifferences, runMerge, type RunState } from './merge';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 5, 9, minute));
const entry = (n: number) => ({ type: 'check-stock', sku: `S${n}`, at: '08:00', by: 'Ana' });
const log = (n: number) => Array.from({ length: n }, (_, i) => entry(i));
const run = (status: RunState['status'], entries: number, minute = 0): RunState => ({
  status,
  updatedAt: at(minute),
  log: log(entries),
});

describe('what a bundle may do to a run stored under the same id', () => {
  it.each([
    ['nothing is stored', undefined, run('ended', 3), 'add'],
    ['the same finished run again', run('ended', 3), run('ended', 3, 5), 'same'],
    ['an open shift carried further', run('running', 2), run('ended', 4, 5), 'continue'],
    ['an older state of an open shift', run('running', 4, 5), run('running', 2), 'same'],
    ['a finished run with a shorter log', run('ended', 4), run('ended', 2, 9), 'conflict'],
    ['a finished run with a longer log', run('ended', 2), run('ended', 4, 9), 'conflict'],
    ['a finished run reopened', run('ended', 3), run('running', 3, 9), 'conflict'],
    [
      'an open shift extended with an earlier save time',
      run('running', 2, 9),
      run('running', 3, 1),
      'conflict',
    ],
  ] as const)('%s: %s', (_, stored, incoming, kind) => {
    expect(runMerge(stored, incoming).kind).toBe(kind);
  });

  it('compares entries by content, not key order', () => {
    const stored = run('ended', 1);
    const reordered = { by: 'Ana', at: '08:00', sku: 'S0', type: 'check-stock' };
    expect(runMerge(stored, { ...stored, log: [reordered] }).kind).toBe('same');
  });

  it('says where a rewritten log departs from the stored one', () => {
    const stored = run('ended', 4);
    const edited = { ...stored, log: [entry(0), entry(9)] };
    expect(runMerge(stored, edited)).toEqual({
      kind: 'conflict',
      reason: expect.stringMatching(/already ended here with 4 log entries.*differs from entry 2/),
    });
  });
});

describe('a profile arriving under another name or team', () => {
  it.each([
    [{ name: 'Ana', team: 'North' }, { name: 'Ana', team: 'North' }, null],
    [{ name: 'Ana' }, { name: 'Ana' }, null],
    [{ name: 'Ana', team: 'North' }, { name: 'Mallory', team: 'North' }, ['name']],
    [{ name: 'Ana', team: 'North' }, { name: 'Ana', team: 'South' }, ['team']],
    [{ name: 'Ana', team: 'North' }, { name: 'Ana' }, ['team']],
    [{ name: 'Ana' }, { name: 'Mallory', team: 'South' }, ['name', 'team']],
  ])('%o then %o differ in %o', (stored, incoming, fields) => {
    expect(profileDifferences(stored, incoming)).toEqual(fields);
  });
});
