/** A lesson's example notice is the reference's real notice, rendered with the course's templates. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCourseFiles } from '../files/course-files';
import { parseScenario } from '../engine/load';
import type { NoticeTemplate } from '../engine/messages';
import { exampleNotice } from './example-notice';

const parsed = parseScenario(
  readFileSync('simulations/ship-complete-or-partial.yaml', 'utf8'),
  'ship-complete-or-partial.yaml',
);
if (!parsed.ok) throw new Error('ship-complete-or-partial is invalid');
const scenario = parsed.value;
const templates: NoticeTemplate[] = readCourseFiles('content').templates.map(
  ({ template, body }) => ({ ...template, body: body.trim() }),
);

describe('exampleNotice', () => {
  it('is the reference’s first notice of the asked kind on the order, filled in', () => {
    const notice = exampleNotice(scenario, templates, 'SO-60305', 'partial-shipment');
    expect(notice).not.toBeNull();
    expect(notice!.body).toContain('SO-60305');
    expect(notice!.body).not.toMatch(/\{\{|\}\}/);
    expect(['email', 'sms']).toContain(notice!.channel);
    expect(notice!.at >= scenario.startsAt).toBe(true);
  });

  it('is null for an order the reference never writes to, or a kind it never sends there', () => {
    expect(exampleNotice(scenario, templates, 'SO-NOPE')).toBeNull();
    expect(exampleNotice(scenario, templates, 'SO-60305', 'substitute-offer')).toBeNull();
  });
});
