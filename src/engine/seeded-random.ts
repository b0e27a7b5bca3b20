/**
 * The seeded random generator behind generated practice shifts (./generate.ts) and the
 * benchmark's generated warehouses (bench/seeded-random.ts). The same seed gives the same
 * draws on every machine (STYLE.md 5: no `Math.random`): the generator's whole state is
 * one 32-bit number, plain data the caller keeps, advanced by each draw.
 */

/** The generator's state: one unsigned 32-bit number. */
export interface Rng {
  state: number;
}

/** A generator started from a 32-bit seed as it is. */
export function rngFrom(seed: number): Rng {
  return { state: seed >>> 0 };
}

/**
 * A generator for a generated shift: seed and level mixed by murmur3's finaliser, so
 * nearby seeds (and the same seed at another level) start far apart. Seeds up to
 * `Number.MAX_SAFE_INTEGER` are split into their low and high 32 bits.
 */
export function seeded(seed: number, level: number): Rng {
  const mix = (h: number) => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const low = seed % 2 ** 32;
  const high = Math.floor(seed / 2 ** 32);
  return { state: mix(low ^ mix(high ^ mix(level + 0x9e3779b9))) };
}

/**
 * The next draw, an unsigned 32-bit integer: mulberry32 (Tommy Ettinger), an add and a
 * few multiplies, plenty of spread for choosing shifts and test data.
 */
export function nextUint32(rng: Rng): number {
  rng.state = (rng.state + 0x6d2b79f5) >>> 0;
  let t = rng.state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** A uniform number in [0, 1). */
export const fraction = (rng: Rng) => nextUint32(rng) / 2 ** 32;

/** A uniform integer in [min, max], both ends included. */
export const between = (rng: Rng, min: number, max: number) =>
  min + Math.floor(fraction(rng) * (max - min + 1));

/** True with probability `p`. */
export const chance = (rng: Rng, p: number) => fraction(rng) < p;

/** One item of a non-empty list, each equally likely. */
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[between(rng, 0, list.length - 1)]!;

/** A shuffled copy (Fisher-Yates). */
export function shuffle<T>(rng: Rng, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = between(rng, 0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** `n` different items of a list, in random order. */
export const sample = <T>(rng: Rng, list: readonly T[], n: number) =>
  shuffle(rng, list).slice(0, n);
