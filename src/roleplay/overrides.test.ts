import { describe, expect, it } from 'vitest';
import { GREEDY_TRAP, HEADER, roleplayFrom } from '../../tests/fixtures/roleplay';
import {
  applyOverrides,
  overridesFromRecords,
  setStepOverrides,
  type MatchOverride,
} from './overrides';
import { chooseReply, startConversation, typeReply, viewConversation } from './session';
import type { Conversation } from './session';

const roleplay = roleplayFrom(GREEDY_TRAP);
const AT = new Date('2026-03-10T09:00:00Z');

function typed(conversation: Conversation, text: string): Conversation {
  const result = typeReply(roleplay, conversation, text);
  if (!result.ok) throw new Error(result.message);
  return result.conversation;
}

const override = (
  fields: Partial<MatchOverride> & Pick<MatchOverride, 'item' | 'credited' | 'typed'>,
): MatchOverride => ({ step: 0, by: 'Maria Keller', reason: '', at: AT.toISOString(), ...fields });

describe('a trainer overriding the matcher', () => {
  // The matcher finds the apology and no date: "it will come" promises nothing.
  const text = "I'm sorry. It will come, we are working on it.";
  const conversation = typed(startConversation(roleplay, 'practice'), text);

  it('adds an item the matcher missed and counts it once in the score', () => {
    const before = viewConversation(roleplay, conversation);
    expect(before.steps[0]!.credits).toEqual(['acknowledge-apologise']);
    const view = viewConversation(roleplay, conversation, [
      override({ typed: text, item: 'transparent-date', credited: true, reason: 'Said the date' }),
    ]);
    expect(view.steps[0]!.credits).toEqual(['acknowledge-apologise', 'transparent-date']);
    expect(view.steps[0]!.matched).toEqual(['acknowledge-apologise']);
    expect(view.score.total).toBe(before.score.total + 20);
    const date = view.score.rubric.find((r) => r.id === 'transparent-date')!;
    expect(date.earned).toBe(20);
    expect(date.changes).toEqual([
      {
        step: 0,
        credited: true,
        by: 'Maria Keller',
        reason: 'Said the date',
        at: AT.toISOString(),
      },
    ]);
  });

  it('removes an item the matcher found', () => {
    const view = viewConversation(roleplay, conversation, [
      override({
        typed: text,
        item: 'acknowledge-apologise',
        credited: false,
        reason: 'Sarcastic',
      }),
    ]);
    expect(view.steps[0]!.credits).toEqual([]);
    expect(view.score.total).toBe(0);
    const apology = view.score.rubric.find((r) => r.id === 'acknowledge-apologise')!;
    expect(apology).toMatchObject({ earned: 0, evidence: [] });
    expect(apology.changes[0]).toMatchObject({ credited: false, reason: 'Sarcastic' });
  });

  it('counts an item once when an override credits what a chosen reply also earned', () => {
    // Typed apology at the start, then the apology again by choice: still 20, not 40.
    const both = chooseReply(roleplay, conversation, 0);
    const view = viewConversation(roleplay, both, [
      override({ typed: text, item: 'acknowledge-apologise', credited: true }),
    ]);
    const apology = view.score.rubric.find((r) => r.id === 'acknowledge-apologise')!;
    expect(apology.earned).toBe(20);
  });

  it('never lets the total exceed the maximum', () => {
    const exclusive = roleplayFrom(`${HEADER}rubric:
  - id: acknowledge-apologise
    points: 10
  - id: transparent-date
    points: 10
start: opening
nodes:
  opening:
    customer: Where is it?
    options:
      - text: Sorry.
        next: done
        credits: [acknowledge-apologise]
        feedback: Apology.
      - text: Friday.
        next: done
        credits: [transparent-date]
        feedback: Date.
endings:
  done:
    outcome: resolved
    customer: OK.
    summary: Done.
`);
    const reply = 'Sorry about that.';
    const result = typeReply(exclusive, startConversation(exclusive, 'assessment'), reply);
    if (!result.ok) throw new Error(result.message);
    const view = viewConversation(exclusive, result.conversation, [
      override({ typed: reply, item: 'transparent-date', credited: true }),
    ]);
    expect(view.steps[0]!.credits).toEqual(['acknowledge-apologise', 'transparent-date']);
    expect(view.score).toMatchObject({ total: 10, max: 10, percent: 100 });
  });

  it('ignores overrides of another reply, another step, or an item not in play', () => {
    const view = viewConversation(roleplay, conversation, [
      override({ typed: 'something else typed earlier', item: 'transparent-date', credited: true }),
      override({ step: 1, typed: text, item: 'transparent-date', credited: true }),
      override({ typed: text, item: 'offer-remedy', credited: true }),
    ]);
    expect(view.steps[0]!.credits).toEqual(['acknowledge-apologise']);
    expect(view.steps[0]!.overridden).toEqual([]);
    expect(view.score.total).toBe(20);
  });

  it('applies the last override of an item', () => {
    const { credits } = applyOverrides(
      { index: 0, typed: text },
      ['acknowledge-apologise'],
      ['acknowledge-apologise', 'transparent-date'],
      [
        override({ typed: text, item: 'transparent-date', credited: true }),
        override({ typed: text, item: 'transparent-date', credited: false }),
      ],
    );
    expect(credits).toEqual(['acknowledge-apologise']);
  });
});

