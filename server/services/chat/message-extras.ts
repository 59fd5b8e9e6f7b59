import type { Knex } from 'knex';
import { filesOfMessages, type MessageFileRow } from '../../db/message-files';
import { reactionsOfMessages } from '../../db/message-reactions';
import { latestRepliers, threadCounts } from '../../db/message-threads';
import type { MessageWithAuthor } from '../../db/messages';
import { presentMessage } from '../../presenters/messages';
import { summarizeReactions } from '../../presenters/message-extras';
import type { Message } from '../../protocol/chat';
import type { ReactionSummary, ThreadSummary } from '../../protocol/message-extras';
import { iso } from '../../presenters/time';

/** Last repliers shown under a thread's root. */
const SHOWN_REPLIERS = 3;

/**
 * Presents messages with what they carry beside their text, read in a fixed number of statements
 * whatever the page's size (files, reactions, thread counts, last repliers): the history page, a
 * sync, the pins, one changed message.
 */
export async function presentMessages(db: Knex, rows: MessageWithAuthor[]): Promise<Message[]> {
  const live = rows.filter((r) => !r.deleted_at).map((r) => r.id);
  if (!live.length) return rows.map((r) => presentMessage(r));
  const [files, reactions, counts, repliers] = await Promise.all([
    filesOfMessages(db, live),
    reactionsOfMessages(db, live),
    threadCounts(db, live),
    latestRepliers(db, live),
  ]);
  const filesOf = groupBy(files, (f) => f.message_id!);
  const reactionsOf = groupBy(reactions, (r) => r.message_id);
  const threads = new Map<number, ThreadSummary>();
  for (const [rootId, c] of counts) threads.set(rootId, { replyCount: c.count, lastReplyAt: iso(c.lastAt), lastRepliers: [] });
  for (const r of repliers) {
    const t = threads.get(Number(r.reply_to_id));
    if (t && t.lastRepliers.length < SHOWN_REPLIERS && !t.lastRepliers.some((p) => p.id === r.author_id))
      t.lastRepliers.push({ id: r.author_id, displayName: `${r.first_name} ${r.last_name}` });
  }
  return rows.map((r) =>
    presentMessage(r, {
      files: filesOf.get(r.id),
      reactions: summarizeReactions(reactionsOf.get(r.id) ?? []),
      thread: threads.get(r.id) ?? null,
    }),
  );
}

/** One message with what it carries. */
export async function presentOne(db: Knex, row: MessageWithAuthor): Promise<Message> {
  return (await presentMessages(db, [row]))[0]!;
}

/** The reaction summary of one message. */
export async function reactionSummaryOf(db: Knex, messageId: number): Promise<ReactionSummary[]> {
  return summarizeReactions(await reactionsOfMessages(db, [messageId]));
}

/** A just-sent message: its files come with the send, it has no reaction nor reply yet (no statement). */
export function presentSent(row: MessageWithAuthor, files: MessageFileRow[] = []): Message {
  return presentMessage(row, { files });
}

function groupBy<T>(items: T[], key: (t: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const it of items) {
    const k = Number(key(it));
    const list = map.get(k);
    if (list) list.push(it);
    else map.set(k, [it]);
  }
  return map;
}
