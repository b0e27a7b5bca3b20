/**
 * The text of a file from outside (a scenario, a role-play, a log) read into plain data,
 * with the checks every such file gets before and while it is parsed: its size, its
 * encoding, how deep it nests, duplicate keys and how far YAML aliases expand. Each
 * problem names the file, and the line and field path where known; no parser exception
 * reaches the user (docs/engine.md section 1: "never a stack trace").
 */
import {
  CST,
  Composer,
  LineCounter,
  Parser,
  YAMLParseError,
  isAlias,
  isNode,
  visit,
  type Document,
} from 'yaml';
import { MAX_NESTING, MAX_YAML_ALIASES, formatBytes } from './limits';
import { formatPath, type Problem } from './problems';

/** The 1-based line of a field path in the parsed text, where known. */
export type LineOf = (path: readonly (string | number)[]) => number | undefined;

export type ParsedText =
  { ok: true; data: unknown; lineOf: LineOf } | { ok: false; problems: Problem[]; lineOf: LineOf };

/** What a file is expected to be, for the limits and the messages. */
export interface FileKind {
  /** The most bytes (UTF-8) the file may have. */
  maxBytes: number;
  /** The kind of file, as a message names it: "a scenario file". */
  what: string;
}

type Path = (string | number)[];

const noLines: LineOf = () => undefined;
const JSON_FILE = /\.json$/i;
/** At most this many duplicate-key problems are listed: a few show the pattern. */
const MAX_LISTED = 50;

/**
 * Parse a file's text: YAML, or JSON when the name ends in `.json`. Size and encoding are
 * checked before any parser sees the text; nesting before the YAML parser builds its tree.
 */
export function parseFileText(text: string, file: string, kind: FileKind): ParsedText {
  const early = sizeProblem(text, file, kind) ?? encodingProblem(text, file);
  if (early) return { ok: false, problems: [early], lineOf: noLines };
  // A UTF-8 byte order mark is harmless, but JSON.parse refuses it.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return JSON_FILE.test(file) ? parseJson(body, file) : parseYaml(body, file);
}

const NOT_ASCII = /[^\x00-\x7f]/;

