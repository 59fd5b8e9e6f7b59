import type { Knex } from 'knex';
import { ruleViolated } from '../../errors';
import type { Role, UserRow } from '../../db/users';
import { areContacts } from '../../db/contacts';
import { presentMember } from '../../presenters/users';
import { accessMember } from '../../access/directory';

export interface DirectoryQuery {
  q?: string;
  departmentCode?: string;
  regionCode?: string;
  role?: Role;
  employer?: string;
  cursor?: string;
  limit: number;
}

const likeOf = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Keyset cursor over (lower(last_name), lower(first_name), id). */
const encodeCursor = (u: UserRow) => Buffer.from(JSON.stringify([u.last_name.toLowerCase(), u.first_name.toLowerCase(), u.id])).toString('base64url');
function decodeCursor(cursor: string): [string, string, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string' && Number.isInteger(v[2])) return v as [string, string, number];
  } catch {
    // fall through
  }
  throw ruleViolated('invalid_cursor', 'Curseur de pagination invalide.');
}

/**
 * GET /api/directory: active members (chat-only accounts are not listed),
 * searched by name, filtered by département, région, role and employer, in
 * alphabetical order of last name.
 */
export async function searchDirectory(db: Knex, query: DirectoryQuery) {
  const q = db('users as u')
    .where({ 'u.status': 'active', 'u.chat_only': false })
    .select('u.*')
    .orderByRaw('lower(u.last_name), lower(u.first_name), u.id')
    .limit(query.limit + 1);
  if (query.q) {
    const like = likeOf(query.q);
    q.where((w) =>
      w
        .whereRaw("lower(u.first_name || ' ' || u.last_name) like ? escape '\\'", [like])
        .orWhereRaw("lower(u.last_name || ' ' || u.first_name) like ? escape '\\'", [like])
        .orWhereRaw("lower(u.username) like ? escape '\\'", [like]),
    );
  }
  if (query.departmentCode) q.where('u.department_code', query.departmentCode);
  if (query.regionCode) q.whereIn('u.department_code', db('departments').where({ region_code: query.regionCode }).select('code'));
  if (query.role) q.where('u.role', query.role);
  if (query.employer) q.whereRaw("lower(coalesce(u.employer, '')) like ? escape '\\'", [likeOf(query.employer)]);
  if (query.cursor) q.whereRaw('(lower(u.last_name), lower(u.first_name), u.id) > (?, ?, ?)', decodeCursor(query.cursor));
  const rows = (await q) as UserRow[];
  const page = rows.slice(0, query.limit);
  return { items: page.map(presentMember), nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!) : null };
}

/**
 * GET /api/users/:id: a member's public profile, with the groups of theirs the
 * viewer may see (private ones only if the viewer belongs too).
 */
export async function memberProfile(db: Knex, viewer: UserRow, userId: number) {
  const user = await accessMember(db, userId);
  const groups = (await db('group_members as gm')
    .join('groups as g', 'g.id', 'gm.group_id')
    .leftJoin('group_members as v', function () {
      this.on('v.group_id', '=', 'g.id').andOn('v.user_id', '=', db.raw('?', [viewer.id]));
    })
    .where({ 'gm.user_id': userId, 'gm.status': 'member' })
    .where((w) => w.whereNot('g.visibility', 'private').orWhere('v.status', 'member'))
    .orderByRaw('lower(g.name)')
    .select('g.id', 'g.name', 'g.visibility', 'gm.role')) as { id: number; name: string; visibility: string; role: string }[];
  return {
    ...presentMember(user),
    bio: user.bio,
    chatOnly: !!user.chat_only,
    isContact: await areContacts(db, viewer.id, user.id),
    groups: groups.map((g) => ({ id: g.id, name: g.name, visibility: g.visibility, role: g.role })),
  };
}
