import type { Knex } from 'knex';

export type ResultsVisibility = 'after_vote' | 'after_close';

export interface PollRow {
  post_id: number;
  multiple: boolean | number;
  anonymous: boolean | number;
  results_visibility: ResultsVisibility;
  closes_at: Date | number | string | null;
  closed_at: Date | number | string | null;
  closed_by: number | null;
  voter_salt: string;
  created_at: Date | number;
}

export interface PollOptionRow {
  id: number;
  post_id: number;
  position: number;
  label: string;
}

export async function insertPoll(db: Knex, row: Omit<PollRow, 'closed_at' | 'closed_by' | 'created_at'>, labels: string[]): Promise<void> {
  await db('polls').insert({ ...row, closed_at: null, closed_by: null, created_at: new Date() });
  await db('poll_options').insert(labels.map((label, i) => ({ post_id: row.post_id, position: i + 1, label })));
}

export async function findPoll(db: Knex, postId: number): Promise<PollRow | undefined> {
  return db<PollRow>('polls').where({ post_id: postId }).first();
}

/** The poll's row, locked until the transaction ends on PostgreSQL (votes and closing of one poll take turns); SQLite's single writer already serializes. */
export async function lockPoll(trx: Knex.Transaction, postId: number): Promise<PollRow | undefined> {
  const q = trx<PollRow>('polls').where({ post_id: postId }).first();
  if (trx.client.config.client === 'pg') q.forUpdate();
  return q;
}

export async function optionsOf(db: Knex, postId: number): Promise<PollOptionRow[]> {
  return db<PollOptionRow>('poll_options').where({ post_id: postId }).orderBy('position');
}

export async function closePollRow(db: Knex, postId: number, by: number): Promise<void> {
  await db('polls').where({ post_id: postId }).whereNull('closed_at').update({ closed_at: new Date(), closed_by: by });
}

/** Votes per option (options nobody chose are absent) and the number of ballots. */
export async function tally(db: Knex, postId: number): Promise<{ perOption: Map<number, number>; voters: number }> {
  const rows = (await db('poll_choices as c')
    .join('poll_ballots as b', 'b.id', 'c.ballot_id')
    .where('b.post_id', postId)
    .groupBy('c.option_id')
    .select('c.option_id')
    .count({ n: '*' })) as { option_id: number; n: number | string }[];
  const voters = await db('poll_ballots').where({ post_id: postId }).count({ n: '*' }).first();
  return { perOption: new Map(rows.map((r) => [r.option_id, Number(r.n)])), voters: Number(voters?.n ?? 0) };
}

/** The option ids of one ballot (by its voter key), empty if none. */
export async function choicesOf(db: Knex, postId: number, voterKey: string): Promise<number[]> {
  const rows = await db('poll_choices as c')
    .join('poll_ballots as b', 'b.id', 'c.ballot_id')
    .where({ 'b.post_id': postId, 'b.voter_key': voterKey })
    .orderBy('c.option_id')
    .select('c.option_id');
  return rows.map((r: { option_id: number }) => r.option_id);
}

/** Replaces a voter's ballot: one row per (poll, voter key), its choices rewritten. Call with the poll locked. */
export async function saveBallot(
  trx: Knex.Transaction,
  b: { postId: number; voterKey: string; userId: number | null; optionIds: number[] },
): Promise<void> {
  const now = new Date();
  await trx('poll_ballots')
    .insert({ post_id: b.postId, voter_key: b.voterKey, user_id: b.userId, created_at: now, updated_at: now })
    .onConflict(['post_id', 'voter_key'])
    .merge({ updated_at: now });
  const ballot = await trx('poll_ballots').where({ post_id: b.postId, voter_key: b.voterKey }).first('id');
  await trx('poll_choices').where({ ballot_id: ballot.id }).delete();
  await trx('poll_choices').insert(b.optionIds.map((option_id) => ({ ballot_id: ballot.id, option_id })));
}

/** Withdraws a voter's ballot; true if there was one. */
export async function deleteBallot(db: Knex, postId: number, voterKey: string): Promise<boolean> {
  return (await db('poll_ballots').where({ post_id: postId, voter_key: voterKey }).delete()) > 0;
}

/** Who chose what in a named poll (ballots carry a user id only there), oldest ballot first. */
export async function namedChoices(db: Knex, postId: number) {
  return db('poll_ballots as b')
    .join('poll_choices as c', 'c.ballot_id', 'b.id')
    .join('users as u', 'u.id', 'b.user_id')
    .where('b.post_id', postId)
    .whereNotNull('b.user_id')
    .orderBy([{ column: 'b.updated_at' }, { column: 'b.id' }, { column: 'c.option_id' }])
    .select('c.option_id', 'b.updated_at', 'u.id', 'u.username', 'u.first_name', 'u.last_name') as Promise<
    { option_id: number; updated_at: Date | number; id: number; username: string; first_name: string; last_name: string }[]
  >;
}

/** A user's ballots in named polls, for their personal-data export (anonymous ballots carry no user id). */
export async function namedBallotsOf(db: Knex, userId: number) {
  const rows = await db('poll_ballots as b')
    .join('posts as p', 'p.id', 'b.post_id')
    .leftJoin('poll_choices as c', 'c.ballot_id', 'b.id')
    .leftJoin('poll_options as o', 'o.id', 'c.option_id')
    .where('b.user_id', userId)
    .orderBy(['b.id', 'o.position'])
    .select('b.post_id', 'p.title', 'b.created_at', 'b.updated_at', 'o.label');
  return rows as { post_id: number; title: string; created_at: Date; updated_at: Date; label: string | null }[];
}
