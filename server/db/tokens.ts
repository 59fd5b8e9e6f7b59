import type { Knex } from 'knex';

/** `invite`: the set-password link of an account someone else created (7 days). */
export type TokenKind = 'confirm' | 'reset' | 'invite';

export interface OneTimeTokenRow {
  id: number;
  user_id: number;
  kind: TokenKind;
  token_hash: string;
  expires_at: Date | number;
  used_at: Date | number | null;
}

export async function insertToken(db: Knex, t: { userId: number; kind: TokenKind; tokenHash: string; expiresAt: Date }): Promise<void> {
  await db('one_time_tokens').insert({
    user_id: t.userId,
    kind: t.kind,
    token_hash: t.tokenHash,
    expires_at: t.expiresAt,
    created_at: new Date(),
  });
}

export async function findToken(db: Knex, kind: TokenKind, tokenHash: string): Promise<OneTimeTokenRow | undefined> {
  return db<OneTimeTokenRow>('one_time_tokens').where({ kind, token_hash: tokenHash }).first();
}

/** Marks a token used; false if another request used it first (single use under races). */
export async function useToken(db: Knex, id: number): Promise<boolean> {
  const n = await db('one_time_tokens').where({ id }).whereNull('used_at').update({ used_at: new Date() });
  return n === 1;
}

/** Older unused tokens of the same kind die when a new one is issued. */
export async function expireUserTokens(db: Knex, userId: number, kind: TokenKind): Promise<void> {
  await db('one_time_tokens').where({ user_id: userId, kind }).whereNull('used_at').update({ used_at: new Date() });
}
