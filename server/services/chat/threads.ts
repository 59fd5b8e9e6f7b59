import type { Knex } from 'knex';
import { notFound, ruleViolated } from '../../errors';
import { accessMessage } from '../../access/messages';
import { accessReadableChannel } from '../../access/channels';
import { findMessage } from '../../db/messages';
import { messagesByIds, repliesOf } from '../../db/message-threads';
import { followedThreads, isFollowing, markThreadRead, setFollowing } from '../../db/thread-follows';
import type { UserRow } from '../../db/users';
import type { FollowedThread, ThreadView } from '../../protocol/threads';
import { iso } from '../../presenters/time';
import { presentMessages } from './message-extras';

/** A thread: its root (a message I may read, not itself a reply) and its replies, oldest first. */
export async function threadOf(db: Knex, actor: UserRow, messageId: number): Promise<ThreadView> {
  const root = await findMessage(db, messageId);
  if (!root) throw notFound('Message');
  await accessReadableChannel(db, actor, root.channel_id).catch(() => {
    throw notFound('Message');
  });
  const [presentedRoot, ...replies] = await presentMessages(db, [root, ...(await repliesOf(db, messageId))]);
  return { root: presentedRoot!, replies, following: await isFollowing(db, actor.id, messageId) };
}

/** Follows a thread or stops following it (members of its channel; a deleted root cannot be followed). */
export async function followThread(db: Knex, actor: UserRow, messageId: number, follow: boolean): Promise<boolean> {
  const { message } = await accessMessage(db, actor, messageId);
  if (follow && message.deleted_at) throw ruleViolated('message_deleted', 'Ce message a été supprimé.');
  await setFollowing(db, actor.id, messageId, follow);
  return follow;
}

/** I have read the thread up to its last reply. */
export async function readThread(db: Knex, actor: UserRow, messageId: number): Promise<void> {
  await accessMessage(db, actor, messageId);
  await markThreadRead(db, actor.id, messageId);
}

/** "Fils suivis": the threads I follow in channels I am in, the most recently answered first, with unread replies. */
export async function listFollowedThreads(db: Knex, actor: UserRow): Promise<FollowedThread[]> {
  const rows = await followedThreads(db, actor.id);
  const roots = await presentMessages(
    db,
    await messagesByIds(
      db,
      rows.map((r) => r.root_id),
    ),
  );
  const byId = new Map(roots.map((m) => [m.id, m]));
  return rows.flatMap((r) => {
    const root = byId.get(Number(r.root_id));
    if (!root) return [];
    return [
      {
        root,
        channelId: Number(r.channel_id),
        replyCount: Number(r.reply_count),
        unreadReplies: Number(r.unread),
        lastReplyAt: r.last_at === null ? null : iso(r.last_at as Date | number),
      },
    ];
  });
}
