import type { Knex } from 'knex';
import { forbidden, notFound, ruleViolated } from '../../errors';
import { memberIdsNamed, type ChannelRow } from '../../db/channels';
import type { UserRow } from '../../db/users';
import { canMentionEveryone, canPostIn } from '../../access/channels';
import {
  channelOfMessages,
  channelsOfMembers,
  insertMessageRows,
  messagesByClientIds,
  raiseReadMarkers,
  reserveSeqs,
} from '../../db/message-batch';
import { insertMentions, type MessageRow, type MessageWithAuthor } from '../../db/messages';
import { messageFilesByIds, tieFilesToMessage, type MessageFileRow } from '../../db/message-files';
import { bankChatFiles } from '../documents/documents';
import { followOnReplies } from '../../db/thread-follows';
import type { Outcome, SendJob, SendResult } from './send-types';

/** Why this send may not be written (checked inside the transaction, against committed state), or null. */
function refusalOf(job: SendJob, channel: ChannelRow | undefined, channelOfParent: Map<number, number>) {
  // Missing channel and foreign channel answer alike, so existence never leaks.
  if (!channel) return notFound('Salon');
  if (channel.archived_at) return ruleViolated('channel_archived', 'Ce salon est archivé : on ne peut plus y écrire.');
  if (!canPostIn(job.actor, channel)) return forbidden('Seuls les animateurs publient dans ce salon d’annonces.', 'announce_only');
  if (job.everyone && !canMentionEveryone(job.actor))
    return forbidden('La mention @channel est réservée aux animateurs et administrateurs.', 'mention_not_allowed');
  const parent = job.input.replyToId;
  if (parent && channelOfParent.get(parent) !== channel.id) {
    return ruleViolated('invalid_reply', 'Le message auquel vous répondez est introuvable dans ce salon.');
  }
  return null;
}

/**
 * Why a new message's files may not go with it, or null: only the author's own uploads to this very
 * channel, not sent yet, each named once in the batch (`claimed` holds those already taken).
 */
function fileRefusalOf(job: SendJob, channel: ChannelRow, files: Map<number, MessageFileRow>, claimed: Set<number>) {
  const ids = job.input.fileIds ?? [];
  if (new Set(ids).size !== ids.length || ids.some((id) => claimed.has(id)))
    return ruleViolated('invalid_files', 'Un même fichier ne peut être joint qu’une fois.');
  for (const id of ids) {
    const f = files.get(id);
    if (!f || f.uploader_id !== job.actor.id || f.channel_id !== channel.id || f.message_id !== null)
      return ruleViolated('invalid_files', 'Un des fichiers joints est introuvable ou déjà envoyé. Joignez-le de nouveau.');
  }
  return null;
}

/** The channel's members a body names (all of them for @channel), the author left out. */
async function resolveMentions(trx: Knex, channelId: number, authorId: number, names: string[], everyone: boolean): Promise<number[]> {
  return names.length ? memberIdsNamed(trx, channelId, authorId, everyone ? null : names) : [];
}

const keyOf = (job: SendJob) => `${job.actor.id}:${job.input.clientMsgId}`;
const withAuthor = (row: MessageRow, actor: UserRow): MessageWithAuthor => ({
  ...row,
  author_username: actor.username,
  author_first_name: actor.first_name,
  author_last_name: actor.last_name,
});

/**
 * Writes a batch of sends inside one transaction with a fixed number of
 * statements (membership, idempotency, seqs, insert, read markers; replies and
 * mentions only when there are some), whatever the batch's size. A send that
 * is refused gets its own error without failing the others; a resend of a
 * stored (author, clientMsgId) gets the stored message, flagged duplicate.
 */