describe('saving a trainer’s decisions on one reply', () => {
  const step = { index: 0, typed: 'Sorry.' };
  const inPlay = ['acknowledge-apologise', 'transparent-date'] as const;

  it('keeps only decisions that differ from the matcher, with the name and reason trimmed', () => {
    const result = setStepOverrides(
      [],
      step,
      ['acknowledge-apologise'],
      inPlay,
      { 'acknowledge-apologise': true, 'transparent-date': true },
      '  Maria Keller ',
      ' Gave the date in the next breath ',
      AT,
    );
    expect(result).toEqual({
      ok: true,
      overrides: [
        {
          step: 0,
          typed: 'Sorry.',
          item: 'transparent-date',
          credited: true,
          by: 'Maria Keller',
          reason: 'Gave the date in the next breath',
          at: AT.toISOString(),
        },
      ],
    });
  });

  it('setting an item back to the matcher’s result removes its override; others stay', () => {
    const existing = [
      override({ typed: 'Sorry.', item: 'transparent-date', credited: true }),
      override({ step: 2, typed: 'Later.', item: 'offer-remedy', credited: true }),
    ];
    const result = setStepOverrides(
      existing,
      step,
      ['acknowledge-apologise'],
      inPlay,
      { 'transparent-date': false },
      'Maria',
      '',
      AT,
    );
    expect(result.ok && result.overrides).toEqual([existing[1]]);
  });

  it('refuses a missing name, an overlong reason and an item not in play, saying which', () => {
    const call = (by: string, reason: string, item = 'transparent-date') =>
      setStepOverrides([], step, [], inPlay, { [item]: true }, by, reason, AT);
    expect(call('  ', '')).toEqual({
      ok: false,
      message: "Enter the trainer's name (up to 60 characters).",
    });
    expect(call('Maria', 'x'.repeat(501))).toMatchObject({
      ok: false,
      message: 'Keep the reason under 500 characters (it has 501).',
    });
    expect(call('Maria', '', 'offer-remedy')).toMatchObject({
      ok: false,
      message: '“offer-remedy” is not scored at this point of the conversation.',
    });
  });

  it('reads back only well-formed stored overrides', () => {
    const good = override({ typed: 'Sorry.', item: 'transparent-date', credited: true });
    expect(overridesFromRecords([good, { ...good, credited: 'yes' }, null, 3])).toEqual([good]);
    expect(overridesFromRecords(undefined)).toEqual([]);
  });
});
