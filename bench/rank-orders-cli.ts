/**
 * The baseline child process for `sim run`: the least a command line can do with a
 * scenario file. Read it with the same YAML parser the engine's loader uses, validate it
 * with the same schema, rank the open orders and print them as JSON the way `sim` prints.
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
// parseDocument + toJS is what parseScenario does; YAML is a superset of JSON, so the
// JSON copy goes through the same parser, as it does in `sim`.
const scenario = scenarioSchema.parse(parseDocument(readFileSync(file, 'utf8')).toJS());
const state = initialState(scenario);
const ranked = rankOrders(state.orders, state.policy, state.customers);
process.stdout.write(`${JSON.stringify(ranked, null, 2)}\n`);
