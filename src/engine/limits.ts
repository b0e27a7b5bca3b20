/**
 * Limits on input files, in one place (README, "Limits on input files"). A file from
 * outside is checked against them before it is parsed, so an oversized, endless or hostile
 * file is refused with a message that names the limit instead of exhausting memory or the
 * call stack. Each limit sits far above anything the project makes itself.
 *
 * This module imports nothing, so the manager's first screen can show the bundle limit
 * without loading the engine (src/records/limits.ts).
 */

/**
 * Largest scenario file. The 20,000-order benchmark warehouse (bench/engine.bench.ts) is
 * 8 MB as YAML and 13 MB as indented JSON; a 50 MB file ran the CLI out of memory.
 */
export const MAX_SCENARIO_BYTES = 16 * 1024 * 1024;

/** Largest role-play file: the built-in ones are under 10 kB. */
export const MAX_ROLEPLAY_BYTES = 1024 * 1024;

/**
 * Largest scenario or role-play typed or imported on the trainer's authoring page, where
 * the text is checked as it is typed and kept in the browser's storage.
 */
export const MAX_AUTHORED_BYTES = 512 * 1024;

/**
 * Largest log file `sim score` reads (an array of entries, or the whole output of
 * `sim run`): a bundle run may have 20,000 entries, about 6 MB.
 */
export const MAX_LOG_BYTES = 32 * 1024 * 1024;

/** Largest progress bundle or backup a manager imports: 1,000 long shifts are about 20 MB. */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;

/**
 * Deepest nesting of lists and maps in any file. A scenario needs 6 levels
 * (`events[0].order.lines[0].sku`); far deeper input only serves to overflow the stack of
 * a recursive parser.
 */
export const MAX_NESTING = 24;

/**
 * How far YAML aliases (`*name`) may expand, as the yaml library counts it
 * (`maxAliasCount`): a few anchors reused are fine, a "billion laughs" file is not.
 */
export const MAX_YAML_ALIASES = 100;

/**
 * Largest quantity anywhere (on hand, ordered, received, counted). It keeps every sum of
 * quantities a safe integer, and no warehouse counts a billion of one item.
 */
export const MAX_QUANTITY = 1_000_000_000;

/** Largest unit price, so that quantity x price stays a finite, exact-enough number. */
export const MAX_PRICE = 1_000_000_000;

/** A byte count as people read it: `16 MB`, `512 kB`, `300 bytes`. */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  const kb = bytes / 1024;
  if (kb >= 1) return `${Number.isInteger(kb) ? kb : kb.toFixed(1)} kB`;
  return `${bytes} bytes`;
}
