/**
 * The `sim` command line against its contract (docs/engine.md section 9): JSON on stdout,
 * human messages on stderr, exit 0 on success, non-zero with a message that names the file,
 * the field path and (for YAML) the line on bad input, never a stack trace, and exit 2 with a
 * usage message on wrong usage.
 *
 * Each command is run once, in `beforeAll`, and the tests read the kept outcomes. Most run
 * in this process (`callSim`, the command file with its arguments, streams and exit code
 * captured); one real process per outcome only a process can show (`spawnSim`, exactly as
 * `npm run --silent sim` runs it) checks the exit codes 0, 1 and 2, what reaches the pipes,
 * and that the two ways print the same (`as a process` below).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, STACK_FRAME, callSim, spawnSim, type Outcome } from './sim-process';

const SIMULATIONS = join(ROOT, 'simulations');

/** The form scenario files use for times, and the only one the CLI may print. */
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const SCENARIO_FILES = readdirSync(SIMULATIONS)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

/** The scenario the bad files are made from, one change each, and the one most tests use. */
const BASE = 'three-backorder-types';
/** The scenarios `run` and `score` are checked on, with what their header comments promise. */
const RUN_SCENARIOS = [BASE, 'discontinued-substitute-refund'] as const;

// ---------------------------------------------------------------------------------------
// Running the command

const outcomes = new Map<string, Promise<Outcome>>();

/** `sim <args>` in this process, run once per distinct argument list. */
function sim(...args: string[]): Promise<Outcome> {
  const key = JSON.stringify(args);
  let outcome = outcomes.get(key);
  if (!outcome) {
    outcome = callSim(args);
    outcomes.set(key, outcome);
  }
  return outcome;
}

function json(outcome: Outcome): unknown {
  try {
    return JSON.parse(outcome.stdout);
  } catch {
    throw new Error(
      `stdout is not JSON (exit ${String(outcome.code)}):\n${outcome.stdout}\nstderr:\n${outcome.stderr}`,
    );
  }
}

// ---------------------------------------------------------------------------------------
// Inputs

const scenarioPath = (id: string) => join(SIMULATIONS, `${id}.yaml`);

interface ScenarioFile {
  catalog: { sku: string; incoming?: { po: string }[] }[];
  customers: { id: string; contact: 'email' | 'sms' }[];
  orders: { id: string; customer: string }[];
  events?: { type: string; at: string; order?: { id: string; customer: string } }[];
}

/**
 * Bad scenario files: the base scenario with one change each. They keep the base's file
 * name (in their own directory), since a scenario's id must equal its file name. Each is
 * given to `check` and `run`; `score` loads a scenario the same way, so only two are also
 * given to `score` (one syntax problem, one found after parsing) to keep processes few.
 */
const BAD_SCENARIOS = [
  {
    name: 'invalid YAML syntax',
    find: "title: 'Three kinds of backorder'",
    replace: "title: 'Three kinds of backorder",
    path: undefined,
    alsoScore: true,
  },
  {
    name: 'a negative onHand in the catalog',
    find: '    onHand: 120\n',
    replace: '    onHand: -5\n',
    path: 'catalog[0].onHand',
    alsoScore: false,
  },
  {
    name: 'a negative order line qty',
    find: '      - { sku: PLB-CU22-EL90, qty: 40 }',
    replace: '      - { sku: PLB-CU22-EL90, qty: -2 }',
    path: 'orders[0].lines[0].qty',
    alsoScore: false,
  },
  {
    name: 'an unknown SKU in an order line',
    find: '      - { sku: PLB-CU22-EL90, qty: 40 }',
    replace: '      - { sku: PLB-CU28-EL90, qty: 40 }',
    path: 'orders[0].lines[0].sku',
    alsoScore: true,
  },
  {
    name: 'an event before startsAt',
    find: '    at: 2026-03-02T09:10\n',
    replace: '    at: 2026-03-01T09:10\n',
    path: 'events[0].at',
    alsoScore: false,
  },
  {
    name: 'a duplicate order id',
    find: '  - id: SO-51117\n',
    replace: '  - id: SO-51108\n',
    path: 'orders[1].id',
    alsoScore: false,
  },
] as const;
type BadScenario = (typeof BAD_SCENARIOS)[number];

