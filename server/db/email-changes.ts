import type { Knex } from 'knex';

export interface EmailChangeRow {
  id: number;
  user_id: number;
  new_email: string;
  token_hash: string;
  expires_at: Date | number | string;
  used_at: Date | number | string | null;
}

/** Stores a new request; the user's earlier unused ones die with it (only the last link works). */
export async function insertEmailChange(
  db: Knex,
  c: { userId: number; newEmail: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  const now = new Date();
  await db('email_changes').where({ user_id: c.userId }).whereNull('used_at').update({ used_at: now });
  await db('email_changes').insert({
    user_id: c.userId,
    new_email: c.newEmail,
    token_hash: c.tokenHash,
    expires_at: c.expiresAt,
    created_at: now,
  });
}

export async function findEmailChange(db: Knex, tokenHash: string): Promise<EmailChangeRow | undefined> {
  return db<EmailChangeRow>('email_changes').where({ token_hash: tokenHash }).first();
}

/** Burns the link; false if another request used it first. */
export async function useEmailChange(db: Knex, id: number): Promise<boolean> {
  return (await db('email_changes').where({ id }).whereNull('used_at').update({ used_at: new Date() })) === 1;
}
