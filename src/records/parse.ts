/**
 * Reading a bundle file: size, JSON, shape, in that order, with every problem listed by
 * field path (STYLE.md 4). Nothing is stored here; src/db/records.ts stores a bundle only
 * once this says it is sound.
 */
import { formatPath, type Problem, type Result } from '../engine/problems';
import { MAX_BUNDLE_BYTES, bundleSchema, type Bundle } from './schema';

/** Keys that would reach an object's prototype when copied; never accepted from a file. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 24;
const MAX_PROBLEMS = 50;

/**
 * Paths of keys a file must not use, and of nesting deeper than any bundle has. Walked
 * before zod, because copying a `__proto__` key would change the copy's prototype.
 */
function unsafeShapes(root: unknown, file: string): Problem[] {
  const problems: Problem[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length > MAX_DEPTH) {
      problems.push({ file, path: formatPath(path), message: 'nested too deeply' });
      continue;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key))
        problems.push({
          file,
          path: formatPath(path),
          message: `the key "${key}" is not allowed`,
        });
      else stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return problems;
}

/** Read a bundle from a file's text; `bytes` is the file's size as the browser reports it. */
export function parseBundle(text: string, file: string, bytes = text.length): Result<Bundle> {
  if (bytes > MAX_BUNDLE_BYTES)
    return {
      ok: false,
      problems: [
        {
          file,
          path: '',
          message: `the file is ${Math.round(bytes / 1e6)} MB; a bundle may be at most ${MAX_BUNDLE_BYTES / 1024 / 1024} MB`,
        },
      ],
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'not JSON';
    return {
      ok: false,
      problems: [
        {
          file,
          path: '',
          message: `not a progress bundle: the file is not complete JSON (${reason})`,
        },
      ],
    };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return {
      ok: false,
      problems: [{ file, path: '', message: 'not a progress bundle: expected a JSON object' }],
    };
  if ((data as { format?: unknown }).format !== 'backorder-academy-progress')
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
  const unsafe = unsafeShapes(data, file);
  if (unsafe.length > 0) return { ok: false, problems: unsafe };
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
