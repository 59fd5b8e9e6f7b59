import type { Knex } from 'knex';
import { contactIdsQuery } from './contacts';

// « On vous propose »: each signal is one small query over the candidate
// groups, answering (group_id, n). The service ranks them.

/** One signal's answer: how strongly each candidate group matches. */
export interface SignalRow {
  group_id: number;
  n: number | string;
}

/**
 * Groups that may be proposed to the user: never a private one, never one
 * they are in (member, pending, invited) or dismissed, and a sub-group only
 * when they are a member of its parent (otherwise they could not join it).
 */
export function candidateGroups(db: Knex, userId: number): Knex.QueryBuilder {
  return db('groups as g')
    .whereNot('g.visibility', 'private')
    .whereNotIn('g.id', db('group_members').where({ user_id: userId }).select('group_id'))
    .whereNotIn('g.id', db('group_suggestion_dismissals').where({ user_id: userId }).select('group_id'))
    .where((w) =>
      w
        .whereNull('g.parent_id')
        .orWhereIn('g.parent_id', db('group_members').where({ user_id: userId, status: 'member' }).select('group_id')),
    );
}

const membersMatching = (db: Knex, userId: number, limit: number, people: Knex.QueryBuilder): Promise<SignalRow[]> =>
  candidateGroups(db, userId)
    .join('group_members as gm', 'gm.group_id', 'g.id')
    .where('gm.status', 'member')
    .whereIn('gm.user_id', people)
    .groupBy('g.id')
    .select('g.id as group_id')
    .count({ n: '*' })
    .orderBy('n', 'desc')
    .limit(limit);

/** Candidates with members of my département (counted). */
export async function sameDepartmentSignal(db: Knex, userId: number, departmentCode: string, limit: number): Promise<SignalRow[]> {
  const people = db('users').where({ department_code: departmentCode }).whereNot('id', userId).select('id');
  return membersMatching(db, userId, limit, people);
}

/** Candidates my contacts are members of (counted). */
export async function contactsSignal(db: Knex, userId: number, limit: number): Promise<SignalRow[]> {
  return membersMatching(db, userId, limit, contactIdsQuery(db, userId));
}

/** Candidates whose members share at least one of my centres of interest (counted). */
export async function interestsSignal(db: Knex, userId: number, limit: number): Promise<SignalRow[]> {
  const people = db('user_interests as ui')
    .whereIn('ui.theme_id', db('user_interests').where({ user_id: userId }).select('theme_id'))
    .whereNot('ui.user_id', userId)
    .distinct('ui.user_id');
  return membersMatching(db, userId, limit, people);
}

/** The largest candidates: what is proposed when no signal says more. */
export async function popularSignal(db: Knex, userId: number, limit: number): Promise<SignalRow[]> {
  return membersMatching(db, userId, limit, db('users').select('id'));
}

/** Remembers that the user does not want this group proposed again. */
export async function dismissSuggestion(db: Knex, userId: number, groupId: number): Promise<void> {
  await db('group_suggestion_dismissals')
    .insert({ user_id: userId, group_id: groupId, created_at: new Date() })
    .onConflict(['user_id', 'group_id'])
    .ignore();
}

/** Groups by id with their member count (for presenting suggestions). */
export async function groupsWithCounts(db: Knex, ids: number[]) {
  if (!ids.length) return [];
  return db('groups as g')
    .whereIn('g.id', ids)
    .select('g.*')
    .select(db.raw("(select count(*) from group_members gm where gm.group_id = g.id and gm.status = 'member') as member_count"));
}
