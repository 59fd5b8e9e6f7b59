import type { Knex } from 'knex';
import { forbidden, notFound, ruleViolated } from '../errors';
import { accessChannel } from '../access';
import type { ChannelRow } from '../db/channels';
import { raiseReadMarker } from '../db/channels';
import type { UserRow } from '../db/users';
import {
  findByClientMsgId, findMessage, insertMentions, insertMessageRow, messagePage, nextSeq, pinnedMessages, updateMessage,
  type MessageWithAuthor,
} from '../db/messages';
import type { MessageWriter } from './message-writer';
import { canModerate, canPin } from './channel-roles';

export interface SendInput {
  channelId: number;
  body: string;
  clientMsgId: string;
  replyToId?: number | null;
}

export interface SendResult {
  message: MessageWithAuthor;
  channel: ChannelRow;
  /** True when this (author, clientMsgId) was already stored: nothing new to broadcast. */
  duplicate: boolean;
  /** Users named in the message (members of the channel, not the author). */
  mentionedUserIds: number[];
}

const MENTION = /(^|[^\p{L}\p{N}_@.])@([a-z0-9][a-z0-9._-]{1,29}[a-z0-9])/giu;
const BROADCAST_MENTIONS = new Set(['channel', 'all', 'here', 'everyone']);

/** The `@username` words of a body, lower-cased (trailing punctuation excluded). */
export function mentionedNames(body: string): string[] {
  const names = new Set<string>();
  for (const m of body.matchAll(MENTION)) names.add(m[2]!.toLowerCase());
  return [...names];
}

const isStaff = (u: UserRow) => u.role === 'animator' || u.role === 'admin';

/**
 * Stores a message and takes its seq, idempotently: a resend of the same
 * (author, clientMsgId) returns the stored message and is flagged duplicate.
 * Runs through the writer so the ack waits for the commit.
 */
export async function sendMessage(db: Knex, writer: MessageWriter, actor: UserRow, input: SendInput): Promise<SendResult> {
  const { channel } = await accessChannel(db, actor, input.channelId);
  if (channel.archived_at) throw ruleViolated('channel_archived', 'Ce salon est archivé : on ne peut plus y écrire.');
  if (channel.announce && !isStaff(actor)) throw forbidden('Seuls les animateurs publient dans ce salon d’annonces.', 'announce_only');
  const names = mentionedNames(input.body);
  const everyone = names.some((n) => BROADCAST_MENTIONS.has(n));
  if (everyone && !isStaff(actor)) throw forbidden('La mention @channel est réservée aux animateurs et administrateurs.', 'mention_not_allowed');
  if (input.replyToId) {
    const parent = await findMessage(db, input.replyToId);
    if (!parent || parent.channel_id !== channel.id) throw ruleViolated('invalid_reply', 'Le message auquel vous répondez est introuvable dans ce salon.');
  }

  try {
    return await writer.run(channel.id, async (trx) => {
      const again = await findByClientMsgId(trx, actor.id, input.clientMsgId);
      if (again) return { message: again, channel, duplicate: true, mentionedUserIds: [] };
      const seq = await nextSeq(trx, channel.id);
      const row = await insertMessageRow(trx, {
        channel_id: channel.id, seq, author_id: actor.id, client_msg_id: input.clientMsgId, body: input.body,
        reply_to_id: input.replyToId ?? null, created_at: new Date(),
      });
      const id = row.id;
      // Writing in a channel means having read it up to there.
      await raiseReadMarker(trx, channel.id, actor.id, seq);
      const mentionedUserIds = await resolveMentions(trx, channel.id, actor.id, names, everyone);
      await insertMentions(trx, mentionedUserIds.map((user_id) => ({ message_id: id, user_id, channel_id: channel.id, seq })));
      const message: MessageWithAuthor = { ...row, author_username: actor.username, author_first_name: actor.first_name, author_last_name: actor.last_name };
      return { message, channel: { ...channel, last_seq: seq }, duplicate: false, mentionedUserIds };
    });
  } catch (err) {
    // Two nodes raced on the same (author, clientMsgId): the unique index kept one; return it.
    if (/unique|duplicate/i.test(String(err))) {
      const stored = await findByClientMsgId(db, actor.id, input.clientMsgId);
      if (stored) return { message: stored, channel, duplicate: true, mentionedUserIds: [] };
    }
    throw err;
  }
}

