/**
 * One log entry in words, for a trainer following a trainee's shift: who did what, on which
 * order and item. Text only; a customer's own words are quoted as they came.
 */
import type { LogEntry } from '../engine/log';
import { formatLocal } from '../lib/dates';

export function describeEntry(entry: LogEntry): string {
  const by = 'by' in entry && entry.by ? ` (${entry.by})` : '';
  switch (entry.type) {
    case 'order-placed':
      return `New order ${entry.order.id} from ${entry.order.customer}: ${entry.order.lines.map((l) => `${l.qty} × ${l.sku}`).join(', ')}`;
    case 'stock-received':
      return `Delivery on ${entry.po}: ${entry.qty} unit(s)`;
    case 'po-delayed':
      return `${entry.po} delayed to ${formatLocal(entry.eta)}`;
    case 'sku-discontinued':
      return `${entry.sku} discontinued`;
    case 'stock-count':
      return `Cycle count of ${entry.sku}: ${entry.onHand} on hand`;
    case 'customer-message':
      return `Customer on ${entry.order} (${entry.intent.replace(/-/g, ' ')}): “${entry.text}”`;
    case 'allocate':
      return `Allocated to ${entry.order}${entry.lines ? `: ${entry.lines.map((l) => `${l.qty} × ${l.sku}`).join(', ')}` : ' by the rules'}${by}`;
    case 'notify-customer':
      return `Notice to the customer of ${entry.order} by ${entry.channel} (${entry.kind.replace(/-/g, ' ')}), date ${entry.content.promiseDate ? formatLocal(entry.content.promiseDate) : 'none'}${entry.content.apology ? ', with an apology' : ''}${by}`;
    case 'record-backorder':
      return `Backorder recorded on ${entry.order}: ${entry.lines.map((l) => `${l.qty} × ${l.sku} ${l.backorderType}`).join(', ')}${by}`;
    case 'advance-clock':
      return `Clock advanced${by}`;
    default: {
      const details = (['order', 'sku', 'qty', 'team'] as const)
        .map((key) => (entry as Record<string, unknown>)[key])
        .filter((value) => typeof value === 'string' || typeof value === 'number');
      return `${entry.type.charAt(0).toUpperCase()}${entry.type.slice(1).replace(/-/g, ' ')}${details.length ? ` ${details.join(' ')}` : ''}${by}`;
    }
  }
}
