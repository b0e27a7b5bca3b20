/**
 * A guided shift: steps that walk a new hire through every control of the order desk once.
 * A guide is data (`simulations/guides/<scenario id>.yaml`), so a trainer can write one
 * without code. Each step says what to do, which desk panel and control to use, and which
 * logged entry completes it; progress is read from the run's log, so a reload, or a run
 * resumed days later, is at the same step.
 */
import { z } from 'zod';
import { formatPath, type Problem, type Result } from '../engine/problems';
import { parseFileText, type LineOf } from '../engine/file-text';
import type { LogEntry, StepOutcome } from '../engine/log';

export const GUIDE_PANELS = ['queue', 'order', 'messages', 'inventory'] as const;

const stepSchema = z
  .object({
    title: z.string().min(1).max(80),
    text: z.string().min(1).max(600),
    panel: z.enum(GUIDE_PANELS),
    /** The accessible name of the control to use ("Allocate by the rules"). */
    control: z.string().min(1).max(120),
    /** The log entry that completes the step: its type, and the order, SKU or team it names. */
    done: z
      .object({
        type: z.string().min(1).max(40),
        order: z.string().max(40).optional(),
        sku: z.string().max(40).optional(),
        team: z.string().max(40).optional(),
        /** Only an entry after the first event of this type counts (a step after a delay). */
        after: z.string().max(40).optional(),
      })
      .strict(),
  })
  .strict();

export const guideSchema = z
  .object({
    scenario: z.string().min(1).max(80),
    steps: z.array(stepSchema).min(1).max(60),
  })
  .strict();

export type Guide = z.infer<typeof guideSchema>;
export type GuideStep = Guide['steps'][number];

const GUIDE_FILE_KIND = { maxBytes: 256 * 1024, what: 'a guide file' };

/** Parse a guide file's text, naming the file, field and line of anything wrong. */
export function parseGuide(text: string, file: string): Result<Guide> {
  const parsed = parseFileText(text, file, GUIDE_FILE_KIND);
  if (!parsed.ok) return parsed;
  const checked = guideSchema.safeParse(parsed.data);
  if (checked.success) return { ok: true, value: checked.data };
  return { ok: false, problems: checked.error.issues.map((i) => problem(i, file, parsed.lineOf)) };
}

function problem(issue: z.ZodIssue, file: string, lineOf: LineOf): Problem {
  const line = lineOf(issue.path);
  return {
    file,
    path: formatPath(issue.path),
    message: issue.message,
    ...(line ? { line } : {}),
  };
}

/** Whether a logged entry, that the desk accepted, completes a step. */
function completes(step: GuideStep, entry: LogEntry, afterIndex: number, index: number): boolean {
  const fields = entry as Record<string, unknown>;
  const { type, order, sku, team } = step.done;
  return (
    entry.type === type &&
    index > afterIndex &&
    (order === undefined || fields.order === order) &&
    (sku === undefined || fields.sku === sku) &&
    (team === undefined || fields.team === team)
  );
}

export interface GuideProgress {
  /** Which steps are done, in step order. */
  done: boolean[];
  /** The first step not done yet; null once every step is. */
  current: number | null;
}

/**
 * Where a trainee is in a guide: a step is done once the log holds an accepted entry that
 * completes it, whatever order the trainee worked in; the current step is the first not done.
 */
export function guideProgress(
  guide: Guide,
  log: readonly LogEntry[],
  outcomes: readonly StepOutcome[],
): GuideProgress {
  const firstOf = (type: string) => log.findIndex((entry) => entry.type === type);
  const done = guide.steps.map((step) => {
    const after = step.done.after === undefined ? -1 : firstOf(step.done.after);
    if (step.done.after !== undefined && after === -1) return false;
    return log.some(
      (entry, index) => !outcomes[index]?.refused && completes(step, entry, after, index),
    );
  });
  const current = done.indexOf(false);
  return { done, current: current === -1 ? null : current };
}
