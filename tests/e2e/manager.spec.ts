/**
 * The manager's journey end to end in Chromium: a trainee trains through the real screens
 * and exports a bundle; a manager's fresh browser imports it beside another trainee's
 * bundle, sees both, follows a number to its replay, reloads in the middle, downloads the
 * CSVs and opens a certificate only the trainee who earned it has. Edited, truncated and
 * foreign files are flagged or rejected with nothing changed; importing twice adds nothing.
 * Bundles other than the exported one are made by tests/fixtures/bundles.ts from real
 * engine logs on the real scenario files.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { runAutopilot } from '../../src/engine/autopilot';
import { requiredScenarios } from '../../src/records/certificate';
import {
  courseChecks,
  makeBundle,
  rightAnswer,
  roleplayFiles,
  scenarioFiles,
  withOverride,
} from '../fixtures/bundles';
import { endShift, showPanel } from './desk';
import { createProfile, waitForIslands } from './fixtures';
import { expectNoAxeViolations, watchForProblems } from './page-checks';

const scenarios = scenarioFiles();
const required = requiredScenarios(scenarios.values());
const threeTypes = scenarios.get('three-backorder-types')!;
const day = (n: number) => new Date(Date.UTC(2026, 2, n, 9));

/** Ben finished the course and passed every required scenario: he has earned the certificate. */
const ben = makeBundle({
  profile: { id: 'p-ben-okafor', name: 'Ben Okafor', team: 'South' },
  courseDoneOn: day(3),
  runs: required.map((scenario, i) => ({ id: `ben-run-${i}`, scenario, at: day(4 + i) })),
});
/** Cleo's second attempt at a scenario claims 100 where her log earns less. */
const cleoLog = runAutopilot(threeTypes).log.filter((e) => e.type !== 'notify-customer');
const cleo = makeBundle({
  profile: { id: 'p-cleo', name: 'Cleo <b>Lane</b>', team: 'North' },
  runs: [{ id: 'cleo-run-1', scenario: threeTypes, at: day(5), log: cleoLog, total: 100 }],
});

/**
 * Dee played two role-plays to their best endings; her file claims 3 % for the second
 * (her steps earn more), and carries a trainer's assessment with markup in its notes.
 */
const [firstRoleplay, secondRoleplay] = [...roleplayFiles().values()];
const dee = {
  ...makeBundle({
    profile: { id: 'p-dee', name: 'Dee Park', team: 'East' },
    roleplays: [
      { id: 'dee-rp-1', roleplay: firstRoleplay!, at: day(6) },
      { id: 'dee-rp-2', roleplay: secondRoleplay!, at: day(7), percent: 3 },
    ],
  }),
  assessments: [
    {
      id: 'dee-assessment-1',
      trainerName: 'Tess Trainer',
      at: day(8).toISOString(),
      subject: { kind: 'live-roleplay', id: firstRoleplay!.id },
      rubric: { 'acknowledge-apologise': true, 'keep-record': false },
      notes: 'Warm tone. <i>Forgot</i> the note on the order.',
    },
  ],
};
const deeHonest = dee.roleplayResults[0]!;

const file = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});

async function openDashboard(page: Page, hash = '') {
  await page.goto(`/manager/${hash}`);
  await waitForIslands(page);
  await expect(page.locator('.manager[data-status="ready"]')).toBeVisible();
}

const results = (page: Page) => page.getByRole('list', { name: 'Import results' });

async function importFiles(page: Page, files: ReturnType<typeof file>[]) {
  await page.getByLabel('Choose bundle files').setInputFiles(files);
  await expect(results(page)).toBeVisible();
}

/** A "billion laughs" file: seven levels of aliases, each nine times the one before. */
const LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefg'.split('').map((name, i) => {
    const prev = 'abcdefg'[i];
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
].join('\n');

/** Text as a UTF-16 (little-endian) file with its byte order mark, in base64. */
const utf16 = (text: string) => Buffer.from(`\ufeff${text}`, 'utf16le').toString('base64');

type DroppedFile = { name: string } & ({ text: string } | { base64: string } | { zeros: number });

/** Drop files onto the import panel's drop zone, as a person drags them from their desktop. */
async function dropFiles(page: Page, files: DroppedFile[]) {
  await page.getByTestId('drop-zone').evaluate((zone, specs) => {
    const data = new DataTransfer();
    for (const spec of specs) {
      const body =
        'text' in spec
          ? spec.text
          : 'base64' in spec
            ? Uint8Array.from(atob(spec.base64), (c) => c.charCodeAt(0))
            : new Uint8Array(spec.zeros);
      data.items.add(new File([body], spec.name, { type: 'application/json' }));
    }
    zone.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  }, files);
  await expect(page.getByRole('list', { name: 'Import results' })).toBeVisible();
}

/**
 * Keep a write open on one of the site's stored tables until the returned function is
 * called: meanwhile a read of that table elsewhere (the import worker's) waits for it.
 */
async function holdTable(page: Page, table: string): Promise<() => Promise<void>> {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('backorder-academy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(name, 'readwrite');
          const store = tx.objectStore(name);
          let held = true;
          (window as { releaseHeldTable?: () => void }).releaseHeldTable = () => (held = false);
          // A transaction ends once no request is pending: one is always pending while held.
          const keepOpen = () => {
            if (held) store.count().onsuccess = keepOpen;
          };
          keepOpen();
          tx.oncomplete = () => db.close();
          resolve();
        };
      }),
    table,
  );
  return () =>
    page.evaluate(() => (window as { releaseHeldTable?: () => void }).releaseHeldTable?.());
}

