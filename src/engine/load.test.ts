import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { MAX_QUANTITY } from './limits';
import { parseScenario } from './load';
import { localDateTime } from './schema';
import { formatProblem } from './problems';

const good = `id: tiny
title: Tiny
summary: One order, one SKU.
level: 1
competencies: [basics]
startsAt: 2026-03-02T08:00
endsAt: 2026-03-02T12:00
catalog:
  - sku: CU-ELB-15
    name: Copper elbow 15 mm
    price: 2.5
    onHand: 10
    bin: A-01-1
    incoming:
      - { po: PO-1, qty: 5, eta: 2026-03-04T08:00 }
customers:
  - { id: WEB, name: Dana Webb, tier: standard, contact: email }
orders:
  - id: SO-1
    customer: WEB
    placedAt: 2026-03-02T07:00
    lines:
      - { sku: CU-ELB-15, qty: 4 }
events:
  - { type: stock-received, at: 2026-03-02T09:00, po: PO-1, qty: 5 }
`;

describe('parseScenario', () => {
  it('fills in every default', () => {
    const result = parseScenario(good, 'simulations/tiny.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.policy).toEqual({
      rankBy: ['flagged', 'urgency', 'tier', 'value', 'placedAt'],
      allowPartialShipments: true,
      splitLines: true,
      shipComplete: 'all-or-nothing',
      notifyWithinHours: 4,
      verifyShipments: false,
    });
    expect(result.value.orders[0]).toMatchObject({
      urgency: 'normal',
      shipPreference: 'ship-available',
      flagged: false,
    });
    expect(result.value.catalog[0]!.lifecycle).toBe('active');
  });

  it.each([
    {
      label: 'invalid YAML',
      from: 'level: 1',
      to: 'level: 1: 2',
      path: '',
      line: 4,
      message: /not valid YAML/,
    },
    {
      label: 'a negative quantity',
      from: 'onHand: 10',
      to: 'onHand: -5',
      path: 'catalog[0].onHand',
      line: 12,
      message: /expected a number >= 0/,
    },
    {
      label: 'an unknown SKU',
      from: '{ sku: CU-ELB-15, qty: 4 }',
      to: '{ sku: CU-ELB-99, qty: 4 }',
      path: 'orders[0].lines[0].sku',
      line: 23,
      message: /unknown SKU "CU-ELB-99"/,
    },
    {
      label: 'an unknown customer',
      from: 'customer: WEB',
      to: 'customer: NOBODY',
      path: 'orders[0].customer',
      line: 20,
      message: /unknown customer "NOBODY"/,
    },
    {
      label: 'an unknown PO',
      from: 'po: PO-1, qty: 5 }\n',
      to: 'po: PO-9, qty: 5 }\n',
      path: 'events[0].po',
      line: 25,
      message: /unknown purchase order "PO-9"/,
    },
    {
      label: 'an event before the start',
      from: 'at: 2026-03-02T09:00',
      to: 'at: 2026-03-02T07:00',
      path: 'events[0].at',
      line: 25,
      message: /before startsAt 2026-03-02T08:00/,
    },
    {
      label: 'an event after the end',
      from: 'at: 2026-03-02T09:00',
      to: 'at: 2026-03-02T13:00',
      path: 'events[0].at',
      line: 25,
      message: /after endsAt/,
    },
    {
      label: 'a bad time',
      from: 'startsAt: 2026-03-02T08:00',
      to: 'startsAt: 2 March',
      path: 'startsAt',
      line: 6,
      message: /local date-time like 2026-03-02T09:00/,
    },
    {
      label: 'a day that does not exist',
      from: 'startsAt: 2026-03-02T08:00',
      to: 'startsAt: 2026-02-30T08:00',
      path: 'startsAt',
      line: 6,
      message: /2026-02-30T08:00 is not a real date and time: February 2026 has 28 days/,
    },
    {
      label: 'the hour 24',
      from: 'endsAt: 2026-03-02T12:00',
      to: 'endsAt: 2026-03-02T24:00',
      path: 'endsAt',
      line: 7,
      message: /hours run from 00 to 23/,
    },
    {
      label: 'a quantity of 1e308',
      from: '{ sku: CU-ELB-15, qty: 4 }',
      to: '{ sku: CU-ELB-15, qty: 1e308 }',
      path: 'orders[0].lines[0].qty',
      line: 23,
      message: new RegExp(`at most ${MAX_QUANTITY.toLocaleString('en-US')} units`),
    },
    {
      label: 'an onHand of 2^53 + 1, which a number cannot hold exactly',
      from: 'onHand: 10',
      to: 'onHand: 9007199254740993',
      path: 'catalog[0].onHand',
      line: 12,
      message: /at most .* units/,
    },
    {
      label: 'a price of 1e308',
      from: 'price: 2.5',
      to: 'price: 1e308',
      path: 'catalog[0].price',
      line: 11,
      message: /price of at most/,
    },
    {
      label: 'an unknown field',
      from: 'level: 1',
      to: 'level: 1\ncolour: red',
      path: '',
      line: undefined,
      message: /unknown field "colour"/,
    },
    {
      label: 'a missing field',
      from: 'title: Tiny\n',
      to: '',
      path: 'title',
      line: undefined,
      message: /required field missing/,
    },
    {
      label: 'a bad enum',
      from: 'tier: standard',
      to: 'tier: gold',
      path: 'customers[0].tier',
      line: 17,
      message: /expected one of "strategic", "contractor", "repeat", "standard", got "gold"/,
    },
    {
      label: 'a mismatched id',
      from: 'id: tiny',
      to: 'id: huge',
      path: 'id',
      line: 1,
      message: /must equal the file name "tiny"/,
    },
  ])('reports $label with its path and line', ({ from, to, path, line, message }) => {
    expect(good).toContain(from);
    const result = parseScenario(good.replace(from, to), 'simulations/tiny.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems.find((p) => message.test(p.message));
    expect(problem, JSON.stringify(result.problems)).toBeDefined();
    expect(problem!.path).toBe(path);
    if (line !== undefined) expect(problem!.line).toBe(line);
    expect(formatProblem(problem!)).toMatch(/^simulations\/tiny\.yaml/);
  });

  it('lists every problem at once', () => {
    const broken = good
      .replace('{ sku: CU-ELB-15, qty: 4 }', '{ sku: CU-ELB-99, qty: 4 }')
      .replace('customer: WEB', 'customer: NOBODY');
    const result = parseScenario(broken, 'simulations/tiny.yaml');
    expect(!result.ok && result.problems.map((p) => p.path)).toEqual([
      'orders[0].customer',
      'orders[0].lines[0].sku',
    ]);
  });

  it.each([
    {
      label: 'duplicate order ids',
      yaml: good.replace(
        'events:',
        `  - id: SO-1\n    customer: WEB\n    placedAt: 2026-03-02T07:30\n    lines: [{ sku: CU-ELB-15, qty: 1 }]\nevents:`,
      ),
      path: 'orders[1].id',
    },
    {
      label: 'events out of time order',
      yaml: `${good}  - { type: stock-count, at: 2026-03-02T08:30, sku: CU-ELB-15, onHand: 3 }\n`,
      path: 'events[1].at',
    },
    {
      label: 'a message about a line the order does not have',
      yaml: `${good}  - { type: customer-message, at: 2026-03-02T10:00, order: SO-1, intent: cancel-line, sku: PTFE-12, text: cancel please }\n`,
      path: 'events[1].sku',
    },
  ])('cross-checks $label', ({ yaml, path }) => {
    const result = parseScenario(yaml, 'simulations/tiny.yaml');
    expect(!result.ok && result.problems.map((p) => p.path)).toContain(path);
  });

  it.each(readdirSync('simulations').filter((f) => f.endsWith('.yaml')))(
    'the shipped scenario %s is valid',
    (file) => {
      const result = parseScenario(
        readFileSync(`simulations/${file}`, 'utf8'),
        `simulations/${file}`,
      );
      expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    },
  );
});

