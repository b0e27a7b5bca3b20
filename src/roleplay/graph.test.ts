import { describe, expect, it } from 'vitest';
import { GREEDY_TRAP, HEADER, roleplayFrom } from '../../tests/fixtures/roleplay';
import { parseRoleplay } from './load';
import { bestPath, maxScore, shortestPathTo } from './graph';

const RUBRIC = `rubric:
  - id: acknowledge-apologise
    points: 10
`;
const ENDINGS = `endings:
  done:
    outcome: resolved
    customer: Thanks.
    summary: Done.
`;
const option = (next: string, credits = '[acknowledge-apologise]') =>
  `      - text: Reply to ${next}.
        next: ${next}
        credits: ${credits}
        feedback: Feedback.
`;

function problemsOf(yaml: string) {
  const result = parseRoleplay(yaml, 'fixture');
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map((p) => `${p.line ?? '?'} ${p.path}: ${p.message}`);
}

describe('graph checks', () => {
  it('reports an option that points to no node or ending, at its line', () => {
    const yaml = `${HEADER}${RUBRIC}start: a
nodes:
  a:
    customer: Hello?
    options:
${option('done')}${option('nowhere')}${ENDINGS}`;
    const lines = yaml.split('\n');
    const nextLine = lines.findIndex((l) => l.includes('next: nowhere')) + 1;
    expect(problemsOf(yaml)).toEqual([
      `${nextLine} nodes.a.options[1].next: unknown node or ending "nowhere"`,
    ]);
  });

  it('reports unreachable nodes and endings', () => {
    const yaml = `${HEADER}${RUBRIC}start: a
nodes:
  a:
    customer: Hello?
    options:
${option('done')}  island:
    customer: Nobody gets here.
    options:
${option('done')}${ENDINGS}  orphan:
    outcome: lost
    customer: Bye.
    summary: Never reached.
`;
    expect(problemsOf(yaml).map((p) => p.replace(/^\d+ /, ''))).toEqual([
      'nodes.island: unreachable: no path from the start "a" leads here',
      'endings.orphan: unreachable: no path from the start "a" leads here',
    ]);
  });

  it('reports a dead end: a node with no replies', () => {
    const yaml = `${HEADER}${RUBRIC}start: a
nodes:
  a:
    customer: Hello?
    options:
${option('stuck')}${option('done')}  stuck:
    customer: And then?
    options: []
${ENDINGS}`;
    expect(problemsOf(yaml).map((p) => p.replace(/^\d+ /, ''))).toEqual([
      'nodes.stuck.options: dead end: a node needs at least one reply option (or make it an ending)',
    ]);
  });

  it('reports a loop with no way out, but accepts a loop an ending can be reached from', () => {
    const trapped = `${HEADER}${RUBRIC}start: a
nodes:
  a:
    customer: Hello?
    options:
${option('b')}${option('done')}  b:
    customer: Again?
    options:
${option('c')}  c:
    customer: And again?
    options:
${option('b')}${ENDINGS}`;
    expect(problemsOf(trapped).map((p) => p.replace(/^\d+ /, ''))).toEqual([
      'nodes.b: no ending can be reached from here: every reply leads back into a loop or to a dead end',
      'nodes.c: no ending can be reached from here: every reply leads back into a loop or to a dead end',
    ]);
    const escapable = trapped.replace(
      `${option('b')}${ENDINGS}`,
      `${option('b')}${option('done')}${ENDINGS}`,
    );
    expect(roleplayFrom(escapable).start).toBe('a');
  });

  it('reports credits outside the rubric, rubric items nothing credits, and a bad start', () => {
    const yaml = `${HEADER}rubric:
  - id: acknowledge-apologise
    points: 10
  - id: keep-record
    points: 5
start: nowhere
nodes:
  a:
    customer: Hello?
    options:
${option('done', '[acknowledge-apologise, offer-remedy]')}${ENDINGS}`;
    expect(problemsOf(yaml).map((p) => p.replace(/^\d+ /, ''))).toEqual([
      'start: unknown node "nowhere"',
      `nodes.a.options[0].credits[1]: rubric item "offer-remedy" is not in this role-play's rubric`,
      'rubric[1].id: no reply option credits "keep-record", so it can never be earned',
    ]);
  });

  it('reports schema problems with the field path and line, and the id against the file name', () => {
    const yaml = `${HEADER.replace('mood: 50', 'mood: 150')}${RUBRIC}start: a
nodes:
  a:
    customer: Hello?
    options:
${option('done')}${ENDINGS}`;
    const result = parseRoleplay(yaml, 'simulations/roleplays/other-name.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        file: 'simulations/roleplays/other-name.yaml',
        path: 'persona.mood',
        line: 9,
        message: expect.stringContaining('100') as string,
      },
    ]);
    const fixed = parseRoleplay(
      yaml.replace('mood: 150', 'mood: 50'),
      'simulations/roleplays/other-name.yaml',
    );
    expect(fixed.ok ? [] : fixed.problems.map((p) => `${p.line} ${p.path}: ${p.message}`)).toEqual([
      '1 id: must equal the file name "other-name"',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const result = parseRoleplay('id: x\ntitle: [unclosed\n', 'x.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ file: 'x.yaml', path: '' });
  });
});

describe('best path', () => {
  const roleplay = roleplayFrom(GREEDY_TRAP);

  it('finds the maximum over the best path, not the greedy one', () => {
    // Greedy: opening[0] earns 40 at once and then nothing more: 40 in all.
    const best = bestPath(roleplay)!;
    expect(best.points).toBe(85);
    expect(maxScore(roleplay)).toBe(85);
    expect(best.choices).toEqual([
      { node: 'opening', option: 1 },
      { node: 'options', option: 0 },
      { node: 'remedy', option: 0 },
      { node: 'remedy', option: 1 },
    ]);
    expect(best.items).toEqual([
      'acknowledge-apologise',
      'transparent-date',
      'offer-alternatives',
      'offer-remedy',
      'keep-record',
    ]);
    expect(best.outcome).toBe('resolved');
  });

  it('goes round a loop when the loop earns an item, and counts each item once', () => {
    // Without the self-loop on "remedy" the remedy (15) cannot be combined with the record.
    const noLoop = roleplayFrom(
      GREEDY_TRAP.replace(
        'next: remedy\n        mood: 5\n        credits: [offer-remedy]',
        'next: resolved\n        mood: 5\n        credits: [offer-remedy]',
      ),
    );
    expect(maxScore(noLoop)).toBe(75);
  });

  it('restricts the search to endings with a given outcome', () => {
    expect(bestPath(roleplay, (outcome) => outcome === 'escalated')?.points).toBe(20);
    expect(bestPath(roleplay, (outcome) => outcome === 'lost')?.points).toBe(0);
  });

  it('finds the shortest path to each outcome', () => {
    expect(shortestPathTo(roleplay, 'lost')).toEqual([{ node: 'opening', option: 2 }]);
    expect(shortestPathTo(roleplay, 'escalated')).toEqual([
      { node: 'opening', option: 1 },
      { node: 'options', option: 1 },
    ]);
  });
});
