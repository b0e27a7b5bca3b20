import type { CustomContent } from '../../db/index';

/** Where trainees play a trainer's scenario or practise a trainer's role-play. */
export function playerHref(content: Pick<CustomContent, 'kind' | 'id'>): string {
  const player = content.kind === 'roleplay' ? '/roleplays/custom/' : '/simulations/custom/';
  return `${player}?id=${encodeURIComponent(content.id)}`;
}
