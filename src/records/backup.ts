/**
 * A backup of everything on this browser (issue 6, data care): every profile as a progress
 * bundle, plus what is not a trainee's record (imports, settings, lesson feedback, authored
 * content). Restoring replaces everything, so a backup is read as strictly as a bundle.
 */
import { z } from 'zod';
import { formatPath, type Problem, type Result } from '../engine/problems';
import { checkedJson } from './parse';
import { MAX_BUNDLE_BYTES, bundleSchema, type Bundle } from './schema';

import { BACKUP_FORMAT, BACKUP_VERSION } from './formats';

export { BACKUP_FORMAT, BACKUP_VERSION };

const date = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
  .transform((value) => new Date(value));
const text = (max: number) => z.string().max(max, `must be ${max} characters or fewer`);

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: date,
  /** One progress bundle per profile. */
  bundles: z.array(bundleSchema).max(5_000),
  imports: z
    .array(
      z.object({
        id: text(200),
        fileName: text(300),
        importedAt: date,
        profileIds: z.array(text(200)).max(100),
      }),
    )
    .max(50_000),
  settings: z.array(z.object({ key: text(100), value: text(2_000) })).max(1_000),
  feedback: z
    .array(
      z.object({
        profileId: text(200),
        course: text(200),
        lesson: text(200),
        at: date,
        useful: z.enum(['yes', 'partly', 'no']),
        change: text(2_000),
      }),
    )
    .max(100_000),
  customContent: z
    .array(
      z.object({
        kind: z.enum(['scenario', 'roleplay']),
        id: text(200),
        title: text(300),
        source: text(1_000_000),
        updatedAt: date,
      }),
    )
    .max(1_000),
});

export type Backup = z.infer<typeof backupSchema>;

/** Read a backup file: the same file checks as a bundle, then the backup's shape. */
export function parseBackup(source: string, file: string, bytes = source.length): Result<Backup> {
  const checked = checkedJson(source, file, bytes, MAX_BUNDLE_BYTES * 4, 'a backup');
  if (!checked.ok) return checked;
  if (checked.value.format !== BACKUP_FORMAT)
    return {
      ok: false,
      problems: [
        {
          file,
          path: 'format',
          message: `not a backup of this app: "format" must be "${BACKUP_FORMAT}"`,
        },
      ],
    };
  const parsed = backupSchema.safeParse(checked.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems: Problem[] = parsed.error.issues.slice(0, 50).map((issue) => ({
    file,
    path: formatPath(issue.path),
    message: issue.message,
  }));
  return { ok: false, problems };
}

export type { Bundle };
