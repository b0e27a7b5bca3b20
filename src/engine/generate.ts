/**
 * Random practice shifts: a scenario generated from a seed and a level, so trainees never
 * run out of practice. The same seed and level always give the same shift, byte for byte
 * (`canonicalJson`), on every machine: the only source of chance is the small seeded
 * generator of ./seeded-random.ts, whose whole state is one 32-bit number, and the only
 * clock is the one the scenario itself defines (STYLE.md 5: no `Math.random`, no
 * `Date.now`).
 *
 * A shift is drawn from a fixed list of believable products of one trade (plumbing and
 * heating, electrical, or building supplies), with look-alike pairs on neighbouring bins,
 * customers of every tier, orders with the quantities a trade counter sees, purchase orders
 * with ETAs and customer messages in the customers' own words. Stock is set from demand so
 * that every shift has backorders: each short SKU has fewer units on hand than the open
 * orders at the start ask for.
 *
 * Events that depend on the state of the warehouse at their moment (which order a customer
 * asks about, which reservation a cycle count cuts into) are chosen by running the
 * autopilot on the shift drafted so far, so a message is always about an order that is
 * really waiting and a count really falls below what is reserved.
 *
 * This module is the way in; the work is in ./shift-builder.ts, which draws on the data
 * of ./trade-catalogue.ts (products, distributors, customers) and ./customer-messages.ts
 * (what customers write).
 */
import type { Scenario, ScenarioInput } from './schema';
import { seeded } from './seeded-random';
import { mustValidate, ShiftBuilder } from './shift-builder';

/** What a random shift is generated from. */
export interface GenerateOptions {
  /** Any non-negative safe integer. */
  seed: number;
  /** 1 beginner, 2 intermediate, 3 advanced. */
  level: 1 | 2 | 3;
}

/** The id of a generated shift, which is also the file name it must be saved under. */
export function randomScenarioId({ seed, level }: GenerateOptions): string {
  return `random-${level}-${seed}`;
}

/**
 * A random practice shift, validated by the same rules as a scenario file (`id` equals the
 * file name `random-<level>-<seed>.yaml`). Throws only on a bad seed or level, or if the
 * generator itself produced an invalid scenario (a bug here, never bad input).
 */
export function generateScenario(options: GenerateOptions): Scenario {
  return mustValidate(generateScenarioInput(options));
}

/**
 * The same shift as `generateScenario`, in the form an author writes (defaults left out),
 * for printing as a scenario file.
 */
export function generateScenarioInput(options: GenerateOptions): ScenarioInput {
  const { seed, level } = options;
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new RangeError(`seed must be a non-negative safe integer, got ${String(seed)}`);
  if (level !== 1 && level !== 2 && level !== 3)
    throw new RangeError(`level must be 1, 2 or 3, got ${String(level)}`);
  return new ShiftBuilder(seeded(seed, level), seed, level, randomScenarioId(options)).build();
}
