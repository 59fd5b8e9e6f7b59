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
  'organisation_members',
  'email_changes',
  'message_reactions',
  'thread_follows',
  'favorites',
  'push_subscriptions',
  'booking_pages',
  'poll_ballots',
  'suggestion_votes',
] as const;

/**
 * What the person did in the organisations, publishing and booking domains:
 * their appointments (visitors' data held for them alone), the addresses they
 * recommended to, articles never published (drafts nobody else reads), the
 * requests they filed (the requester's name and address); archives of their
 * data expire at once (the hourly purge removes the files). Published articles
 * stay, like posts, signed "Compte supprimé".
 */
async function eraseNetworkData(trx: Knex.Transaction, userId: number, email: string, now: Date): Promise<void> {
  await trx('appointments').where({ host_id: userId }).delete();
  await trx('recommendations').where({ sender_id: userId }).delete();
  await trx('articles').where({ author_id: userId }).whereNull('published_at').delete();
  await trx('organisation_requests')
    .where({ requester_email: email })
    .update({
      requester_first_name: 'Compte',
      requester_last_name: 'supprimé',
      requester_function: '—',
      requester_email: `compte-supprime-${userId}@supprime.invalid`,
    });
  await trx('personal_data_exports').where({ user_id: userId }).update({ expires_at: now });
}

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
    .first('id', 'email');
  // PostgreSQL: a sign-in cancelling at the same moment waits for the row; SQLite's single writer already serializes.
  if (trx.client.config.client === 'pg') q.forUpdate();
  const due = await q;
  if (!due) return false;
  for (const table of PERSONAL_TABLES) await trx(table).where({ user_id: userId }).delete();
  const now = new Date();
  await eraseNetworkData(trx, userId, due.email, now);
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
      requested_account_type: null,
      account_type_requested_at: null,
      status: 'disabled',
      deletion_requested_at: null,
      erased_at: now,
      updated_at: now,
    });
  return true;
}
