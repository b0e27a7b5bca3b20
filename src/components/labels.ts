/**
 * Words shown to people for coded values, the one table of them for pages and islands: a
 * scenario's level and competencies, and a role-play's situations, rubric items, outcomes,
 * channels, tiers and the customer's mood. The engine and the role-play module keep the
 * codes (`level: 2`, `partial-shipments`, `take-ownership`); views show these words.
 * Each table is a Record over its schema's union, so a new code fails type checking here
 * until it has a label, and no code ever leaks onto a page.
 */
import type { Competency, Scenario } from '../engine/schema';
import type { Outcome, Roleplay, RubricItemId, Situation } from '../roleplay/schema';

// --- Scenarios ---

/** A scenario's difficulty, 0 (guided) to 3, as the scenario schema defines it. */
export type Level = Scenario['level'];

const LEVEL_LABELS: Record<Level, string> = {
  0: 'Guided',
  1: 'Beginner',
  2: 'Intermediate',
  3: 'Advanced',
};

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

// --- Role-plays ---

const SITUATION_LABELS: Record<Situation, string> = {
  'partial-shipment': 'Partial shipment',
  'backorder-slipped': 'Backorder that slipped',
  'cancelled-backorder': 'Cancelled backorder',
  'wrong-item': 'Wrong item received',
};

/** The rubric items in the words every page uses, the trainee's and the trainer's alike. */
export const RUBRIC_LABELS: Record<RubricItemId, string> = {
  'acknowledge-apologise': 'Acknowledge and apologise sincerely',
  'transparent-date': 'A transparent, realistic date',
  'offer-alternatives': 'Offer alternatives',
  'offer-remedy': 'Offer a fitting remedy',
  'take-ownership': 'Take ownership of the next step',
  'keep-record': 'Keep the record straight',
};

const OUTCOME_LABELS: Record<Outcome, string> = {
  resolved: 'Resolved',
  escalated: 'Escalated to a supervisor',
  lost: 'Customer lost',
};

type Channel = Roleplay['persona']['channel'];
const CHANNEL_LABELS: Record<Channel, string> = {
  phone: 'Phone call',
  email: 'Email',
  sms: 'Text messages',
  chat: 'Live chat',
};

type Tier = Roleplay['persona']['tier'];
const TIER_LABELS: Record<Tier, string> = {
  strategic: 'Strategic account',
  contractor: 'Contractor',
  repeat: 'Repeat customer',
  standard: 'Standard customer',
};

export const situationLabel = (situation: Situation) => SITUATION_LABELS[situation];
export const rubricLabel = (item: RubricItemId) => RUBRIC_LABELS[item];
export const outcomeLabel = (outcome: Outcome) => OUTCOME_LABELS[outcome];
export const channelLabel = (channel: Channel) => CHANNEL_LABELS[channel];
export const tierLabel = (tier: Tier) => TIER_LABELS[tier];

/** A word for a mood from 0 (furious) to 100 (delighted), for the meter's text. */
export function moodWord(mood: number): string {
  if (mood < 20) return 'furious';
  if (mood < 40) return 'angry';
  if (mood < 60) return 'uneasy';
  if (mood < 80) return 'calmer';
  return 'satisfied';
}