async function resolveMentions(trx: Knex, channelId: number, authorId: number, names: string[], everyone: boolean): Promise<number[]> {
  if (!names.length) return [];
  const q = trx('channel_members as m').join('users as u', 'u.id', 'm.user_id').where('m.channel_id', channelId).whereNot('m.user_id', authorId);
  if (!everyone) q.whereIn('u.username', names);
  return (await q.select('u.id')).map((r: { id: number }) => r.id);
}

async function ownMessage(db: Knex, actor: UserRow, messageId: number): Promise<{ message: MessageWithAuthor; channel: ChannelRow }> {
  const message = await findMessage(db, messageId);
  if (!message) throw notFound('Message');
  const { channel } = await accessChannel(db, actor, message.channel_id).catch(() => {
    throw notFound('Message');
  });
  return { message, channel };
}

/** The author edits the text of their (not deleted) message. */
export async function editMessage(db: Knex, actor: UserRow, messageId: number, body: string): Promise<MessageWithAuthor> {
  const { message } = await ownMessage(db, actor, messageId);
  if (message.author_id !== actor.id) throw forbidden('Seul l’auteur peut modifier ce message.');
  if (message.deleted_at) throw ruleViolated('message_deleted', 'Ce message a été supprimé.');
  await updateMessage(db, messageId, { body, edited_at: new Date() });
  return (await findMessage(db, messageId))!;
}

/** Deletes a message (author, moderators, admins): it keeps its seq, its body is emptied. */
export async function deleteMessage(db: Knex, actor: UserRow, messageId: number): Promise<MessageWithAuthor> {
  const { message, channel } = await ownMessage(db, actor, messageId);
  if (message.author_id !== actor.id && !(await canModerate(db, actor, channel))) throw forbidden('Vous ne pouvez pas supprimer ce message.');
  if (!message.deleted_at) await updateMessage(db, messageId, { body: '', deleted_at: new Date(), pinned_at: null, pinned_by: null });
  return (await findMessage(db, messageId))!;
}

/** Pins or unpins a message (animators, admins, group owners/admins in their group channel). */
export async function setPinned(db: Knex, actor: UserRow, messageId: number, pinned: boolean): Promise<MessageWithAuthor> {
  const { message, channel } = await ownMessage(db, actor, messageId);
  if (!(await canPin(db, actor, channel))) throw forbidden('Seuls les animateurs et administrateurs peuvent épingler.');
  if (message.deleted_at) throw ruleViolated('message_deleted', 'Ce message a été supprimé.');
  await updateMessage(db, messageId, pinned ? { pinned_at: new Date(), pinned_by: actor.id } : { pinned_at: null, pinned_by: null });
  return (await findMessage(db, messageId))!;
}

/** A page of history for a member, ascending by seq. */
export async function history(db: Knex, actor: UserRow, channelId: number, opts: { beforeSeq?: number; afterSeq?: number; limit: number }) {
  await accessChannel(db, actor, channelId);
  return messagePage(db, channelId, opts);
}

/** Catch-up after a reconnect: everything after `afterSeq`, and whether more remains. */
export async function syncChannel(db: Knex, actor: UserRow, channelId: number, afterSeq: number, limit: number) {
  await accessChannel(db, actor, channelId);
  const rows = await messagePage(db, channelId, { afterSeq, limit: limit + 1 });
  return { messages: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function pins(db: Knex, actor: UserRow, channelId: number) {
  await accessChannel(db, actor, channelId);
  return pinnedMessages(db, channelId);
}

