/**
 * Who a statement is about and where its activities live. The actor is an account at the
 * organisation's home page named by the local profile id (xAPI-Data.md §2.4.2.3), with the
 * name the trainee gave their profile, so the manager reading the LRS knows who it is; the
 * site never sends an email address. Activity ids are IRIs under the activity base.
 */
import type { Activity, ActivityDefinition, Agent } from './types';

export interface Identity {
  /** The organisation's home page, e.g. `https://learning.example.com/`. */
  homePage: string;
  /** Where activity ids start; ends with `/`, e.g. `https://learning.example.com/academy/`. */
  activityBase: string;
}

/** What every builder needs: the organisation and the profile the record belongs to. */
export interface Who extends Identity {
  profileId: string;
  /** The profile's name as the trainee typed it (the agent's `name`). */
  name?: string;
}

export function actorOf(who: Who): Agent {
  return {
    objectType: 'Agent',
    ...(who.name ? { name: who.name } : {}),
    account: { homePage: who.homePage, name: who.profileId },
  };
}

/** An activity id under the base; each path segment is percent-encoded. */
export function activityId(base: string, ...segments: string[]): string {
  return base + segments.map((s) => s.split('/').map(encodeURIComponent).join('/')).join('/');
}

export function activity(id: string, type: string, name?: string): Activity {
  const definition: ActivityDefinition = { type, ...(name ? { name: { 'en-US': name } } : {}) };
  return { objectType: 'Activity', id, definition };
}

/** A base always ending in one `/`. */
export function normaliseBase(base: string): string {
  return base.replace(/\/*$/, '/');
}