export async function writeSends(trx: Knex.Transaction, jobs: SendJob[]): Promise<Outcome<SendResult>[]> {
  const outcomes: Outcome<SendResult>[] = new Array(jobs.length);
  const channels = await channelsOfMembers(
    trx,
    jobs.map((j) => ({ channelId: j.input.channelId, userId: j.actor.id })),
  );
  const parents = jobs.flatMap((j) => (j.input.replyToId ? [j.input.replyToId] : []));
  const channelOfParent = parents.length ? await channelOfMessages(trx, parents) : new Map<number, number>();
  const fileIds = jobs.flatMap((j) => j.input.fileIds ?? []);
  const files = new Map((await messageFilesByIds(trx, fileIds)).map((f) => [f.id, f]));

  type Admitted = { i: number; job: SendJob; channel: ChannelRow };
  const admitted: Admitted[] = [];
  jobs.forEach((job, i) => {
    const channel = channels.get(`${job.input.channelId}:${job.actor.id}`);
    const refusal = refusalOf(job, channel, channelOfParent);
    if (refusal) outcomes[i] = { ok: false, error: refusal };
    else admitted.push({ i, job, channel: channel! });
  });
  if (!admitted.length) return outcomes;

  const stored = await messagesByClientIds(
    trx,
    admitted.map((a) => [a.job.actor.id, a.job.input.clientMsgId]),
  );
  const fresh: Admitted[] = [];
  const repeats: Admitted[] = [];
  const freshKeys = new Set<string>();
  const claimed = new Set<number>();
  for (const a of admitted) {
    const again = stored.get(keyOf(a.job));
    if (again) outcomes[a.i] = { ok: true, value: { message: again, channel: a.channel, duplicate: true, mentionedUserIds: [] } };
    else if (freshKeys.has(keyOf(a.job)))
      repeats.push(a); // the same send twice in one batch: the second is a resend
    else {
      // Files are checked once the send is known to be new: a resend's files are already tied to its message.
      const refusal = fileRefusalOf(a.job, a.channel, files, claimed);
      if (refusal) {
        outcomes[a.i] = { ok: false, error: refusal };
        continue;
      }
      for (const id of a.job.input.fileIds ?? []) claimed.add(id);
      freshKeys.add(keyOf(a.job));
      fresh.push(a);
    }
  }
  if (!fresh.length) return outcomes;

  const counts = new Map<number, number>();
  for (const a of fresh) counts.set(a.channel.id, (counts.get(a.channel.id) ?? 0) + 1);
  const lastSeqs = await reserveSeqs(trx, counts);
  const nextSeq = new Map([...counts].map(([id, n]) => [id, lastSeqs.get(id)! - n + 1]));
  const now = new Date();
  const rows = fresh.map((a) => {
    const seq = nextSeq.get(a.channel.id)!;
    nextSeq.set(a.channel.id, seq + 1);
    const { input, actor } = a.job;
    return {
      channel_id: a.channel.id,
      seq,
      author_id: actor.id,
      client_msg_id: input.clientMsgId,
      body: input.body,
      reply_to_id: input.replyToId ?? null,
      thread_only: !!(input.threadOnly && input.replyToId),
      created_at: now,
    };
  });
  const inserted = await insertMessageRows(trx, rows);

  // Writing in a channel means having read it up to there.
  const markers = new Map<string, { channelId: number; userId: number; seq: number }>();
  for (const r of rows) markers.set(`${r.channel_id}:${r.author_id}`, { channelId: r.channel_id, userId: r.author_id, seq: r.seq });
  await raiseReadMarkers(trx, [...markers.values()]);

  const mentionRows: { message_id: number; user_id: number; channel_id: number; seq: number }[] = [];
  const results = new Map<string, SendResult>();
  for (const a of fresh) {
    const row = inserted.get(keyOf(a.job))!;
    const mentionedUserIds = await resolveMentions(trx, a.channel.id, a.job.actor.id, a.job.names, a.job.everyone);
    for (const user_id of mentionedUserIds) mentionRows.push({ message_id: row.id, user_id, channel_id: a.channel.id, seq: row.seq });
    const ids = a.job.input.fileIds ?? [];
    const sentFiles = ids.map((id) => ({ ...files.get(id)!, message_id: row.id }));
    let bankedDocumentIds: number[] = [];
    if (ids.length) {
      await tieFilesToMessage(trx, row.id, ids);
      // In a group's channel the files also land in its document bank, as a post's attachments do.
      if (a.channel.kind === 'group' && a.channel.group_id)
        bankedDocumentIds = await bankChatFiles(trx, a.channel.group_id, a.job.actor.id, sentFiles);
    }
    const result: SendResult = {
      message: withAuthor(row, a.job.actor),
      channel: { ...a.channel, last_seq: row.seq },
      duplicate: false,
      mentionedUserIds,
      files: sentFiles,
      bankedDocumentIds,
    };
    results.set(keyOf(a.job), result);
    outcomes[a.i] = { ok: true, value: result };
  }
  await insertMentions(trx, mentionRows);
  // Replies: their authors follow the thread (read up to their reply), and so does the root's author.
  const replies = fresh.flatMap((a) => {
    const row = inserted.get(keyOf(a.job))!;
    return a.job.input.replyToId ? [{ rootId: a.job.input.replyToId, replierId: a.job.actor.id, replyId: row.id }] : [];
  });
  if (replies.length) await followOnReplies(trx, replies);
  for (const a of repeats) outcomes[a.i] = { ok: true, value: { ...results.get(keyOf(a.job))!, duplicate: true, mentionedUserIds: [] } };
  return outcomes;
}
