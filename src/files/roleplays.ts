/**
 * Reading `simulations/roleplays/` for the site build and `npm run content:check`, with the
 * role-play module's own loader and graph checks: a broken file stops the build naming the
 * file, the line, the field path and what is wrong.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, type Problem } from '../engine/problems';
import { ROLEPLAY_FILE_KIND, parseRoleplay } from '../roleplay/load';
import type { Roleplay } from '../roleplay/schema';
import { readLimitedText } from './read-limited';

export const ROLEPLAY_FILE = /\.ya?ml$/i;

export interface RoleplayFiles {
  roleplays: { roleplay: Roleplay; file: string; text: string }[];
  problems: Problem[];
}

/** Every role-play file in `dir`, parsed and checked; `shownAs` names the folder in messages. */
export function readRoleplayFiles(dir: string, shownAs = dir): RoleplayFiles {
  const result: RoleplayFiles = { roleplays: [], problems: [] };
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && ROLEPLAY_FILE.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return result; // no folder yet: no role-plays
  }
  for (const name of names) {
    const file = `${shownAs}/${name}`;
    // An oversized file is refused by its size, before it is read (src/engine/limits.ts).
    const read = readLimitedText(join(dir, name), file, ROLEPLAY_FILE_KIND);
    if (!read.ok) {
      result.problems.push(...read.problems);
      continue;
    }
    const text = read.value;
    const parsed = parseRoleplay(text, file);
    if (parsed.ok) result.roleplays.push({ roleplay: parsed.value, file, text });
    else result.problems.push(...parsed.problems);
  }
  return result;
}

/** The build's error text: one problem a line. */
export function describeRoleplayProblems(problems: readonly Problem[]): string {
  return `Invalid role-play files:\n${problems.map(formatProblem).join('\n')}`;
}
