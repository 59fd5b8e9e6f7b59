import type { Knex } from 'knex';
import { whereAnyContains } from '../database';

export type SuggestionStatus = 'open' | 'planned' | 'done' | 'declined';

export interface SuggestionRow {
  id: number;
  author_id: number;
  title: string;
  body: string;
  status: SuggestionStatus;
  status_reason: string | null;
  status_by: number | null;
  status_at: Date | number | null;
  vote_count: number;
  created_at: Date | number;
}

/** A suggestion with its author's and decider's names. */
export type SuggestionWithPeople = SuggestionRow & {
  a_username: string;
  a_first_name: string;
  a_last_name: string;
  d_username: string | null;
  d_first_name: string | null;
  d_last_name: string | null;
};

function withPeople(db: Knex): Knex.QueryBuilder {
  return db('suggestions as s')
    .join('users as a', 'a.id', 's.author_id')
    .leftJoin('users as d', 'd.id', 's.status_by')
    .select(
      's.*',
      'a.username as a_username',
      'a.first_name as a_first_name',
      'a.last_name as a_last_name',
      'd.username as d_username',
      'd.first_name as d_first_name',
      'd.last_name as d_last_name',
    );
}

export async function insertSuggestion(db: Knex, authorId: number, title: string, body: string): Promise<number> {
  const [row] = await db('suggestions')
    .insert({ author_id: authorId, title, body, status: 'open', vote_count: 0, created_at: new Date() })
    .returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}

export async function findSuggestion(db: Knex, id: number): Promise<SuggestionWithPeople | undefined> {
  return withPeople(db).where('s.id', id).first();
}

/** One page, most voted (then newest) or newest first; `offset` is the cursor. */
export async function listSuggestions(
  db: Knex,
  f: { sort: 'votes' | 'date'; status: SuggestionStatus | 'all'; q?: string; offset: number; limit: number },
): Promise<SuggestionWithPeople[]> {
  const q = withPeople(db).offset(f.offset).limit(f.limit);
  if (f.status !== 'all') q.where('s.status', f.status);
  if (f.q) whereAnyContains(q, ['s.title', 's.body'], f.q);
  if (f.sort === 'votes')
    q.orderBy([
      { column: 's.vote_count', order: 'desc' },
      { column: 's.id', order: 'desc' },
    ]);
  else q.orderBy('s.id', 'desc');
  return q;
}

export async function countByStatus(db: Knex): Promise<Record<SuggestionStatus, number>> {
  const rows = (await db('suggestions').groupBy('status').select('status').count({ n: '*' })) as {
    status: SuggestionStatus;
    n: number | string;
  }[];
  const out: Record<SuggestionStatus, number> = { open: 0, planned: 0, done: 0, declined: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/** Which of these suggestions the user voted for. */
export async function votedBy(db: Knex, userId: number, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db('suggestion_votes').where('user_id', userId).whereIn('suggestion_id', ids).select('suggestion_id');
  return new Set(rows.map((r: { suggestion_id: number }) => r.suggestion_id));
}

/** Sets or removes my vote (the primary key keeps one), then recounts: the stored count always equals the rows. */
export async function setVote(trx: Knex.Transaction, id: number, userId: number, on: boolean): Promise<number> {
  // PostgreSQL: votes on one suggestion take turns on its row, so no recount misses a concurrent vote (SQLite has one writer).
  const lock = trx('suggestions').where({ id }).first('id');
  if (trx.client.config.client === 'pg') lock.forUpdate();
  await lock;
  if (on)
    await trx('suggestion_votes')
      .insert({ suggestion_id: id, user_id: userId, created_at: new Date() })
      .onConflict(['suggestion_id', 'user_id'])
      .ignore();
  else await trx('suggestion_votes').where({ suggestion_id: id, user_id: userId }).delete();
  const n = Number((await trx('suggestion_votes').where({ suggestion_id: id }).count({ n: '*' }).first())?.n ?? 0);
  await trx('suggestions').where({ id }).update({ vote_count: n });
  return n;
}

export async function setStatus(db: Knex, id: number, status: SuggestionStatus, reason: string | null, by: number): Promise<void> {
  await db('suggestions').where({ id }).update({ status, status_reason: reason, status_by: by, status_at: new Date() });
}

export async function deleteSuggestion(db: Knex, id: number): Promise<void> {
  await db('suggestions').where({ id }).delete();
}