let dir = '';
let baseText = '';
const badFile = (bad: BadScenario) => join(dir, bad.name.replaceAll(' ', '-'), `${BASE}.yaml`);
/** The 1-based line of the change, which is where the problem is. */
const badLine = (bad: BadScenario) =>
  baseText.slice(0, baseText.indexOf(bad.find)).split('\n').length;
const missing = () => join(dir, 'no-such-scenario.yaml');
const missingLog = () => join(dir, 'no-such-log.json');
const runLogFile = (id: string) => join(dir, `${id}.run.json`);
const silentLogFile = (id: string) => join(dir, `${id}.no-notify.json`);
const badLogFile = () => join(dir, 'bad-entry.log.json');
let badLogIndex = -1;

const USAGE_CASES: { name: string; args: () => string[]; names?: string }[] = [
  { name: 'no verb', args: () => [] },
  { name: 'an unknown verb', args: () => ['simulate', scenarioPath(BASE)] },
  { name: 'check without a file', args: () => ['check'] },
  { name: 'score without a log file', args: () => ['score', scenarioPath(BASE)] },
  { name: 'generate without a seed', args: () => ['generate', '--level', '2'], names: '--seed' },
  {
    name: 'generate with level 4',
    args: () => ['generate', '--seed', '7', '--level', '4'],
    names: '--level',
  },
  {
    name: 'generate with seed -1',
    args: () => ['generate', '--seed', '-1', '--level', '2'],
    names: '--seed',
  },
];

/** The random shift the generate tests print, and the file name its id requires. */
const GENERATE_ARGS = ['generate', '--seed', '7', '--level', '2'];
const GENERATED_ID = 'random-2-7';
/** Two separate processes: the same seed must print the same shift each time. */
let generated: Outcome[] = [];

/** The outcomes only a real process shows, one process each (see `as a process`). */
const PROCESS_CASES = {
  valid: () => ['check', scenarioPath(BASE)],
  run: () => ['run', scenarioPath(BASE)],
  invalid: () => ['check', badFile(BAD_SCENARIOS[0])],
  refused: () => ['run', badFile(BAD_SCENARIOS[3])],
  usage: () => [] as string[],
};
type ProcessCase = keyof typeof PROCESS_CASES;
const processes = {} as Record<ProcessCase, Outcome>;
const generatedFile = () => join(dir, 'generated', `${GENERATED_ID}.yaml`);
const misnamedFile = () => join(dir, 'generated', 'my-practice-shift.yaml');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sim-cli-'));
  baseText = await readFile(scenarioPath(BASE), 'utf8');
  for (const bad of BAD_SCENARIOS) {
    // A guard: if the base scenario is edited, say so rather than test an unchanged file.
    expect(baseText.split(bad.find).length - 1, `"${bad.find}" once in ${BASE}.yaml`).toBe(1);
    await mkdir(join(badFile(bad), '..'), { recursive: true });
    await writeFile(badFile(bad), baseText.replace(bad.find, bad.replace));
  }

  // Scoring reads what `run` printed, so those start as soon as their run is done.
  const scoring = RUN_SCENARIOS.map(async (id) => {
    const run = await sim('run', scenarioPath(id));
    if (run.code !== 0) return;
    const report = JSON.parse(run.stdout) as { log: { type: string }[] };
    await writeFile(runLogFile(id), run.stdout);
    await writeFile(
      silentLogFile(id),
      JSON.stringify({ log: report.log.filter((entry) => entry.type !== 'notify-customer') }),
    );
    const scores = [sim('score', scenarioPath(id), runLogFile(id))];
    if (id === BASE) {
      const log = structuredClone(report.log) as { type: string; lines?: { qty: unknown }[] }[];
      badLogIndex = log.findIndex((entry) => entry.type === 'allocate' && entry.lines?.length);
      log[badLogIndex]!.lines![0]!.qty = 'lots';
      await writeFile(badLogFile(), JSON.stringify({ log }, null, 2));
      scores.push(
        sim('score', scenarioPath(id), silentLogFile(id)),
        sim('score', scenarioPath(id), badLogFile()),
        // A bad scenario is refused before its log is looked at.
        ...BAD_SCENARIOS.filter((bad) => bad.alsoScore).map((bad) =>
          sim('score', badFile(bad), runLogFile(id)),
        ),
      );
    }
    await Promise.all(scores);
  });

  // `check` reads what `generate` printed, saved under the right name and a wrong one.
  const generating = (async () => {
    generated = await Promise.all([spawnSim(GENERATE_ARGS), spawnSim(GENERATE_ARGS)]);
    if (generated[0]!.code !== 0) return;
    await mkdir(join(generatedFile(), '..'), { recursive: true });
    await writeFile(generatedFile(), generated[0]!.stdout);
    await writeFile(misnamedFile(), generated[0]!.stdout);
    await Promise.all([sim('check', generatedFile()), sim('check', misnamedFile())]);
  })();

  const spawning = Promise.all(
    (Object.keys(PROCESS_CASES) as ProcessCase[]).map(async (name) => {
      processes[name] = await spawnSim(PROCESS_CASES[name]());
    }),
  );

  await Promise.all([
    generating,
    spawning,
    ...SCENARIO_FILES.map((name) => sim('check', join(SIMULATIONS, name))),
    ...BAD_SCENARIOS.flatMap((bad) => [sim('check', badFile(bad)), sim('run', badFile(bad))]),
    sim('check', missing()),
    sim('run', missing()),
    sim('score', missing(), scenarioPath(BASE)),
    ...USAGE_CASES.map((usage) => sim(...usage.args())),
    sim('score', scenarioPath(BASE), missingLog()),
    ...scoring,
  ]);
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A failed command: non-zero exit, no stack trace, and stderr names the file. */
function expectRefusal(outcome: Outcome, file: string) {
  expect(outcome.code, outcome.stderr).not.toBe(0);
  expect(outcome.code).not.toBeNull();
  expect(outcome.stderr).toContain(file);
  expect(outcome.stderr).not.toContain(STACK_FRAME);
}

