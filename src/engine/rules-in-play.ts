/**
 * Which rules of the catalogue can score a given scenario: those behind the work the
 * reference (autopilot) does in it. The briefing lists them under "How you are scored", and
 * a test holds every bundled scenario's objectives to naming exactly these.
 */
import type { Action } from './actions';
import { runAutopilot } from './autopilot';
import { isAction } from './log';
import { RULE_CATALOGUE, type Rule } from './rules';
import type { Scenario } from './schema';
import { addHours } from './time';

/** The rules behind each kind of work: doing it wrong, late, or not at all. */
const WORK_RULES: Partial<Record<Action['type'], readonly Rule[]>> = {
  allocate: ['stock-not-checked', 'out-of-rank-order', 'stock-not-allocated'],
  'record-backorder': [
    'backorder-not-recorded',
    'backorder-record-stale',
    'wrong-backorder-type',
    'partial-not-recognised',
    'record-inaccurate',
  ],
  'notify-customer': [
    'customer-not-told',
    'notice-late',
    'update-overdue',
    'notice-wrong-channel',
    'notice-wrong-date',
    'notice-missing-items',
    'notice-missing-options',
    'notice-no-apology',
  ],
  ship: ['shipment-late', 'refused-shipping-step'],
  verify: ['verification-skipped'],
  escalate: ['escalation-missed'],
  'flag-priority': ['flag-missed'],
  'inform-team': ['team-not-informed'],
};

export function rulesInPlay(scenario: Scenario): Rule[] {
  const { log, state } = runAutopilot(scenario);
  const rules = new Set<Rule>();
  for (const entry of log)
    if (isAction(entry)) for (const rule of WORK_RULES[entry.type] ?? []) rules.add(rule);
  const deadline = (at: string) => addHours(at, scenario.policy.notifyWithinHours);
  if (
    scenario.events.some(
      (event) =>
        event.type === 'stock-received' &&
        deadline(event.at) <= scenario.endsAt &&
        log.some((entry) => entry.type === 'allocate' && entry.at >= event.at),
    )
  )
    rules.add('restocked-backorder-lost');
  if (
    scenario.events.some(
      (event) =>
        event.type === 'customer-message' &&
        event.intent === 'ask-status' &&
        deadline(event.at) <= scenario.endsAt,
    )
  )
    rules.add('status-request-unanswered');
  // Look-alikes next to an item that ships: the wrong one can be picked.
  if (
    state.shipments.some((shipment) =>
      shipment.lines.some((line) => (state.skus[line.sku]?.lookalikes.length ?? 0) > 0),
    )
  )
    rules.add('wrong-item-shipped');
  // A shipment that leaves part of its order behind must be announced first.
  if (
    state.shipments.some((shipment) => {
      const order = state.orders.find((o) => o.id === shipment.order);
      return shipment.packingSlip.lines.some((line) => line.backordered > 0) && order;
    })
  )
    rules.add('partial-not-announced');
  return RULE_CATALOGUE.map((rule) => rule.id as Rule).filter((id) => rules.has(id));
}
