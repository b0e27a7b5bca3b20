import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { AcademyDatabase, useDatabase } from './database';
import { createProfile, saveLessonFeedback, startRun } from './index';
import {
  allFeedback,
  assessmentsOf,
  customRoleplays,
  deleteCustomContent,
  getCustomContent,
  listCustomContent,
  readCustomRoleplay,
  readCustomScenario,
  runsOfProfile,
  saveAssessment,
  saveCustomContent,
} from './trainer';

let n = 0;
beforeEach(() => useDatabase(new AcademyDatabase(`trainer-test-${++n}`)));

describe('authored content', () => {
  it('is kept by kind and id, replaced on save, listed by title and deleted', async () => {
    await saveCustomContent({ kind: 'scenario', id: 'b', title: 'Zinc shortage', source: 'v1' });
    await saveCustomContent({ kind: 'scenario', id: 'a', title: 'Alder orders', source: 'x' });
    await saveCustomContent({ kind: 'roleplay', id: 'b', title: 'Angry caller', source: 'r' });
    await saveCustomContent({ kind: 'scenario', id: 'b', title: 'Zinc shortage', source: 'v2' });
    expect((await listCustomContent('scenario')).map((c) => [c.id, c.source])).toEqual([
      ['a', 'x'],
      ['b', 'v2'],
    ]);
    expect(await listCustomContent()).toHaveLength(3);
    expect((await getCustomContent('roleplay', 'b'))?.title).toBe('Angry caller');
    await deleteCustomContent('scenario', 'b');
    expect(await getCustomContent('scenario', 'b')).toBeNull();
  });
});

describe('a trainee record', () => {
  it('lists every run of a profile, newest first', async () => {
    const ana = await createProfile('Ana Ruiz', 'trainee');
    const ben = await createProfile('Ben Okafor', 'trainee');
    const base = { scenarioHash: 'h', engineVersion: '1' };
    await startRun({ id: 'r1', profileId: ana.id, scenario: 's1', ...base });
    await new Promise((r) => setTimeout(r, 5));
    await startRun({ id: 'r2', profileId: ana.id, scenario: 's2', ...base });
    await startRun({ id: 'r3', profileId: ben.id, scenario: 's1', ...base });
    expect((await runsOfProfile(ana.id)).map((r) => r.id)).toEqual(['r2', 'r1']);
  });

  it("keeps an assessment with the trainer's name, and refuses one without", async () => {
    const ana = await createProfile('Ana Ruiz', 'trainee');
    const assessment = {
      profileId: ana.id,
      trainerName: '  Maria Keller ',
      subject: { kind: 'live-roleplay' as const, id: 'late-chairs' },
      rubric: { acknowledge: true, transparency: false },
      notes: ' Good apology. ',
    };
    await saveAssessment(assessment);
    expect(await assessmentsOf(ana.id)).toMatchObject([
      { trainerName: 'Maria Keller', notes: 'Good apology.', rubric: { acknowledge: true } },
    ]);
    await expect(saveAssessment({ ...assessment, trainerName: ' ' })).rejects.toThrow(
      /trainer's name/,
    );
    await expect(saveAssessment({ ...assessment, profileId: 'gone' })).rejects.toThrow(
      /no longer exists/,
    );
    expect(await assessmentsOf(ana.id)).toHaveLength(1);
  });
});

describe('lesson feedback', () => {
  it('is read across courses, newest first', async () => {
    const ana = await createProfile('Ana Ruiz', 'trainee');
    await saveLessonFeedback({
      profileId: ana.id,
      course: 'c1',
      lesson: 'l1',
      useful: 'yes',
      change: 'More examples',
    });
    await new Promise((r) => setTimeout(r, 5));
    await saveLessonFeedback({
      profileId: ana.id,
      course: 'c2',
      lesson: 'l2',
      useful: 'no',
      change: 'Too long',
    });
    expect((await allFeedback()).map((f) => f.change)).toEqual(['Too long', 'More examples']);
  });
});

describe('authored content read back', () => {
  it('is checked again when read, and missing content reads as null', async () => {
    const { ROLEPLAY_STARTER, SCENARIO_STARTER } = await import('../trainer/authoring');
    await saveCustomContent({
      kind: 'scenario',
      id: 'my-first-scenario',
      title: 'Short on copper elbows',
      source: SCENARIO_STARTER,
    });
    await saveCustomContent({ kind: 'roleplay', id: 'r', title: 'Hand-edited', source: 'id: [' });
    await saveCustomContent({
      kind: 'roleplay',
      id: 'my-first-roleplay',
      title: 'The elbows that did not come',
      source: ROLEPLAY_STARTER,
    });
    const scenario = await readCustomScenario('my-first-scenario');
    expect(scenario?.title).toBe('Short on copper elbows');
    expect(scenario?.parsed.ok && scenario.parsed.value.orders.length).toBe(2);
    const broken = await readCustomRoleplay('r');
    expect(broken).toMatchObject({ title: 'Hand-edited', parsed: { ok: false } });
    expect(await readCustomScenario('nobody')).toBeNull();
    expect(await readCustomRoleplay('my-first-scenario')).toBeNull();
    // The role-plays that still load, the hand-edited one left out.
    expect((await customRoleplays()).map((r) => r.id)).toEqual(['my-first-roleplay']);
  });
});
