import type { Knex } from 'knex';

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

/** A live (not revoked, not expired) session by token hash. */
export async function findLiveSession(db: Knex, tokenHash: string): Promise<SessionRow | undefined> {
  return db<SessionRow>('sessions')
    .where({ token_hash: tokenHash })
    .whereNull('revoked_at')
    .where('expires_at', '>', new Date())
    .first();
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
