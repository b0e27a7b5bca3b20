/**
 * The free-text matcher: which rubric items a typed reply shows, and in which words.
 *
 * It is deliberately transparent rather than clever, so a trainee and a trainer can see
 * exactly why an item was or was not credited:
 * - each rubric item has phrases (whole words, any case), regular expressions and, for the
 *   transparent date, a date finder ("Friday 14 March", "next Tuesday", "3 working days");
 * - a match is ignored as NEGATED when a negation ("not", "never", "don't", "can't", ...)
 *   stands up to three words before it in the same clause ("I'm not sorry"), except in
 *   "no later than" and "can't tell you how sorry";
 * - a match is ignored as HOLLOW when its sentence also holds one of the item's `unless`
 *   phrases ("we apologise for any inconvenience", "beyond our control"), the hollow
 *   apologies the communication lessons teach to avoid.
 * The standard lists below are the training guide's wording; a role-play file may add
 * phrases, patterns and `unless` phrases per item. Deterministic: same text, same result.
 */
import { RUBRIC_ITEMS, type RubricItem, type RubricItemId } from './schema';

export interface Matcher {
  phrases: readonly string[];
  patterns: readonly string[];
  unless: readonly string[];
  /** Whether the date finder credits this item. */
  dates?: boolean;
}

/** The training guide's standard wording per rubric item. */
export const STANDARD_MATCHERS: Record<RubricItemId, Matcher> = {
  'acknowledge-apologise': {
    phrases: [
      'sorry',
      'apologise',
      'apologize',
      'apologies',
      'i understand',
      'i completely understand',
      'i can see why',
      'i hear you',
      'that must be',
      'frustrating',
      'let you down',
      'let down',
    ],
    patterns: [],
    unless: [
      'any inconvenience',
      'beyond our control',
      'sorry you feel',
      'sorry if you feel',
      'sorry that you feel',
    ],
  },
  'transparent-date': {
    phrases: ['no date known yet', 'no confirmed date yet', 'no date yet'],
    patterns: [],
    unless: ['should be early', 'hopefully', 'fingers crossed'],
    dates: true,
  },
  'offer-alternatives': {
    phrases: [
      'substitute',
      'alternative',
      'instead',
      'replacement',
      'ship what',
      'send what',
      'separate delivery',
      'partial shipment',
      'wait for',
      'hold everything',
      'one complete delivery',
      'cancel',
      'refund',
      'would you prefer',
      'would you rather',
      'or would you like',
      'your choice',
      'options',
    ],
    patterns: [],
    unless: [],
  },
  'offer-remedy': {
    phrases: [
      'free delivery',
      'free shipping',
      'free carriage',
      'free of charge',
      'no charge',
      'no extra cost',
      'at no cost',
      'waive',
      'discount',
      'hold the price',
      'same price',
      'original price',
      'on us',
      'voucher',
      'credit note',
    ],
    patterns: [
      String.raw`\b\d{1,2}\s?%\s?(?:off|discount)`,
      String.raw`\bfree\s+(?:[a-z-]+\s+){1,2}(?:delivery|shipping|carriage|courier)\b`,
    ],
    unless: [],
  },
  'take-ownership': {
    phrases: [
      'our mistake',
      'our error',
      'my mistake',
      "that's on us",
      'we got it wrong',
      'we got this wrong',
      'leave it with me',
      'i will personally',
      "i'll personally",
      'i take responsibility',
    ],
    patterns: [
      String.raw`\bi(?:'ll| will| am going to|'m going to)\s+(?:make sure|call|ring|phone|update|email|text|message|chase|check|arrange|book|sort|take care|get back|follow up|keep you|come back|confirm|send|handle)`,
    ],
    unless: [],
  },
  'keep-record': {
    phrases: [
      'noted',
      'note on',
      'a note',
      'record',
      'recorded',
      'logged',
      'on your order',
      'on the order',
      'on your account',
      'reference number',
    ],
    patterns: [String.raw`\b(?:i'll|i will|i've|i have|let me)\s+(?:note|log|record|add)\b`],
    unless: [],
  },
};

