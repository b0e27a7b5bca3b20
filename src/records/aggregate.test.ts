import { describe, expect, it } from 'vitest';
import {
  applyFilter,
  competencyAverages,
  countedScore,
  scenarioResults,
  trendByAttempt,
  type RunSummary,
  type ScenarioInfo,
  type TraineeRecord,
} from './aggregate';
import { csvCell, toCsv } from './csv';

const all100 = {
  basics: 100,
  tracking: 100,
  'partial-shipments': 100,
  communication: 100,
  documentation: 100,
  prioritization: 100,
  'error-prevention': 100,
};

function run(
  id: string,
  scenario: string,
  day: number,
  total: number,
  extra: Partial<RunSummary> = {},
): RunSummary {
  const at = new Date(Date.UTC(2026, 2, day, 9));
  return {
    id,
    scenario,
    startedAt: at,
    updatedAt: at,
    status: 'ended',
    score: { total, passed: total >= 80, competencies: { ...all100, communication: total } },
    flag: null,
    ...extra,
  };
}

describe('which attempt counts', () => {
  it.each([
    ['first', 60],
    ['last', 70],
    ['best', 90],
    ['average', 73],
  ] as const)('%s of 60, 90, 70 is %i', (policy, expected) => {
    expect(countedScore([60, 90, 70], policy)).toBe(expected);
  });

  it('has no score without attempts', () => {
    expect(countedScore([], 'best')).toBeNull();
  });

  it('counts only ended, verified runs, in time order whatever the stored order', () => {
    const runs = [
      run('c', 's1', 3, 70),
      run('a', 's1', 1, 60),
      run('b', 's1', 2, 90),
      run('x', 's1', 4, 100, { flag: 'score-differs' }),
      run('y', 's1', 5, 100, { status: 'abandoned', score: undefined }),
    ];
    expect(scenarioResults(runs, 'first')[0]).toMatchObject({
      score: 60,
      attempts: 3,
      flagged: 1,
      runId: 'a',
    });
    expect(scenarioResults(runs, 'last')[0]).toMatchObject({ score: 70, runId: 'c' });
    expect(scenarioResults(runs, 'best')[0]).toMatchObject({ score: 90, runId: 'b', passed: true });
  });
});

describe('competency averages', () => {
  const scenarios = new Map<string, ScenarioInfo>([
    ['s1', { id: 's1', title: 'One', level: 1, competencies: ['communication', 'basics'] }],
    ['s2', { id: 's2', title: 'Two', level: 2, competencies: ['communication'] }],
  ]);

  it('averages over scenarios, each by the policy, only where a scenario speaks', () => {
    const runs = [run('a', 's1', 1, 60), run('b', 's1', 2, 80), run('c', 's2', 3, 90)];
    const best = competencyAverages(runs, 'best', scenarios);
    expect(best.communication).toBe(85); // (80 + 90) / 2
    expect(best.basics).toBe(100); // s1 trains it
    expect(best.tracking).toBeNull(); // nobody trains it, nobody lost points on it
    expect(competencyAverages(runs, 'first', scenarios).communication).toBe(75); // (60 + 90) / 2
    expect(competencyAverages(runs, 'average', scenarios).communication).toBe(80); // (70 + 90) / 2
  });

  it('counts a competency a scenario does not train when it lost points there', () => {
    const lost = run('a', 's2', 1, 90);
    lost.score!.competencies['error-prevention'] = 40;
    expect(competencyAverages([lost], 'best', scenarios)['error-prevention']).toBe(40);
  });
});

function trainee(id: string, team: string, runs: RunSummary[]): TraineeRecord {
  return {
    profile: { id, name: id, role: 'trainee', team, createdAt: new Date(0) },
    imported: false,
    visits: [],
    checks: [],
    runs,
    roleplays: [],
    assessments: [],
  };
}

describe('filters and trends', () => {
  const records = [
    trainee('ana', 'North', [
      run('a1', 's1', 1, 50),
      run('a2', 's1', 10, 90),
      run('a3', 's2', 11, 80),
    ]),
    trainee('ben', 'South', [run('b1', 's1', 2, 70)]),
  ];

  it('filters by team, by scenario and by date range', () => {
    expect(applyFilter(records, { team: 'North' }).map((r) => r.profile.id)).toEqual(['ana']);
    expect(applyFilter(records, { scenario: 's2' }).map((r) => r.profile.id)).toEqual(['ana']);
    const march = applyFilter(records, {
      from: new Date(Date.UTC(2026, 2, 5)),
      to: new Date(Date.UTC(2026, 2, 10, 23)),
    });
    expect(march.map((r) => r.runs.map((x) => x.id))).toEqual([['a2'], []]);
  });

  it('averages the n-th attempt per scenario across trainees', () => {
    expect(trendByAttempt(records)).toEqual([
      { scenario: 's1', means: [60, 90], counts: [2, 1] },
      { scenario: 's2', means: [80], counts: [1] },
    ]);
  });
});

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('keeps numbers as numbers, negative ones too, and ends rows with CRLF', () => {
    expect(toCsv(['a', 'b'], [[-3, null]])).toBe('a,b\r\n-3,\r\n');
  });
});
