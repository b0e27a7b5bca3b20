/**
 * The baseline child process for `sim run`: the least a command line can do with a
 * scenario file. Read it with the same parser the engine's loader uses, validate it
 * with the same schema, rank the open orders and print them as JSON the way `sim` prints
 * to a file or a pipe: compact.
 * Usage: node --import tsx bench/rank-orders-cli.ts <scenario-file>
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { initialState, rankOrders, scenarioSchema } from '../src/engine/index';

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
const state = initialState(scenario);
const ranked = rankOrders(state.orders, state.policy, state.customers);
process.stdout.write(`${JSON.stringify(ranked)}\n`);
