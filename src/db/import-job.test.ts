/**
 * The page's side of an import in a worker (./import-job.ts). The worker is a stand-in: it
 * answers as the real one does, with progress and then the outcome, and nothing else.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportOutcome } from '../records/import';
import type { ImportMessage } from './import-job';
import { startImport } from './import-job';
import { watchRecordChanges } from './records';

const imported: ImportOutcome = {
  status: 'imported',
  file: 'ana.json',
  trainee: 'Ana Ruiz',
  added: { runs: 1 },
  verifications: [],
  roleplayVerifications: [],
  checkVerifications: [],
  runConflicts: [],
  profileConflict: null,
};

/** A worker that reports `outcome` once asked, then is ended; it never writes anything. */
function standInWorker(outcome: ImportMessage) {
  const ended = vi.fn();
  class StandIn {
    onmessage: ((event: MessageEvent<ImportMessage>) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    postMessage() {
      queueMicrotask(() => {
        this.onmessage?.({
          data: { type: 'progress', progress: { share: 1, stage: 'saving' } },
        } as MessageEvent<ImportMessage>);
        this.onmessage?.({ data: outcome } as MessageEvent<ImportMessage>);
      });
    }
    terminate = ended;
  }
  vi.stubGlobal('Worker', StandIn);
  return ended;
}

const refs = { scenariosByHash: new Map(), roleplaysByHash: new Map(), checksByCourse: new Map() };
const file = new Blob(['{}']) as File;

afterEach(() => vi.unstubAllGlobals());

describe('an import in a worker', () => {
  it('tells the dashboard to read the records again once the worker has imported, though it is ended at once', async () => {
    const ended = standInWorker({ type: 'done', outcome: imported });
    const changed = vi.fn();
    const stop = watchRecordChanges(changed);
    const outcome = await startImport('bundle', file, refs, () => {}).done;
    stop();
    expect(outcome).toBe(imported);
    expect(ended).toHaveBeenCalled();
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('asks for no new read when the file was refused: nothing changed', async () => {
    standInWorker({
      type: 'done',
      outcome: { status: 'rejected', file: 'x.json', problems: [] },
    });
    const changed = vi.fn();
    const stop = watchRecordChanges(changed);
    await startImport('bundle', file, refs, () => {}).done;
    stop();
    expect(changed).not.toHaveBeenCalled();
  });
});
