/**
 * Reading a bundle file: size, JSON, shape, in that order, with every problem listed by
 * field path (STYLE.md 4). Nothing is stored here; src/db/records.ts stores a bundle only
 * once this says it is sound.
 */
import { encodingProblem, jsonShapeProblems, sizeLimitProblem } from '../engine/file-text';
import { MAX_NESTING } from '../engine/limits';
import { formatPath, type Problem, type Result } from '../engine/problems';
import { MAX_BUNDLE_BYTES, MAX_TEXT, bundleSchema, type Bundle } from './schema';

/** Keys that would reach an object's prototype when copied; never accepted from a file. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Bundles nest no deeper than scenario files: the same limit (src/engine/limits.ts). */
const MAX_DEPTH = MAX_NESTING;
const MAX_PROBLEMS = 50;

interface Place {
  parent: Place | null;
  key: string | number;
}

function pathOf(place: Place | null): string {
  const parts: (string | number)[] = [];
  for (let p = place; p; p = p.parent) parts.push(p.key);
  return formatPath(parts.reverse());
}

/**
 * What zod is not asked to check in the parts of a bundle kept as plain data (logs,
 * answers, role-play steps): keys that would reach an object's prototype when copied,
 * nesting deeper than any bundle has, and overlong strings. One pass over the whole file,
 * before zod, so a `__proto__` key never reaches a copy.
 */
function unsafeShapes(root: unknown, file: string): Problem[] {
  const problems: Problem[] = [];
  const stack: { value: unknown; place: Place | null; depth: number }[] = [
    { value: root, place: null, depth: 0 },
  ];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, place, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > MAX_TEXT)
        problems.push({
          file,
          path: pathOf(place),
          message: `must be ${MAX_TEXT} characters or fewer`,
        });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) {
      problems.push({ file, path: pathOf(place), message: 'nested too deeply' });
      continue;
    }
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++)
        stack.push({ value: value[index], place: { parent: place, key: index }, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key))
        problems.push({ file, path: pathOf(place), message: `the key "${key}" is not allowed` });
      else
        stack.push({
          value: (value as Record<string, unknown>)[key],
          place: { parent: place, key },
          depth: depth + 1,
        });
    }
  }
  return problems;
}

/** Why a file is not JSON: cut short or broken, or not JSON at all (YAML, a document). */
function notJson(text: string, file: string, what: string, error: unknown): Problem {
  const first = /\S/.exec(text)?.[0];
  if (first !== undefined && first !== '{' && first !== '[')
    return {
      file,
      path: '',
      message: `not ${what}: the file is not JSON (it does not start with "{"; YAML and other text are not read)`,
    };
  const reason = error instanceof Error ? error.message.split('\n')[0] : 'not JSON';
  return { file, path: '', message: `not ${what}: the file is not complete JSON (${reason})` };
}

/**
 * A file's text as a JSON object, with the checks any file from outside gets: its size,
 * complete JSON, an object at the top, no prototype keys, bounded nesting and strings.
 * `what` names the kind of file expected, for the messages.
 */
export function checkedJson(
  text: string,
  file: string,
  bytes: number,
  maxBytes: number,
  what: string,
): Result<Record<string, unknown>> {
  const size = sizeLimitProblem(bytes, file, { maxBytes, what });
  if (size) return { ok: false, problems: [size] };
  const encoding = encodingProblem(text, file);
  if (encoding) return { ok: false, problems: [encoding] };
  // A UTF-8 byte order mark is harmless, but JSON.parse refuses it.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return { ok: false, problems: [notJson(body, file, what, error)] };
  }
  // JSON.parse keeps the last of two equal keys without a word: a file with them is refused.
  const shape = jsonShapeProblems(body, file);
  if (shape.length > 0) return { ok: false, problems: shape };
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return {
      ok: false,
      problems: [{ file, path: '', message: `not ${what}: expected a JSON object` }],
    };
  const unsafe = unsafeShapes(data, file);
  if (unsafe.length > 0) return { ok: false, problems: unsafe };
  return { ok: true, value: data as Record<string, unknown> };
}

/** Read a bundle from a file's text; `bytes` is the file's size as the browser reports it. */
export function parseBundle(text: string, file: string, bytes = text.length): Result<Bundle> {
  const checked = checkedJson(text, file, bytes, MAX_BUNDLE_BYTES, 'a progress bundle');
  if (!checked.ok) return checked;
  const data = checked.value;
  if (data.format !== 'backorder-academy-progress')
    return {
      ok: false,
      problems: [
        {
          file,
          path: 'format',
          message:
            'not a progress bundle: "format" must be "backorder-academy-progress" (use "Export my progress" to make one)',
        },
      ],
    };
  const parsed = bundleSchema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
      file,
      path: formatPath(issue.path),
      message: issue.message,
    })),
  };
}
