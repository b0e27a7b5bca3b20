/**
 * Trainer-authored content (issue 5): a scenario file typed in the browser's editor or
 * imported, checked exactly as the build checks the files in `simulations/` (the engine's
 * loader: YAML, schema, cross-references, each problem with its field path and line). Only
 * content that checks out is ever handed to storage.
 */
import { sizeLimitProblem, utf8Length } from '../engine/file-text';
import { MAX_AUTHORED_BYTES } from '../engine/limits';
import { parseScenario } from '../engine/load';
import type { Problem, Result } from '../engine/problems';
import type { Scenario } from '../engine/schema';
import { parseRoleplay } from '../roleplay/load';
import type { Roleplay } from '../roleplay/schema';

export type ContentKind = 'scenario' | 'roleplay';

/** Content ready to keep: it validated, and its source is the text as typed. */
export interface CheckedContent {
  kind: ContentKind;
  id: string;
  title: string;
  source: string;
}

export type Checked<T> =
  { ok: true; content: CheckedContent; value: T } | { ok: false; problems: Problem[] };

/**
 * Larger than any real scenario (the biggest built-in one is under 6 kB) by far; the
 * text is checked as it is typed and kept in the browser's storage (src/engine/limits.ts).
 */
export const MAX_SOURCE_BYTES = MAX_AUTHORED_BYTES;

/**
 * Check scenario text. `file` names it in the problems (the imported file's name, or
 * "the editor"); `reservedIds` are the built-in scenarios' ids, which custom content may
 * not take over (runs are kept by scenario id).
 */
export function checkScenarioSource(
  text: string,
  file: string,
  reservedIds: readonly string[] = [],
): Checked<Scenario> {
  // 'scenario' tells the loader the id need not match a file name: the id is the author's.
  return checkWith('scenario', () => parseScenario(text, 'scenario'), text, file, reservedIds);
}

/** Check role-play text the same way: the role-play loader's schema and graph checks. */
export function checkRoleplaySource(
  text: string,
  file: string,
  reservedIds: readonly string[] = [],
): Checked<Roleplay> {
  // 'roleplay' (no file extension) tells the loader the id need not match a file name.
  return checkWith('roleplay', () => parseRoleplay(text, 'roleplay'), text, file, reservedIds);
}

const BUILT_IN: Record<ContentKind, string> = {
  scenario: 'a built-in scenario',
  roleplay: 'a built-in role-play',
};

/**
 * What both kinds share: the size and emptiness first (the loader does not run on text
 * refused there), then the loader's problems under the file's name, then the reserved ids.
 */
function checkWith<T extends { id: string; title: string }>(
  kind: ContentKind,
  parse: () => Result<T>,
  text: string,
  file: string,
  reservedIds: readonly string[],
): Checked<T> {
  const early = sizeProblem(text, file);
  if (early) return { ok: false, problems: [early] };
  const parsed = parse();
  if (!parsed.ok)
    return { ok: false, problems: parsed.problems.map((problem) => ({ ...problem, file })) };
  const { id, title } = parsed.value;
  if (reservedIds.includes(id)) {
    const line = lineOfKey(text, 'id');
    return {
      ok: false,
      problems: [
        {
          file,
          path: 'id',
          message: `"${id}" is the id of ${BUILT_IN[kind]}; choose another`,
          ...(line ? { line } : {}),
        },
      ],
    };
  }
  return { ok: true, value: parsed.value, content: { kind, id, title, source: text } };
}

/**
 * Which kind of file this is, from its top-level fields: a role-play has a customer
 * persona and conversation nodes, a scenario has neither. An imported file needs no label.
 */
export function contentKindOf(text: string): ContentKind {
  return /^(persona|nodes|endings):/m.test(text) ? 'roleplay' : 'scenario';
}

/** Check text of either kind, telling them apart by their fields. */
export function checkSource(
  text: string,
  file: string,
  reserved: { scenarios: readonly string[]; roleplays: readonly string[] },
  kind: ContentKind = contentKindOf(text),
): Checked<Scenario | Roleplay> {
  return kind === 'roleplay'
    ? checkRoleplaySource(text, file, reserved.roleplays)
    : checkScenarioSource(text, file, reserved.scenarios);
}

