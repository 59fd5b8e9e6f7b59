import type { Knex } from 'knex';
import type { UserRow } from './users';

/** The active members of a channel, by name (at most `limit`). */
export async function channelMemberRows(db: Knex, channelId: number, limit: number): Promise<UserRow[]> {
  return db('channel_members as m')
    .join('users as u', 'u.id', 'm.user_id')
    .where({ 'm.channel_id': channelId, 'u.status': 'active' })
    .orderBy([{ column: 'u.last_name' }, { column: 'u.first_name' }])
    .limit(limit)
    .select('u.*') as Promise<UserRow[]>;
}
