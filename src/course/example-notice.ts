/**
 * The notice a lesson shows as an example: the reference's first notice on an order of a
 * bundled scenario, rendered by the same renderer as the desk's composer and `sim run`, so
 * the lesson shows exactly what a customer would receive.
 */
import { runAutopilot } from '../engine/autopilot';
import { replay } from '../engine/log';
import { renderNotice, type NoticeTemplate, type RenderedNotice } from '../engine/messages';
import type { Scenario } from '../engine/schema';

export interface ExampleNotice extends RenderedNotice {
  at: string;
  channel: 'email' | 'sms';
}

/**
 * The reference's first notice on `order` (of `kind`, when given) that the engine accepted;
 * null when the reference sends none.
 */
export function exampleNotice(
  scenario: Scenario,
  templates: readonly NoticeTemplate[],
  order: string,
  kind?: string,
): ExampleNotice | null {
  const { log } = runAutopilot(scenario);
  let sent: ExampleNotice | null = null;
  replay(scenario, log, {
    after: (state, step, outcome) => {
      if (sent || step.type !== 'notify-customer' || step.order !== order || outcome.refused)
        return;
      if (kind && step.kind !== kind) return;
      sent = { ...renderNotice(templates, state, step), at: step.at, channel: step.channel };
    },
  });
  return sent;
}
