import type { Knex } from 'knex';
import { hotRows } from '../database';
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
  s: {
    userId: number;
    tokenHash: string;
    expiresAt: Date;
    userAgent?: string | null;
    ip?: string | null;
    acr?: string | null;
    amr?: string | null;
    idToken?: string | null;
  },
): Promise<SessionRow> {
  const [row] = await db('sessions')
    .insert({
      user_id: s.userId,
      token_hash: s.tokenHash,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
      ip: s.ip ?? null,
      created_at: new Date(),
      expires_at: s.expiresAt,
      acr: s.acr ?? null,
      amr: s.amr ?? null,
      id_token: s.idToken ?? null,
    })
    .returning('*');
  return row as SessionRow;
}

// Runs on every authenticated request: written once rather than compiled by knex each time.
const LIVE_SESSION_SQL = `SELECT u.*, s.id AS s_id, s.created_at AS s_created_at, s.expires_at AS s_expires_at, s.token_hash AS s_token_hash
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.status = 'active' LIMIT 1`;

/**
 * A live session and its active user in one round trip (every REST request and
 * socket handshake runs this).
 */
export async function findLiveSessionWithUser(db: Knex, tokenHash: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await hotRows<UserRow & { s_id: number; s_created_at: Date; s_expires_at: Date; s_token_hash: string }>(
    db,
    LIVE_SESSION_SQL,
    [tokenHash, new Date()],
  );
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

/** Ids of a user's sessions still in force, except one if given. */
export async function liveSessionIds(db: Knex, userId: number, exceptId?: number): Promise<number[]> {
  const q = db('sessions').where({ user_id: userId }).whereNull('revoked_at');
  if (exceptId) q.whereNot('id', exceptId);
  return (await q.select('id')).map((r: { id: number }) => Number(r.id));
}

/** Revokes every session of a user, except one if given. */
export async function revokeUserSessions(db: Knex, userId: number, exceptId?: number): Promise<void> {
  const q = db('sessions').where({ user_id: userId }).whereNull('revoked_at');
  if (exceptId) q.whereNot('id', exceptId);
  await q.update({ revoked_at: new Date() });
}

/** The provider's ID token a session was opened with (its logout needs it), if any. */
export async function sessionIdToken(db: Knex, id: number): Promise<string | null> {
  const row = await db('sessions').where({ id }).first('id_token');
  return (row?.id_token as string | null | undefined) ?? null;
}
