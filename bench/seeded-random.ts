/**
 * A small seeded pseudo-random generator for the benchmark's generated warehouses.
 * STYLE.md 5 rules out `Math.random`: the same seed must give the same scenario on every
 * machine, so two bench reports compare the same work. The draws are the engine's own
 * mulberry32 (src/engine/seeded-random.ts), the one generated practice shifts use.
 */
import { between, chance, fraction, pick, rngFrom, type Rng } from '../src/engine/seeded-random';

/** The engine's generator with the few extra draws the bench's data needs. */
export class SeededRandom {
  private readonly rng: Rng;

  constructor(seed: number) {
    this.rng = rngFrom(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return fraction(this.rng);
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return between(this.rng, min, max);
  }

  chance(probability: number): boolean {
    return chance(this.rng, probability);
  }

  pick<T>(items: readonly T[]): T {
    return pick(this.rng, items);
  }

  /** One of `choices`, each drawn with its weight (weights need not sum to 1). */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }
}

/**
 * Draws indices 0..n-1 with Zipf-like popularity (weight 1 / (rank + 1)^exponent): a few
 * fast movers take most of the demand, as on any real warehouse's ABC analysis.
 */
export function zipfSampler(random: SeededRandom, n: number, exponent: number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / Math.pow(i + 1, exponent);
    cumulative[i] = total;
  }
  return () => {
    const roll = random.next() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! > roll) high = mid;
      else low = mid + 1;
    }
    return low;
  };
}
