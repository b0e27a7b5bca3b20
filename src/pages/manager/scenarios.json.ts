/**
 * `/manager/scenarios.json`: every scenario this build knows, with its content hash, for
 * the manager dashboard to verify runs from other devices by replaying them. A separate
 * file fetched when the dashboard opens, so the page itself stays light.
 */
import { getCollection } from 'astro:content';
import { scenarioHash } from '../../engine/review';

export async function GET() {
  const entries = await getCollection('scenarios');
  const scenarios = entries
    .map((entry) => ({ hash: scenarioHash(entry.data), scenario: entry.data }))
    .sort((a, b) => a.scenario.id.localeCompare(b.scenario.id));
  return new Response(JSON.stringify({ scenarios }), {
    headers: { 'Content-Type': 'application/json' },
  });
}
