/**
 * Running `sim` as a real child process, exactly as `npm run --silent sim -- <verb> ...`
 * runs it (`node --import tsx src/cli/sim.ts`), a few at a time: each start costs about half a second.
 */
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'src/cli/sim.ts');

/** A stack frame line, as Node prints it: never to reach a user. */
export const STACK_FRAME = '    at ';

export interface Outcome {
  /** Exit code; null if the process was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
}

const PARALLEL = Math.max(2, Math.min(8, availableParallelism() * 2));
let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(task: () => Promise<T>): Promise<T> {
  if (running < PARALLEL) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve)); // the slot is handed over
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** `sim <args>` in a child process; killed after 60 s (exit code null). */
export function spawnSim(args: readonly string[]): Promise<Outcome> {
  return withSlot(
    () =>
      new Promise<Outcome>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', CLI, ...args],
          { cwd: ROOT, timeout: 60_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
          (error, stdout, stderr) => {
            const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
            resolve({ code, stdout, stderr });
          },
        );
      }),
  );
}
