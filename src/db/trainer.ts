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

export type { Assessment, CustomContent, LessonFeedback, Run };

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