const rosterRows = (page: Page) => page.getByTestId('roster').locator('tbody tr[data-trainee]');

async function tableCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('backorder-academy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => (counts[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
  );
}

test.describe('manager dashboard', () => {
  test.describe.configure({ timeout: 150_000 });

  test('a trainee exports, a fresh browser imports two trainees, drills down and exports', async ({
    browser,
  }) => {
    // The trainee's own browser: a lesson and a short shift through the real screens.
    const trainee = await browser.newContext();
    const page = await trainee.newPage();
    const traineeProblems = watchForProblems(page);
    await page.goto('/courses/backorders-and-partial-shipments/01-basics/01-what-is-a-backorder/');
    const panel = page.getByRole('region', { name: 'Profiles on this browser' });
    await panel.getByLabel('Your name').fill('Ana Ruiz');
    await panel.getByLabel('Team (optional)').fill('North');
    await panel.getByRole('button', { name: 'Create profile' }).click();
    await page.getByRole('button', { name: 'Mark this lesson complete' }).click();
    await expect(page.getByText('You have completed this lesson.')).toBeVisible();

    await page.goto('/simulations/three-backorder-types/');
    await waitForIslands(page);
    await page.getByRole('button', { name: 'Start the shift' }).click();
    await showPanel(page, 'Inventory');
    await page.getByRole('button', { name: 'Check stock of PLB-CU15-EL90' }).first().click();
    await endShift(page);
    await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
    const anaTotal = (await page.getByTestId('score-total').textContent())!.match(
      /(\d+) out of/,
    )![1]!;

    await page.getByRole('button', { name: /Ana Ruiz/ }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export my progress' }).click();
    const exported = await download;
    expect(exported.suggestedFilename()).toMatch(/^progress-ana-ruiz-\d{4}-\d{2}-\d{2}\.json$/);
    const anaText = readFileSync((await exported.path())!, 'utf8');
    const anaBundle = JSON.parse(anaText);
    expect(anaBundle).toMatchObject({
      format: 'backorder-academy-progress',
      version: 1,
      profile: { name: 'Ana Ruiz', team: 'North' },
      runs: [{ scenario: 'three-backorder-types', status: 'ended' }],
    });
    // The desk kept the wall-clock time of every saved step, one per log entry.
    const [anaRun] = anaBundle.runs;
    expect(anaRun.actedAt).toHaveLength(anaRun.log.length);
    expect(anaRun.actedAt.every((t: number) => Math.abs(Date.now() - t) < 600_000)).toBe(true);
    expect(traineeProblems).toEqual([]);
    await trainee.close();

    // The manager's browser, with nothing in it.
    const manager = await browser.newContext({ acceptDownloads: true });
    const dash = await manager.newPage();
    const problems = watchForProblems(dash);
    await openDashboard(dash);
    await expect(dash.getByText('No trainees match.')).toBeVisible();
    await importFiles(dash, [file('ana.json', anaText), file('ben.json', ben)]);
    await expect(
      results(dash).getByText(/ana\.json: Ana Ruiz imported, .* all verified\./),
    ).toBeVisible();
    await expect(
      results(dash).getByText(/ben\.json: Ben Okafor imported, .* all verified\./),
    ).toBeVisible();
    await expect(rosterRows(dash)).toHaveCount(2);
    const anaRow = dash.locator('tr[data-trainee]', { hasText: 'Ana Ruiz' });
    const benRow = dash.locator('tr[data-trainee]', { hasText: 'Ben Okafor' });
    await expect(anaRow.getByRole('cell', { name: 'Not yet' })).toBeVisible();
    await expect(benRow.getByRole('link', { name: 'Earned' })).toBeVisible();
    await expect(benRow).toContainText(`${required.length} of ${required.length}`);
    // Axe on the roster of two trainees: 'the dashboard passes axe at 1280 px' below.

    // Filters: by team.
    await dash.getByRole('combobox', { name: 'Team', exact: true }).selectOption('South');
    await expect(rosterRows(dash)).toHaveCount(1);
    await dash.getByRole('combobox', { name: 'Team', exact: true }).selectOption('');
    await expect(rosterRows(dash)).toHaveCount(2);

    // CSV: the header, and Ben's row for the three-types scenario.
    const csvDownload = dash.waitForEvent('download');
    await dash.getByRole('button', { name: /one row per trainee and activity/ }).click();
    const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'trainee_id,trainee,team,role,activity_type,activity,attempts,score,passed,flagged_runs,last_activity',
    );
    const benRun = ben.runs.find((r) => r.scenario === 'three-backorder-types')!;
    expect(lines).toContain(
      `p-ben-okafor,Ben Okafor,South,trainee,simulation,${threeTypes.title},1,${benRun.score.total},true,0,${benRun.updatedAt.slice(0, 10)}`,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^[^,]+,Ana Ruiz,North,trainee,simulation,/),
    );
    const competencyDownload = dash.waitForEvent('download');
    await dash.getByRole('button', { name: /one row per trainee and competency/ }).click();
    const competencyCsv = readFileSync((await (await competencyDownload).path())!, 'utf8');
    expect(competencyCsv.split('\r\n')[0]).toBe('trainee_id,trainee,team,role,competency,score');
    expect(competencyCsv.split('\r\n')).toHaveLength(2 * 7 + 2);

    // Drill-down: Ana's shift opens its replay at her first marked mistake.
    await anaRow.getByRole('link', { name: 'Ana Ruiz' }).click();
    await expect(dash.getByRole('heading', { level: 2, name: 'Ana Ruiz' })).toBeFocused();
    await expect(dash.getByRole('cell', { name: 'Played on this browser' })).toHaveCount(0);
    await expect(dash.getByRole('cell', { name: 'Replay-verified' })).toHaveCount(1);
    await expect(dash.getByText(/No certificate yet: the course: 1 of \d+ lessons/)).toBeVisible();
    await dash.getByRole('link', { name: new RegExp(`^${anaTotal}: open the replay of`) }).click();
    await expect(
      dash.getByRole('heading', { name: new RegExp(`^Replay: ${threeTypes.title}`) }),
    ).toBeFocused();
    await expect(dash.getByTestId('score-total')).toHaveText(`Not passed: ${anaTotal} out of 100`);
    await expect(
      dash
        .getByText(/^Step \d+ of \d+$/)
        .or(dash.getByText(/^\d+ of \d+$/))
        .first(),
    ).toBeVisible();
    await expectNoAxeViolations(dash);
    await dash.screenshot({ path: 'test-results/manager-replay-1280.png', fullPage: true });

    // A reload in the middle of the journey comes back to the same replay.
    const replayUrl = dash.url();
    expect(replayUrl).toMatch(/#trainee=.+&run=.+/);
    await dash.reload();
    await waitForIslands(dash);
    await expect(
      dash.getByRole('heading', { name: new RegExp(`^Replay: ${threeTypes.title}`) }),
    ).toBeVisible();
    await expect(dash.getByTestId('score-total')).toHaveText(`Not passed: ${anaTotal} out of 100`);
    await expect(dash.getByText(/^\d+ of \d+$/).first()).toBeVisible();

    // The certificate: Ben has one; Ana's address shows none.
    await dash.goto('/manager/#');
    await waitForIslands(dash);
    await benRow.getByRole('link', { name: 'Earned' }).click();
    const certificate = dash.getByTestId('certificate');
    await expect(certificate).toContainText('Ben Okafor');
    await expect(certificate).toContainText('Certificate of completion');
    await expect(certificate.getByRole('listitem')).toHaveCount(required.length);
    await expect(certificate.getByRole('listitem').first()).toContainText('(replay-verified)');
    await expect(certificate).toContainText(
      'Each required simulation needs a pass that is witnessed, played on this browser or replay-verified',
    );
    await dash.emulateMedia({ media: 'print' });
    await expect(dash.getByRole('heading', { level: 1 })).toBeHidden();
    await expect(dash.getByRole('button', { name: 'Print the certificate' })).toBeHidden();
    await expect(certificate).toBeVisible();
    await dash.emulateMedia({ media: 'screen' });
    await expectNoAxeViolations(dash);
    await dash.screenshot({ path: 'test-results/manager-certificate-1280.png', fullPage: true });
    const anaId = anaBundle.profile.id as string;
    await dash.goto(`/manager/#trainee=${anaId}&certificate`);
    await waitForIslands(dash);
    await expect(dash.getByTestId('certificate')).toHaveCount(0);
    await expect(dash.getByText(/No certificate yet/)).toBeVisible();

    // Ben's score for a scenario drills down to that very run.
    await dash.goto(`/manager/#trainee=p-ben-okafor`);
    await waitForIslands(dash);
    await dash
      .getByRole('link', { name: new RegExp(`open the replay of ${threeTypes.title}$`) })
      .click();
    await expect(dash).toHaveURL(new RegExp(`run=${benRun.id}$`));
    await expect(dash.getByTestId('score-total')).toHaveText(
      `Passed: ${benRun.score.total} out of 100`,
    );
    expect(problems).toEqual([]);
    await manager.close();
  });

  test('an edited score is flagged, bad files are rejected with nothing changed, importing twice adds nothing', async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    await openDashboard(page);
    await importFiles(page, [file('ben.json', ben)]);
    await expect(rosterRows(page)).toHaveCount(1);
    const before = await tableCounts(page);

    // Importing the same file again changes nothing.
    await importFiles(page, [file('ben.json', ben)]);
    await expect(
      results(page).getByText('ben.json (Ben Okafor) was already imported; nothing was added.'),
    ).toBeVisible();
    expect(await tableCounts(page)).toEqual(before);

    // A truncated bundle and a file that is not a bundle are refused, with reasons.
    const text = JSON.stringify(ben);
    await importFiles(page, [
      file('cut.json', text.slice(0, Math.floor(text.length / 2))),
      file('package.json', { name: 'something', version: '1.0.0' }),
    ]);
    await expect(results(page)).toContainText(
      'cut.json was not imported: 1 problem. Nothing was changed.',
    );
    await expect(page.getByRole('list', { name: 'Problems in cut.json' })).toContainText(
      'not complete JSON',
    );
    await expect(page.getByRole('list', { name: 'Problems in package.json' })).toContainText(
      'package.json format: not a progress bundle',
    );
    expect(await tableCounts(page)).toEqual(before);
    await expect(rosterRows(page)).toHaveCount(1);

    // An edited score, dropped onto the page: imported, flagged, shown as text, never trusted.
    await page.getByTestId('drop-zone').evaluate((zone, json) => {
      const data = new DataTransfer();
      data.items.add(new File([json], 'cleo.json', { type: 'application/json' }));
      zone.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    }, JSON.stringify(cleo));
    await expect(
      results(page).getByText(/cleo\.json: Cleo <b>Lane<\/b> imported, .*, 1 flagged\./),
    ).toBeVisible();
    await expect(rosterRows(page)).toHaveCount(2);
    const cleoRow = page.locator('tr[data-trainee="p-cleo"]');
    await expect(cleoRow).toContainText('1 flagged');
    await expect(page.locator('b', { hasText: 'Lane' })).toHaveCount(0);
    await expect(page.locator('p', { hasText: /^1 run is flagged/ })).toBeVisible();
    await cleoRow.getByRole('link', { name: 'Cleo <b>Lane</b>' }).click();
    const run = page.locator('tr[data-run="cleo-run-1"]');
    await expect(run).toContainText('Score differs from the replay');
    await expect(run).toContainText(/The file says 100; replaying the log gives \d+/);

    // Its replay shows the engine's score, not the file's, and opens at the first mistake.
    await run.getByRole('link', { name: /^Replay/ }).click();
    await expect(page.getByText(/^Score differs from the replay\./)).toBeVisible();
    await expect(page.getByTestId('score-total')).not.toHaveText(/100 out of 100/);
    await expect(page.getByText('Marked', { exact: true })).toBeVisible();
    await expect(page.locator('[data-rule="partial-not-announced"]')).toBeVisible();
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });

  test('a later bundle reusing a profile id changes neither the run nor the name until the manager chooses', async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    await openDashboard(page);
    await importFiles(page, [file('ben.json', ben)]);
    const benRow = page.locator('tr[data-trainee="p-ben-okafor"]');
    await expect(benRow).toContainText('South');
    const scoreBefore = await benRow.textContent();

    // Same profile id, another name and team, Ben's first run re-sent later with a shorter log.
    const shorter = ben.runs[0]!.log.filter((e) => e.type !== 'notify-customer');
    const mallory = makeBundle({
      profile: { id: 'p-ben-okafor', name: 'Mallory', team: 'North' },
      runs: [{ id: 'ben-run-0', scenario: required[0]!, at: day(20), log: shorter }],
    });
    await importFiles(page, [file('mallory.json', mallory)]);
    const conflicts = page.getByRole('list', { name: 'Conflicts in mallory.json' });
    await expect(conflicts).toContainText('Run ben-run-0 was not changed: this run already ended');
    await expect(conflicts).toContainText(
      'is “Ben Okafor, team South” here; the bundle calls it “Mallory, team North”',
    );
    await expect(rosterRows(page)).toHaveCount(1);
    expect(await benRow.textContent()).toBe(scoreBefore);

    const resolve = page.getByRole('region', { name: 'Conflicts to resolve' });
    await expect(resolve).toContainText('In mallory.json');
    await resolve.getByRole('button', { name: 'Keep “Ben Okafor, team South”' }).click();
    await expect(resolve).toBeHidden();
    await page.reload();
    await waitForIslands(page);
    await expect(page.getByRole('region', { name: 'Conflicts to resolve' })).toBeHidden();
    await expect(benRow).toContainText('Ben Okafor');
    expect(problems).toEqual([]);
  });

  test('a hand-made bundle of autopilot logs and empty answers is flagged and earns no certificate', async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    const forged = makeBundle({
      profile: { id: 'p-fay', name: 'Fay Forger', team: 'West' },
      courseDoneOn: day(3),
      runs: required.map((scenario, i) => ({
        id: `fay-run-${i}`,
        scenario,
        at: day(4 + i),
        log: runAutopilot(scenario).log.map((e) =>
          'by' in e && e.by === 'autopilot' ? { ...e, by: 'Fay Forger' } : e,
        ),
      })),
    });
    for (const attempt of forged.checkAttempts) attempt.answers = {};
    await openDashboard(page);
    await importFiles(page, [file('fay.json', forged)]);
    const flaggedChecks = page.getByRole('list', { name: 'Flagged check attempts in fay.json' });
    await expect(flaggedChecks.getByRole('listitem')).toHaveCount(forged.checkAttempts.length);
    await expect(flaggedChecks.getByRole('listitem').first()).toContainText(
      /Answers do not earn the result\. The file says 100 % \(passed\); marking its answers gives 0 % \(not passed\)/,
    );
    await expect(
      page.getByRole('list', { name: 'Flagged runs in fay.json' }).getByRole('listitem'),
    ).toHaveCount(required.length);
    const fayRow = page.locator('tr[data-trainee="p-fay"]');
    await expect(fayRow.getByRole('cell', { name: 'Not yet' })).toBeVisible();
    await expect(fayRow.getByRole('link', { name: 'Earned' })).toHaveCount(0);

    await fayRow.getByRole('link', { name: 'Fay Forger' }).click();
    const run = page.locator('tr[data-run="fay-run-0"]');
    await expect(run).toContainText('Not played by a person');
    await expect(run).toContainText('autopilot’s own log');
    await expect(
      page.getByRole('list', { name: 'Check attempts that do not count' }).getByRole('listitem'),
    ).toHaveCount(forged.checkAttempts.length);
    await page.getByText('What the evidence means').click();
    for (const level of [
      'Witnessed',
      'Played on this browser',
      'Replay-verified',
      'Self-reported only',
    ])
      await expect(page.getByRole('term').filter({ hasText: level })).toBeVisible();
    await expect(
      page.getByText(/No certificate yet: the course: .*0 of \d+ checks passed/),
    ).toBeVisible();

    await page.goto('/manager/#trainee=p-fay&certificate');
    await waitForIslands(page);
    await expect(page.getByTestId('certificate')).toHaveCount(0);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });

  test('each run says how it was played, and coached practice passes earn no certificate', async ({
    page,
  }) => {
    const hal = { id: 'p-hal', name: 'Hal Moreno', team: 'East' };
    const halBundle = makeBundle({
      profile: hal,
      courseDoneOn: day(3),
      runs: required.map((scenario, i) => ({
        id: `hal-run-${i}`,
        scenario,
        at: day(4 + i),
        mode: 'practice' as const,
      })),
    });
    halBundle.runs.push(
      makeBundle({
        profile: hal,
        runs: [{ id: 'hal-assessed', scenario: threeTypes, at: day(12), mode: 'assessment' }],
      }).runs[0]!,
    );
    await openDashboard(page);
    await importFiles(page, [file('hal.json', halBundle)]);
    const halRow = page.locator('tr[data-trainee="p-hal"]');
    await expect(halRow.getByRole('cell', { name: 'Not yet' })).toBeVisible();
    await halRow.getByRole('link', { name: 'Hal Moreno' }).click();
    const runs = page.getByRole('region', { name: 'Runs' });
    await expect(runs.locator('tr[data-run="hal-run-0"]')).toContainText('Practice (coached)');
    await expect(runs.locator('tr[data-run="hal-assessed"]')).toContainText('Assessment');
    await expect(runs.getByRole('columnheader', { name: 'Mode' })).toBeVisible();
    await page.reload();
    await waitForIslands(page);
    await expect(page.locator('tr[data-run="hal-run-0"]')).toContainText('Practice (coached)');
    await expect(page.getByTestId('certificate')).toHaveCount(0);
  });

  test('a drawn check attempt claiming a pass its answers do not earn is flagged, and stays flagged after a reload', async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    // Gil played every required shift honestly and passed every check but one: his file
    // says he passed the first module's check with 100 %, but he answered one of its four
    // drawn questions right and three wrong, which earns 25 %.
    const gil = makeBundle({
      profile: { id: 'p-gil', name: 'Gil Marsh', team: 'South' },
      courseDoneOn: day(3),
      runs: required.map((scenario, i) => ({ id: `gil-run-${i}`, scenario, at: day(4 + i) })),
    });
    const basics = courseChecks().checks.find((c) => c.module === '01-basics')!;
    const singles = basics.questions.filter((q) => q.kind === 'single');
    const drawn = singles.slice(0, basics.draw);
    expect(drawn).toHaveLength(4);
    const forged = gil.checkAttempts.find((a) => a.module === '01-basics')!;
    Object.assign(forged, {
      checkHash: basics.hash,
      questions: drawn.map((q) => ({
        id: q.id,
        order: q.kind === 'single' ? q.options.map((o) => o.id) : [],
      })),
      answers: Object.fromEntries(
        drawn.map((q, i) => [
          q.id,
          i === 0 || q.kind !== 'single'
            ? rightAnswer(q)
            : { kind: 'single', option: q.options.find((o) => !o.correct)!.id },
        ]),
      ),
      score: 1,
      passed: true,
    });

    await openDashboard(page);
    await importFiles(page, [file('gil.json', gil)]);
    await expect(
      results(page).getByText(/gil\.json: Gil Marsh imported, .*, 1 flagged\./),
    ).toBeVisible();
    const flaggedChecks = page.getByRole('list', { name: 'Flagged check attempts in gil.json' });
    await expect(flaggedChecks.getByRole('listitem')).toHaveCount(1);
    await expect(flaggedChecks.getByRole('listitem')).toContainText(
      /01-basics.*Answers do not earn the result\. The file says 100 % \(passed\); marking its answers gives 25 % \(not passed\)/,
    );
    await expect(page.getByRole('list', { name: 'Flagged runs in gil.json' })).toHaveCount(0);

    // The record the manager reads, after a reload: the one attempt does not count, so the
    // certificate is not earned, and the other checks still do.
    await page.reload();
    await waitForIslands(page);
    const gilRow = page.locator('tr[data-trainee="p-gil"]');
    await expect(gilRow.getByRole('cell', { name: 'Not yet' })).toBeVisible();
    await gilRow.getByRole('link', { name: 'Gil Marsh' }).click();
    const notCounted = page.getByRole('list', { name: 'Check attempts that do not count' });
    await expect(notCounted.getByRole('listitem')).toHaveCount(1);
    await expect(notCounted.getByRole('listitem')).toContainText('marking its answers gives 25 %');
    const checksPassed = gil.checkAttempts.length - 1;
    await expect(
      page.getByText(
        new RegExp(`No certificate yet: the course: .*${checksPassed} of \\d+ checks passed`),
      ),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });

  test('deleting a trainee removes only their records', async ({ page }) => {
    await openDashboard(page);
    await importFiles(page, [file('ben.json', ben), file('cleo.json', cleo)]);
    await expect(rosterRows(page)).toHaveCount(2);
    await page.locator('tr[data-trainee="p-cleo"]').getByRole('link').first().click();
    await page.getByRole('button', { name: /^Delete Cleo <b>Lane<\/b>’s data/ }).click();
    await page.getByRole('button', { name: /^Yes, delete/ }).click();
    await expect(rosterRows(page)).toHaveCount(1);
    await expect(rosterRows(page)).toContainText('Ben Okafor');
  });

  test('a backup restores every trainee in another browser; a wrong file restores nothing', async ({
    browser,
  }) => {
    const first = await browser.newContext({ acceptDownloads: true });
    const page = await first.newPage();
    await openDashboard(page);
    await importFiles(page, [file('ben.json', ben), file('cleo.json', cleo)]);
    await expect(rosterRows(page)).toHaveCount(2);
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download a backup of everything' }).click();
    const backup = readFileSync((await (await saved).path())!, 'utf8');
    await first.close();

    const second = await browser.newContext();
    const other = await second.newPage();
    const problems = watchForProblems(other);
    await openDashboard(other);
    await importFiles(other, [file('ben.json', ben)]);
    const before = await tableCounts(other);
    await other.getByLabel('Restore from a backup file').setInputFiles(file('ben.json', ben));
    await other.getByRole('button', { name: 'Yes, replace everything' }).click();
    await expect(other.getByRole('list', { name: 'Problems in the backup' })).toContainText(
      'not a backup of this app',
    );
    expect(await tableCounts(other)).toEqual(before);

    await other.getByLabel('Restore from a backup file').setInputFiles(file('backup.json', backup));
    await expect(other.getByRole('alert')).toContainText('Replace everything on this browser');
    await other.getByRole('button', { name: 'Yes, replace everything' }).click();
    await expect(
      other.getByText(/^Restored 2 profiles and 6 runs from backup\.json; 1 run flagged\.$/),
    ).toBeVisible();
    await expect(rosterRows(other)).toHaveCount(2);
    await expect(other.locator('tr[data-trainee="p-cleo"]')).toContainText('1 flagged');
    expect(problems).toEqual([]);
    await second.close();
  });

  test('a role-play score opens its transcript and rubric, kept on reload; an edited one is flagged', async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    await openDashboard(page);
    await importFiles(page, [file('dee.json', dee)]);
    await expect(
      results(page).getByText(
        /dee\.json: Dee Park imported, .*, 2 role-plays checked, 1 flagged\./,
      ),
    ).toBeVisible();
    await expect(page.getByRole('list', { name: 'Flagged role-plays in dee.json' })).toContainText(
      'Role-play result dee-rp-2: Score differs from the steps. The result says 3 %',
    );
    const row = page.locator('tr[data-trainee="p-dee"]');
    // Only the honest result counts.
    await expect(row).toContainText(`${deeHonest.score.percent} % (1)`);
    await expect(row).toContainText('1 flagged');
    await row.getByRole('link', { name: 'Dee Park' }).click();

    // The trainer's assessment, as text.
    const assessment = page.getByTestId('assessments').locator('tbody tr');
    await expect(assessment).toHaveCount(1);
    await expect(assessment).toContainText('Tess Trainer');
    await expect(assessment).toContainText(`a live role-play (${firstRoleplay!.title})`);
    await expect(assessment).toContainText('Acknowledge and apologise sincerely');
    await expect(assessment).toContainText('Keep the record straight');
    await expect(assessment).toContainText('Warm tone. <i>Forgot</i> the note on the order.');
    await expect(page.locator('i', { hasText: 'Forgot' })).toHaveCount(0);

    const edited = page.locator('tr[data-roleplay="dee-rp-2"]');
    await expect(edited).toContainText('Score differs from the steps');
    await expect(page.locator('tr[data-roleplay="dee-rp-1"]')).toContainText(
      'Checked against its steps',
    );

    // Drill-down from the honest score to its transcript and rubric.
    await page
      .getByRole('link', {
        name: new RegExp(
          `^${deeHonest.score.percent} %: open the transcript of ${firstRoleplay!.title}`,
        ),
      })
      .click();
    const heading = page.getByRole('heading', {
      name: new RegExp(`^Role-play: ${firstRoleplay!.title}`),
    });
    await expect(heading).toBeFocused();
    await expect(page).toHaveURL(/#trainee=p-dee&roleplay=dee-rp-1$/);
    const check = async () => {
      await expect(page.getByTestId('roleplay-review-score')).toHaveText(
        `Score from the steps: ${deeHonest.score.total} of ${deeHonest.score.max} (${deeHonest.score.percent} %)`,
      );
      await expect(page.getByRole('table', { name: 'Rubric' })).toBeVisible();
      await expect(
        page.getByRole('list', { name: 'Conversation so far' }).getByRole('listitem'),
      ).toHaveCount(deeHonest.steps.length);
      await expect(page.getByTestId('roleplay-flag')).toHaveCount(0);
    };
    await check();
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `test-results/manager-roleplay-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // A reload comes back to the same transcript.
    await page.reload();
    await waitForIslands(page);
    await expect(heading).toBeVisible();
    await check();

    // The edited result: flagged in its own view, with the score its steps give.
    await page.goto('/manager/#trainee=p-dee&roleplay=dee-rp-2');
    await waitForIslands(page);
    await expect(page.getByTestId('roleplay-flag')).toContainText(
      /^Score differs from the steps\. The result says 3 %/,
    );
    await expect(page.getByTestId('roleplay-review-score')).not.toContainText('(3 %)');
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });

  test("a trainer's override written into a bundle is shown as self-reported and does not raise the score", async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    const bundle = makeBundle({
      profile: { id: 'p-eve', name: 'Eve Stone', team: 'East' },
      roleplays: [{ id: 'eve-rp-1', roleplay: firstRoleplay!, at: day(6) }],
    });
    const forged = withOverride(bundle.roleplayResults[0]!, firstRoleplay!, 'Tess Trainer');
    bundle.roleplayResults[0] = forged.result;
    expect(forged.raised.percent).toBeGreaterThan(forged.honest.percent);
    await openDashboard(page);
    await importFiles(page, [file('eve.json', bundle)]);
    await expect(
      page.getByRole('list', { name: 'Self-reported trainer overrides in eve.json' }),
    ).toContainText(
      `Role-play result eve-rp-1: ${forged.overrides.length} trainer overrides are not on record on this browser, so shown as self-reported; the score that counts is ${forged.honest.percent} %`,
    );
    const row = page.locator('tr[data-trainee="p-eve"]');
    await expect(row).toContainText(`${forged.honest.percent} % (1)`);
    await row.getByRole('link', { name: 'Eve Stone' }).click();
    await expect(page.locator('tr[data-roleplay="eve-rp-1"]')).toContainText(
      `${forged.overrides.length} self-reported trainer overrides, left out of the score (the file says ${forged.raised.percent} %)`,
    );
    await page.goto('/manager/#trainee=p-eve&roleplay=eve-rp-1');
    await waitForIslands(page);
    await expect(page.getByTestId('roleplay-overrides-note')).toContainText(
      `the score that counts is ${forged.honest.percent} %, from the steps without them.`,
    );
    // The transcript shows the overrides as the file gives them; nothing is flagged.
    await expect(page.getByTestId('roleplay-review-score')).toContainText(
      `(${forged.raised.percent} %)`,
    );
    await expect(page.getByTestId('roleplay-flag')).toHaveCount(0);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });

  test('imported trainees are not offered in the profile switcher; a profile team can be edited', async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    await openDashboard(page);
    const panel = page.getByRole('region', { name: 'Profiles on this browser' });
    await createProfile(page, 'Mia Local');
    await importFiles(page, [file('ben.json', ben), file('dee.json', dee)]);
    await expect(rosterRows(page)).toHaveCount(3);

    await page.reload();
    await waitForIslands(page);
    await page.getByRole('button', { name: /Mia Local/ }).click();
    const switcher = panel.getByLabel('Profile in use');
    await expect(switcher.locator('option')).toHaveText(['Mia Local (Trainee)']);

    // The team of the profile in use, changed after it was made.
    const team = panel.getByLabel('Team of Mia Local');
    await expect(team).toHaveValue('');
    await team.fill('West');
    await panel.getByRole('button', { name: 'Save team' }).click();
    await expect(panel.getByText('Team saved: West.')).toBeVisible();
    await page.reload();
    await waitForIslands(page);
    await expect(page.locator('tr[data-trainee]', { hasText: 'Mia Local' })).toContainText('West');
    await page.getByRole('combobox', { name: 'Team', exact: true }).selectOption('West');
    await expect(rosterRows(page)).toHaveCount(1);
    await page.getByRole('button', { name: /Mia Local/ }).click();
    await expect(panel.getByLabel('Team of Mia Local')).toHaveValue('West');
    expect(problems).toEqual([]);
  });

  test('hostile files dropped on the importer or restored are refused by name, and change nothing', async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    await openDashboard(page);
    await importFiles(page, [file('ben.json', ben)]);
    const before = await tableCounts(page);
    const cleoText = JSON.stringify(cleo, null, 1);
    await dropFiles(page, [
      { name: 'oversized.json', zeros: 64 * 1024 * 1024 + 1 },
      { name: 'utf16.json', base64: utf16(cleoText) },
      { name: 'laughs.yaml', text: LAUGHS },
      { name: 'laughs.json', text: LAUGHS },
      {
        name: 'twice.json',
        text: cleoText.replace('"team": "North"', '"team": "North",\n  "team": "South"'),
      },
    ]);
    const refused = {
      'oversized.json':
        'oversized.json: the file is 64.0 MB; a progress bundle may be at most 64 MB',
      'utf16.json': 'utf16.json: the file is encoded as UTF-16 (little-endian), not UTF-8',
      'laughs.yaml': 'laughs.yaml: not a progress bundle: the file is not JSON',
      'laughs.json': 'laughs.json: not a progress bundle: the file is not JSON',
      'twice.json': /^twice\.json:\d+ profile\.team: duplicate key "team"/,
    };
    for (const [name, message] of Object.entries(refused)) {
      await expect(results(page)).toContainText(`${name} was not imported`);
      await expect(page.getByRole('list', { name: `Problems in ${name}` })).toContainText(message);
    }
    expect(await tableCounts(page)).toEqual(before);

    // A role-play result whose steps were edited: flagged by name, its score never counts.
    const tampered = structuredClone(dee);
    tampered.roleplayResults[0]!.steps = deeHonest.steps.map((step) => ({
      ...step,
      node: 'invented-node',
    }));
    await dropFiles(page, [{ name: 'dee.json', text: JSON.stringify(tampered) }]);
    await expect(page.getByRole('list', { name: 'Flagged role-plays in dee.json' })).toContainText(
      'Role-play result dee-rp-1: Steps do not fit the role-play.',
    );
    await page.reload();
    await waitForIslands(page);
    const deeRow = page.locator('tr[data-trainee="p-dee"]');
    await expect(deeRow).toBeVisible();
    await expect(deeRow).not.toContainText(`${deeHonest.score.percent} %`);

    // Backups: the wrong encoding, a duplicate key, an alias bomb planted as authored content.
    const withDee = await tableCounts(page);
    const backup = (customContent: unknown[] = []) => ({
      format: 'backorder-academy-backup',
      version: 1,
      exportedAt: day(9).toISOString(),
      bundles: [ben],
      imports: [],
      settings: [],
      feedback: [],
      customContent,
    });
    const bomb = { kind: 'scenario', id: 'laughs', title: 'Laughs', source: LAUGHS };
    const hostile: [ReturnType<typeof file>, string | RegExp][] = [
      [
        {
          ...file('utf16-backup.json', ''),
          buffer: Buffer.from(`\ufeff${JSON.stringify(backup())}`, 'utf16le'),
        },
        'utf16-backup.json: the file is encoded as UTF-16',
      ],
      [
        file(
          'twice-backup.json',
          JSON.stringify(backup()).replace('"version":1,', '"version":1,"version":1,'),
        ),
        /^twice-backup\.json:1 version: duplicate key "version"/,
      ],
      [
        file('bomb-backup.json', backup([{ ...bomb, updatedAt: day(9).toISOString() }])),
        'bomb-backup.json customContent[0].source: scenario "laughs": refused: its aliases',
      ],
    ];
    for (const [backupFile, message] of hostile) {
      await page.getByLabel('Restore from a backup file').setInputFiles(backupFile);
      await page.getByRole('button', { name: 'Yes, replace everything' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'was not restored' })).toContainText(
        `${backupFile.name} was not restored: nothing was changed.`,
      );
      await expect(page.getByRole('list', { name: 'Problems in the backup' })).toContainText(
        message,
      );
    }
    expect(await tableCounts(page)).toEqual(withDee);
    expect(problems).toEqual([]);
  });

  test('a long import shows its progress and can be cancelled, keeping nothing', async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    await openDashboard(page);
    const before = await tableCounts(page);
    const one = ben.runs[0]!;
    const many = {
      ...ben,
      runs: Array.from({ length: 800 }, (_, i) => ({ ...one, id: `many-${i}` })),
    };
    // Saving starts with a read of the imports table (was this file imported before?), and
    // once saving starts Cancel is no longer offered. 800 runs verify in about two seconds,
    // so without this hold the click raced the start of saving and, under load, found its
    // button gone. Held, the import waits after verifying, with Cancel still offered.
    const release = await holdTable(page, 'imports');
    await page.getByLabel('Choose bundle files').setInputFiles(file('many.json', many));
    const bar = page.getByRole('progressbar', { name: 'Importing many.json' });
    await expect(bar).toBeVisible();
    // Under way: the runs are being replayed.
    await expect
      .poll(() => bar.evaluate((element) => (element as HTMLProgressElement).value))
      .toBeGreaterThan(20);
    await expect(
      page.getByText(/^Importing many\.json: Replaying and checking every record, \d+ %$/),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(results(page)).toContainText(
      'many.json: import cancelled. Nothing from it was saved.',
    );
    await expect(bar).toHaveCount(0);
    await release();
    expect(await tableCounts(page)).toEqual(before);

    // After a reload the browser still holds nothing; the same file then imports in full.
    await page.reload();
    await waitForIslands(page);
    await expect(page.getByText('No trainees match.')).toBeVisible();
    await page.getByLabel('Choose bundle files').setInputFiles(file('many.json', many));
    await expect(bar).toBeVisible();
    await expect(
      results(page).getByText(
        /^many\.json: Ben Okafor imported, .* 800 runs replayed, all verified\.$/,
      ),
    ).toBeVisible({ timeout: 60_000 });
    await expect(bar).toHaveCount(0);
    await expect(rosterRows(page)).toHaveCount(1);
    expect(problems).toEqual([]);
  });

  for (const width of [1280, 390]) {
    test(`the dashboard passes axe at ${width} px and does not scroll sideways`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      const problems = watchForProblems(page);
      await openDashboard(page);
      await importFiles(page, [file('ben.json', ben), file('cleo.json', cleo)]);
      await expect(rosterRows(page)).toHaveCount(2);
      await expect(page.getByTestId('trend-table')).toBeVisible();
      await expectNoAxeViolations(page);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .filter((e) => !e.closest('.scroll'))
          .map((e) => `${e.tagName}.${e.className}`)
          .slice(0, 5),
      );
      expect(wide).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/manager-${width}.png`, fullPage: true });
      // The printable report: the tables without the controls.
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('heading', { name: 'Import progress bundles' })).toBeHidden();
      await expect(page.getByRole('button', { name: 'Print this report' })).toBeHidden();
      await expect(page.getByTestId('roster')).toBeVisible();
      await expect(
        page.getByText(/^Printed \d{4}-\d{2}-\d{2}\. Scores use the best attempt/),
      ).toBeVisible();
      await page.emulateMedia({ media: 'screen' });
      await page.locator('tr[data-trainee="p-ben-okafor"]').getByRole('link').first().click();
      await expect(page.getByRole('heading', { level: 2, name: 'Ben Okafor' })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `test-results/manager-trainee-${width}.png`, fullPage: true });
      expect(problems).toEqual([]);
    });
  }
});