// ---------------------------------------------------------------------------------------
// As a process

describe('as a process', () => {
  it('a valid scenario: exit 0, one line of JSON on stdout, the verdict on stderr', async () => {
    const outcome = processes.valid;
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toBe(`${JSON.stringify(json(outcome))}\n`);
    expect(json(outcome)).toMatchObject({ valid: true, problems: [] });
    expect(outcome.stderr).toContain('valid scenario');
  });

  it('run prints exactly what the same command prints in process', async () => {
    const outcome = processes.run;
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toBe((await sim(...PROCESS_CASES.run())).stdout);
  });

  it('a scenario with problems: exit 1, { valid: false } on stdout, file and line on stderr, no stack trace', async () => {
    const bad = BAD_SCENARIOS[0];
    const outcome = processes.invalid;
    expect(outcome.code).toBe(1);
    expect(json(outcome)).toMatchObject({ valid: false });
    expect(outcome.stderr).toContain(`${badFile(bad)}:${badLine(bad)}`);
    expect(outcome.stderr).not.toContain(STACK_FRAME);
    expect(outcome).toEqual(await sim(...PROCESS_CASES.invalid()));
  });

  it('run on a scenario with problems: exit 1, nothing on stdout, the field path on stderr', async () => {
    const bad = BAD_SCENARIOS[3];
    const outcome = processes.refused;
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain(bad.path);
    expect(outcome.stderr).not.toContain(STACK_FRAME);
    expect(outcome).toEqual(await sim(...PROCESS_CASES.refused()));
  });

  it('wrong usage: exit 2 and the usage on stderr', async () => {
    const outcome = processes.usage;
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toMatch(/usage/i);
    expect(outcome).toEqual(await sim(...PROCESS_CASES.usage()));
  });
});

// ---------------------------------------------------------------------------------------
// check

describe('check', () => {
  it.each(SCENARIO_FILES)('accepts simulations/%s', async (name) => {
    const outcome = await sim('check', join(SIMULATIONS, name));
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(json(outcome)).toMatchObject({ valid: true, problems: [] });
  });
});

// ---------------------------------------------------------------------------------------
// run

