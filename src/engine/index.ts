/**
 * The fulfilment engine's public surface. Pure TypeScript: no DOM, framework or I/O, so the
 * browser, the command line and the tests run the same rules.
 */
export * from './schema';
export * from './time';
export * from './state';
export * from './problems';
export { parseScenario, validateScenario } from './load';
export { rankOrders, rankIndex, rankReasons } from './ranking';
export {
  planAllocation,
  runAllocation,
  allocateOrder,
  availableBySku,
  applyGrants,
} from './allocation';
export type { AllocationGrant, LineGrant } from './allocation';
export { promiseTable, orderPromiseDate, linePromiseDates } from './promise';
export { orderStatus, orderViews, orderView, backorderType, ORDER_STATUSES } from './backorders';
export type { OrderStatus, OrderView, LineView } from './backorders';
export { applyEvent, countStock, changesAllocation } from './events';
export { actionSchema, applyAction, ACTION_TYPES, actorOf } from './actions';
export type { Action, ActionType } from './actions';
export { NO_DATE_TEXT, packingSlipFor } from './shipping';
export { applyEntry, replay, parseLog, isAction, advanceEntries, injectedEvents } from './log';
export type { LogEntry, StepOutcome, ReplayResult } from './log';
export type { Refusal, Outcome } from './outcome';
export { runAutopilot, AUTOPILOT, SUPERVISOR } from './autopilot';
export { injectionProblem } from './injection';
export type { InjectedEvent } from './injection';
export { scoreLog, RULES, PASS_MARK } from './scoring';
export type { Score, Deduction, Rule } from './scoring';
export { runReport, scenarioHash } from './report';
export type { RunReport } from './report';
export { canonicalJson, sha256 } from './canonical';
export { generateScenario } from './generate';
