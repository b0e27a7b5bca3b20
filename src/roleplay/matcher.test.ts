import { describe, expect, it } from 'vitest';
import { findDates, matchReply } from './matcher';
import { RUBRIC_ITEMS, rubricItemSchema, type RubricItemId } from './schema';

const RUBRIC = RUBRIC_ITEMS.map((id) => rubricItemSchema.parse({ id, points: 10 }));

const found = (text: string) => matchReply(text, RUBRIC).found;
const words = (text: string, item: RubricItemId) =>
  matchReply(text, RUBRIC)
    .evidence.filter((e) => e.item === item)
    .map((e) => e.text);

describe('apology and acknowledgement', () => {
  it.each([
    ["I'm sorry, Helen.", ['sorry']],
    ['I apologise for the mix-up.', ['apologise']],
    [
      'I completely understand, that must be frustrating.',
      ['I completely understand', 'that must be', 'frustrating'],
    ],
    ['SORRY about the tap.', ['SORRY']],
    ['I’m so sorry we let you down.', ['sorry', 'let you down']],
    ["I can't tell you how sorry I am.", ['sorry']],
  ])('credits %j in the words %j', (text, expected) => {
    expect(words(text, 'acknowledge-apologise')).toEqual(expected);
  });

  it.each([
    ["I'm not sorry, it was the supplier.", 'negated', 'not'],
    ['We never apologise for supplier delays.', 'negated', 'never'],
    ["I don't think sorry covers it.", 'negated', "don't"],
    ['We apologise for any inconvenience this may have caused.', 'hollow', 'any inconvenience'],
    ['Sorry, but it is beyond our control.', 'hollow', 'beyond our control'],
    ["I'm sorry you feel that way.", 'hollow', 'sorry you feel'],
  ])('does not credit %j (%s by %j)', (text, reason, because) => {
    const match = matchReply(text, RUBRIC);
    expect(match.found).not.toContain('acknowledge-apologise');
    expect(match.ignored.filter((i) => i.item === 'acknowledge-apologise')[0]).toMatchObject({
      reason,
      because,
    });
  });

  it('a negation in another clause does not cancel the apology', () => {
    expect(found("That's not good enough, and I'm sorry.")).toContain('acknowledge-apologise');
  });

  it('does not find "sorry" inside other words', () => {
    expect(found('The sorryness of it.')).toEqual([]);
  });
});

describe('dates', () => {
  it.each([
    ['It is expected on Friday 14 March.', 'Friday 14 March'],
    ['Expected on the 14th of March 2026.', '14th of March 2026'],
    ['Due March 14.', 'March 14'],
    ['It will be with you next Tuesday.', 'next Tuesday'],
    ['Give it 3 days.', '3 days'],
    ['Within two working days.', 'two working days'],
    ['Expected 2026-03-16.', '2026-03-16'],
    ['By 14:00 tomorrow.', '14:00'],
    ['I will ring you on Thursday afternoon.', 'Thursday afternoon'],
    ['It goes out tomorrow morning.', 'tomorrow morning'],
    ['no later than Friday', 'Friday'],
  ])('credits %j as a date in %j', (text, date) => {
    expect(words(text, 'transparent-date')).toContain(date);
  });

  it.each([
    ['It should be early next week.'],
    ['Soon, hopefully.'],
    ['It may arrive in a few days.'],
    ['I sat down and checked the system.'],
    ["We don't know yet."],
  ])('does not credit the vague %j', (text) => {
    expect(found(text)).not.toContain('transparent-date');
  });

  it('ignores a date that is negated and credits the real one', () => {
    const match = matchReply("It won't be Friday, it's expected on Monday 16 March.", RUBRIC);
    expect(
      words("It won't be Friday, it's expected on Monday 16 March.", 'transparent-date'),
    ).toEqual(['Monday 16 March']);
    expect(match.ignored).toMatchObject([
      { item: 'transparent-date', text: 'Friday', reason: 'negated' },
    ]);
  });

  it('credits saying honestly that no date is known yet', () => {
    expect(
      words('There is no date known yet; I will update you by Thursday.', 'transparent-date'),
    ).toEqual(['no date known yet', 'Thursday']);
  });

  it('finds the longest date and no overlapping pieces', () => {
    expect(findDates('Friday, 14 March 2026 or Monday').map((d) => d.text)).toEqual([
      'Friday, 14 March 2026',
      'Monday',
    ]);
  });
});

describe('alternatives, remedies, ownership, records', () => {
  it.each<[string, RubricItemId[]]>([
    ['Would you prefer the substitute, or a refund?', ['offer-alternatives']],
    ['I can cancel the tap and refund you today.', ['transparent-date', 'offer-alternatives']],
    ["We can't cancel it now.", []],
    ['I will send it by free next-day delivery.', ['offer-remedy', 'take-ownership']],
    ['I can give you 10% off the valves.', ['offer-remedy']],
    ['We will hold the original price on the replacement.', ['offer-alternatives', 'offer-remedy']],
    ["That's our mistake. I'll call you on Thursday.", ['transparent-date', 'take-ownership']],
    ["I've noted it on your order.", ['keep-record']],
    ['Let me log that for you.', ['keep-record']],
    ['Okay.', []],
    ['The warehouse will sort it.', []],
  ])('%j shows %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('adds the file’s own phrases and patterns to the standard ones', () => {
    const rubric = [
      rubricItemSchema.parse({ id: 'offer-remedy', points: 10, phrases: ['loyalty points'] }),
      rubricItemSchema.parse({ id: 'keep-record', points: 10, patterns: ['\\bSO-\\d+\\b'] }),
    ];
    const match = matchReply('I have added 500 loyalty points; see SO-40117.', rubric);
    expect(match.evidence.map((e) => [e.item, e.text, e.source])).toEqual([
      ['offer-remedy', 'loyalty points', 'phrase'],
      ['keep-record', 'SO-40117', 'pattern'],
    ]);
  });

  it('reports where each match is in the reply as typed', () => {
    const text = 'Sorry! Expected Friday 13 March.';
    for (const e of matchReply(text, RUBRIC).evidence)
      expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('only looks for the items of the rubric it is given', () => {
    const onlyDates = [rubricItemSchema.parse({ id: 'transparent-date', points: 10 })];
    expect(matchReply('Sorry, expected Friday 13 March.', onlyDates).found).toEqual([
      'transparent-date',
    ]);
  });
});
