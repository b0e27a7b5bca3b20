/**
 * The parts of an xAPI 1.0.3 statement this site writes (xAPI-Data.md §2.4), as plain
 * serialisable data: statements are kept in the outbox exactly as they will be sent.
 */
export type LanguageMap = Record<string, string>;

export interface Account {
  homePage: string;
  name: string;
}

/** An agent identified by an account only: the site never sends an email address. */
export interface Agent {
  objectType: 'Agent';
  account: Account;
  name?: string;
}

export interface Verb {
  id: string;
  display: LanguageMap;
}

export interface InteractionComponent {
  id: string;
  description: LanguageMap;
}

export interface ActivityDefinition {
  name?: LanguageMap;
  description?: LanguageMap;
  type?: string;
  moreInfo?: string;
  interactionType?: 'choice' | 'sequencing' | 'matching' | 'fill-in' | 'other';
  correctResponsesPattern?: string[];
  choices?: InteractionComponent[];
  source?: InteractionComponent[];
  target?: InteractionComponent[];
  extensions?: Record<string, unknown>;
}

export interface Activity {
  objectType: 'Activity';
  id: string;
  definition?: ActivityDefinition;
}

export interface StatementRef {
  objectType: 'StatementRef';
  id: string;
}

export interface Score {
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}

export interface Result {
  score?: Score;
  success?: boolean;
  completion?: boolean;
  response?: string;
  /** ISO 8601 duration, e.g. `PT1M5S`. */
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface Context {
  registration?: string;
  instructor?: Agent;
  contextActivities?: {
    parent?: Activity[];
    grouping?: Activity[];
    category?: Activity[];
    other?: Activity[];
  };
  platform?: string;
  language?: string;
  statement?: StatementRef;
  extensions?: Record<string, unknown>;
}

export interface Statement {
  id: string;
  actor: Agent;
  verb: Verb;
  object: Activity | StatementRef;
  result?: Result;
  context?: Context;
  /** When the thing happened (ISO 8601), from the record, so a rebuilt statement is identical. */
  timestamp: string;
}
