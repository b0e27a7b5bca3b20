/**
 * A cmi5 session in the browser (cmi5 §8–§10): the site launched by an LMS as an assignable
 * unit. The fetch URL is posted once and its token kept in sessionStorage, so a reload
 * neither posts it again nor sends a second `initialized`; what was completed or passed in
 * a registration is kept in localStorage, so it is never sent twice. Statements go straight
 * to the LMS's LRS, in order, with the launch data's context template merged in.
 */
import {
  CMI5,
  cmi5Allows,
  cmi5Statement,
  cmi5Verdict,
  isoDuration,
  parseLaunch,
  type Cmi5Progress,
  type Cmi5Verb,
  type LaunchData,
  type LaunchParameters,
  type Result,
} from '../../xapi';

interface Stored {
  token: string;
  startedAt: number;
  data: LaunchData;
  initialized: boolean;
  terminated: boolean;
  /** Check attempts already reported, by their time. */
  reported: string[];
}

export class Cmi5Session {
  private constructor(
    readonly launch: LaunchParameters,
    private stored: Stored,
  ) {}

  /** Start (or, after a reload, resume) the session the URL launches; null when not launched. */
  static async start(search: string): Promise<Cmi5Session | null> {
    const launch = parseLaunch(search);
    if (!launch) return null;
    const key = `cmi5:${launch.fetch}`;
    const kept = sessionStorage.getItem(key);
    let stored: Stored;
    if (kept) stored = JSON.parse(kept) as Stored;
    else {
      const response = await fetch(launch.fetch, { method: 'POST' });
      const body = (await response.json()) as { 'auth-token'?: string; 'error-text'?: string };
      if (!response.ok || !body['auth-token'])
        throw new Error(`The LMS refused the launch: ${body['error-text'] ?? response.status}.`);
      stored = {
        token: body['auth-token'],
        startedAt: Date.now(),
        data: { contextTemplate: {}, launchMode: 'Normal' },
        initialized: false,
        terminated: false,
        reported: [],
      };
      sessionStorage.setItem(key, JSON.stringify(stored));
    }
    const session = new Cmi5Session(launch, stored);
    session.stored.data = await session.launchData();
    await session.learnerPreferences();
    session.save();
    if (!stored.initialized) await session.send('initialized');
    return session;
  }

  get data(): LaunchData {
    return this.stored.data;
  }
  get terminated(): boolean {
    return this.stored.terminated;
  }

  private headers(): Record<string, string> {
    return {
      Authorization: `Basic ${this.stored.token}`,
      'X-Experience-API-Version': '1.0.3',
    };
  }

  private query(extra: Record<string, string>): string {
    return new URLSearchParams({
      activityId: this.launch.activityId,
      agent: JSON.stringify(this.launch.actor),
      registration: this.launch.registration,
      ...extra,
    }).toString();
  }

  private async launchData(): Promise<LaunchData> {
    const response = await fetch(
      `${this.launch.endpoint}activities/state?${this.query({ stateId: CMI5.launchData })}`,
      { headers: this.headers() },
    );
    if (!response.ok) throw new Error(`The LMS gave no launch data (${response.status}).`);
    return (await response.json()) as LaunchData;
  }

  /** Read, as §11 asks; the site has one language and no audio, so nothing changes. */
  private async learnerPreferences(): Promise<void> {
    const agent = encodeURIComponent(JSON.stringify(this.launch.actor));
    await fetch(
      `${this.launch.endpoint}agents/profile?agent=${agent}&profileId=${CMI5.learnerPreferences}`,
      { headers: this.headers() },
    ).catch(() => undefined);
  }

  private progressKey = () => `cmi5-progress:${this.launch.registration}:${this.launch.activityId}`;

  private progress(): Cmi5Progress {
    const kept = JSON.parse(
      localStorage.getItem(this.progressKey()) ?? '{}',
    ) as Partial<Cmi5Progress>;
    return {
      completed: !!kept.completed,
      passed: !!kept.passed,
      initialized: this.stored.initialized,
      terminated: this.stored.terminated,
    };
  }

  private save() {
    sessionStorage.setItem(`cmi5:${this.launch.fetch}`, JSON.stringify(this.stored));
  }

  /** Send a cmi5 defined statement if the rules allow it; returns why not, or null. */
  async send(verb: Cmi5Verb, result?: Result): Promise<string | null> {
    const progress = this.progress();
    const refused = cmi5Allows(verb, progress, this.stored.data);
    if (refused) return refused;
    const statement = cmi5Statement(
      crypto.randomUUID(),
      verb,
      this.launch,
      this.stored.data,
      new Date(),
      result,
    );
    const response = await fetch(`${this.launch.endpoint}statements`, {
      method: 'POST',
      headers: { ...this.headers(), 'Content-Type': 'application/json' },
      body: JSON.stringify(statement),
      keepalive: verb === 'terminated',
    });
    if (!response.ok)
      throw new Error(`The LMS did not take the "${verb}" statement (${response.status}).`);
    if (verb === 'initialized') this.stored.initialized = true;
    if (verb === 'terminated') this.stored.terminated = true;
    this.save();
    if (verb === 'completed' || verb === 'passed') {
      localStorage.setItem(this.progressKey(), JSON.stringify({ ...progress, [verb]: true }));
    }
    return null;
  }

  /** A check attempt made in this session: completed (once), then passed or failed. */
  async reportCheck(at: Date, scaled: number, passed: boolean): Promise<void> {
    const key = at.toISOString();
    if (this.stored.reported.includes(key) || at.getTime() < this.stored.startedAt) return;
    this.stored.reported.push(key);
    this.save();
    const seconds = (at.getTime() - this.stored.startedAt) / 1000;
    await this.send('completed', { completion: true, duration: isoDuration(seconds) });
    const verdict = cmi5Verdict(scaled, passed, this.stored.data, seconds);
    await this.send(verdict.verb, verdict.result);
  }

  /** End the session: terminated, last, with the session's duration. */
  async terminate(): Promise<void> {
    const seconds = (Date.now() - this.stored.startedAt) / 1000;
    await this.send('terminated', { duration: isoDuration(seconds) });
  }
}
