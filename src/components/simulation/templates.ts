/**
 * Customer-message templates (content/templates) as the order desk receives them. The
 * renderer that fills them is the engine's (`engine/messages.ts`), shared with the lessons
 * and the command line.
 */
export type { NoticeTemplate as MessageTemplate } from '../../engine/messages';
