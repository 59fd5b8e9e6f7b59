import type { Knex } from 'knex';

/** A claimed delivery with what its mail needs. */
export interface ClaimedDelivery {
  id: number;
  user_id: number;
  email: string;
  first_name: string;
}

/** Issues whose deliveries are under way, oldest first. */
export async function sendingIssueIds(db: Knex): Promise<number[]> {
  const rows = await db('newsletter_issues').where({ status: 'sending' }).orderBy('send_started_at').select('id');
  return rows.map((r: { id: number }) => Number(r.id));
}

/** Rows that may be claimed: pending, or claimed by a process that died (its claim older than the lease). */
const claimable = (q: Knex.QueryBuilder, leaseCutoff: Date) =>
  q.where((w) => w.where('status', 'pending').orWhere((c) => c.where('status', 'claimed').where('claimed_at', '<', leaseCutoff)));

/**
 * Claims up to `limit` deliveries of an issue for `token`, in id order. One
 * UPDATE whose WHERE repeats the claimable test: two processes claiming at
 * once never get the same row (PostgreSQL also skips rows another claim has
 * locked; SQLite has one writer).
 */
export async function claimDeliveries(
  db: Knex,
  issueId: number,
  token: string,
  now: Date,
  leaseCutoff: Date,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const ids = claimable(db('newsletter_deliveries').where({ issue_id: issueId }), leaseCutoff)
    .orderBy('id')
    .limit(limit)
    .select('id');
  if (db.client.config.client === 'pg') ids.forUpdate().skipLocked();
  await claimable(db('newsletter_deliveries').whereIn('id', ids), leaseCutoff).update({
    status: 'claimed',
    claim_token: token,
    claimed_at: now,
  });
  const rows = await db('newsletter_deliveries as d')
    .join('users as u', 'u.id', 'd.user_id')
    .where({ 'd.claim_token': token, 'd.status': 'claimed', 'd.issue_id': issueId })
    .orderBy('d.id')
    .select('d.id', 'd.user_id', 'u.email', 'u.first_name');
  return rows.map((r: ClaimedDelivery) => ({ ...r, id: Number(r.id), user_id: Number(r.user_id) }));
}

/** Settles claimed rows (only those this claim still holds): sent, failed, or back to pending when never tried. */
export async function settleDeliveries(db: Knex, token: string, ids: number[], status: 'sent' | 'failed' | 'pending'): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const changes = status === 'pending' ? { status, claim_token: null, claimed_at: null } : { status, done_at: new Date() };
    await db('newsletter_deliveries').whereIn('id', part).where({ claim_token: token, status: 'claimed' }).update(changes);
  }
}

/** Whether an issue has deliveries still to settle (pending or claimed). */
export async function hasOpenDeliveries(db: Knex, issueId: number): Promise<boolean> {
  return !!(await db('newsletter_deliveries').where({ issue_id: issueId }).whereIn('status', ['pending', 'claimed']).first('id'));
}

/** Marks an issue sent once nothing is left to deliver (a second round for the failed keeps the first date). */
export async function finishIssue(db: Knex, issueId: number): Promise<void> {
  const now = new Date();
  await db('newsletter_issues')
    .where({ id: issueId, status: 'sending' })
    .update({ status: 'sent', sent_at: db.raw('coalesce(sent_at, ?)', [now]), updated_at: now });
}

/**
 * Puts an issue's failed deliveries back to pending and the issue back to `sending` (when it was sent), in one
 * transaction; answers how many. Those people were never handed to the transport (a failure is its refusal),
 * so nobody is mailed twice; the Message-ID stays the same anyway.
 */
export async function requeueFailed(db: Knex, issueId: number): Promise<number> {
  return db.transaction(async (trx) => {
    const n = await trx('newsletter_deliveries')
      .where({ issue_id: issueId, status: 'failed' })
      .update({ status: 'pending', claim_token: null, claimed_at: null, done_at: null });
    if (n) await trx('newsletter_issues').where({ id: issueId, status: 'sent' }).update({ status: 'sending', updated_at: new Date() });
    return n;
  });
}
