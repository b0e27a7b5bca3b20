/**
 * The bundle's size limit, for the import panel, which must not pull in the bundle schema.
 * Every input limit is defined in src/engine/limits.ts.
 */
export { MAX_BUNDLE_BYTES } from '../engine/limits';
