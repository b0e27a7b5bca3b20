/**
 * Trainer-authored content (issue 5): a scenario file typed in the browser's editor or
 * imported, checked exactly as the build checks the files in `simulations/` (the engine's
 * loader: YAML, schema, cross-references, each problem with its field path and line). Only
 * content that checks out is ever handed to storage.
 */
import { parseScenario } from '../engine/load';
import type { Problem } from '../engine/problems';
import type { Scenario } from '../engine/schema';

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

/** Larger than any real scenario (the biggest built-in one is under 6 kB) by far. */
export const MAX_SOURCE_BYTES = 512_000;

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
  if (new TextEncoder().encode(text).length > MAX_SOURCE_BYTES)
    return {
      ok: false,
      problems: [
        { file, path: '', message: `the file is larger than ${MAX_SOURCE_BYTES / 1000} kB` },
      ],
    };
  if (text.trim() === '')
    return { ok: false, problems: [{ file, path: '', message: 'the file is empty' }] };
  // 'scenario' tells the loader the id need not match a file name: the id is the author's.
  const parsed = parseScenario(text, 'scenario');
  if (!parsed.ok)
    return { ok: false, problems: parsed.problems.map((problem) => ({ ...problem, file })) };
  const scenario = parsed.value;
  if (reservedIds.includes(scenario.id)) {
    const line = lineOfKey(text, 'id');
    return {
      ok: false,
      problems: [
        {
          file,
          path: 'id',
          message: `"${scenario.id}" is the id of a built-in scenario; choose another`,
          ...(line ? { line } : {}),
        },
      ],
    };
  }
  return {
    ok: true,
    value: scenario,
    content: { kind: 'scenario', id: scenario.id, title: scenario.title, source: text },
  };
}

/** The line of a top-level key, for a problem the loader did not place. */
function lineOfKey(text: string, key: string): number | undefined {
  const index = text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? undefined : index + 1;
}

/** The file name an export gets: the content's id, so importing it back gives the same content. */
export function exportFileName(content: Pick<CheckedContent, 'kind' | 'id'>): string {
  return content.kind === 'roleplay' ? `${content.id}.roleplay.yaml` : `${content.id}.yaml`;
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
