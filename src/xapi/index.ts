/**
 * xAPI 1.0.3 statements for every record the site keeps (issue 15). Pure: no framework, no
 * storage; src/db calls these inside the transaction that writes the record, and the
 * outbox sends what they return.
 */
export * from './types';
export { statementId } from './ids';
export { isoDuration, scorm12Time, secondsBetween } from './duration';
export { actorOf, activityId, normaliseBase, type Identity, type Who } from './identity';
export { PLATFORM } from './build';
export { VERBS, ACTIVITY_TYPES, extensionKeys } from './vocabulary';
export * from './statements';
export { runAttempted, runVerdict, type RunRecord } from './runs';
export {
  roleplayStatements,
  roleplayOverrideScored,
  roleplayCompletedId,
  type RoleplayRecord,
} from './roleplay';
export * from './delivery';
export * from './cmi5';
