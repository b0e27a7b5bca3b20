/** Largest bundle file accepted, in bytes: a bundle of 1,000 long shifts is about 20 MB. */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
