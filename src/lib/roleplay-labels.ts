/**
 * Words shown to people for the coded values of a role-play file (situations, rubric
 * items, outcomes, channels, tiers) and for the customer's mood. Records over the schema's
 * unions, so a new code fails type checking here until it has a label.
 */
import type { Outcome, RubricItemId, Situation } from '../roleplay/schema';
import type { Roleplay } from '../roleplay/schema';

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

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `2026-03-13` -> `Fri 13 Mar 2026`, the way the order screen shows dates. Built by hand:
 * `toLocaleDateString` punctuation differs between ICU versions, and the server renders
 * what the browser hydrates.
 */
export function dayLabel(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
