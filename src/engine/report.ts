/**
 * The final-state report that `sim run` prints (docs/engine.md section 9). Field names and order
 * are part of the contract that outside checks read.
 */
import { orderViews, type OrderView } from './backorders';
import { canonicalJson, sha256 } from './canonical';
import type { LogEntry } from './log';
import type { RenderedNotice } from './messages';
import type { Scenario } from './schema';
import {
  ENGINE_VERSION,
  type EngineState,
  type Notification,
  type Refund,
  type Shipment,
} from './state';

export interface RunReport {
  scenario: string;
  contentHash: string;
  engineVersion: string;
  orders: OrderView[];
  shipments: Shipment[];
  inventory: { sku: string; onHand: number; allocated: number; available: number }[];
  refunds: Refund[];
  /** Each notice with the exact subject and body the customer received. */
  notifications: (Notification & Partial<RenderedNotice>)[];
  log: LogEntry[];
}

/** The content hash a stored run keeps: SHA-256 of the scenario's canonical JSON (defaults filled in). */
export function scenarioHash(scenario: Scenario): string {
  return sha256(canonicalJson(scenario));
}

export function runReport(
  scenario: Scenario,
  state: EngineState,
  log: readonly LogEntry[],
  /** The text of each notice (`sentNoticeTexts`), when the templates are at hand. */
  texts: readonly RenderedNotice[] = [],
  /** `scenarioHash(scenario)`, when the caller has a faster way to the same digest. */
  contentHash: string = scenarioHash(scenario),
): RunReport {
  return {
    scenario: scenario.id,
    contentHash,
    engineVersion: ENGINE_VERSION,
    orders: orderViews(state),
    shipments: state.shipments,
    inventory: Object.values(state.skus).map((sku) => ({
      sku: sku.sku,
      onHand: sku.onHand,
      allocated: sku.allocated,
      available: sku.onHand - sku.allocated,
    })),
    refunds: state.refunds,
    notifications: state.notifications.map((notification, index) => ({
      ...notification,
      ...texts[index],
    })),
    log: [...log],
  };
}
