import type { Knex } from 'knex';
import { forbidden, ruleViolated } from '../../errors';
import { accessReadableChannel, canModerate, canPin } from '../../access/channels';
import { accessMessage, canEditMessage } from '../../access/messages';
import { findChannel } from '../../db/channels';
import type { UserRow } from '../../db/users';
import { findByClientMsgId, findMessage, messagePage, pinnedMessages, updateMessage, type MessageWithAuthor } from '../../db/messages';
import type { MessageSender } from './message-writer';
import type { SendInput, SendResult } from './send-types';

const MENTION = /(^|[^\p{L}\p{N}_@.])@([a-z0-9][a-z0-9._-]{1,29}[a-z0-9])/giu;
const BROADCAST_MENTIONS = new Set(['channel', 'all', 'here', 'everyone']);

/** The `@username` words of a body, lower-cased (trailing punctuation excluded). */
export function mentionedNames(body: string): string[] {
  const names = new Set<string>();
  for (const m of body.matchAll(MENTION)) names.add(m[2]!.toLowerCase());
  return [...names];
}

/**
 * Stores a message and takes its seq, idempotently: a resend of the same
 * (author, clientMsgId) returns the stored message and is flagged duplicate.
 * Every check (membership, archived, announce-only, @channel, reply) runs in
 * the writer's transaction with the other sends of its batch (send-batch.ts);
 * the promise resolves after the commit, so the ack means "stored".
 */
export async function sendMessage(db: Knex, writer: MessageSender, actor: UserRow, input: SendInput): Promise<SendResult> {
  const names = mentionedNames(input.body);
  const everyone = names.some((n) => BROADCAST_MENTIONS.has(n));
  try {
    return await writer.send({ actor, input, names, everyone });
  } catch (err) {
    // Two nodes raced on the same (author, clientMsgId): the unique index kept one; return it.
    if (/unique|duplicate/i.test(String(err))) {
      const stored = await findByClientMsgId(db, actor.id, input.clientMsgId);
      const channel = stored && (await findChannel(db, stored.channel_id));
      if (stored && channel) return { message: stored, channel, duplicate: true, mentionedUserIds: [] };
    }
    throw err;
  }
}

/** The author edits the text of their (not deleted) message. */
export async function editMessage(db: Knex, actor: UserRow, messageId: number, body: string): Promise<MessageWithAuthor> {
  const { message } = await accessMessage(db, actor, messageId);
  if (!canEditMessage(actor, message)) throw forbidden('Seul l’auteur peut modifier ce message.');
  if (message.deleted_at) throw ruleViolated('message_deleted', 'Ce message a été supprimé.');
  await updateMessage(db, messageId, { body, edited_at: new Date() });
  return (await findMessage(db, messageId))!;
}

/** Deletes a message (author, moderators, admins): it keeps its seq, its body is emptied. */
export async function deleteMessage(db: Knex, actor: UserRow, messageId: number): Promise<MessageWithAuthor> {
  const { message, channel } = await accessMessage(db, actor, messageId);
  if (!canEditMessage(actor, message) && !(await canModerate(db, actor, channel)))
    throw forbidden('Vous ne pouvez pas supprimer ce message.');
  if (!message.deleted_at) await updateMessage(db, messageId, { body: '', deleted_at: new Date(), pinned_at: null, pinned_by: null });
  return (await findMessage(db, messageId))!;
}

/** Pins or unpins a message (animators, admins, group owners/admins in their group channel). */
export async function setPinned(db: Knex, actor: UserRow, messageId: number, pinned: boolean): Promise<MessageWithAuthor> {
  const { message, channel } = await accessMessage(db, actor, messageId);
  if (!(await canPin(db, actor, channel))) throw forbidden('Seuls les animateurs et administrateurs peuvent épingler.');
  if (message.deleted_at) throw ruleViolated('message_deleted', 'Ce message a été supprimé.');
  await updateMessage(db, messageId, pinned ? { pinned_at: new Date(), pinned_by: actor.id } : { pinned_at: null, pinned_by: null });
  return (await findMessage(db, messageId))!;
}

/**
 * A page of history for a member, ascending by seq. One statement when the
 * page has rows (membership is a condition of the page's query); an empty page
 * tells a non-member (not_found) from an empty channel.
 */
export async function history(db: Knex, actor: UserRow, channelId: number, opts: { beforeSeq?: number; afterSeq?: number; limit: number }) {
  const rows = await messagePage(db, channelId, { ...opts, memberId: actor.id });
  if (rows.length) return rows;
  const channel = await accessReadableChannel(db, actor, channelId);
  // Hotline staff read any ticket's channel, member or not: the page without the membership condition.
  return channel.kind === 'hotline' ? messagePage(db, channelId, opts) : rows;
}

/** Catch-up after a reconnect: everything after `afterSeq`, and whether more remains. */
export async function syncChannel(db: Knex, actor: UserRow, channelId: number, afterSeq: number, limit: number) {
  const rows = await history(db, actor, channelId, { afterSeq, limit: limit + 1 });
  return { messages: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function pins(db: Knex, actor: UserRow, channelId: number) {
  await accessReadableChannel(db, actor, channelId);
  return pinnedMessages(db, channelId);
}
