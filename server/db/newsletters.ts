import type { Knex } from 'knex';
import type { NewsletterStatus } from '../protocol/newsletters';

/** A row of `newsletter_issues`. */
export interface NewsletterIssueRow {
  id: number;
  title: string;
  intro: string;
  status: NewsletterStatus;
  author_id: number | null;
  recipients: number;
  created_at: Date | number | string;
  updated_at: Date | number | string;
  send_started_at: Date | number | string | null;
  sent_at: Date | number | string | null;
}

export interface IssueItemRow {
  kind: string;
  target_id: number;
}

export async function findIssue(db: Knex, id: number): Promise<NewsletterIssueRow | undefined> {
  return db<NewsletterIssueRow>('newsletter_issues').where({ id }).first();
}

/** Issues newest first: every one for composers, only those sent (or being sent) for readers. */
export async function listIssues(db: Knex, withDrafts: boolean, limit = 200): Promise<NewsletterIssueRow[]> {
  const q = db<NewsletterIssueRow>('newsletter_issues');
  if (!withDrafts) q.whereNot('status', 'draft');
  return q
    .orderBy([
      { column: 'updated_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit);
}

export async function insertIssue(db: Knex, authorId: number, title: string, intro: string): Promise<number> {
  const now = new Date();
  const [row] = await db('newsletter_issues')
    .insert({ title, intro, author_id: authorId, status: 'draft', created_at: now, updated_at: now })
    .returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}

/** Changes a draft; false when it is no longer one (sent meanwhile). */
export async function updateDraft(db: Knex, id: number, title: string, intro: string): Promise<boolean> {
  return (await db('newsletter_issues').where({ id, status: 'draft' }).update({ title, intro, updated_at: new Date() })) === 1;
}

export async function deleteDraft(db: Knex, id: number): Promise<boolean> {
  return (await db('newsletter_issues').where({ id, status: 'draft' }).delete()) === 1;
}

/** Replaces an issue's audience and contents. */
export async function replaceIssueParts(db: Knex, id: number, themeIds: number[], items: IssueItemRow[]): Promise<void> {
  await db('newsletter_issue_themes').where({ issue_id: id }).delete();
  await db('newsletter_issue_items').where({ issue_id: id }).delete();
  if (themeIds.length) await db('newsletter_issue_themes').insert(themeIds.map((theme_id) => ({ issue_id: id, theme_id })));
  if (items.length) {
    await db('newsletter_issue_items').insert(
      items.map((it, position) => ({ issue_id: id, position, kind: it.kind, target_id: it.target_id })),
    );
  }
}

/** The themes of several issues, by issue id. */
export async function themesOfIssues(db: Knex, ids: number[]): Promise<Map<number, { id: number; label: string }[]>> {
  const out = new Map<number, { id: number; label: string }[]>();
  if (!ids.length) return out;
  const rows = await db('newsletter_issue_themes as it')
    .join('interest_themes as t', 't.id', 'it.theme_id')
    .whereIn('it.issue_id', ids)
    .orderBy(['t.position', 't.id'])
    .select('it.issue_id', 't.id', 't.label');
  for (const r of rows as { issue_id: number; id: number; label: string }[]) {
    const list = out.get(Number(r.issue_id)) ?? [];
    list.push({ id: Number(r.id), label: r.label });
    out.set(Number(r.issue_id), list);
  }
  return out;
}

export async function itemsOfIssue(db: Knex, id: number): Promise<IssueItemRow[]> {
  return db('newsletter_issue_items').where({ issue_id: id }).orderBy('position').select('kind', 'target_id');
}

/** Subscribers (active accounts) of any of these themes. */
export async function countSubscribers(db: Knex, themeIds: number[]): Promise<number> {
  if (!themeIds.length) return 0;
  const row = await db('users as u')
    .where('u.status', 'active')
    .whereIn('u.id', db('newsletter_subscriptions').whereIn('theme_id', themeIds).select('user_id'))
    .count({ n: '*' })
    .first();
  return Number(row?.n ?? 0);
}

/**
 * Turns a draft into `sending` and writes one delivery row per subscriber of
 * its themes, in one statement (20,000 rows stay one round trip). Answers the
 * number of recipients, or null when the issue was no longer a draft.
 */
export async function startSending(trx: Knex.Transaction, id: number, themeIds: number[]): Promise<number | null> {
  const now = new Date();
  const moved = await trx('newsletter_issues')
    .where({ id, status: 'draft' })
    .update({ status: 'sending', send_started_at: now, updated_at: now });
  if (moved !== 1) return null;
  const marks = themeIds.map(() => '?').join(', ');
  await trx.raw(
    `INSERT INTO newsletter_deliveries (issue_id, user_id, status)
     SELECT ?, u.id, 'pending' FROM users u
     WHERE u.status = 'active' AND u.id IN (SELECT s.user_id FROM newsletter_subscriptions s WHERE s.theme_id IN (${marks}))`,
    [id, ...themeIds],
  );
  const row = await trx('newsletter_deliveries').where({ issue_id: id }).count({ n: '*' }).first();
  const recipients = Number(row?.n ?? 0);
  await trx('newsletter_issues').where({ id }).update({ recipients });
  return recipients;
}

/** Delivery counts per issue: sent, failed, and still to do. */
export async function issueFigures(db: Knex, ids: number[]): Promise<Map<number, { sent: number; failed: number; pending: number }>> {
  const out = new Map<number, { sent: number; failed: number; pending: number }>();
  if (!ids.length) return out;
  const rows = await db('newsletter_deliveries')
    .whereIn('issue_id', ids)
    .groupBy('issue_id', 'status')
    .select('issue_id', 'status')
    .count({ n: '*' });
  for (const r of rows as { issue_id: number; status: string; n: number | string }[]) {
    const f = out.get(Number(r.issue_id)) ?? { sent: 0, failed: 0, pending: 0 };
    if (r.status === 'sent') f.sent += Number(r.n);
    else if (r.status === 'failed') f.failed += Number(r.n);
    else f.pending += Number(r.n);
    out.set(Number(r.issue_id), f);
  }
  return out;
}
