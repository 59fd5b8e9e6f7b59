import type { Knex } from 'knex';

/** True when the error is a primary-key or unique violation (SQLite or PostgreSQL). */
function isDuplicate(err: unknown): boolean {
  const e = err as { code?: string; errno?: number };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT' || e.errno === 19;
}

/** Records a challenge as spent; false when it already was (single use, whatever the node). */
export async function spendChallenge(db: Knex, nonce: string, expiresAt: Date): Promise<boolean> {
  try {
    await db('anti_robot_spent').insert({ nonce, expires_at: expiresAt });
    return true;
  } catch (err) {
    if (isDuplicate(err)) return false;
    throw err;
  }
}

/** Forgets challenges past their expiry: they are refused as expired anyway. */
export async function purgeSpentChallenges(db: Knex, now: Date): Promise<number> {
  return db('anti_robot_spent').where('expires_at', '<', now).delete();
}
