import type { Knex } from 'knex';
import type { Civility } from '../protocol/users';
import { whereAnyContains } from '../database';

export type Role = 'member' | 'animator' | 'hotline' | 'admin';
export type UserStatus = 'pending' | 'active' | 'disabled';

/** A row of `users` as stored. Timestamps come back as Date (PostgreSQL) or epoch ms (SQLite). */
export interface UserRow {
  id: number;
  email: string;
  username: string;
  password_hash: string;
  civility: Civility | null;
  first_name: string;
  last_name: string;
  department_code: string;
  phone: string | null;
  employer: string | null;
  job_title: string | null;
  city: string | null;
  bio: string | null;
  role: Role;
  chat_only: boolean | number;
  status: UserStatus;
  terms_accepted_at: Date | number | string | null;
  avatar_sha256: string | null;
  avatar_mime: string | null;
  last_seen_at: Date | number | string | null;
  /** Set while a deletion waits out its grace period (a sign-in clears it). */
  deletion_requested_at?: Date | number | string | null;
  erased_at?: Date | number | string | null;
  /** The account type in force (`membre` until a type that needs it is validated). */
  account_type?: string;
  /** A type waiting for an admin's validation. */
  requested_account_type?: string | null;
  /** When the pending type was asked for (sign-up or a later request from the profile). */
  account_type_requested_at?: Date | number | string | null;
  created_at: Date | number | string;
  updated_at: Date | number | string;
}

export type NewUser = Omit<
  UserRow,
  'id' | 'created_at' | 'updated_at' | 'terms_accepted_at' | 'avatar_sha256' | 'avatar_mime' | 'last_seen_at' | 'bio'
> &
  Partial<Pick<UserRow, 'bio' | 'terms_accepted_at'>>;

/** Inserts a user and returns its row. */
export async function insertUser(db: Knex, user: NewUser): Promise<UserRow> {
  const now = new Date();
  const [row] = await db('users')
    .insert({ ...user, created_at: now, updated_at: now })
    .returning('*');
  return row as UserRow;
}

export async function findUserById(db: Knex, id: number): Promise<UserRow | undefined> {
  return db<UserRow>('users').where({ id }).first();
}

/** An active account (not pending, not disabled). */
export async function findActiveUser(db: Knex, id: number): Promise<UserRow | undefined> {
  return db<UserRow>('users').where({ id, status: 'active' }).first();
}

/** Active accounts with one of these global roles, by name. */
export async function activeUsersWithRoles(db: Knex, roles: readonly Role[]): Promise<UserRow[]> {
  return db<UserRow>('users').whereIn('role', roles).where({ status: 'active' }).orderBy(['first_name', 'last_name']);
}

/** Ids of the active accounts with one of these global roles. */
export async function activeUserIdsWithRoles(db: Knex, roles: readonly Role[]): Promise<number[]> {
  const rows = await db('users').whereIn('role', roles).where({ status: 'active' }).select('id');
  return rows.map((r: { id: number }) => Number(r.id));
}

/** Of these ids, those of active full members (not chat-only): who a post or an invitation may name. */
export async function activeFullMemberIds(db: Knex, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await db('users').whereIn('id', ids).where({ status: 'active' }).whereNot('chat_only', true).select('id');
  return rows.map((r: { id: number }) => Number(r.id));
}

export async function findUserByEmail(db: Knex, email: string): Promise<UserRow | undefined> {
  return db<UserRow>('users').where({ email: email.toLowerCase() }).first();
}

export async function findUserByUsername(db: Knex, username: string): Promise<UserRow | undefined> {
  return db<UserRow>('users').where({ username: username.toLowerCase() }).first();
}

/** Updates the given columns and returns the new row. */
export async function updateUser(db: Knex, id: number, changes: Partial<UserRow>): Promise<UserRow> {
  const [row] = await db('users')
    .where({ id })
    .update({ ...changes, updated_at: new Date() })
    .returning('*');
  return row as UserRow;
}

export interface UserSearch {
  q?: string;
  role?: Role;
  status?: UserStatus;
  departmentCode?: string;
  afterId?: number;
  limit: number;
}

/** Users matching a free-text search, by id, for cursor pagination. */
export async function searchUsers(db: Knex, s: UserSearch): Promise<UserRow[]> {
  const query = db<UserRow>('users').orderBy('id', 'asc').limit(s.limit);
  if (s.q) whereAnyContains(query, ['email', 'username', "first_name || ' ' || last_name"], s.q);
  if (s.role) query.where('role', s.role);
  if (s.status) query.where('status', s.status);
  if (s.departmentCode) query.where('department_code', s.departmentCode);
  if (s.afterId) query.where('id', '>', s.afterId);
  return query;
}

/** What the member directory filters on; `after` is the keyset cursor (lower last name, lower first name, id). */
export interface MemberSearch {
  q?: string;
  departmentCode?: string;
  regionCode?: string;
  role?: Role;
  employer?: string;
  /** Only these account types in force. */
  accountTypes?: string[];
  after?: [string, string, number];
  limit: number;
}

/** Active full members (not chat-only) matching the search, by last name, first name and id. */
export async function searchMembers(db: Knex, s: MemberSearch): Promise<UserRow[]> {
  const q = db('users as u')
    .where({ 'u.status': 'active', 'u.chat_only': false })
    .select('u.*')
    .orderByRaw('lower(u.last_name), lower(u.first_name), u.id')
    .limit(s.limit);
  if (s.q) whereAnyContains(q, ["u.first_name || ' ' || u.last_name", "u.last_name || ' ' || u.first_name", 'u.username'], s.q);
  if (s.departmentCode) q.where('u.department_code', s.departmentCode);
  if (s.regionCode) q.whereIn('u.department_code', db('departments').where({ region_code: s.regionCode }).select('code'));
  if (s.role) q.where('u.role', s.role);
  if (s.employer) whereAnyContains(q, ["coalesce(u.employer, '')"], s.employer);
  if (s.accountTypes) q.whereIn('u.account_type', s.accountTypes);
  if (s.after) q.whereRaw('(lower(u.last_name), lower(u.first_name), u.id) > (?, ?, ?)', s.after);
  return (await q) as UserRow[];
}

/** How many accounts exist, whatever their status. */
export async function countUsers(db: Knex): Promise<number> {
  const row = (await db('users').count({ n: '*' }).first()) as { n: number | string };
  return Number(row.n);
}

/** Whether any account (of any status) has one of these roles. */
export async function anyUserWithRole(db: Knex, roles: readonly Role[]): Promise<boolean> {
  return !!(await db('users').whereIn('role', roles).first('id'));
}
