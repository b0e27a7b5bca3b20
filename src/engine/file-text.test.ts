import { describe, expect, it } from 'vitest';
import { parseFileText, utf8Length, type FileKind } from './file-text';
import { MAX_NESTING, MAX_YAML_ALIASES } from './limits';

const kind: FileKind = { maxBytes: 4096, what: 'a test file' };

/** A "billion laughs" file: each anchor is a list of nine of the one before. */
function aliasBomb(levels = 9): string {
  let text = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
  let previous = 'a';
  for (const name of 'bcdefghijk'.slice(0, levels - 1)) {
    text += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]\n`;
    previous = name;
  }
  return text;
}

/** `levels` lists inside each other under `key`, in flow style. */
const deepFlow = (levels: number) => `key: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
/** `levels` maps inside each other, in block style, one key a line. */
const deepBlock = (levels: number) =>
  Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' end\n';

/** Text as it reads after a UTF-16 file is decoded as UTF-8 (as Node and browsers do). */
function asUtf16(text: string, order: 'le' | 'be', bom = true): string {
  const body = Buffer.from(text, 'utf16le');
  if (order === 'be') body.swap16();
  const mark = bom ? Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0);
  return Buffer.concat([mark, body]).toString('utf8');
}

describe('parseFileText', () => {
  it('reads YAML and JSON into the same data', () => {
    const yaml = parseFileText('id: tiny\nlines: [{ sku: A, qty: 2 }]\n', 'x.yaml', kind);
    const json = parseFileText('{"id":"tiny","lines":[{"sku":"A","qty":2}]}', 'x.json', kind);
    expect(yaml.ok && yaml.data).toEqual({ id: 'tiny', lines: [{ sku: 'A', qty: 2 }] });
    expect(json.ok && json.data).toEqual(yaml.ok && yaml.data);
  });

  it('accepts a few aliases, as authors use them to repeat a value', () => {
    const parsed = parseFileText('line: &l { sku: A, qty: 2 }\nagain: [*l, *l]\n', 'x.yaml', kind);
    expect(parsed.ok && parsed.data).toEqual({
      line: { sku: 'A', qty: 2 },
      again: [
        { sku: 'A', qty: 2 },
        { sku: 'A', qty: 2 },
      ],
    });
  });

  it('refuses a "billion laughs" file with a message naming the file and the alias limit', () => {
    const parsed = parseFileText(aliasBomb(), 'bomb.yaml', kind);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({
      file: 'bomb.yaml',
      message: expect.stringContaining(`more than ${MAX_YAML_ALIASES} alias`),
      line: 2, // the first alias
    });
  });

  it.each([
    ['flow lists in YAML', 'deep.yaml', deepFlow(5000), `key${'[0]'.repeat(MAX_NESTING - 1)}`],
    [
      'block maps in YAML',
      'deep.yaml',
      deepBlock(1200),
      Array.from({ length: MAX_NESTING }, (_, i) => `k${i}`).join('.'),
    ],
    ['arrays in JSON', 'deep.json', `{"key": ${deepFlow(5000).slice(5)}}`, undefined],
  ])('refuses nesting deeper than the limit (%s) with the field path', (_, file, text, path) => {
    const parsed = parseFileText(text, file, { ...kind, maxBytes: 1e7 });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const [problem] = parsed.problems;
    expect(problem!.message).toContain(`deeper than ${MAX_NESTING} levels`);
    expect(problem!.path).not.toBe('');
    if (path) expect(problem!.path).toBe(path);
    expect(problem!.line).toBeGreaterThan(0);
  });

  it('accepts nesting right at the limit', () => {
    const parsed = parseFileText(`{"key": ${deepFlow(MAX_NESTING - 1).slice(5)}}`, 'x.json', kind);
    expect(parsed.ok).toBe(true);
  });

  it.each([
    ['with a byte order mark, little-endian', 'le', true, 'little-endian'],
    ['with a byte order mark, big-endian', 'be', true, 'big-endian'],
    ['without a byte order mark', 'le', false, 'little-endian'],
  ] as const)('names UTF-16 %s', (_, order, bom, named) => {
    const parsed = parseFileText(asUtf16('id: tiny\ntitle: Tiny\n', order, bom), 'x.yaml', kind);
    expect(!parsed.ok && parsed.problems).toEqual([
      expect.objectContaining({
        file: 'x.yaml',
        message: expect.stringContaining(`UTF-16 (${named})`),
      }),
    ]);
  });

  it('calls a file with stray NUL bytes binary, on the line of the first', () => {
    const parsed = parseFileText('id: tiny\ntitle: Ti\u0000ny\n', 'x.yaml', kind);
    expect(!parsed.ok && parsed.problems[0]).toMatchObject({
      message: expect.stringContaining('NUL'),
      line: 2,
    });
  });

  it('accepts a UTF-8 byte order mark in JSON, which JSON.parse alone refuses', () => {
    const parsed = parseFileText('\uFEFF{"id": "tiny"}', 'x.json', kind);
    expect(parsed.ok && parsed.data).toEqual({ id: 'tiny' });
  });

  it('refuses a file over its size limit before parsing it, naming the limit', () => {
    const text = `id: tiny\nnote: ${'é'.repeat(3000)}\n`; // 6,000+ bytes in 3,000 characters
    const parsed = parseFileText(text, 'big.yaml', kind);
    expect(!parsed.ok && parsed.problems).toEqual([
      {
        file: 'big.yaml',
        path: '',
        message: 'the file is 5.9 kB; a test file may be at most 4 kB',
      },
    ]);
  });

  it.each([
    ['at the top', '{\n  "id": "a",\n  "id": "b"\n}', 'id', 3],
    [
      'in a list item',
      '{\n  "lines": [\n    { "sku": "A" },\n    { "sku": "B", "qty": 1, "sku": "C" }\n  ]\n}',
      'lines[1].sku',
      4,
    ],
    ['spelt with an escape', '{"qty": 1,\n "q\\u0074y": 2}', 'qty', 2],
    ['ending in an escaped backslash', '{"a\\\\": 1,\n "b": {},\n "a\\\\": 2}', 'a\\', 3],
    ['holding an escaped quote', '{"say \\"hi\\"": 1, "say \\"hi\\"": 2}', 'say "hi"', 1],
  ])('refuses a duplicate key in JSON (%s), naming the key and its line', (_, text, path, line) => {
    const parsed = parseFileText(text, 'x.json', kind);
    expect(!parsed.ok && parsed.problems).toEqual([
      expect.objectContaining({ path, line, message: expect.stringContaining('duplicate key') }),
    ]);
  });

  it('does not take equal keys in different objects, or key-like strings, for duplicates', () => {
    const text = '{"a": {"x": 1}, "b": {"x": "\\"x\\": 2"}, "c": ["x", "x"]}';
    expect(parseFileText(text, 'x.json', kind).ok).toBe(true);
  });

  it('refuses a second YAML document, with its line', () => {
    const parsed = parseFileText('id: a\n---\nid: b\n', 'x.yaml', kind);
    expect(!parsed.ok && parsed.problems).toEqual([
      expect.objectContaining({
        line: 2,
        message: expect.stringContaining('more than one document'),
      }),
    ]);
  });

  it('refuses a duplicate key in YAML with its line', () => {
    const parsed = parseFileText('id: a\ntitle: T\nid: b\n', 'x.yaml', kind);
    expect(!parsed.ok && parsed.problems[0]).toMatchObject({ line: 3 });
  });
});

describe('utf8Length', () => {
  it.each(['plain', 'café', '漢字', '📦 box', '', 'ascii first, then Größe 📦 and more'])(
    'counts %j as Buffer does',
    (text) => {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    },
  );
});
