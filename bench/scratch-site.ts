/**
 * A browser benchmark's own copy of the site: the project copied to a scratch folder (so a
 * benchmark can add files such as a generated scenario without touching the checkout),
 * built, and served by `astro preview` on a port of its own. Removed afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { progress } from './measure';

const PROJECT = [
  'src',
  'content',
  'simulations',
  'public',
  'astro.config.mjs',
  'svelte.config.js',
  'tsconfig.json',
  'package.json',
];

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error('preview exited');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no server at ${url}`);
}

/**
 * Refuse a port something already listens on: `astro preview` would quietly move to another
 * port, and the benchmark would then wait on, or measure, whatever server holds this one
 * (another checkout's build on a shared machine).
 */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(new Error(`port ${port} is in use: set BENCH_PORT to a free port`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/**
 * Build a scratch copy of the site (after `prepare` has changed it, if given), serve it on
 * `port`, wait until `ready` (a path) answers, and hand its base address to `use`.
 */
export async function withScratchSite<T>(
  options: { name: string; port: number; ready: string; prepare?: (site: string) => void },
  use: (base: string) => Promise<T>,
): Promise<T> {
  await assertPortFree(options.port);
  const site = mkdtempSync(join(tmpdir(), `${options.name}-`));
  let preview: ChildProcess | null = null;
  try {
    progress(`copying the project to ${site}`);
    for (const entry of PROJECT) cpSync(entry, join(site, entry), { recursive: true });
    symlinkSync(join(process.cwd(), 'node_modules'), join(site, 'node_modules'));
    options.prepare?.(site);
    progress('building the site');
    await run('npx', ['astro', 'build'], site);
    // Its own process group, so stopping it stops the server npx starts, not only npx.
    preview = spawn(
      'npx',
      ['astro', 'preview', '--host', '127.0.0.1', '--port', String(options.port)],
      {
        cwd: site,
        stdio: 'ignore',
        detached: true,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      },
    );
    const base = `http://127.0.0.1:${options.port}`;
    await waitForServer(`${base}${options.ready}`, preview);
    return await use(base);
  } finally {
    if (preview?.pid) process.kill(-preview.pid);
    if (existsSync(site)) rmSync(site, { recursive: true, force: true });
  }
}
