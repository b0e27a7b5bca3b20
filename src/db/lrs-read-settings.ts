/**
 * The manager's LRS read settings (issue 15): the read key, kept in this browser's settings
 * only, and what the last read found. A module of their own, so the dashboard can show them
 * without loading the reader (./lrs-read.ts) and the import pipeline behind it.
 */
import { normaliseBase } from '../xapi/identity';
import { database } from './database';

/** Where the dashboard reads statements, as the manager saved it. */
export interface LrsReadConfig {
  endpoint: string;
  /** The activity base the trainees' statements use (the academy's category activity). */
  activityBase: string;
  key?: string;
  secret?: string;
  token?: string;
}

/** What the last read found, for the dashboard to show. */
export interface LrsReadLog {
  /** When the read finished (ISO 8601). */
  at: string;
  statements: number;
  trainees: string[];
  added: number;
  flagged: number;
  problems: string[];
}

export interface LrsReadState {
  /** The `stored` time of the newest statement read: the next read asks for later ones. */
  since?: string;
  last?: LrsReadLog;
}

export type LrsReadOutcome =
  | { status: 'read'; log: LrsReadLog }
  | { status: 'credentials' | 'offline' | 'failed'; message: string };

const CONFIG = 'lrsRead';
/** The setting holding what the last read found and how far it came (./lrs-read.ts writes it). */
export const LRS_READ_STATE = 'lrsReadState';
const STATE = LRS_READ_STATE;
/** The settings that never leave this browser (a backup leaves them out). */
export const LRS_READ_SETTINGS = [CONFIG, STATE];

export function lrsReadConfigProblem(config: LrsReadConfig): string | null {
  const url = (value: string, field: string) => {
    try {
      return /^https?:$/.test(new URL(value).protocol)
        ? null
        : `${field} must start with https:// or http://.`;
    } catch {
      return `${field} is not a web address.`;
    }
  };
  return (
    url(config.endpoint, 'Endpoint') ??
    url(config.activityBase, 'Activity base') ??
    (config.token || (config.key && config.secret) ? null : 'Give a key and a secret, or a token.')
  );
}

export async function lrsReadSettings(): Promise<{
  config: LrsReadConfig | null;
  state: LrsReadState;
}> {
  const db = database();
  const [config, state] = await Promise.all([db.settings.get(CONFIG), db.settings.get(STATE)]);
  return {
    config: config ? (JSON.parse(config.value) as LrsReadConfig) : null,
    state: state ? (JSON.parse(state.value) as LrsReadState) : {},
  };
}

/** Save the read key (a new endpoint or base starts reading from the beginning), or forget it. */
export async function saveLrsReadConfig(config: LrsReadConfig | null): Promise<void> {
  const db = database();
  if (!config) {
    await db.settings.bulkDelete(LRS_READ_SETTINGS);
    return;
  }
  const problem = lrsReadConfigProblem(config);
  if (problem) throw new Error(problem);
  const clean: LrsReadConfig = {
    ...config,
    endpoint: normaliseBase(config.endpoint.trim()),
    activityBase: normaliseBase(config.activityBase.trim()),
  };
  await db.transaction('rw', db.settings, async () => {
    const { config: before } = await lrsReadSettings();
    if (before?.endpoint !== clean.endpoint || before.activityBase !== clean.activityBase)
      await db.settings.delete(STATE);
    await db.settings.put({ key: CONFIG, value: JSON.stringify(clean) });
  });
}