interface LineReport {
  sku: string;
  ordered: number;
  shipped: number;
  allocated: number;
  backordered: number;
  cancelled: number;
  backorderType: 'active' | 'cancelled' | null;
  promiseDate: string | null;
}
interface OrderReport {
  id: string;
  status: string;
  promiseDate: string | null;
  lines: LineReport[];
}
interface RunReport {
  orders: OrderReport[];
  shipments: {
    id: string;
    order: string;
    at: string;
    tracking: string;
    lines: { sku: string; qty: number }[];
  }[];
  inventory: { sku: string; onHand: number; allocated: number; available: number }[];
  refunds: { order: string; sku: string; qty: number; amount: number; at: string }[];
  notifications: Record<string, unknown>[];
  log: { type: string; at: string }[];
}

const ORDER_STATUSES = ['open', 'allocated', 'partially-shipped', 'shipped', 'cancelled', 'closed'];
const TIME_KEYS = new Set(['at', 'promiseDate', 'date', 'eta', 'placedAt', 'startsAt', 'endsAt']);
const localTimeOrNull = (value: unknown) => value === null || LOCAL_TIME.test(String(value));

async function runReport(id: string) {
  const outcome = await sim('run', scenarioPath(id));
  expect(outcome.code, outcome.stderr).toBe(0);
  expect(outcome.stderr).not.toContain(STACK_FRAME);
  const scenario = parse(await readFile(scenarioPath(id), 'utf8')) as ScenarioFile;
  return { report: json(outcome) as RunReport, scenario };
}

/** Every time anywhere in the output, as `[json path, value]`. */
function timesIn(value: unknown, path = '$'): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => timesIn(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') {
    // A string that starts like a date must be in the scenario form, wherever it is.
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? [[path, value]] : [];
  }
  return Object.entries(value).flatMap(([key, item]) =>
    TIME_KEYS.has(key) && (item === null || typeof item !== 'object')
      ? [[`${path}.${key}`, item] as [string, unknown]]
      : timesIn(item, `${path}.${key}`),
  );
}

const countBy = (entries: [string, number][]) => {
  const totals = new Map<string, number>();
  for (const [key, n] of entries) totals.set(key, (totals.get(key) ?? 0) + n);
  return Object.fromEntries([...totals].filter(([, n]) => n !== 0).sort());
};