function sizeProblem(text: string, file: string): Problem | null {
  const tooLarge = sizeLimitProblem(utf8Length(text), file, {
    maxBytes: MAX_SOURCE_BYTES,
    what: 'a scenario or role-play written here',
  });
  if (tooLarge) return tooLarge;
  if (text.trim() === '') return { file, path: '', message: 'the file is empty' };
  return null;
}

/** The line of a top-level key, for a problem the loader did not place. */
function lineOfKey(text: string, key: string): number | undefined {
  const index = text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? undefined : index + 1;
}

/** The file name an export gets: the content's id, so importing it back gives the same content. */
export function exportFileName(content: Pick<CheckedContent, 'kind' | 'id'>): string {
  // Role-play files live in simulations/roleplays/ under the same rule: `<id>.yaml`.
  return `${content.id}.yaml`;
}

/** A small valid scenario to start from in the editor. */
export const SCENARIO_STARTER = `# A scenario: the shift, the stock, the customers and what happens.
# Every field is described in public/schemas/scenario.schema.json.
id: my-first-scenario
title: 'Short on copper elbows'
summary: >-
  Two customers want the same copper elbows and there are not enough on the shelf.
level: 1
competencies:
  - prioritization
  - communication
startsAt: 2026-03-02T08:00
endsAt: 2026-03-02T12:00
catalog:
  - sku: CU-ELB-15
    name: 'Copper elbow 15 mm'
    price: 2.5
    onHand: 10
    bin: A-01-1
    incoming:
      - { po: PO-1001, qty: 40, eta: 2026-03-04T09:00 }
customers:
  - { id: C-1, name: 'Dana Webb', tier: standard, contact: email }
  - { id: C-2, name: 'Kemp Plumbing', tier: contractor, contact: sms }
orders:
  - id: SO-1
    customer: C-1
    placedAt: 2026-03-02T07:00
    lines: [{ sku: CU-ELB-15, qty: 4 }]
  - id: SO-2
    customer: C-2
    placedAt: 2026-03-02T07:30
    lines: [{ sku: CU-ELB-15, qty: 8 }]
events: []
`;

/** A small valid role-play to start from: a customer whose backorder slipped, three replies. */
export const ROLEPLAY_STARTER = `# A role-play: the customer, what happened, and the conversation as a graph.
# Every field is described in public/schemas/roleplay.schema.json.
id: my-first-roleplay
title: 'The elbows that did not come'
situation: backorder-slipped
briefing: >-
  Dana Webb ordered 20 copper elbows. 12 shipped; 8 were promised for Friday, but the
  supplier now says next Wednesday. She is calling.
persona:
  name: Dana Webb
  tier: standard
  channel: phone
  mood: 35
  happened: Eight elbows were promised for Friday and will now come next Wednesday.
  wants: To know when the rest arrives, and whether she can get them sooner.
  order:
    id: SO-1001
    placedOn: 2026-03-02
    today: 2026-03-05
    items:
      - { sku: CU-ELB-15, name: 'Copper elbow 15 mm', qty: 20, status: backordered, promiseDate: 2026-03-11 }
rubric:
  - { id: acknowledge-apologise, points: 30 }
  - { id: transparent-date, points: 40 }
  - { id: offer-alternatives, points: 30 }
start: opening
nodes:
  opening:
    customer: I was told Friday for the rest of my elbows. Are they coming or not?
    options:
      - text: I am sorry, they will not make Friday. The supplier now ships them next Wednesday, 11 March.
        next: options
        mood: 15
        credits: [acknowledge-apologise, transparent-date]
        feedback: An apology and the real date, straight away.
      - text: They should be with you soon.
        next: lost
        mood: -30
        feedback: Vague answers to a customer who was already let down lose her.
  options:
    customer: Wednesday is too late for my job.
    options:
      - text: I can send a substitute fitting today, or cancel the eight with a refund. Which would help most?
        next: resolved
        mood: 20
        credits: [offer-alternatives]
        feedback: Real choices let the customer decide.
      - text: There is nothing else I can do.
        next: lost
        mood: -30
        feedback: There were alternatives to offer.
endings:
  resolved:
    outcome: resolved
    customer: The substitute today, then. Thank you.
    summary: Dana took the substitute and stayed a customer.
  lost:
    outcome: lost
    customer: Then I will buy them elsewhere.
    summary: Dana cancelled and bought elsewhere.
`;
