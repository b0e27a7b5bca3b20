/**
 * Content trainers wrote in this browser, read back from storage (db/ `customContent` rows):
 * the source text is checked again by the same loaders as the built-in files each time it
 * is read, since storage is input too (a row edited by hand, or saved by an older version,
 * must not reach a player, a replay or a live session). One place for what the players,
 * the trainer's records and console, and the manager's role-play review did each on their own.
 */
import { parseScenario } from '../engine/load';
import type { Result } from '../engine/problems';
import type { Scenario } from '../engine/schema';
import { parseRoleplay } from '../roleplay/load';
import type { Roleplay } from '../roleplay/schema';

/** A stored row, as far as reading it back needs: which loader, and the text. */
export interface StoredContent {
  kind: 'scenario' | 'roleplay';
  source: string;
}

/** What a stored row holds once it loads. */
export type LoadedContent =
  { kind: 'scenario'; scenario: Scenario } | { kind: 'roleplay'; roleplay: Roleplay };

// The label names no file ('scenario', 'roleplay': no extension), so the loaders do not ask
// the id to match a file name: the id is the author's.

/** A stored scenario's source, checked again. */
export function parseStoredScenario(row: Pick<StoredContent, 'source'>): Result<Scenario> {
  return parseScenario(row.source, 'scenario');
}

/** A stored role-play's source, checked again. */
export function parseStoredRoleplay(row: Pick<StoredContent, 'source'>): Result<Roleplay> {
  return parseRoleplay(row.source, 'roleplay');
}

/** A stored row of either kind, checked again with its kind's loader. */
export function parseStoredContent(row: StoredContent): Result<LoadedContent> {
  if (row.kind === 'scenario') {
    const parsed = parseStoredScenario(row);
    return parsed.ok ? { ok: true, value: { kind: 'scenario', scenario: parsed.value } } : parsed;
  }
  const parsed = parseStoredRoleplay(row);
  return parsed.ok ? { ok: true, value: { kind: 'roleplay', roleplay: parsed.value } } : parsed;
}

/** The stored role-plays that still load, in the rows' order; the others are left out. */
export function roleplaysThatLoad(rows: readonly Pick<StoredContent, 'source'>[]): Roleplay[] {
  return rows.flatMap((row) => {
    const parsed = parseStoredRoleplay(row);
    return parsed.ok ? [parsed.value] : [];
  });
}
