/**
 * The names and versions a progress bundle and a backup file carry. Apart from their
 * schemas (./schema.ts, ./backup.ts), so writing a file does not load the parsers.
 */
export const BUNDLE_FORMAT = 'backorder-academy-progress';
export const BUNDLE_VERSION = 1;
export const BACKUP_FORMAT = 'backorder-academy-backup';
export const BACKUP_VERSION = 1;
