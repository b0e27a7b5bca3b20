/**
 * The floor process for `sim run` (issue 17: "parse the JSON, rank, one pass, print"): the
 * least a command line can do with a scenario file. Read it with the same parser the
 * engine's loader uses, validate it with the same schema, rank the open orders, make one
 * allocation pass over them, and print what that pass grants as JSON the way `sim` prints to
 * a file or a pipe: compact.
 * Usage: node --import tsx bench/rank-orders-cli.ts <scenario-file>
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { initialState, planAllocation, scenarioSchema } from '../src/engine/index';

const file = process.argv[2];
if (!file) {
  process.stderr.write('Usage: rank-orders-cli.ts <scenario-file>\n');
  process.exit(2);
}
// The readers parseScenario uses: the native JSON parser for .json files, otherwise the
// YAML parser (parseDocument + toJS).
const text = readFileSync(file, 'utf8');
const data: unknown = /\.json$/i.test(file) ? JSON.parse(text) : parseDocument(text).toJS();
const scenario = scenarioSchema.parse(data);
// One pass: rank the orders and walk them once, granting what the stock allows.
const grants = planAllocation(initialState(scenario));
process.stdout.write(`${JSON.stringify(grants)}\n`);
