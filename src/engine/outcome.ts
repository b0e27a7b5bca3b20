/**
 * What applying one log entry did. A refusal is a value, not an exception: the engine
 * refuses what a real system would refuse (shipping more than reserved, allocating more
 * than is available) and the refused attempt stays in the log for the debrief.
 */
import type { EngineState } from './state';

export interface Refusal {
  /** Stable code, e.g. `exceeds-available`; scoring maps codes to competencies. */
  code: string;
  /** A sentence for the trainee, naming the order, SKU and quantities involved. */
  message: string;
}

/** What a rule applied in place reports: a refusal (nothing was changed), or a note. */
export interface Effect {
  refused?: Refusal;
  /** Something worth telling the trainee that is not a refusal (a verification that caught an error). */
  note?: string;
}

/** The result of a public, pure application: the new state, or a refusal and no state. */
export type Outcome =
  | { state: EngineState; refused?: undefined; note?: string }
  | { state?: undefined; refused: Refusal; note?: undefined };

export function refusal(code: string, message: string): Effect {
  return { refused: { code, message } };
}
