/**
 * What customers write in a generated shift: one or more wordings per intent (asking for
 * status, waiting for the full order, accepting a part delivery or a substitute,
 * cancelling a line) in the voice of each kind of customer, from a hospital's estates
 * office to a contractor texting from site. Data only: the shift builder fills in the
 * order, item and day.
 */
import type { ScenarioInput } from './schema';
import type { Tier } from './trade-catalogue';

type EventInput = NonNullable<ScenarioInput['events']>[number];
export type Intent = Extract<EventInput, { type: 'customer-message' }>['intent'];
export type Voice = 'formal' | 'trade' | 'shop' | 'home';

export const VOICE: Record<Tier, Voice> = {
  strategic: 'formal',
  contractor: 'trade',
  repeat: 'shop',
  standard: 'home',
};

export interface MessageContext {
  order: string;
  item: string;
  qty: number;
  substitute: string;
  signOff: string;
  job: string;
  day: string;
  fitter: string;
}

/** Customer messages, by intent and by the customer's voice: how each kind of customer writes. */
export const MESSAGES: Record<Intent, Record<Voice, readonly ((c: MessageContext) => string)[]>> = {
  'ask-status': {
    formal: [
      (c) =>
        `Good morning, could you confirm when the ${c.item} on order ${c.order} will be delivered? Our contractors need them on site by ${c.day}. Kind regards, ${c.signOff}`,
      (c) =>
        `Hello, we have not yet received a dispatch note for ${c.order}. Please let us know the delivery date for the ${c.item}, as the works programme depends on it. Regards, ${c.signOff}`,
    ],
    trade: [
      (c) =>
        `any news on the ${c.item}? need them for ${c.job} ${c.day.toLowerCase()}. ${c.signOff}`,
      (c) => `${c.order} - wheres the ${c.item}?? lads are waiting on them`,
    ],
    shop: [
      (c) =>
        `Morning, any update on the ${c.item}? Had customers in asking for them this week already. Cheers, ${c.signOff}`,
      (c) =>
        `Hi, the ${c.item} on ${c.order} haven't turned up yet and the shelf is empty. When can we expect them? ${c.signOff}`,
    ],
    home: [
      (c) =>
        `Hi, I ordered ${c.qty} of the ${c.item} a few days ago and haven't had a dispatch email yet. Are they on their way? ${capitalise(c.fitter)} is booked for ${c.day}. Thanks, ${c.signOff}`,
      (c) =>
        `Hello, could you tell me what is happening with order ${c.order}? I need the ${c.item} by ${c.day}. Regards, ${c.signOff}`,
    ],
  },
  'wait-for-full': {
    formal: [
      (c) =>
        `Please hold order ${c.order} until everything can be delivered together; the site cannot take part deliveries. Regards, ${c.signOff}`,
    ],
    trade: [(c) => `dont send half of ${c.order}, send it all in one go when the ${c.item} are in`],
    shop: [
      (c) =>
        `Can you hang on to ${c.order} and send the lot together? Two deliveries is two lots of paperwork for us. ${c.signOff}`,
    ],
    home: [
      (c) =>
        `Hi, I'd rather wait and get everything in one delivery, I won't be in for two. Thanks, ${c.signOff}`,
    ],
  },
  'accept-partial': {
    formal: [
      (c) =>
        `We can accept a part delivery on ${c.order} after all: please send what you have now and the ${c.item} when they arrive. Regards, ${c.signOff}`,
    ],
    trade: [(c) => `ok just send what u have today, the ${c.item} can follow`],
    shop: [
      (c) =>
        `Send us what you've got on ${c.order} now please, the ${c.item} can come on the next van. ${c.signOff}`,
    ],
    home: [
      (c) =>
        `Actually, please send what you have now, the ${c.item} can come later. Thanks, ${c.signOff}`,
    ],
  },
  'accept-substitute': {
    formal: [
      (c) =>
        `The ${c.substitute} are acceptable in place of the ${c.item}, provided they fit the same way. Please send those at the price we were quoted for the originals. Regards, ${c.signOff}`,
    ],
    trade: [
      (c) => `fine, send the ${c.substitute} instead of the ${c.item}. same price as quoted yeah?`,
    ],
    shop: [
      (c) =>
        `Go on then, swap the ${c.item} for the ${c.substitute}. Same price as the old ones I hope! ${c.signOff}`,
    ],
    home: [
      (c) =>
        `Oh that's a shame. If the ${c.substitute} do the same job, please send those instead. Thanks, ${c.signOff}`,
    ],
  },
  'cancel-line': {
    formal: [
      (c) =>
        `Please cancel the ${c.item} on order ${c.order} and refund the line; we will source an alternative. Regards, ${c.signOff}`,
    ],
    trade: [
      (c) => `just cancel the ${c.item} mate, we'll get them elsewhere. refund to the account pls`,
    ],
    shop: [
      (c) =>
        `Take the ${c.item} off ${c.order} please and credit the account, no point us waiting. ${c.signOff}`,
    ],
    home: [
      (c) =>
        `Please cancel the ${c.item} and refund me, I'll find something locally. Thanks, ${c.signOff}`,
    ],
  },
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
