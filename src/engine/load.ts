/**
 * Loading a scenario file: YAML or JSON text in, a typed scenario or the full list of
 * problems out (file, field path, line, what was expected). Nothing half-loaded ever
 * leaves this module.
 */
import { parseFileText, type LineOf } from './file-text';
import { MAX_SCENARIO_BYTES } from './limits';
import { formatPath, type Problem, type Result } from './problems';
import { scenarioSchema, type Scenario } from './schema';

export { parseYaml, type LineOf } from './file-text';

/** What a scenario file may be: its size limit and its name in messages. */
export const SCENARIO_FILE_KIND = { maxBytes: MAX_SCENARIO_BYTES, what: 'a scenario file' };

/**
 * Parse and validate scenario text: YAML, or JSON when `file` ends in `.json`. `file`
 * names the file in messages and must match the `id`. The text's size, encoding, nesting
 * and aliases are checked first (./file-text.ts).
 */
export function parseScenario(text: string, file: string): Result<Scenario> {
  const parsed = parseFileText(text, file, SCENARIO_FILE_KIND);
  return parsed.ok ? validateScenario(parsed.data, file, parsed.lineOf) : parsed;
}

/** Validate already-parsed data (schema, then cross-references). */
export function validateScenario(
  data: unknown,
  file: string,
  lineOf: LineOf = () => undefined,
): Result<Scenario> {
  const problem = (path: (string | number)[], message: string): Problem => {
    const line = lineOf(path);
    return { file, path: formatPath(path), message, ...(line ? { line } : {}) };
  };
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => problem(issue.path, describeIssue(issue))),
    };
  }
  const problems = crossReferenceProblems(parsed.data, file).map((p) => problem(p.path, p.message));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/** A zod issue as a message an author understands. */
