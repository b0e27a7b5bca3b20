/**
 * What the trainer's console reads and writes (issue 5): trainer-authored content, every
 * run and its log for any profile on this computer, lesson feedback, and assessments saved
 * to a trainee's record. Islands reach it through ./index.
 */
import {
  database,
  type Assessment,
  type CustomContent,
  type LessonFeedback,
  type Run,
} from './database';
import type { Result } from '../engine/problems';
import type { Scenario } from '../engine/schema';
import type { Roleplay } from '../roleplay/schema';

export type { Assessment, CustomContent, LessonFeedback, Run };

/** A trainer's piece of content read back: its title, and its source checked again. */
export interface CustomContentRead<T> {
  title: string;
  parsed: Result<T>;
}

/** Authored content of one kind, by title. */
export async function listCustomContent(kind?: CustomContent['kind']): Promise<CustomContent[]> {
  const db = database();
  const rows = kind
    ? await db.customContent.where('kind').equals(kind).toArray()
    : await db.customContent.toArray();
  return rows.sort((a, b) => a.title.localeCompare(b.title));
}

export async function getCustomContent(
  kind: CustomContent['kind'],
  id: string,
): Promise<CustomContent | null> {
  return (await database().customContent.get([kind, id])) ?? null;
}

/**
 * A trainer's scenario of this browser, checked again by the scenario loader (storage is
 * input too; src/records/custom-content.ts), or null when there is none by that id. The
 * loaders come on first use: a page that only keeps progress does not download them.
 */
export async function readCustomScenario(id: string): Promise<CustomContentRead<Scenario> | null> {
  const row = await getCustomContent('scenario', id);
  if (!row) return null;
  const { parseStoredScenario } = await import('../records/custom-content');
  return { title: row.title, parsed: parseStoredScenario(row) };
}

/** A trainer's role-play of this browser, checked again, or null when there is none by that id. */
export async function readCustomRoleplay(id: string): Promise<CustomContentRead<Roleplay> | null> {
  const row = await getCustomContent('roleplay', id);
  if (!row) return null;
  const { parseStoredRoleplay } = await import('../records/custom-content');
  return { title: row.title, parsed: parseStoredRoleplay(row) };
}

/** The role-plays trainers wrote in this browser that still load, by title. */
export async function customRoleplays(): Promise<Roleplay[]> {
  const rows = await listCustomContent('roleplay');
  const { roleplaysThatLoad } = await import('../records/custom-content');
  return roleplaysThatLoad(rows);
}

/**
 * Keep a piece of authored content, replacing the one with the same kind and id. Callers
 * pass only content that validated (src/trainer/authoring.ts): a file with problems is
 * never saved.
 */
export async function saveCustomContent(
  content: Omit<CustomContent, 'updatedAt'>,
): Promise<CustomContent> {
  const saved: CustomContent = { ...content, updatedAt: new Date() };
  await database().customContent.put(saved);
  return saved;
}

export async function deleteCustomContent(kind: CustomContent['kind'], id: string): Promise<void> {
  await database().customContent.delete([kind, id]);
}

/** Every run of a profile, newest first. */
export async function runsOfProfile(profileId: string): Promise<Run[]> {
  const runs = await database().runs.where('profileId').equals(profileId).sortBy('startedAt');
  return runs.reverse();
}

export async function getRun(id: string): Promise<Run | null> {
  return (await database().runs.get(id)) ?? null;
}

/** All lesson feedback on this computer, newest first. */
export async function allFeedback(): Promise<LessonFeedback[]> {
  const rows = await database().feedback.toArray();
  return rows.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** Whose feedback: profile names by id, for the feedback list. */
export async function profileNames(): Promise<Map<string, string>> {
  const profiles = await database().profiles.toArray();
  return new Map(profiles.map((p) => [p.id, p.name]));
}

/** Save a trainer's assessment to the trainee's record; the trainee profile must exist. */
export async function saveAssessment(
  assessment: Omit<Assessment, 'id' | 'at'>,
): Promise<Assessment> {
  const trainerName = assessment.trainerName.trim();
  if (trainerName.length === 0 || trainerName.length > 60)
    throw new Error("Enter the trainer's name (up to 60 characters).");
  const saved: Assessment = {
    ...assessment,
    trainerName,
    notes: assessment.notes.trim().slice(0, 4000),
    id: crypto.randomUUID(),
    at: new Date(),
  };
  const db = database();
  await db.transaction('rw', db.profiles, db.assessments, async () => {
    if (!(await db.profiles.get(assessment.profileId)))
      throw new Error('That trainee profile no longer exists.');
    await db.assessments.add(saved);
  });
  return saved;
}

/** A trainee's assessments, newest first. */
export async function assessmentsOf(profileId: string): Promise<Assessment[]> {
  const rows = await database().assessments.where('profileId').equals(profileId).sortBy('at');
  return rows.reverse();
}
