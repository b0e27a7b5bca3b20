/**
 * Seeding the browser's IndexedDB with many trainees for bench/manager.bench.ts. The
 * function is sent to the page with `page.evaluate`, so it uses nothing from outside it.
 */

/** Rows for 200 trainees, made in the page: plain objects the way src/db/ stores them. */
export function seedInPage(args: {
  trainees: number;
  runs: number;
  course: string;
  lessons: string[];
  checks: string[];
  scenarios: { id: string; hash: string; competencies: string[] }[];
}): Promise<void> {
  const all = [
    'basics',
    'tracking',
    'partial-shipments',
    'communication',
    'documentation',
    'prioritization',
    'error-prevention',
  ];
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('backorder-academy');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(
        ['profiles', 'lessonVisits', 'checkAttempts', 'runs', 'runDigests'],
        'readwrite',
      );
      const teams = ['North', 'South', 'East', 'West', 'Returns'];
      const perTrainee = Math.ceil(args.runs / args.trainees);
      let runCount = 0;
      for (let t = 0; t < args.trainees; t++) {
        const profileId = `bench-${t}`;
        const start = Date.UTC(2026, 0, 1) + t * 3_600_000;
        tx.objectStore('profiles').put({
          id: profileId,
          name: `Trainee ${String(t).padStart(3, '0')}`,
          role: 'trainee',
          team: teams[t % teams.length],
          createdAt: new Date(start),
        });
        const done = Math.floor(random() * (args.lessons.length + 1));
        args.lessons.slice(0, done).forEach((lesson, i) =>
          tx.objectStore('lessonVisits').put({
            profileId,
            course: args.course,
            lesson,
            openedAt: new Date(start + i * 86_400_000),
            completedAt: new Date(start + i * 86_400_000 + 600_000),
            seconds: 400,
          }),
        );
        args.checks.slice(0, Math.floor(done / 2)).forEach((module, i) =>
          tx.objectStore('checkAttempts').add({
            profileId,
            course: args.course,
            module,
            at: new Date(start + i * 86_400_000 + 900_000),
            answers: {},
            score: 0.6 + random() * 0.4,
            passed: random() > 0.2,
          }),
        );
        const runs: unknown[] = [];
        for (let r = 0; r < perTrainee && runCount < args.runs; r++, runCount++) {
          const scenario = args.scenarios[r % args.scenarios.length]!;
          const at = new Date(start + (r + 1) * 43_200_000);
          const competencies = Object.fromEntries(
            all.map((c) => [
              c,
              scenario.competencies.includes(c) ? Math.round(40 + random() * 60) : 100,
            ]),
          );
          const total = Math.round(
            scenario.competencies.reduce((s, c) => s + competencies[c]!, 0) /
              scenario.competencies.length,
          );
          const run = {
            id: `bench-run-${t}-${r}`,
            profileId,
            scenario: scenario.id,
            scenarioHash: scenario.hash,
            engineVersion: '1.0.0',
            startedAt: at,
            updatedAt: new Date(at.getTime() + 1_200_000),
            status: 'ended',
            score: { total, passed: total >= 80, competencies },
          };
          tx.objectStore('runs').put(run);
          runs.push(run);
        }
        // The app keeps each trainee's runs grouped too (src/db/run-digests.ts).
        tx.objectStore('runDigests').put({ profileId, runs });
      }
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
