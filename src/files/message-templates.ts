/**
 * The course's customer-message templates as the order desk's notice composer receives
 * them: read from the `templates` collection at build time (server only).
 */
import { getCollection } from 'astro:content';
import type { NoticeTemplate as MessageTemplate } from '../engine/messages';

export async function messageTemplates(): Promise<MessageTemplate[]> {
  return (await getCollection('templates')).map(({ data, body }) => ({
    kind: data.kind,
    title: data.title,
    subject: data.subject,
    when: data.when,
    body: (body ?? '').trim(),
  }));
}