/** A piece of the reply that credits an item. `start`/`end` index the reply as typed. */
export interface Evidence {
  item: RubricItemId;
  /** The words exactly as typed. */
  text: string;
  start: number;
  end: number;
  /** What kind of rule found them. */
  source: 'phrase' | 'pattern' | 'date';
}

/** A match that did not count, and why. */
export interface IgnoredMatch {
  item: RubricItemId;
  text: string;
  start: number;
  end: number;
  reason: 'negated' | 'hollow';
  /** The words that made it so: the negation or the hollow phrase, as typed. */
  because: string;
}

export interface ReplyMatch {
  /** Items found, in rubric order. */
  found: RubricItemId[];
  /** Every counted match, in the order it appears in the reply. */
  evidence: Evidence[];
  /** Matches that were negated or hollow, in order. */
  ignored: IgnoredMatch[];
}

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';

function phraseRegExp(phrase: string): RegExp {
  const escaped = phrase
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/'/g, "['\u2019]")
    .replace(/\s+/g, '\\s+');
  return new RegExp(`${NOT_LETTER_BEFORE}${escaped}${NOT_LETTER_AFTER}`, 'giu');
}

const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|weds|thurs)';
const MONTH =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';
const ORDINAL = '\\d{1,2}(?:st|nd|rd|th)?';
const NUMBER_WORD =
  '(?:\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|twenty|thirty|forty-eight)';
const PART_OF_DAY = '(?:\\s+(?:morning|afternoon|evening|midday|lunchtime))?';

/**
 * Date expressions a customer can plan around, longest first. Vague ones ("soon", "early
 * next week", "a few days") are deliberately absent: the lesson teaches that they are not
 * a realistic date.
 */
const DATE_PATTERNS: readonly RegExp[] = [
  `(?:${WEEKDAY},?\\s+(?:the\\s+)?)?${ORDINAL}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?`,
  `(?:${WEEKDAY},?\\s+)?${MONTH}\\.?\\s+${ORDINAL}(?:,?\\s+\\d{4})?`,
  '\\d{4}-\\d{2}-\\d{2}',
  '\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?',
  `(?:(?:next|this|coming)\\s+)?${WEEKDAY}${PART_OF_DAY}`,
  `the\\s+\\d{1,2}(?:st|nd|rd|th)`,
  `${NUMBER_WORD}\\s+(?:more\\s+)?(?:working\\s+|business\\s+)?(?:days?|weeks?|hours?)`,
  '(?:tomorrow|today|tonight)' + PART_OF_DAY,
  '\\d{1,2}:\\d{2}',
  '\\d{1,2}\\s?(?:am|pm)',
  '(?:midday|noon)',
].map((source) => new RegExp(`${NOT_LETTER_BEFORE}${source}${NOT_LETTER_AFTER}`, 'giu'));

interface Span {
  text: string;
  start: number;
  end: number;
}

function allMatches(regexp: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(regexp))
    if (match[0].length > 0)
      spans.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  return spans;
}

