/**
 * The coach of practice mode: what the desk owes right now, by when and under which rule,
 * and every deduction so far with its explanation. It reads the judge's own duties (the
 * scorer's), so its advice and the score cannot disagree. It only advises; it never acts.
 */
import type { LogEntry } from './log';
import { replay } from './log';
import { RULES, type Rule } from './rules';
import type { Scenario } from './schema';
import { Judge, type Deduction } from './scoring';

export interface Advice {
  rule: Rule;
  /** The rule's title, e.g. "Tell every customer whose order is backordered". */
  title: string;
  order?: string;
  since: string;
  deadline: string;
  /** What to do, as the reference would do it. */
  advice: string;
  /** The deadline falls after the shift: it will be handed over, not deducted. */
  afterShift: boolean;
}

export interface Coaching {
  due: Advice[];
  /** Deductions so far, newest first. */
  deductions: Deduction[];
}

export function coach(scenario: Scenario, log: readonly LogEntry[]): Coaching | null {
  const judge = new Judge(scenario);
  const replayed = replay(scenario, log, judge.hooks);
  if (!replayed.ok) return null;
  const due = judge.owed(replayed.result.state).map(({ duty, finding }) => ({
    rule: finding.rule,
    title: RULES[finding.rule].title,
    ...(finding.order ? { order: finding.order } : {}),
    since: duty.since,
    deadline: duty.deadline,
    advice: finding.reference,
    afterShift: duty.deadline > scenario.endsAt,
  }));
  return { due, deductions: [...judge.deductions].reverse() };
}
