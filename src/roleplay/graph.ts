/**
 * The conversation graph of a role-play: the checks a schema cannot make (references,
 * reachability, dead ends, loops with no way out) and the best score the graph allows.
 *
 * The maximum score is a property of the graph, not of the path a trainee took: it is the
 * most rubric points any path from the start to an ending can earn, each item counted once.
 * It is found by a breadth-first search over (node, items earned so far) states, which is
 * exact even when the graph has loops (a loop can only add items, and there are at most
 * 2^6 sets of items).
 */
import type { Outcome, RubricItemId, Roleplay } from './schema';

/** A problem with its field path; the loader adds the file and the line. */
export interface GraphProblem {
  path: (string | number)[];
  message: string;
}

/** One choice on a path: at `node`, the option at index `option`. */
export interface PathChoice {
  node: string;
  option: number;
}

/** A path from the start to an ending, and what it earns. */
export interface ScoredPath {
  choices: PathChoice[];
  ending: string;
  outcome: Outcome;
  items: RubricItemId[];
  points: number;
}

/** Every problem of the graph; empty when the role-play is playable. */
export function graphProblems(roleplay: Roleplay): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  const nodeIds = Object.keys(roleplay.nodes);
  const endingIds = Object.keys(roleplay.endings);
  const rubricIds = new Set<string>();

  roleplay.rubric.forEach((item, i) => {
    if (rubricIds.has(item.id))
      add(['rubric', i, 'id'], `rubric item "${item.id}" is listed twice`);
    rubricIds.add(item.id);
    [...item.patterns].forEach((pattern, j) => {
      try {
        new RegExp(pattern, 'iu');
      } catch (error) {
        add(
          ['rubric', i, 'patterns', j],
          `not a valid regular expression: ${(error as Error).message}`,
        );
      }
    });
  });

  if (endingIds.length === 0) add(['endings'], 'at least one ending is needed');
  for (const id of endingIds)
    if (id in roleplay.nodes) add(['endings', id], `"${id}" is both a node and an ending`);
  if (roleplay.endings[roleplay.start] && !roleplay.nodes[roleplay.start])
    add(['start'], `must be a node, not the ending "${roleplay.start}"`);
  else if (!roleplay.nodes[roleplay.start]) add(['start'], `unknown node "${roleplay.start}"`);

  const credited = new Set<string>();
  for (const id of nodeIds) {
    const node = roleplay.nodes[id]!;
    if (node.options.length === 0)
      add(
        ['nodes', id, 'options'],
        'dead end: a node needs at least one reply option (or make it an ending)',
      );
    node.options.forEach((option, i) => {
      if (!(option.next in roleplay.nodes) && !(option.next in roleplay.endings))
        add(['nodes', id, 'options', i, 'next'], `unknown node or ending "${option.next}"`);
      option.credits.forEach((item, j) => {
        if (!rubricIds.has(item))
          add(
            ['nodes', id, 'options', i, 'credits', j],
            `rubric item "${item}" is not in this role-play's rubric`,
          );
        credited.add(item);
      });
    });
  }
  roleplay.rubric.forEach((item, i) => {
    if (!credited.has(item.id))
      add(['rubric', i, 'id'], `no reply option credits "${item.id}", so it can never be earned`);
  });

  if (!roleplay.nodes[roleplay.start]) return problems;

  const reachable = reachableFrom(roleplay, roleplay.start);
  for (const id of [...nodeIds, ...endingIds])
    if (!reachable.has(id))
      add(
        [id in roleplay.nodes ? 'nodes' : 'endings', id],
        `unreachable: no path from the start "${roleplay.start}" leads here`,
      );

  const finishing = nodesThatCanFinish(roleplay);
  for (const id of nodeIds) {
    const node = roleplay.nodes[id]!;
    if (reachable.has(id) && node.options.length > 0 && !finishing.has(id))
      add(
        ['nodes', id],
        'no ending can be reached from here: every reply leads back into a loop or to a dead end',
      );
  }
  return problems;
}

/** Ids of the nodes and endings reachable from `from` (itself included). */
export function reachableFrom(roleplay: Roleplay, from: string): Set<string> {
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const node = roleplay.nodes[queue.shift()!];
    for (const option of node?.options ?? [])
      if (!seen.has(option.next)) {
        seen.add(option.next);
        queue.push(option.next);
      }
  }
  return seen;
}

