/**
 * Reading the scenario folder for the site build, with the same loader and the same
 * messages as `sim check`: a scenario the command line rejects stops the build, naming the
 * file, the field and the line.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, type Problem } from '../engine/problems';
import { SCENARIO_FILE_KIND, parseScenario } from '../engine/load';
import type { Scenario } from '../engine/schema';
import { readLimitedText } from './read-limited';

export const SCENARIO_FILE = /\.(ya?ml|json)$/i;

export interface ScenarioFiles {
  scenarios: { scenario: Scenario; file: string; text: string }[];
  problems: Problem[];
}

/** Every scenario file in `dir` (not its subfolders, where role-plays live), parsed and checked. */
export function readScenarioFiles(dir: string, shownAs = dir): ScenarioFiles {
  const result: ScenarioFiles = { scenarios: [], problems: [] };
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && SCENARIO_FILE.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return result; // no folder yet: no scenarios
  }
  for (const name of names) {
    const file = `${shownAs}/${name}`;
    // An oversized file is refused by its size, before it is read (src/engine/limits.ts).
    const read = readLimitedText(join(dir, name), file, SCENARIO_FILE_KIND);
    if (!read.ok) {
      result.problems.push(...read.problems);
      continue;
    }
    const text = read.value;
    const parsed = parseScenario(text, file);
    if (parsed.ok) result.scenarios.push({ scenario: parsed.value, file, text });
    else result.problems.push(...parsed.problems);
  }
  return result;
}

/** The build's error text: one problem a line, as `sim check` prints them. */
export function describeProblems(problems: readonly Problem[]): string {
  return `Invalid scenario files:\n${problems.map(formatProblem).join('\n')}`;
}
