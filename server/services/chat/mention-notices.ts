import type { Knex } from 'knex';
import { markNotificationsRead, notificationsByIds, unreadOfKind, type NotificationRow } from '../../db/notifications';
import { readersUpTo } from '../../db/channels';
import { findTicketByChannel } from '../../db/hotline-tickets';
import { presentMessage } from '../../presenters/messages';
import type { SendResult } from './send-types';
import { notify } from '../notifications/notifications';

/** Length of the message excerpt a mention notification carries. */
const EXCERPT = 140;

/** The start of a message on one line, cut on a word when it is long. */
export function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT) return flat;
  const cut = flat.slice(0, EXCERPT);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Records a `mention` notification for each user named in a committed message
 * (the message's own transaction is over: a failure here cannot undo it). One
 * transaction for all of them, so `@channel` in a large channel commits once.
 * `data`: `{ messageId, channelId, channelKind, channelName, seq, groupId, ticketId, author, excerpt }`.
 */
export async function notifyMentions(db: Knex, result: SendResult): Promise<NotificationRow[]> {
  const { message, channel } = result;
  const userIds = [...new Set(result.mentionedUserIds)];
  if (!userIds.length || message.deleted_at) return [];
  const ticket = channel.kind === 'hotline' ? await findTicketByChannel(db, channel.id) : undefined;
  const presented = presentMessage(message);
  const data = {
    messageId: presented.id,
    channelId: channel.id,
    channelKind: channel.kind,
    // A direct channel's stored name is not what either person sees: the client names it from the author.
    channelName: channel.kind === 'direct' ? null : channel.name,
    seq: presented.seq,
    groupId: channel.group_id ?? null,
    ticketId: ticket ? Number(ticket.id) : null,
    author: presented.author,
    excerpt: excerptOf(presented.body),
  };
  return db.transaction(async (trx) => {
    const out: NotificationRow[] = [];
    for (const userId of userIds) out.push(await notify(trx, userId, 'mention', data));
    // Someone reading the channel at that moment may already have moved their marker past it: born read.
    const seen = await readersUpTo(trx, channel.id, userIds, presented.seq);
    for (const userId of seen as number[])
      await markNotificationsRead(
        trx,
        userId,
        out.filter((n) => n.user_id === userId).map((n) => n.id),
      );
    if (!seen.length) return out;
    return notificationsByIds(
      trx,
      out.map((n) => n.id),
    );
  });
}

/**
 * Reading a channel up to `seq` reads the mention notifications it holds up
 * to there, whatever client moved the marker (the bell must not count what
 * was seen in the chat). Few unread mentions exist per user: filtered here.
 */
export async function readMentionsUpTo(db: Knex, userId: number, channelId: number, seq: number): Promise<number[]> {
  const rows = (await unreadOfKind(db, userId, 'mention')) as { id: number; data: string | Record<string, unknown> }[];
  const ids = rows
    .filter((r) => {
      const d = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as { channelId?: number; seq?: number };
      return d.channelId === channelId && (d.seq ?? Infinity) <= seq;
    })
    .map((r) => r.id);
  if (ids.length) await markNotificationsRead(db, userId, ids);
  return ids;
}