export function describeIssue(issue: import('zod').ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined'
        ? `required field missing (expected ${issue.expected})`
        : `expected ${issue.expected}, got ${issue.received}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_enum_value':
      return `expected one of ${issue.options.map((o) => `"${String(o)}"`).join(', ')}, got "${String(issue.received)}"`;
    case 'invalid_union_discriminator':
      return `expected type to be one of ${issue.options.map((o) => `"${String(o)}"`).join(', ')}`;
    case 'too_small':
      return issue.type === 'array'
        ? `expected at least ${String(issue.minimum)} item(s)`
        : issue.type === 'number'
          ? `expected a number ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`
          : issue.message;
    default:
      return issue.message;
  }
}

interface RawProblem {
  path: (string | number)[];
  message: string;
}

/** Problems the schema alone cannot see: ids, references and the order of time. */
export function crossReferenceProblems(scenario: Scenario, file: string): RawProblem[] {
  const problems: RawProblem[] = [];
  const add: AddProblem = (path, message) => problems.push({ path, message });

  const base = file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.(ya?ml|json)$/i, '');
  if (file !== 'scenario' && base !== scenario.id)
    add(['id'], `must equal the file name "${base}"`);
  if (scenario.endsAt <= scenario.startsAt)
    add(['endsAt'], `must be after startsAt ${scenario.startsAt}`);

  const known = knownIds(scenario, add);
  scenario.orders.forEach((order, i) => {
    checkOrder(known, order, ['orders', i], add);
    if (order.placedAt > scenario.startsAt)
      add(
        ['orders', i, 'placedAt'],
        `an open order at the start must be placed by startsAt ${scenario.startsAt}; later orders go in events as order-placed`,
      );
  });

  let previous = scenario.startsAt;
  scenario.events.forEach((event, i) => {
    const path = ['events', i];
    if (event.at < scenario.startsAt)
      add([...path, 'at'], `event is before startsAt ${scenario.startsAt}`);
    else if (event.at > scenario.endsAt)
      add([...path, 'at'], `event is after endsAt ${scenario.endsAt}`);
    else if (event.at < previous)
      add(
        [...path, 'at'],
        `events must be in time order: this one is before the previous event (${previous})`,
      );
    if (event.at > previous) previous = event.at;
    checkEventReferences(known, event, path, add);
  });
  return problems;
}

type AddProblem = (path: (string | number)[], message: string) => void;

/** What a scenario declares, as later parts of the file may refer to it. */
interface KnownIds {
  skus: Map<string, Scenario['catalog'][number]>;
  /** Each purchase order's SKU. */
  poOwner: Map<string, string>;
  customers: Set<string>;
  /** The SKUs on each order seen so far (open at the start, or placed by an earlier event). */
  orderLines: Map<string, Set<string>>;
}

/** The catalogue's SKUs and purchase orders and the customers, each checked for duplicates. */
function knownIds(scenario: Scenario, add: AddProblem): KnownIds {
  const known: KnownIds = {
    skus: new Map(),
    poOwner: new Map(),
    customers: new Set(),
    orderLines: new Map(),
  };
  scenario.catalog.forEach((item, i) => {
    if (known.skus.has(item.sku)) add(['catalog', i, 'sku'], `duplicate SKU "${item.sku}"`);
    known.skus.set(item.sku, item);
    item.incoming.forEach((po, j) => {
      if (known.poOwner.has(po.po))
        add(['catalog', i, 'incoming', j, 'po'], `duplicate purchase order "${po.po}"`);
      known.poOwner.set(po.po, item.sku);
    });
  });
  scenario.catalog.forEach((item, i) => {
    for (const field of ['substitutes', 'lookalikes'] as const)
      item[field].forEach((ref, j) => {
        if (!known.skus.has(ref)) add(['catalog', i, field, j], `unknown SKU "${ref}"`);
        else if (ref === item.sku) add(['catalog', i, field, j], `a SKU cannot list itself`);
      });
  });
  scenario.customers.forEach((customer, i) => {
    if (known.customers.has(customer.id))
      add(['customers', i, 'id'], `duplicate customer "${customer.id}"`);
    known.customers.add(customer.id);
  });
  return known;
}

/** An order's id, customer and SKUs; the order is then known to later events. */
function checkOrder(
  known: KnownIds,
  order: Scenario['orders'][number],
  path: (string | number)[],
  add: AddProblem,
) {
  if (known.orderLines.has(order.id)) add([...path, 'id'], `duplicate order "${order.id}"`);
  known.orderLines.set(order.id, new Set(order.lines.map((line) => line.sku)));
  if (!known.customers.has(order.customer))
    add([...path, 'customer'], `unknown customer "${order.customer}"`);
  order.lines.forEach((line, j) => {
    if (!known.skus.has(line.sku)) add([...path, 'lines', j, 'sku'], `unknown SKU "${line.sku}"`);
  });
}

function checkEventReferences(
  known: KnownIds,
  event: Scenario['events'][number],
  path: (string | number)[],
  add: AddProblem,
) {
  switch (event.type) {
    case 'order-placed':
      checkOrder(known, event.order, [...path, 'order'], add);
      if (event.order.placedAt > event.at)
        add([...path, 'order', 'placedAt'], `must not be later than the event's at (${event.at})`);
      break;
    case 'stock-received':
    case 'po-delayed':
      if (!known.poOwner.has(event.po))
        add([...path, 'po'], `unknown purchase order "${event.po}"`);
      break;
    case 'sku-discontinued':
    case 'stock-count':
      if (!known.skus.has(event.sku)) add([...path, 'sku'], `unknown SKU "${event.sku}"`);
      break;
    case 'customer-message':
      checkCustomerMessage(known, event, path, add);
      break;
  }
}

/** A customer's message names an order known by then and, where the intent needs one, its line. */
function checkCustomerMessage(
  known: KnownIds,
  event: Extract<Scenario['events'][number], { type: 'customer-message' }>,
  path: (string | number)[],
  add: AddProblem,
) {
  const lines = known.orderLines.get(event.order);
  if (!lines) {
    add(
      [...path, 'order'],
      `unknown order "${event.order}" (it must be open at the start or placed by an earlier event)`,
    );
    return;
  }
  if (event.intent === 'cancel-line' || event.intent === 'accept-substitute') {
    if (!event.sku)
      add([...path, 'sku'], `required for intent "${event.intent}": which line the customer means`);
    else if (!lines.has(event.sku))
      add([...path, 'sku'], `order "${event.order}" has no line for SKU "${event.sku}"`);
    else if (
      event.intent === 'accept-substitute' &&
      (known.skus.get(event.sku)?.substitutes.length ?? 0) === 0
    )
      add([...path, 'sku'], `SKU "${event.sku}" has no substitutes to accept`);
  } else if (event.sku && !lines.has(event.sku))
    add([...path, 'sku'], `order "${event.order}" has no line for SKU "${event.sku}"`);
}
