/**
 * Reading a file from disk no further than its size limit (src/engine/limits.ts): a huge
 * file is refused by its size before it is read, and one that never ends (`/dev/zero`, a
 * pipe) once it passes the limit, so neither fills memory. Used by the `sim` command line
 * and the build's reading of `simulations/`.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { sizeLimitProblem, type FileKind } from '../engine/file-text';
import { formatBytes } from '../engine/limits';
import type { Problem, Result } from '../engine/problems';

const CHUNK_BYTES = 256 * 1024;

/** The text of the file at `path` (UTF-8), or why it cannot be had; `file` names it in messages. */
export function readLimitedText(path: string, file: string, kind: FileKind): Result<string> {
  const refuse = (message: string): Result<string> => ({
    ok: false,
    problems: [{ file, path: '', message }],
  });
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return refuse(unreadable(error));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return refuse('is a folder, not a file');
    const tooLarge: Problem | null = sizeLimitProblem(stat.size, file, kind);
    if (tooLarge) return { ok: false, problems: [tooLarge] };
    // Devices and pipes report no size: they are read until they pass the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    const chunk = Buffer.alloc(CHUNK_BYTES);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      length += read;
      if (length > kind.maxBytes)
        return refuse(
          `the file is larger than ${formatBytes(kind.maxBytes)}, the most ${kind.what} may be`,
        );
      chunks.push(Buffer.from(chunk.subarray(0, read)));
    }
    return { ok: true, value: Buffer.concat(chunks, length).toString('utf8') };
  } catch (error) {
    return refuse(unreadable(error));
  } finally {
    closeSync(fd);
  }
}

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`;
}
