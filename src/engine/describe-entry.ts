/**
 * One log entry in words, for a person reading a shift back: the debrief's step-through, the
 * trainer's replay and the live console. Plain text; a customer's own words are quoted as they
 * came. Scenario times stay in their `2026-03-02T08:00` form, for the view to write the house
 * way (`readableTimes` in src/lib/dates.ts), so the engine keeps no date format of its own.
 */
import type { LogEntry } from './log';

const words = (code: string) => code.replace(/-/g, ' ');
const units = (lines: readonly { sku: string; qty: number }[]) =>
  lines.map((l) => `${l.qty} × ${l.sku}`).join(', ');
const team = (code: string) => `the ${words(code)} team`;

export function describeEntry(entry: LogEntry): string {
  switch (entry.type) {
    case 'order-placed':
      return `New order ${entry.order.id} from ${entry.order.customer}: ${units(entry.order.lines)}`;
    case 'stock-received':
      return `Delivery on ${entry.po}: ${entry.qty} unit(s)`;
    case 'po-delayed':
      return `${entry.po} delayed to ${entry.eta}`;
    case 'sku-discontinued':
      return `${entry.sku} discontinued`;
    case 'stock-count':
      return `Cycle count of ${entry.sku}: ${entry.onHand} on hand`;
    case 'customer-message':
      return `Customer on ${entry.order} (${words(entry.intent)}): “${entry.text}”`;
    case 'check-stock':
      return `Stock checked for ${entry.sku}`;
    case 'allocate':
      return `Allocated to ${entry.order}${entry.lines ? `: ${units(entry.lines)}` : ' by the rules'}`;
    case 'release':
      return `Released from ${entry.order}${entry.sku ? `: ${entry.qty ?? 'all'} × ${entry.sku}` : ''}`;
    case 'pick':
      return `Picked for ${entry.order}: ${entry.qty} × ${entry.picked ?? entry.sku}${entry.picked && entry.picked !== entry.sku ? ` (the line is ${entry.sku})` : ''}`;
    case 'pack':
      return `Packed ${entry.order}`;
    case 'request-verification':
      return `Verification asked for ${entry.order}`;
    case 'verify':
      return `Verified ${entry.order}`;
    case 'ship':
      return `Shipped ${entry.order}`;
    case 'record-backorder':
      return `Backorder recorded on ${entry.order}: ${entry.lines.map((l) => `${l.qty} × ${l.sku} ${l.backorderType}`).join(', ')}`;
    case 'notify-customer':
      return `Notice to the customer of ${entry.order} by ${entry.channel} (${words(entry.kind)}), date ${entry.content.promiseDate ?? 'none'}${entry.content.apology ? ', with an apology' : ''}`;
    case 'inform-team':
      return `Note to ${team(entry.team)}${entry.order ? ` on ${entry.order}` : ''}${entry.sku ? ` about ${entry.sku}` : ''}`;
    case 'flag-priority':
      return `Flagged ${entry.order} as a priority`;
    case 'escalate':
      return `Escalated ${entry.order}`;
    case 'cancel-line':
      return `Cancelled the ${entry.sku} line of ${entry.order}`;
    case 'substitute':
      return `Substitute on ${entry.order}: ${entry.with ?? 'the offered item'} for ${entry.sku}`;
    case 'advance-clock':
      return 'Clock advanced';
  }
}
