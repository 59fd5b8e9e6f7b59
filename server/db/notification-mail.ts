import type { Knex } from 'knex';

/** An unread notification not mailed yet, with what the mail job needs of its user. */
export interface MailCandidateRow {
  id: number;
  user_id: number;
  kind: string;
  data: string;
  created_at: Date | number;
  email: string;
  first_name: string;
  settings: string | null;
}

/**
 * One page of unread, unmailed notifications created in [since, until], of
 * active accounts, with their owner's address and stored settings; ordered by
 * user then id (keyset after `after`), so a user's rows come together.
 */
export async function mailCandidates(
  db: Knex,
  since: Date,
  until: Date,
  after: { userId: number; id: number },
  limit: number,
): Promise<MailCandidateRow[]> {
  return db('notifications as n')
    .join('users as u', 'u.id', 'n.user_id')
    .leftJoin('notification_settings as s', 's.user_id', 'n.user_id')
    .whereNull('n.mailed_at')
    .whereNull('n.read_at')
    .where('n.created_at', '>=', since)
    .where('n.created_at', '<=', until)
    .where('u.status', 'active')
    .where((w) => w.where('n.user_id', '>', after.userId).orWhere((x) => x.where('n.user_id', after.userId).where('n.id', '>', after.id)))
    .orderBy([{ column: 'n.user_id' }, { column: 'n.id' }])
    .limit(limit)
    .select('n.id', 'n.user_id', 'n.kind', 'n.data', 'n.created_at', 'u.email', 'u.first_name', 's.settings');
}

/**
 * Claims notifications for one mail: sets `mailed_at` on those still unread
 * and unmailed, and answers the ids this call won. Row by row this is a
 * compare-and-set, so two nodes running the job at once never both win a
 * notification (PostgreSQL re-checks the WHERE after waiting on the row lock;
 * SQLite has a single writer).
 */
export async function claimForMail(db: Knex, userId: number, ids: number[], at: Date): Promise<number[]> {
  if (!ids.length) return [];
  const rows: { id: number }[] = await db('notifications')
    .where({ user_id: userId })
    .whereIn('id', ids)
    .whereNull('mailed_at')
    .whereNull('read_at')
    .update({ mailed_at: at }, ['id']);
  return rows.map((r) => Number(r.id));
}