describe('parseScenario on JSON files', () => {
  const json = JSON.stringify(parseYaml(good), null, 2);

  it('reads JSON with the native parser', () => {
    const result = parseScenario(json, 'simulations/tiny.json');
    expect(result.ok && result.value.orders[0]!.id).toBe('SO-1');
  });

  it('still points at the line of a problem', () => {
    const broken = json.replace('"onHand": 10', '"onHand": -5');
    const result = parseScenario(broken, 'simulations/tiny.json');
    const line = broken.split('\n').findIndex((text) => text.includes('"onHand": -5')) + 1;
    expect(!result.ok && result.problems).toEqual([
      {
        file: 'simulations/tiny.json',
        path: 'catalog[0].onHand',
        message: 'expected a number >= 0',
        line,
      },
    ]);
  });

  it('reports broken JSON with its line', () => {
    const result = parseScenario('{\n  "id": "tiny",\n  "title": 5,,\n}', 'simulations/tiny.json');
    expect(!result.ok && result.problems[0]).toMatchObject({
      line: 3,
      message: expect.stringMatching(/^not valid JSON/),
    });
  });
});

describe('parseScenario on hostile files', () => {
  const file = 'simulations/tiny.yaml';
  const bomb = `${good}x-laughs:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${'bcdefgh'
    .split('')
    .map((n, i) => `  ${n}: &${n} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]\n`)
    .join('')}`;

  it.each([
    ['a "billion laughs" alias bomb', file, bomb, /aliases .* expand too far/],
    [
      'deep nesting',
      file,
      `${good}x-deep: ${'['.repeat(3000)}${']'.repeat(3000)}\n`,
      /deeper than/,
    ],
    [
      'a UTF-16 file',
      file,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]).toString('utf8'),
      /UTF-16/,
    ],
    [
      'a duplicate key in JSON',
      'simulations/tiny.json',
      JSON.stringify(parseYaml(good), null, 2).replace('"level": 1,', '"level": 1,\n  "level": 3,'),
      /duplicate key "level"/,
    ],
  ])('refuses %s with a message naming the file, never an exception', (_, name, text, message) => {
    let result: ReturnType<typeof parseScenario> | undefined;
    expect(() => (result = parseScenario(text, name))).not.toThrow();
    expect(result!.ok).toBe(false);
    if (result!.ok) return;
    expect(result!.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(message));
    for (const problem of result!.problems) expect(formatProblem(problem)).toContain(name);
  });
});

describe('localDateTime', () => {
  it.each(['2026-03-02T09:00', '2028-02-29T00:00', '2000-02-29T23:59', '2026-12-31T12:30'])(
    'accepts %s',
    (value) => expect(localDateTime.safeParse(value).success).toBe(true),
  );

  it.each([
    ['2026-02-29T09:00', /February 2026 has 28 days/],
    ['1900-02-29T09:00', /February 1900 has 28 days/],
    ['2026-04-31T09:00', /April 2026 has 30 days/],
    ['2026-13-01T09:00', /no month 13/],
    ['2026-00-10T09:00', /no month 00/],
    ['2026-03-00T09:00', /March 2026 has 31 days/],
    ['2026-03-02T24:00', /hours run from 00 to 23/],
    ['2026-03-02T09:60', /minutes run from 00 to 59/],
  ])('refuses %s, saying why', (value, reason) => {
    const parsed = localDateTime.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(!parsed.success && parsed.error.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(reason),
    ]);
  });
});
