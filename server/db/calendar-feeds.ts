import type { Knex } from 'knex';

/** A member's private iCal feed: only the hash of its secret address is kept. */
export interface CalendarFeedRow {
  user_id: number;
  token_hash: string;
  created_at: Date | number;
}

export async function findFeedOf(db: Knex, userId: number): Promise<CalendarFeedRow | undefined> {
  return db<CalendarFeedRow>('calendar_feeds').where({ user_id: userId }).first();
}

export async function findFeedByTokenHash(db: Knex, tokenHash: string): Promise<CalendarFeedRow | undefined> {
  return db<CalendarFeedRow>('calendar_feeds').where({ token_hash: tokenHash }).first();
}

/** Makes or replaces a member's feed (the old address stops working). */
export async function saveFeed(db: Knex, userId: number, tokenHash: string, at: Date): Promise<void> {
  await db('calendar_feeds')
    .insert({ user_id: userId, token_hash: tokenHash, created_at: at })
    .onConflict('user_id')
    .merge({ token_hash: tokenHash, created_at: at });
}

export async function deleteFeed(db: Knex, userId: number): Promise<void> {
  await db('calendar_feeds').where({ user_id: userId }).del();
}
