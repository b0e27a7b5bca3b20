/**
 * Words shown to people for the coded values of a scenario file. The engine keeps the
 * codes (`level: 2`, `partial-shipments`); pages and islands show these labels.
 */
import type { Competency, Scenario } from '../engine/schema';

/** A scenario's difficulty, 0 (guided) to 3, as the scenario schema defines it. */
export type Level = Scenario['level'];

const LEVEL_LABELS: Record<Level, string> = {
  0: 'Guided',
  1: 'Beginner',
  2: 'Intermediate',
  3: 'Advanced',
};

// A Record over the Competency union: adding a competency to the schema fails type
// checking here until it has a label, so no code ever leaks onto a page.
const COMPETENCY_LABELS: Record<Competency, string> = {
  basics: 'Backorder basics',
  tracking: 'Inventory tracking',
  'partial-shipments': 'Partial shipments',
  communication: 'Customer communication',
  documentation: 'Documentation',
  prioritization: 'Prioritization',
  'error-prevention': 'Error prevention',
};

/** `2` -> `Intermediate`. */
export function levelLabel(level: Level): string {
  return LEVEL_LABELS[level];
}

/** `partial-shipments` -> `Partial shipments`. */
export function competencyLabel(competency: Competency): string {
  return COMPETENCY_LABELS[competency];
}

/** `45` -> `45 minutes`, `1` -> `1 minute`. */
export function minutesLabel(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
