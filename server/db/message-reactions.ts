import type { Knex } from 'knex';

/** One person's emoji on one message, with their name (what the summaries show). */
export interface ReactionWithName {
  message_id: number;
  user_id: number;
  emoji: string;
  created_at: Date | number;
  first_name: string;
  last_name: string;
}

/**
 * Adds a reaction; a second add of the same (message, person, emoji) is a no-op (primary key,
 * `ON CONFLICT DO NOTHING`), so concurrent toggles never store two rows nor fail.
 */
export async function addReaction(db: Knex, messageId: number, userId: number, emoji: string): Promise<void> {
  await db('message_reactions')
    .insert({ message_id: messageId, user_id: userId, emoji, created_at: new Date() })
    .onConflict(['message_id', 'user_id', 'emoji'])
    .ignore();
}

export async function removeReaction(db: Knex, messageId: number, userId: number, emoji: string): Promise<void> {
  await db('message_reactions').where({ message_id: messageId, user_id: userId, emoji }).del();
}

export async function hasReaction(db: Knex, messageId: number, userId: number, emoji: string): Promise<boolean> {
  return !!(await db('message_reactions').where({ message_id: messageId, user_id: userId, emoji }).first('user_id'));
}

/** How many different emoji this person put on this message. */
export async function reactionCountOf(db: Knex, messageId: number, userId: number): Promise<number> {
  const row = (await db('message_reactions').where({ message_id: messageId, user_id: userId }).count({ n: '*' }).first()) as {
    n: number | string;
  };
  return Number(row.n);
}

/** Every reaction of these messages with the reactor's name, oldest first. */
export async function reactionsOfMessages(db: Knex, messageIds: number[]): Promise<ReactionWithName[]> {
  if (!messageIds.length) return [];
  return db('message_reactions as r')
    .join('users as u', 'u.id', 'r.user_id')
    .whereIn('r.message_id', messageIds)
    .orderBy([{ column: 'r.created_at' }, { column: 'r.user_id' }])
    .select('r.message_id', 'r.user_id', 'r.emoji', 'r.created_at', 'u.first_name', 'u.last_name') as Promise<ReactionWithName[]>;
}
