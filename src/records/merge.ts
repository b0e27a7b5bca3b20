/**
 * What a bundle may change of a record already on this browser (issue 11, item 2). A later
 * bundle reusing a trainee's profile id, or a run id, must not quietly rewrite them: a
 * finished run is immutable, and a profile that arrives under another name or team waits
 * for the manager to choose. Pure decisions; src/db/records.ts writes what they allow.
 */
import { canonicalJson } from '../engine/canonical';

type RunStatus = 'running' | 'ended' | 'abandoned';

/** A run as the merge needs it: its state and its log. */
export interface RunState {
  status: RunStatus;
  updatedAt: Date;
  log: readonly unknown[];
}

/**
 * What to do with a bundle's run, given the run stored under the same id:
 * - `add`: none is stored;
 * - `same`: nothing new (an identical re-import, or an older state of a shift still open here);
 * - `continue`: the stored shift was still running and the bundle holds its later state,
 *   the same log with more entries after it;
 * - `conflict`: anything else. A finished run never changes, and an open one is only ever
 *   extended, so a different log is someone else's story under this id.
 */
export type RunMerge =
  { kind: 'add' } | { kind: 'same' } | { kind: 'continue' } | { kind: 'conflict'; reason: string };

/** How many leading entries two logs share, compared as canonical JSON. */
function sharedPrefix(a: readonly unknown[], b: readonly unknown[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (canonicalJson(a[i]) !== canonicalJson(b[i])) return i;
  return length;
}

export function runMerge(stored: RunState | undefined, incoming: RunState): RunMerge {
  if (!stored) return { kind: 'add' };
  const shared = sharedPrefix(stored.log, incoming.log);
  const sameLog = shared === stored.log.length && shared === incoming.log.length;
  if (stored.status !== 'running') {
    if (sameLog && incoming.status === stored.status) return { kind: 'same' };
    return {
      kind: 'conflict',
      reason: sameLog
        ? `this run already ${stored.status} here; the bundle says it is ${incoming.status}`
        : `this run already ${stored.status} here with ${stored.log.length} log entries; the bundle's log (${incoming.log.length} entries) differs from entry ${shared + 1}`,
    };
  }
  // The stored shift is still open: the bundle may carry it further, never rewrite it.
  if (shared === stored.log.length) {
    if (sameLog && incoming.status === 'running') return { kind: 'same' };
    return incoming.updatedAt.getTime() >= stored.updatedAt.getTime()
      ? { kind: 'continue' }
      : {
          kind: 'conflict',
          reason: 'the bundle holds a later log of this run but an earlier save time',
        };
  }
  if (shared === incoming.log.length && incoming.status === 'running') return { kind: 'same' };
  return {
    kind: 'conflict',
    reason: `the bundle's log of this run differs from the one stored here from entry ${shared + 1}`,
  };
}

/** A profile's identity as the manager sees it. */
export interface ProfileIdentity {
  name: string;
  team?: string;
}

/** The fields that differ between the stored profile and a bundle's, or null when none do. */
export function profileDifferences(
  stored: ProfileIdentity,
  incoming: ProfileIdentity,
): ('name' | 'team')[] | null {
  const fields: ('name' | 'team')[] = [];
  if (stored.name !== incoming.name) fields.push('name');
  if ((stored.team ?? '') !== (incoming.team ?? '')) fields.push('team');
  return fields.length > 0 ? fields : null;
}

/** A run of a bundle that was not applied, and why. */
export interface RunConflict {
  runId: string;
  reason: string;
}

/**
 * A bundle whose profile id is known here under another name or team. The stored profile
 * stays as it is until the manager keeps it or takes the incoming one.
 */
export interface ProfileConflict {
  profileId: string;
  existing: ProfileIdentity;
  incoming: ProfileIdentity;
  fields: ('name' | 'team')[];
  /** Set once the manager has chosen. */
  resolution?: 'kept' | 'taken';
}
