/**
 * Timing helpers. Every figure in the report is a median: on a shared two-core machine one
 * slow run (a GC pause, a neighbour's build) must not move the result.
 */

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds to two decimals: more digits would only report noise. */
export function ms(value: number): number {
  return Math.round(value * 100) / 100;
}

export function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

/**
 * Collect garbage between timed runs when the process was started with `--expose-gc`
 * (the `bench` script does), so one run does not pay for the previous run's garbage.
 */
export function settleHeap(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export interface Timing {
  medianMs: number;
  samplesMs: number[];
}

/**
 * Time `run` after `warmups` untimed runs (so the JIT has compiled the hot paths). `prepare`
 * builds each run's input outside the timed region, e.g. a fresh engine state.
 */
export function timeRuns<Input>(
  label: string,
  options: { warmups: number; runs: number },
  prepare: () => Input,
  run: (input: Input) => unknown,
): Timing {
  const samples: number[] = [];
  for (let i = 0; i < options.warmups + options.runs; i++) {
    const input = prepare();
    settleHeap();
    const start = performance.now();
    run(input);
    const elapsed = performance.now() - start;
    const warmup = i < options.warmups;
    if (!warmup) samples.push(elapsed);
    const number = warmup ? i + 1 : i + 1 - options.warmups;
    progress(`${label}: ${warmup ? 'warm-up' : 'run'} ${number} ${ms(elapsed)} ms`);
  }
  return { medianMs: ms(median(samples)), samplesMs: samples.map(ms) };
}

/**
 * Time two runs in alternation (a, b, a, b...) and report each median and the median of
 * the per-pair ratios a/b. On a shared machine a burst of load then slows both sides of a
 * pair alike, so the ratio stays steady where two separate series would drift apart.
 */
export function timePairs<Input>(
  labels: [string, string],
  options: { warmups: number; runs: number },
  prepare: () => Input,
  a: (input: Input) => unknown,
  b: (input: Input) => unknown,
): { a: Timing; b: Timing; ratio: number } {
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  const time = (run: (input: Input) => unknown) => {
    const input = prepare();
    settleHeap();
    const start = performance.now();
    run(input);
    return performance.now() - start;
  };
  for (let i = 0; i < options.warmups + options.runs; i++) {
    const elapsedA = time(a);
    const elapsedB = time(b);
    if (i >= options.warmups) {
      samplesA.push(elapsedA);
      samplesB.push(elapsedB);
    }
    progress(`${labels[0]} ${ms(elapsedA)} ms / ${labels[1]} ${ms(elapsedB)} ms`);
  }
  const ratios = samplesA.map((value, i) => value / samplesB[i]!);
  return {
    a: { medianMs: ms(median(samplesA)), samplesMs: samplesA.map(ms) },
    b: { medianMs: ms(median(samplesB)), samplesMs: samplesB.map(ms) },
    ratio: Math.round(median(ratios) * 100) / 100,
  };
}

/** Progress goes to stderr so stdout stays one JSON object. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