/** The UTF-8 size of a string, counted without copying it. */
export function utf8Length(text: string): number {
  // Most text is ASCII, a byte a character: a native search finds where counting must begin.
  const firstWide = text.search(NOT_ASCII);
  if (firstWide === -1) return text.length;
  let bytes = firstWide;
  for (let i = firstWide; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one character beyond the BMP
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The problem with a file of `bytes` bytes, or null when it is within the limit. */
export function sizeLimitProblem(bytes: number, file: string, kind: FileKind): Problem | null {
  if (bytes <= kind.maxBytes) return null;
  return {
    file,
    path: '',
    message: `the file is ${formatBytes(bytes)}; ${kind.what} may be at most ${formatBytes(kind.maxBytes)}`,
  };
}

function sizeProblem(text: string, file: string, kind: FileKind): Problem | null {
  // Each UTF-16 code unit is at least one UTF-8 byte, so most files need no counting.
  if (text.length * 3 <= kind.maxBytes) return null;
  return sizeLimitProblem(utf8Length(text), file, kind);
}

/**
 * A file saved as UTF-16 (as some Windows editors do) and read as UTF-8 has a NUL between
 * every two ASCII letters, and YAML would read it all as one long string. Name the
 * encoding instead; any other NUL means the file is not text at all.
 */
export function encodingProblem(text: string, file: string): Problem | null {
  const firstNul = text.indexOf('\u0000');
  if (firstNul === -1) return null;
  // A UTF-16 byte order mark (FF FE or FE FF) is not UTF-8: it decodes to two U+FFFD.
  const start = text.startsWith('\uFFFD\uFFFD') ? 2 : 0;
  const sample = text.slice(start, start + 1024);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++)
    if (sample.charCodeAt(i) === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  if (Math.max(even, odd) >= sample.length / 4) {
    const order = odd > even ? 'little-endian' : 'big-endian';
    return {
      file,
      path: '',
      message: `the file is encoded as UTF-16 (${order}), not UTF-8: save it as UTF-8 and try again`,
    };
  }
  return {
    file,
    path: '',
    message: 'the file holds NUL bytes, so it is not a text file: save it as UTF-8 text',
    line: lineAt(text, firstNul),
  };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function nestingMessage(): string {
  return `nested deeper than ${MAX_NESTING} levels of lists and maps`;
}

// ---------------------------------------------------------------------------------------
// YAML

/**
 * YAML text to data, or its problems. Duplicate keys are refused (`uniqueKeys`), nesting
 * is measured on the parser's token tree before the recursive document builder sees it,
 * and aliases may expand only `MAX_YAML_ALIASES` times, so "billion laughs" files and deep
 * nesting give a message instead of an exception.
 */
export function parseYaml(text: string, file: string): ParsedText {
  const format = JSON_FILE.test(file) ? 'JSON' : 'YAML';
  const { tokens, counter } = tokenize(text);
  const deep = yamlNestingProblem(tokens, counter, file);
  if (deep) return { ok: false, problems: [deep], lineOf: noLines };
  const doc = compose(tokens, text.length);
  const lineOf = lineFinder(doc, counter);
  if (doc.errors.length > 0)
    return {
      ok: false,
      lineOf,
      problems: doc.errors.map((error) => ({
        file,
        path: '',
        message: `not valid ${format}: ${error.message.split('\n')[0]}`,
        line: counter.linePos(error.pos[0]).line,
      })),
    };
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }), lineOf };
  } catch (error) {
    // The yaml library throws a ReferenceError when aliases expand past `maxAliasCount`.
    const excessive = /alias/i.test((error as Error).message);
    const line = firstAliasLine(doc, counter);
    return {
      ok: false,
      lineOf,
      problems: [
        {
          file,
          path: '',
          message: excessive
            ? `refused: its aliases (*name) expand too far (more than ${MAX_YAML_ALIASES} alias uses), as in a "billion laughs" attack; write the values out instead`
            : `not valid ${format}: ${(error as Error).message.split('\n')[0]}`,
          ...(line ? { line } : {}),
        },
      ],
    };
  }
}

/**
 * The parser's token tree of `text` (built without recursion) and a counter for its lines.
 * Lexing is most of the cost of reading YAML, so the tree is built once: measured for
 * nesting, then composed into a document.
 */
function tokenize(text: string): { tokens: CST.Token[]; counter: LineCounter } {
  const counter = new LineCounter();
  return { tokens: [...new Parser(counter.addNewLine).parse(text)], counter };
}

/** The first document of the tokens, as the yaml library's `parseDocument` composes it. */
function compose(tokens: CST.Token[], length: number): Document {
  let doc: Document | undefined;
  for (const next of new Composer({ uniqueKeys: true }).compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'the file holds more than one document (a second --- line)',
        ),
      );
      break;
    }
  }
  return doc!; // compose(..., forceDoc: true) always yields one
}

function firstAliasLine(doc: Document, counter: LineCounter): number | undefined {
  let line: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) line = counter.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}

/**
 * Nesting deeper than `MAX_NESTING`, found on the parser's token tree (built without
 * recursion, unlike the document), with the field path and line of the first container
 * past the limit.
 */
function yamlNestingProblem(
  tokens: CST.Token[],
  counter: LineCounter,
  file: string,
): Problem | null {
  const stack: { token: CST.Token; path: Path }[] = [];
  for (const token of tokens)
    if (token.type === 'document' && token.value) stack.push({ token: token.value, path: [] });
  while (stack.length > 0) {
    const { token, path } = stack.pop()!;
    if (!CST.isCollection(token)) continue;
    if (path.length >= MAX_NESTING)
      return {
        file,
        path: formatPath(path),
        message: nestingMessage(),
        line: counter.linePos(token.offset).line,
      };
    const isList =
      token.type === 'block-seq' ||
      (token.type === 'flow-collection' && token.start.source === '[');
    token.items.forEach((item, index) => {
      const key = isList ? index : keyName(item.key);
      if (item.key) stack.push({ token: item.key, path: [...path, key] });
      if (item.value) stack.push({ token: item.value, path: [...path, key] });
    });
  }
  return null;
}

