/**
 * The settings an administrator hands to trainees as a link: `/lrs/#lrs=<base64url JSON>`.
 * In the fragment, so it never reaches a server log; never baked into the build.
 */
import type { LrsConfig } from '../../db/index';

const PREFIX = '#lrs=';

export function settingsLink(origin: string, config: LrsConfig): string {
  const json = JSON.stringify(config);
  const bytes = new TextEncoder().encode(json);
  const base64 = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `${origin}/lrs/${PREFIX}${base64}`;
}

/** The settings in a link's fragment, or null with a reason when it is not one. */
export function settingsFromHash(hash: string): { config: LrsConfig } | { problem: string } | null {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const base64 = hash.slice(PREFIX.length).replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const value = JSON.parse(new TextDecoder().decode(bytes)) as Partial<LrsConfig>;
    if (typeof value.endpoint !== 'string' || typeof value.homePage !== 'string')
      return { problem: 'The link has no endpoint or home page.' };
    const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    return {
      config: {
        endpoint: value.endpoint,
        homePage: value.homePage,
        ...(text(value.activityBase) ? { activityBase: text(value.activityBase) } : {}),
        ...(text(value.key) ? { key: text(value.key) } : {}),
        ...(text(value.secret) ? { secret: text(value.secret) } : {}),
        ...(text(value.token) ? { token: text(value.token) } : {}),
      },
    };
  } catch {
    return { problem: 'The settings link is damaged: ask for it again.' };
  }
}
