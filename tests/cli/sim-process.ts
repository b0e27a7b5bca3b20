/**
 * Running `sim` two ways. `spawnSim` starts a real child process, exactly as
 * `npm run --silent sim -- <verb> ...` runs it (`node --import tsx src/cli/sim.ts`): what only
 * a process shows (its exit code, what reaches a pipe, that no stack trace is printed) is
 * checked that way, a few at a time, since each start costs over half a second of CPU.
 * `callSim` runs the same command file in this process, with its arguments, stdout, stderr
 * and exit code captured: what the command prints is checked that way, in milliseconds.
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

let calls = 0;
let inProcess: Promise<unknown> = Promise.resolve();

/**
 * `sim <args>` in this process: the command file is evaluated afresh (a new module id; the
 * engine it imports is loaded once), with `process.argv` as Node would give it, its writes
 * to stdout and stderr kept, and the exit code it sets read back. Calls run one at a time,
 * since they share the process's streams. stdout is not a terminal, as in a pipe; an
 * exception the command lets escape comes back on stderr with its stack, and code 1, as
 * Node would print it.
 */
export function callSim(args: readonly string[]): Promise<Outcome> {
  const call = inProcess.then(async () => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const saved = {
      argv: process.argv,
      out: process.stdout.write,
      err: process.stderr.write,
      tty: process.stdout.isTTY,
    };
    const keep = (into: string[]) =>
      ((chunk: string | Uint8Array) => {
        into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      }) as typeof process.stdout.write;
    process.argv = [process.execPath, CLI, ...args];
    process.stdout.write = keep(stdout);
    process.stderr.write = keep(stderr);
    process.stdout.isTTY = false;
    process.exitCode = undefined;
    let code: number | null = null;
    try {
      await import(/* @vite-ignore */ `${CLI}?call=${++calls}`);
      code = Number(process.exitCode ?? 0);
    } catch (error) {
      stderr.push(`${(error as Error).stack ?? String(error)}\n`);
      code = 1;
    } finally {
      process.argv = saved.argv;
      process.stdout.write = saved.out;
      process.stderr.write = saved.err;
      process.stdout.isTTY = saved.tty;
      process.exitCode = undefined;
    }
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  });
  inProcess = call.catch(() => undefined);
  return call;
}
