import type { Knex } from 'knex';
import type { UserRow } from './users';

export interface SessionRow {
  id: number;
  user_id: number;
  token_hash: string;
  created_at: Date | number;
  expires_at: Date | number;
  revoked_at: Date | number | null;
}

/** Stores a session by the hash of its token (the token itself is never stored). */
export async function insertSession(
  db: Knex,
  s: { userId: number; tokenHash: string; expiresAt: Date; userAgent?: string | null; ip?: string | null },
): Promise<SessionRow> {
  const [row] = await db('sessions')
    .insert({
      user_id: s.userId,
      token_hash: s.tokenHash,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
      ip: s.ip ?? null,
      created_at: new Date(),
      expires_at: s.expiresAt,
    })
    .returning('*');
  return row as SessionRow;
}

/**
 * A live session and its active user in one round trip (every REST request and
 * socket handshake runs this).
 */
export async function findLiveSessionWithUser(db: Knex, tokenHash: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const row = await db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .where('s.token_hash', tokenHash)
    .whereNull('s.revoked_at')
    .where('s.expires_at', '>', new Date())
    .where('u.status', 'active')
    .first('u.*', 's.id as s_id', 's.created_at as s_created_at', 's.expires_at as s_expires_at', 's.token_hash as s_token_hash');
  if (!row) return undefined;
  const { s_id, s_created_at, s_expires_at, s_token_hash, ...user } = row;
  return {
    user: user as UserRow,
    session: { id: s_id, user_id: user.id, token_hash: s_token_hash, created_at: s_created_at, expires_at: s_expires_at, revoked_at: null },
  };
}

export async function revokeSession(db: Knex, id: number): Promise<void> {
  await db('sessions').where({ id }).whereNull('revoked_at').update({ revoked_at: new Date() });
}

/** Revokes every session of a user, except one if given. */
export async function revokeUserSessions(db: Knex, userId: number, exceptId?: number): Promise<void> {
  const q = db('sessions').where({ user_id: userId }).whereNull('revoked_at');
  if (exceptId) q.whereNot('id', exceptId);
  await q.update({ revoked_at: new Date() });
}
