/**
 * `npm test`: every check, in three lanes while they do not need each other, then the
 * browser tests on the build the second lane made.
 *
 *   lane 1  format, JSON Schema freshness, type check
 *   lane 2  build, bundle budgets
 *   lane 3  unit, property and CLI tests
 *   then    browser tests (Playwright) against that build
 *
 * On two cores the lanes share the machine: the format check, the type check and the build
 * each keep one core busy, and one after the other they left the second core idle for most
 * of two minutes. Each step's output is printed whole when it ends, under its name and time,
 * so lanes never interleave. A failed step stops its lane; the browser tests start only when
 * every lane passed.
 */
import { spawn } from 'node:child_process';

interface Step {
  name: string;
  command: string;
  env?: Record<string, string>;
}

const LANES: Step[][] = [
  [
    { name: 'format', command: 'prettier --check .' },
    { name: 'JSON Schemas', command: 'tsx scripts/generate-schema.ts --check' },
    { name: 'types', command: 'astro check' },
  ],
  [
    { name: 'build', command: 'astro build' },
    { name: 'bundle budgets', command: 'tsx scripts/check-bundle.ts' },
  ],
  [{ name: 'unit, property and CLI tests', command: 'vitest run' }],
];

const BROWSER: Step = {
  name: 'browser tests',
  command: 'playwright test',
  env: { PLAYWRIGHT_PREBUILT: '1' },
};

/** Runs one step with its output kept; the browser tests, the long one, print as they go. */
function run(step: Step, live = false): Promise<boolean> {
  const started = performance.now();
  const output: Buffer[] = [];
  if (live) process.stdout.write(`\n> ${step.name}: ${step.command}\n`);
  return new Promise((resolve) => {
    const child = spawn(step.command, {
      shell: true,
      env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0', ...step.env },
      stdio: ['ignore', live ? 'inherit' : 'pipe', live ? 'inherit' : 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`;
      if (!live) process.stdout.write(`\n> ${step.name}: ${step.command}\n`);
      process.stdout.write(Buffer.concat(output));
      process.stdout.write(`< ${step.name} ${verdict} in ${seconds} s\n`);
      resolve(code === 0);
    });
  });
}

async function lane(steps: Step[]): Promise<boolean> {
  for (const step of steps) if (!(await run(step))) return false;
  return true;
}

const lanes = await Promise.all(LANES.map(lane));
process.exitCode = lanes.every(Boolean) && (await run(BROWSER, true)) ? 0 : 1;
