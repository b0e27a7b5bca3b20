/**
 * The training guide's rubric items in the words a trainer ticks them by (issue 5, the
 * rubric of syllabus 4 and 5).
 */
import type { RubricItemId } from '../roleplay/schema';

export const RUBRIC_LABELS: Record<RubricItemId, string> = {
  'acknowledge-apologise': 'Acknowledged the problem and apologised sincerely',
  'transparent-date': 'Was transparent, with a realistic date',
  'offer-alternatives': 'Offered alternatives (wait, ship what is available, substitute, cancel)',
  'offer-remedy': 'Offered a fitting remedy (free expedited shipping, a discount)',
  'take-ownership': 'Took ownership of the next step',
  'keep-record': 'Kept the record straight (noted the agreement on the order)',
};
