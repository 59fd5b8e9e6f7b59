/**
 * The set-password link of an account someone else made (an admin's welcome
 * mail, an organisation's invitation): `/activer?token=…`, 7 days, single use.
 * Sending a fresh one voids the previous ones.
 */
import type { Knex } from 'knex';
import { expireUserTokens, insertToken } from '../../db/tokens';
import { newSecretToken } from './passwords';

/** How long the link works. */
export const SET_PASSWORD_LINK_TTL_MS = 7 * 24 * 3600 * 1000;

/** A fresh token for `userId` (older unused ones die), in one transaction; answers the token to mail. */
export async function reissueSetPasswordToken(db: Knex, userId: number): Promise<string> {
  const { token, hash } = newSecretToken();
  await db.transaction(async (trx) => {
    await expireUserTokens(trx, userId, 'invite');
    await insertToken(trx, { userId, kind: 'invite', tokenHash: hash, expiresAt: new Date(Date.now() + SET_PASSWORD_LINK_TTL_MS) });
  });
  return token;
}
