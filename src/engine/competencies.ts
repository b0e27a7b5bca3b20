/**
 * The seven competencies of docs/engine.md section 8, in the order the debrief lists them.
 * A module of their own, without the schema's zod, so the manager's dashboard can name
 * them without loading the file parsers at start-up.
 */
export const COMPETENCIES = [
  'basics',
  'tracking',
  'partial-shipments',
  'communication',
  'documentation',
  'prioritization',
  'error-prevention',
] as const;

export type Competency = (typeof COMPETENCIES)[number];
