/**
 * Role-plays (issue 5): the public surface for pages, islands, the trainer console and the
 * CLI. Pure TypeScript (zod and yaml only): no DOM, no IndexedDB.
 */
export * from './schema';
export { parseRoleplay, validateRoleplay } from './load';
export {
  graphProblems,
  reachableFrom,
  pointsFor,
  bestPath,
  maxScore,
  shortestPathTo,
} from './graph';
export type { GraphProblem, PathChoice, ScoredPath } from './graph';
export { matchReply, findDates, matcherFor, STANDARD_MATCHERS } from './matcher';
export type { Matcher, Evidence, IgnoredMatch, ReplyMatch } from './matcher';
export {
  startConversation,
  chooseReply,
  typeReply,
  stepBack,
  viewConversation,
  scoreSteps,
  closestOption,
  itemsInPlay,
  stepsFit,
  MAX_TYPED_REPLY,
} from './session';
export type {
  Mode,
  Step,
  Conversation,
  StepView,
  RubricResult,
  ConversationScore,
  ConversationView,
  TypedReplyResult,
} from './session';
export {
  applyOverrides,
  overridesFromRecords,
  setStepOverrides,
  MAX_OVERRIDE_NAME,
  MAX_OVERRIDE_REASON,
} from './overrides';
export type { MatchOverride, AppliedOverride } from './overrides';
export { stepRecords, scoreRecord, stepsFromRecords, roleplayHash } from './record';
export type { StepRecord, ScoreRecord } from './record';