describe('run', () => {
  it.each(RUN_SCENARIOS)('%s: orders with their lines add up', async (id) => {
    const { report, scenario } = await runReport(id);
    const orderIds = [
      ...scenario.orders.map((order) => order.id),
      ...(scenario.events ?? []).flatMap((event) =>
        event.type === 'order-placed' && event.order ? [event.order.id] : [],
      ),
    ];
    const skus = new Set(scenario.catalog.map((item) => item.sku));
    expect(report.orders.map((order) => order.id).sort()).toEqual([...orderIds].sort());
    for (const order of report.orders) {
      expect(Object.keys(order).sort()).toEqual(['id', 'lines', 'promiseDate', 'status']);
      expect(ORDER_STATUSES).toContain(order.status);
      expect(order.lines.length).toBeGreaterThan(0);
      for (const line of order.lines) {
        const where = `${order.id} ${line.sku}`;
        expect(Object.keys(line).sort(), where).toEqual(
          [
            'allocated',
            'backorderType',
            'backordered',
            'cancelled',
            'ordered',
            'promiseDate',
            'shipped',
            'sku',
          ].sort(),
        );
        expect(skus.has(line.sku), where).toBe(true);
        for (const field of [
          'ordered',
          'shipped',
          'allocated',
          'backordered',
          'cancelled',
        ] as const)
          expect(Number.isInteger(line[field]) && line[field] >= 0, `${where} ${field}`).toBe(true);
        expect(line.shipped + line.allocated + line.backordered + line.cancelled, where).toBe(
          line.ordered,
        );
        if (line.backordered === 0) {
          expect(line.backorderType, where).toBeNull();
          expect(line.promiseDate, where).toBeNull();
        } else expect(['active', 'cancelled'], where).toContain(line.backorderType);
      }
    }
  });

  it.each(RUN_SCENARIOS)(
    '%s: shipments, inventory and refunds agree with the orders',
    async (id) => {
      const { report, scenario } = await runReport(id);
      const orderIds = new Set(report.orders.map((order) => order.id));
      for (const shipment of report.shipments) {
        expect(shipment).toMatchObject({
          id: expect.any(String),
          order: expect.any(String),
          at: expect.stringMatching(LOCAL_TIME),
          tracking: expect.stringMatching(/\S/),
        });
        expect(orderIds.has(shipment.order)).toBe(true);
        expect(shipment.lines.length).toBeGreaterThan(0);
        for (const line of shipment.lines) {
          expect(Object.keys(line).sort()).toEqual(['qty', 'sku']);
          expect(Number.isInteger(line.qty) && line.qty > 0).toBe(true);
        }
      }
      expect(new Set(report.shipments.map((s) => s.id)).size).toBe(report.shipments.length);
      // What the shipments carried is what the order lines say was shipped.
      expect(
        countBy(
          report.shipments.flatMap((s) =>
            s.lines.map((line): [string, number] => [`${s.order} ${line.sku}`, line.qty]),
          ),
        ),
      ).toEqual(
        countBy(
          report.orders.flatMap((o) =>
            o.lines.map((line): [string, number] => [`${o.id} ${line.sku}`, line.shipped]),
          ),
        ),
      );

      expect(report.inventory.map((item) => item.sku).sort()).toEqual(
        scenario.catalog.map((item) => item.sku).sort(),
      );
      for (const item of report.inventory) {
        expect(Object.keys(item).sort()).toEqual(['allocated', 'available', 'onHand', 'sku']);
        expect(item.available, item.sku).toBe(item.onHand - item.allocated);
      }
      // What inventory holds as allocated is what the order lines have reserved.
      expect(countBy(report.inventory.map((item) => [item.sku, item.allocated]))).toEqual(
        countBy(
          report.orders.flatMap((o) =>
            o.lines.map((line): [string, number] => [line.sku, line.allocated]),
          ),
        ),
      );

      expect(Array.isArray(report.refunds)).toBe(true);
      for (const refund of report.refunds) {
        expect(Object.keys(refund).sort()).toEqual(['amount', 'at', 'order', 'qty', 'sku']);
        expect(orderIds.has(refund.order)).toBe(true);
        expect(refund.qty).toBeGreaterThan(0);
      }
    },
  );

  it.each(RUN_SCENARIOS)(
    '%s: notifications go to the order’s customer on their channel, with content',
    async (id) => {
      const { report, scenario } = await runReport(id);
      const customerOf = new Map(
        [
          ...scenario.orders,
          ...(scenario.events ?? []).flatMap((e) => (e.order ? [e.order] : [])),
        ].map((order) => [order.id, order.customer]),
      );
      const contactOf = new Map(scenario.customers.map((c) => [c.id, c.contact]));
      expect(report.notifications.length).toBeGreaterThan(0);
      for (const notification of report.notifications) {
        expect(notification).toMatchObject({
          order: expect.any(String),
          customer: customerOf.get(notification.order as string),
          channel: contactOf.get(customerOf.get(notification.order as string)!),
          at: expect.stringMatching(LOCAL_TIME),
          kind: expect.any(String),
          // The structured content (docs/engine.md section 8).
          shipped: expect.any(Array),
          backordered: expect.any(Array),
          options: expect.any(Array),
          apology: expect.any(Boolean),
        });
        expect(notification).toHaveProperty('promiseDate');
        expect(notification).toHaveProperty('compensation');
      }
    },
  );

  it.each(RUN_SCENARIOS)('%s: the log holds every scenario event, in time order', async (id) => {
    const { report, scenario } = await runReport(id);
    expect(report.log.length).toBeGreaterThan(0);
    for (const entry of report.log) {
      expect(entry.type).toEqual(expect.any(String));
      expect(entry.at).toMatch(LOCAL_TIME);
    }
    const times = report.log.map((entry) => entry.at);
    expect(times).toEqual([...times].sort());
    const eventsInLog = report.log.filter((entry) =>
      (scenario.events ?? []).some((event) => event.type === entry.type),
    );
    expect(eventsInLog.map((e) => [e.type, e.at])).toEqual(
      (scenario.events ?? []).map((e) => [e.type, e.at]),
    );
  });

  it.each(RUN_SCENARIOS)('%s: every time is printed as YYYY-MM-DDTHH:mm or null', async (id) => {
    const { report } = await runReport(id);
    const times = timesIn(report);
    expect(times.length).toBeGreaterThan(0);
    expect(times.filter(([, value]) => !localTimeOrNull(value))).toEqual([]);
  });

  it('three-backorder-types: the three backorder types and their promise dates', async () => {
    const { report } = await runReport(BASE);
    const order = (id: string) => report.orders.find((o) => o.id === id)!;
    const line = (id: string, sku: string) => order(id).lines.find((l) => l.sku === sku)!;
    // The header comment of the scenario: active, partial and cancelled backorders.
    expect(line('SO-51108', 'PLB-CU22-EL90')).toMatchObject({
      backordered: 40,
      backorderType: 'active',
      promiseDate: '2026-03-05T10:00',
    });
    expect(order('SO-51108').promiseDate).toBe('2026-03-05T10:00');
    expect(order('SO-51117').status).toBe('partially-shipped');
    expect(line('SO-51117', 'PLB-PTFE-12')).toMatchObject({
      shipped: 6,
      backordered: 4,
      promiseDate: '2026-03-04T09:00',
    });
    expect(order('SO-51117').promiseDate).toBe('2026-03-05T10:00');
    // No supply covers the discontinued Series 3 valve: no promise date, on line or order.
    expect(line('SO-51120', 'PLB-TRV15-ANG3')).toMatchObject({
      backordered: 2,
      backorderType: 'cancelled',
      promiseDate: null,
    });
    expect(order('SO-51120').promiseDate).toBeNull();
  });

  it('discontinued-substitute-refund: the cancelled line is refunded, the rest has no date', async () => {
    const { report } = await runReport('discontinued-substitute-refund');
    expect(report.refunds).toEqual([
      { order: 'SO-90224', sku: 'ELE-LED-P600-40W', qty: 20, amount: 490, at: '2026-03-02T11:15' },
    ]);
    const petrie = report.orders.find((o) => o.id === 'SO-90231')!;
    expect(petrie.lines.find((l) => l.sku === 'ELE-LED-P600-40W')).toMatchObject({
      backordered: 4,
      backorderType: 'cancelled',
      promiseDate: null,
    });
    expect(petrie.promiseDate).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------
// score

describe('score', () => {
  it.each(RUN_SCENARIOS)('%s: the autopilot’s own log scores 100 and passes', async (id) => {
    const outcome = await sim('score', scenarioPath(id), runLogFile(id));
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(json(outcome)).toMatchObject({
      total: 100,
      passed: true,
      competencies: expect.any(Object),
      deductions: [],
    });
  });

  it(`${BASE}: the same log without notify-customer fails on communication`, async () => {
    const outcome = await sim('score', scenarioPath(BASE), silentLogFile(BASE));
    expect(outcome.code, outcome.stderr).toBe(0);
    const score = json(outcome) as { total: number; passed: boolean; deductions: unknown[] };
    expect(score.passed).toBe(false);
    expect(score.total).toBeLessThan(100);
    expect(score.deductions).toContainEqual(
      expect.objectContaining({ rule: 'customer-not-told', competency: 'communication' }),
    );
  });
});

// ---------------------------------------------------------------------------------------
// generate

describe('generate', () => {
  it('prints the same scenario YAML twice for the same seed and level', () => {
    const [first, second] = generated;
    expect(first!.code, first!.stderr).toBe(0);
    expect(second!.code, second!.stderr).toBe(0);
    expect(first!.stdout.length).toBeGreaterThan(0);
    expect(second!.stdout).toBe(first!.stdout);
    expect(first!.stderr).not.toContain(STACK_FRAME);
  });

  it('starts with the schema comment, like the files in simulations/', () => {
    const [first] = generated;
    expect(first!.stdout.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../public/schemas/scenario.schema.json',
    );
    expect(parse(first!.stdout)).toMatchObject({ id: GENERATED_ID, level: 2 });
  });

  it(`saved as ${GENERATED_ID}.yaml: check accepts it`, async () => {
    const outcome = await sim('check', generatedFile());
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(json(outcome)).toMatchObject({ valid: true, scenario: GENERATED_ID, problems: [] });
  });

  it('saved under another name: check refuses it, because the id must equal the file name', async () => {
    const outcome = await sim('check', misnamedFile());
    expectRefusal(outcome, misnamedFile());
    expect(json(outcome)).toMatchObject({
      valid: false,
      problems: [expect.objectContaining({ path: 'id' })],
    });
  });
});

// ---------------------------------------------------------------------------------------
// Bad input

describe('bad input', () => {
  describe.each(BAD_SCENARIOS)('a scenario with $name', (bad) => {
    it('check: non-zero exit, { valid: false, problems }, file, path and line on stderr', async () => {
      const file = badFile(bad);
      const outcome = await sim('check', file);
      expectRefusal(outcome, file);
      const result = json(outcome) as { valid: boolean; problems: unknown[] };
      expect(result.valid).toBe(false);
      expect(result.problems.length).toBeGreaterThan(0);
      if (bad.path) {
        expect(result.problems).toContainEqual(expect.objectContaining({ path: bad.path }));
        expect(outcome.stderr).toContain(bad.path);
      }
      expect(outcome.stderr).toContain(`${file}:${badLine(bad)}`);
    });

    it.each(bad.alsoScore ? ['run', 'score'] : ['run'])(
      '%s: non-zero exit, nothing on stdout, file, path and line on stderr',
      async (verb) => {
        const file = badFile(bad);
        const outcome =
          verb === 'run' ? await sim('run', file) : await sim('score', file, runLogFile(BASE));
        expectRefusal(outcome, file);
        expect(outcome.stdout).toBe('');
        if (bad.path) expect(outcome.stderr).toContain(bad.path);
        expect(outcome.stderr).toContain(`${file}:${badLine(bad)}`);
      },
    );
  });

  describe('a scenario file that does not exist', () => {
    it('check: non-zero exit, { valid: false, problems } on stdout, the file on stderr', async () => {
      const outcome = await sim('check', missing());
      expectRefusal(outcome, missing());
      expect(json(outcome)).toMatchObject({ valid: false, problems: [expect.anything()] });
    });

    it.each(['run', 'score'])('%s: non-zero exit, nothing on stdout', async (verb) => {
      const outcome =
        verb === 'run'
          ? await sim('run', missing())
          : await sim('score', missing(), scenarioPath(BASE));
      expectRefusal(outcome, missing());
      expect(outcome.stdout).toBe('');
    });
  });

  it('score with a log file that does not exist: non-zero exit, nothing on stdout', async () => {
    const outcome = await sim('score', scenarioPath(BASE), missingLog());
    expectRefusal(outcome, missingLog());
    expect(outcome.stdout).toBe('');
  });

  it('score with a log entry that is wrong (allocate qty "lots"): file and path on stderr', async () => {
    const outcome = await sim('score', scenarioPath(BASE), badLogFile());
    expectRefusal(outcome, badLogFile());
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain(`log[${badLogIndex}].lines[0].qty`);
  });
});

// ---------------------------------------------------------------------------------------
// Wrong usage

describe('wrong usage', () => {
  it.each(USAGE_CASES)('$name: exit 2 and a usage message on stderr', async ({ args }) => {
    const outcome = await sim(...args());
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toMatch(/usage/i);
    for (const verb of ['check', 'run', 'score', 'generate'])
      expect(outcome.stderr).toContain(verb);
    expect(outcome.stderr).not.toContain(STACK_FRAME);
  });

  it.each(USAGE_CASES.filter((usage) => usage.names))(
    '$name: the message names $names',
    async ({ args, names }) => {
      const outcome = await sim(...args());
      expect(outcome.stderr.split('\n')[0]).toContain(names);
    },
  );

  it('an unknown verb is named in the message', async () => {
    const outcome = await sim('simulate', scenarioPath(BASE));
    expect(outcome.stderr).toContain('simulate');
  });
});
