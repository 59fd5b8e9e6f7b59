import type { Knex } from 'knex';
import { ruleViolated } from '../../errors';
import { searchMembers, type Role, type UserRow } from '../../db/users';
import { visibleGroupsOf } from '../../db/groups';
import { areContacts } from '../../db/contacts';
import { presentMember } from '../../presenters/users';
import type { MemberProfile } from '../../protocol/directory';
import { accessMember } from '../../access/directory';
import { professionalTypes } from '../../access/account-types';

export interface DirectoryQuery {
  q?: string;
  departmentCode?: string;
  regionCode?: string;
  role?: Role;
  employer?: string;
  professional?: 'true' | 'false';
  cursor?: string;
  limit: number;
}

/** Keyset cursor over (lower(last_name), lower(first_name), id). */
const encodeCursor = (u: UserRow) =>
  Buffer.from(JSON.stringify([u.last_name.toLowerCase(), u.first_name.toLowerCase(), u.id])).toString('base64url');
function decodeCursor(cursor: string): [string, string, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string' && Number.isInteger(v[2]))
      return v as [string, string, number];
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
  const { cursor, limit, professional, ...filters } = query;
  const rows = await searchMembers(db, {
    ...filters,
    accountTypes: professional === 'true' ? professionalTypes() : undefined,
    after: cursor ? decodeCursor(cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return { items: page.map(presentMember), nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!) : null };
}

/**
 * GET /api/users/:id: a member's public profile, with the groups of theirs the
 * viewer may see (private ones only if the viewer belongs too).
 */
export async function memberProfile(db: Knex, viewer: UserRow, userId: number): Promise<MemberProfile> {
  const user = await accessMember(db, userId);
  const groups = await visibleGroupsOf(db, userId, viewer.id);
  return {
    ...presentMember(user),
    bio: user.bio,
    chatOnly: !!user.chat_only,
    isContact: await areContacts(db, viewer.id, user.id),
    groups: groups.map((g) => ({ id: g.id, name: g.name, visibility: g.visibility, role: g.role })),
  };
}
