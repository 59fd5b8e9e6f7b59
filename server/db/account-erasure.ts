import type { Knex } from 'knex';

/** Starts the grace period of an account's deletion. */
export async function markDeletionRequested(db: Knex, userId: number, at: Date): Promise<void> {
  await db('users').where({ id: userId }).update({ deletion_requested_at: at, updated_at: at });
}

/** Clears a pending deletion; true if there was one. */
export async function clearDeletionRequest(db: Knex, userId: number): Promise<boolean> {
  return (
    (await db('users')
      .where({ id: userId })
      .whereNotNull('deletion_requested_at')
      .whereNull('erased_at')
      .update({ deletion_requested_at: null, updated_at: new Date() })) > 0
  );
}

/** Accounts whose grace period ended before `before`, oldest request first. */
export async function accountsDueForErasure(db: Knex, before: Date, limit: number): Promise<number[]> {
  const rows = await db('users')
    .whereNotNull('deletion_requested_at')
    .where('deletion_requested_at', '<=', before)
    .whereNull('erased_at')
    .orderBy('deletion_requested_at')
    .limit(limit)
    .select('id');
  return rows.map((r: { id: number }) => r.id);
}

/** Tables whose rows about a user are personal data with no use once the account is gone. */
const PERSONAL_TABLES = [
  'sessions',
  'one_time_tokens',
  'user_identities',
  'notifications',
  'notification_settings',
  'channel_members',
  'group_members',
  'join_requests',
  'group_invitations',
  'event_invitations',
  'event_registrations',
  'calendar_feeds',
  'reactions',
  'message_mentions',
] as const;

/**
 * Erases an account inside `trx` (still due: a sign-in may have cancelled it
 * since it was picked): its personal rows go, its row is renamed "Compte
 * supprimé" with no way to sign in, and what it wrote for others stays. False if no longer due.
 */
export async function eraseAccount(trx: Knex.Transaction, userId: number, before: Date): Promise<boolean> {
  const q = trx('users')
    .where({ id: userId })
    .whereNotNull('deletion_requested_at')
    .where('deletion_requested_at', '<=', before)
    .whereNull('erased_at')
    .first('id');
  // PostgreSQL: a sign-in cancelling at the same moment waits for the row; SQLite's single writer already serializes.
  if (trx.client.config.client === 'pg') q.forUpdate();
  const due = await q;
  if (!due) return false;
  for (const table of PERSONAL_TABLES) await trx(table).where({ user_id: userId }).delete();
  const now = new Date();
  await trx('users')
    .where({ id: userId })
    .update({
      email: `compte-supprime-${userId}@supprime.invalid`,
      username: `supprime-${userId}`,
      password_hash: 'erased',
      civility: null,
      first_name: 'Compte',
      last_name: 'supprimé',
      phone: null,
      employer: null,
      job_title: null,
      city: null,
      bio: null,
      avatar_sha256: null,
      avatar_mime: null,
      last_seen_at: null,
      status: 'disabled',
      deletion_requested_at: null,
      erased_at: now,
      updated_at: now,
    });
  return true;
}