/** Nodes from which some ending can be reached: the fixed point of "an option leads there". */
function nodesThatCanFinish(roleplay: Roleplay): Set<string> {
  const finishing = new Set<string>(Object.keys(roleplay.endings));
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, node] of Object.entries(roleplay.nodes))
      if (!finishing.has(id) && node.options.some((option) => finishing.has(option.next))) {
        finishing.add(id);
        grew = true;
      }
  }
  return finishing;
}

/** Points of a set of rubric items, each once, as this role-play's rubric values them. */
export function pointsFor(roleplay: Roleplay, items: Iterable<RubricItemId>): number {
  let total = 0;
  for (const id of new Set(items))
    total += roleplay.rubric.find((item) => item.id === id)?.points ?? 0;
  return total;
}

/**
 * Searches every path from the start (loops included) and returns the best one to an
 * ending that `accept` allows: most points, then a resolved ending, then fewest steps.
 * Null when no accepted ending is reachable. Expects a role-play without graph problems.
 */
export function bestPath(
  roleplay: Roleplay,
  accept: (outcome: Outcome) => boolean = () => true,
): ScoredPath | null {
  const bit = new Map(roleplay.rubric.map((item, i) => [item.id, 1 << i]));
  const maskOf = (credits: readonly RubricItemId[]) =>
    credits.reduce((mask, id) => mask | (bit.get(id) ?? 0), 0);
  const itemsOf = (mask: number) =>
    roleplay.rubric.filter((item) => (mask & bit.get(item.id)!) !== 0).map((item) => item.id);

  interface State {
    node: string;
    mask: number;
    parent: State | null;
    via: PathChoice | null;
  }
  const key = (node: string, mask: number) => `${node}|${mask}`;
  const start: State = { node: roleplay.start, mask: 0, parent: null, via: null };
  const seen = new Set([key(start.node, 0)]);
  const queue: State[] = [start];
  let best: (ScoredPath & { rank: number }) | null = null;

  const choicesTo = (state: State): PathChoice[] => {
    const choices: PathChoice[] = [];
    for (let s: State | null = state; s?.via; s = s.parent) choices.unshift(s.via);
    return choices;
  };

  while (queue.length > 0) {
    const state = queue.shift()!;
    const node = roleplay.nodes[state.node];
    node?.options.forEach((option, index) => {
      const mask = state.mask | maskOf(option.credits);
      const via = { node: state.node, option: index };
      const ending = roleplay.endings[option.next];
      if (ending) {
        if (!accept(ending.outcome)) return;
        const points = pointsFor(roleplay, itemsOf(mask));
        // Breadth first, so a later candidate is never shorter: only more points or a
        // resolved ending at equal points replaces the one held.
        const rank = points * 2 + (ending.outcome === 'resolved' ? 1 : 0);
        if (!best || rank > best.rank)
          best = {
            rank,
            choices: [...choicesTo(state), via],
            ending: option.next,
            outcome: ending.outcome,
            items: itemsOf(mask),
            points,
          };
        return;
      }
      if (!roleplay.nodes[option.next] || seen.has(key(option.next, mask))) return;
      seen.add(key(option.next, mask));
      queue.push({ node: option.next, mask, parent: state, via });
    });
  }
  if (!best) return null;
  const { rank: _rank, ...path } = best as ScoredPath & { rank: number };
  return path;
}

/** The most points any path can earn: the denominator of every score of this role-play. */
export function maxScore(roleplay: Roleplay): number {
  return bestPath(roleplay)?.points ?? 0;
}

/** The shortest path to an ending with this outcome (the first found, in option order), or null. */
export function shortestPathTo(roleplay: Roleplay, outcome: Outcome): PathChoice[] | null {
  const seen = new Set([roleplay.start]);
  const queue: { node: string; choices: PathChoice[] }[] = [{ node: roleplay.start, choices: [] }];
  while (queue.length > 0) {
    const { node, choices } = queue.shift()!;
    const options = roleplay.nodes[node]?.options ?? [];
    for (const [index, option] of options.entries()) {
      const path = [...choices, { node, option: index }];
      if (roleplay.endings[option.next]?.outcome === outcome) return path;
      if (roleplay.nodes[option.next] && !seen.has(option.next)) {
        seen.add(option.next);
        queue.push({ node: option.next, choices: path });
      }
    }
  }
  return null;
}
