import type { Knex } from 'knex';
import { ruleViolated } from '../../errors';
import { accessMessage } from '../../access/messages';
import { addReaction, hasReaction, reactionCountOf, removeReaction } from '../../db/message-reactions';
import type { UserRow } from '../../db/users';
import { MAX_REACTIONS_PER_PERSON, type ReactionSummary } from '../../protocol/message-extras';
import { reactionSummaryOf } from './message-extras';

/** What a toggle did: the message's reactions after it, and whether mine is now on. */
export interface ReactionChange {
  messageId: number;
  channelId: number;
  on: boolean;
  reactions: ReactionSummary[];
}

/**
 * Puts my emoji on a message or takes it off (members of its channel). `on` says which (what a
 * client that knows its state sends, so a repeat is harmless); without it, the current state flips.
 * The primary key (message, person, emoji) and `ON CONFLICT DO NOTHING` keep concurrent adds to one
 * row without an error, whatever the node.
 */
export async function toggleReaction(db: Knex, actor: UserRow, messageId: number, emoji: string, on?: boolean): Promise<ReactionChange> {
  const { message, channel } = await accessMessage(db, actor, messageId);
  if (message.deleted_at) throw ruleViolated('message_deleted', 'Ce message a été supprimé.');
  if (channel.archived_at) throw ruleViolated('channel_archived', 'Ce salon est archivé : on ne peut plus y réagir.');
  const want = on ?? !(await hasReaction(db, messageId, actor.id, emoji));
  if (want) {
    if (
      (await reactionCountOf(db, messageId, actor.id)) >= MAX_REACTIONS_PER_PERSON &&
      !(await hasReaction(db, messageId, actor.id, emoji))
    )
      throw ruleViolated('too_many_reactions', `Vous avez déjà mis ${MAX_REACTIONS_PER_PERSON} réactions sur ce message.`);
    await addReaction(db, messageId, actor.id, emoji);
  } else await removeReaction(db, messageId, actor.id, emoji);
  return { messageId, channelId: channel.id, on: want, reactions: await reactionSummaryOf(db, messageId) };
}
