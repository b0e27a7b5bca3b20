/**
 * `/manager/roleplays.json`: every role-play this build knows, with its content hash, for
 * the manager dashboard to check role-play results (from this browser or from bundles) by
 * replaying their steps, and to show each one's transcript and rubric. Fetched when the
 * dashboard opens, like /manager/scenarios.json, so the page itself stays light.
 */
import { getCollection } from 'astro:content';
import { roleplayHash } from '../../roleplay/record';

export async function GET() {
  const entries = await getCollection('roleplays');
  const roleplays = entries
    .map((entry) => ({ hash: roleplayHash(entry.data), roleplay: entry.data }))
    .sort((a, b) => a.roleplay.id.localeCompare(b.roleplay.id));
  return new Response(JSON.stringify({ roleplays }), {
    headers: { 'Content-Type': 'application/json' },
  });
}