function keyName(key: CST.Token | null | undefined): string {
  if (!key || !CST.isScalar(key)) return '?';
  return CST.resolveAsScalar(key)?.value ?? key.source;
}

function lineFinder(doc: Document, counter: LineCounter): LineOf {
  return (path) => {
    // Walk up to the nearest node that exists (a missing field is reported on its parent).
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

// ---------------------------------------------------------------------------------------
// JSON

/**
 * JSON text to data, or its problems. The native parser is fast on large files; the YAML
 * parser, which knows lines, is only called on to point at a problem.
 */
export function parseJson(text: string, file: string): ParsedText {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
    const line = Number.isNaN(position)
      ? (() => {
          const yamlView = parseYaml(text, file);
          return yamlView.ok ? undefined : yamlView.problems[0]?.line;
        })()
      : lineAt(text, position);
    return {
      ok: false,
      lineOf: noLines,
      problems: [
        {
          file,
          path: '',
          message: `not valid JSON: ${message.split('\n')[0]}`,
          ...(line ? { line } : {}),
        },
      ],
    };
  }
  const shape = jsonShapeProblems(text, file);
  if (shape.length > 0) return { ok: false, problems: shape, lineOf: noLines };
  let finder: LineOf | undefined;
  return {
    ok: true,
    data,
    lineOf: (path) => {
      if (!finder) {
        const { tokens, counter } = tokenize(text);
        finder = lineFinder(compose(tokens, text.length), counter);
      }
      return finder(path);
    },
  };
}

/**
 * Duplicate keys and nesting too deep, in text JSON.parse has accepted. JSON.parse keeps
 * the last of two equal keys without a word, where a YAML file with them is refused; one
 * pass over the text finds them, with their line and field path.
 */
export function jsonShapeProblems(text: string, file: string): Problem[] {
  const problems: Problem[] = [];
  /** The open lists and maps: a map's keys so far, and which child is being read. */
  const open: { keys: Set<string> | null; child: string | number }[] = [];
  const pathHere = () => open.map((frame) => frame.child);
  for (let i = 0; i < text.length && problems.length < MAX_LISTED; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = stringEnd(text, i);
      const top = open.at(-1);
      if (top?.keys && nextNonSpace(text, end + 1) === ':') {
        const key = stringAt(text, i, end);
        if (top.keys.has(key))
          problems.push({
            file,
            path: formatPath([...pathHere().slice(0, -1), key]),
            message: `duplicate key "${key}": the same object already has it`,
            line: lineAt(text, i),
          });
        top.keys.add(key);
        top.child = key;
      }
      i = end;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (open.length >= MAX_NESTING) {
        problems.push({
          file,
          path: formatPath(pathHere()),
          message: nestingMessage(),
          line: lineAt(text, i),
        });
        break;
      }
      open.push(code === OPEN_BRACE ? { keys: new Set(), child: '' } : { keys: null, child: 0 });
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) open.pop();
    else if (code === COMMA) {
      const top = open.at(-1);
      if (top && !top.keys) top.child = (top.child as number) + 1;
    }
  }
  return problems;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/**
 * The index of the quote that closes the JSON string opening at `start` (the text's length
 * if none does): the first quote after it with an even number of backslashes before it.
 * Found with indexOf, which a 13 MB scenario of long strings makes worth it.
 */
function stringEnd(text: string, start: number): number {
  for (
    let quote = text.indexOf('"', start + 1);
    quote !== -1;
    quote = text.indexOf('"', quote + 1)
  ) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return text.length;
}

/** The JSON string from the quote at `start` to the one at `end`, its escapes read. */
function stringAt(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}

function nextNonSpace(text: string, from: number): string | undefined {
  let i = from;
  while (
    i < text.length &&
    (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')
  )
    i++;
  return text[i];
}