/** Longest first, then earliest; drop what overlaps a span already kept. */
function withoutOverlaps<T extends Span>(spans: T[]): T[] {
  const sorted = [...spans].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: T[] = [];
  for (const span of sorted)
    if (!kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
  return kept.sort((a, b) => a.start - b.start);
}

/** Dates and time spans in `text`, in order, without overlaps. */
export function findDates(text: string): Span[] {
  return withoutOverlaps(DATE_PATTERNS.flatMap((regexp) => allMatches(regexp, text)));
}

const NEGATION =
  /(?:^|[^\p{L}'\u2019])(not|never|no|without|cannot|nothing|(?:can|won|don|didn|isn|aren|wasn|weren|couldn|wouldn|shouldn|haven|hasn|doesn)['\u2019]t)((?:\s+[\p{L}\p{N}'\u2019-]+){0,3})\s+$/iu;
const NOT_A_NEGATION = /^\s+(?:later|more|longer|sooner|fewer|less)\s+than\b|\bhow\b/iu;

/** The negation governing the words at `start`, if any: up to 3 words back, same clause. */
function negationBefore(text: string, start: number): string | null {
  const clauseStart =
    Math.max(...[...'.!?;,:\n'].map((mark) => text.lastIndexOf(mark, start - 1))) + 1;
  const before = text.slice(clauseStart, start);
  const negation = NEGATION.exec(before);
  if (!negation) return null;
  if (NOT_A_NEGATION.test(negation[2] ?? '')) return null;
  return negation[1]!;
}

function sentenceAround(text: string, start: number, end: number): Span {
  const from = Math.max(...[...'.!?\n'].map((mark) => text.lastIndexOf(mark, start - 1))) + 1;
  const ends = [...'.!?\n'].map((mark) => text.indexOf(mark, end)).filter((i) => i >= 0);
  const to = ends.length > 0 ? Math.min(...ends) : text.length;
  return { text: text.slice(from, to), start: from, end: to };
}

function compile(source: string): RegExp | null {
  try {
    return new RegExp(source, 'giu');
  } catch {
    return null; // reported by the graph checks when the file is loaded
  }
}

/** The standard matcher of an item with the file's additions. */
export function matcherFor(item: RubricItem): Matcher {
  const standard = STANDARD_MATCHERS[item.id];
  return {
    phrases: [...standard.phrases, ...item.phrases],
    patterns: [...standard.patterns, ...item.patterns],
    unless: [...standard.unless, ...item.unless],
    dates: standard.dates ?? false,
  };
}

/**
 * Which of `rubric`'s items the reply shows, with the exact words, and which matches were
 * ignored as negated or hollow.
 */
export function matchReply(reply: string, rubric: readonly RubricItem[]): ReplyMatch {
  const evidence: Evidence[] = [];
  const ignored: IgnoredMatch[] = [];
  for (const item of rubric) {
    const matcher = matcherFor(item);
    const candidates: (Span & { source: Evidence['source'] })[] = [
      ...matcher.phrases.flatMap((phrase) =>
        allMatches(phraseRegExp(phrase), reply).map((span) => ({
          ...span,
          source: 'phrase' as const,
        })),
      ),
      ...matcher.patterns.flatMap((pattern) => {
        const regexp = compile(pattern);
        return regexp
          ? allMatches(regexp, reply).map((span) => ({ ...span, source: 'pattern' as const }))
          : [];
      }),
      ...(matcher.dates
        ? findDates(reply).map((span) => ({ ...span, source: 'date' as const }))
        : []),
    ];
    const hollowMarkers = matcher.unless.flatMap((phrase) =>
      allMatches(phraseRegExp(phrase), reply),
    );
    for (const span of withoutOverlaps(candidates)) {
      const negation = negationBefore(reply, span.start);
      if (negation) {
        ignored.push({
          item: item.id,
          text: span.text,
          start: span.start,
          end: span.end,
          reason: 'negated',
          because: negation,
        });
        continue;
      }
      const sentence = sentenceAround(reply, span.start, span.end);
      const hollow = hollowMarkers.find((m) => m.start >= sentence.start && m.end <= sentence.end);
      if (hollow) {
        ignored.push({
          item: item.id,
          text: span.text,
          start: span.start,
          end: span.end,
          reason: 'hollow',
          because: hollow.text,
        });
        continue;
      }
      evidence.push({ item: item.id, ...span });
    }
  }
  const order = (a: Span, b: Span) => a.start - b.start || a.end - b.end;
  const foundSet = new Set(evidence.map((e) => e.item));
  return {
    found: RUBRIC_ITEMS.filter((id) => foundSet.has(id)),
    evidence: evidence.sort(order),
    ignored: ignored.sort(order),
  };
}
