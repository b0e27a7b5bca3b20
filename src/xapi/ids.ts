/**
 * Statement ids are name-based UUIDs (RFC 9562 version 5) of a record's key: a retry, a
 * statement rebuilt from the same record, or the same record arriving in a bundle on another
 * device, all get the same id, so a learning record store keeps each record once.
 * Synchronous (uuid's own SHA-1), so it can run inside an IndexedDB transaction.
 */
import { v5 } from 'uuid';

/** The namespace of every statement id this site makes; never change it. */
export const STATEMENT_NAMESPACE = '5b0d9d54-5a52-4a8e-9a0e-3c8f2f6e7b1a';

export function statementId(key: string): string {
  return v5(key, STATEMENT_NAMESPACE);
}
