/**
 * The manager dashboard's state: the scenarios this build knows (fetched from
 * /manager/scenarios.json, with their content hashes, to verify imported runs), every
 * trainee's records from storage, the attempt policy, and the filter. Storage and the
 * scenarios load lazily, so the page starts light; the roster is read again whenever
 * storage changes (imports, deletions, other tabs).
 */
import type { Scenario } from '../../engine/schema';
import type { Roleplay } from '../../roleplay/schema';
import type { CourseChecks } from '../../records/verify-check';
import type {
  AttemptPolicy,
  RecordFilter,
  ScenarioInfo,
  TraineeRecord,
} from '../../records/aggregate';

type Storage = typeof import('../../db/index');
type Records = Awaited<ReturnType<Storage['loadRecordStorage']>>;

let modules: Promise<[Records, Storage]> | null = null;

/** The storage modules, loaded once. */
export function loadRecords(): Promise<[Records, Storage]> {
  modules ??= import('../../db/index').then(async (storage) => [
    await storage.loadRecordStorage(),
    storage,
  ]);
  return modules;
}

export class Dashboard {
  status = $state<'loading' | 'ready' | 'unavailable'>('loading');
  problem = $state<string | null>(null);
  records = $state.raw<TraineeRecord[]>([]);
  policy = $state<AttemptPolicy>('best');
  filter = $state<RecordFilter>({});
  scenarios = $state.raw<Map<string, ScenarioInfo>>(new Map());
  /** Full scenarios by content hash, for verification and replays. */
  byHash = $state.raw<Map<string, Scenario>>(new Map());
  byId = $state.raw<Map<string, Scenario>>(new Map());
  /** Role-plays this build knows by content hash, to check results and show transcripts. */
  roleplaysByHash = $state.raw<Map<string, Roleplay>>(new Map());
  /** Each course's checks, to mark imported check attempts again from their answers. */
  checksByCourse = $state.raw<Map<string, CourseChecks>>(new Map());
  /** Role-play titles by id, for the trainee's page. */
  roleplayTitles = $state.raw<Map<string, string>>(new Map());
  /** Milliseconds from start() to the first roster with data, for the benchmark. */
  readyAfter = $state<number | null>(null);

  /** Start loading and following storage; returns a function that stops. */
  start(): () => void {
    const started = performance.now();
    // Marks for bench/manager.bench.ts: where the time to a full roster goes.
    performance.mark('manager:start');
    let stopped = false;
    let unsubscribe: (() => void) | null = null;
    void (async () => {
      try {
        const [[records, storage], scenarios, roleplays, checks] = await Promise.all([
          loadRecords(),
          fetch('/manager/scenarios.json').then(
            (r) => r.json() as Promise<{ scenarios: { hash: string; scenario: Scenario }[] }>,
          ),
          fetch('/manager/roleplays.json').then(
            (r) => r.json() as Promise<{ roleplays: { hash: string; roleplay: Roleplay }[] }>,
          ),
          fetch('/manager/checks.json').then(
            (r) => r.json() as Promise<{ courses: CourseChecks[] }>,
          ),
        ]);
        if (stopped) return;
        performance.mark('manager:loaded');
        this.checksByCourse = new Map(checks.courses.map((c) => [c.course, c]));
        this.roleplaysByHash = new Map(roleplays.roleplays.map((r) => [r.hash, r.roleplay]));
        this.roleplayTitles = new Map(
          roleplays.roleplays.map(({ roleplay }) => [roleplay.id, roleplay.title]),
        );
        this.byHash = new Map(scenarios.scenarios.map((s) => [s.hash, s.scenario]));
        this.byId = new Map(scenarios.scenarios.map((s) => [s.scenario.id, s.scenario]));
        this.scenarios = new Map(
          scenarios.scenarios.map(({ scenario }) => [
            scenario.id,
            {
              id: scenario.id,
              title: scenario.title,
              level: scenario.level,
              competencies: scenario.competencies,
            },
          ]),
        );
        const problem = await storage.storageProblem();
        if (problem) {
          this.problem = problem;
          this.status = 'unavailable';
          return;
        }
        // The stored policy is read beside the first read of the records, and set with them.
        let policy: Promise<AttemptPolicy> | null = records.attemptPolicy();
        // One read at a time; a change during a read asks for one more read after it.
        let reading = false;
        let again = false;
        const read = async () => {
          if (reading) return void (again = true);
          reading = true;
          try {
            const [value, stored] = await Promise.all([records.loadTraineeRecords(), policy]);
            if (stopped) return;
            if (stored) this.policy = stored;
            policy = null;
            if (this.readyAfter === null) performance.mark('manager:records');
            this.records = value;
            this.status = 'ready';
            this.readyAfter ??= performance.now() - started;
          } catch {
            this.problem = 'The records on this browser could not be read.';
            this.status = 'unavailable';
          } finally {
            reading = false;
            if (again && !stopped) {
              again = false;
              void read();
            }
          }
        };
        unsubscribe = records.watchRecordChanges(() => void read());
        await read();
      } catch {
        if (stopped) return;
        this.problem = 'The dashboard could not load. Reload the page to try again.';
        this.status = 'unavailable';
      }
    })();
    return () => {
      stopped = true;
      unsubscribe?.();
    };
  }

  async setPolicy(policy: AttemptPolicy): Promise<void> {
    this.policy = policy;
    const [records] = await loadRecords();
    await records.setAttemptPolicy(policy);
  }
}
