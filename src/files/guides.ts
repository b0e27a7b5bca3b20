/**
 * The guide of a scenario, read for the site build from `simulations/guides/<id>.yaml`
 * when there is one. A guide the loader rejects stops the build, naming the file, the
 * field and the line, as a scenario file does.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseGuide, type Guide } from '../course/guide';
import { formatProblem } from '../engine/problems';
import { readLimitedText } from './read-limited';

const GUIDES = 'simulations/guides';

export function guideFor(scenarioId: string, root = process.cwd()): Guide | null {
  const file = `${GUIDES}/${scenarioId}.yaml`;
  const path = join(root, file);
  if (!existsSync(path)) return null;
  const read = readLimitedText(path, file, { maxBytes: 256 * 1024, what: 'a guide file' });
  const parsed = read.ok ? parseGuide(read.value, file) : read;
  if (!parsed.ok)
    throw new Error(`Invalid guide file:\n${parsed.problems.map(formatProblem).join('\n')}`);
  if (parsed.value.scenario !== scenarioId)
    throw new Error(`${file}: scenario is "${parsed.value.scenario}", expected "${scenarioId}"`);
  return parsed.value;
}
