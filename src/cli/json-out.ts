/**
 * Compact JSON written in pieces: the same text as `JSON.stringify(value)`, handed to
 * `write` about a megabyte at a time instead of as one string.
 *
 * `sim run` on a 100,000-line warehouse prints about 86 MB. As one string that is a
 * two-byte string of twice that size (the notices hold a few non-Latin-1 characters), then
 * a buffer of its UTF-8, and the garbage collector and the kernel spend more time on those
 * than on the stringifying. Here only one small piece is ever held at a time.
 */

/** How much text is gathered before it is handed on. */
const CHUNK_CHARS = 1 << 20;

/** Containers this far down (the top-level value is depth 0) are stringified whole. */
const WHOLE_BELOW_DEPTH = 2;

/** Writes `JSON.stringify(value)` through `write` in pieces, byte for byte the same text. */
export function writeCompactJson(value: unknown, write: (chunk: string) => void): void {
  let pending = '';
  const emit = (text: string) => {
    pending += text;
    if (pending.length >= CHUNK_CHARS) {
      write(pending);
      pending = '';
    }
  };
  if (!isWalkable(value)) {
    // A number, a string, a Date…: one small piece. A value with no JSON text writes nothing.
    const text = JSON.stringify(value) as string | undefined;
    if (text !== undefined) write(text);
    return;
  }
  walk(value, 0, emit);
  if (pending) write(pending);
}

/** Arrays and plain objects: the containers whose text is the join of their parts. */
function isWalkable(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  // `toJSON` (a Date, say) replaces the object, so its text is JSON.stringify's to give.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function walk(value: object, depth: number, emit: (text: string) => void): void {
  if (Array.isArray(value)) {
    emit('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) emit(',');
      // An element with no JSON text (undefined, a function, a symbol) is written null.
      emit(textOf(value[i], depth + 1, emit) ?? 'null');
    }
    emit(']');
    return;
  }
  emit('{');
  let first = true;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    // A member with no JSON text is left out, as JSON.stringify leaves it out.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    emit(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    emit(textOf(item, depth + 1, emit) ?? 'null');
  }
  emit('}');
}

/**
 * The text of one member: returned when it is small enough to stringify whole, or written
 * through `emit` (returning '') when it is a container to walk.
 */
function textOf(value: unknown, depth: number, emit: (text: string) => void): string | undefined {
  if (depth < WHOLE_BELOW_DEPTH && isWalkable(value)) {
    walk(value, depth, emit);
    return '';
  }
  return JSON.stringify(value) as string | undefined;
}
