import type { Knex } from 'knex';
import type { UserRow } from '../../db/users';
import { contactIdsOf } from '../../db/contacts';
import { canSeePresence } from '../../access/directory';
import type { Person } from '../../protocol/common';

/**
 * `users:get`: the people the caller may see among these ids, in the order asked, for the client's user
 * cache (lean messages carry the author's id). The rule is presence's: active users, and for a chat-only
 * caller their contacts (and themself) only; unknown and invisible ids are left out.
 */
export async function peopleFor(db: Knex, actor: UserRow, userIds: number[]): Promise<Person[]> {
  const wanted = [...new Set(userIds)];
  if (!wanted.length) return [];
  const rows: Pick<UserRow, 'id' | 'username' | 'first_name' | 'last_name' | 'status'>[] = await db<UserRow>('users')
    .whereIn('id', wanted)
    .select('id', 'username', 'first_name', 'last_name', 'status');
  const contacts = new Set(await contactIdsOf(db, actor.id, wanted));
  contacts.add(actor.id);
  const byId = new Map(rows.filter((r) => r.status === 'active' && canSeePresence(actor, contacts.has(r.id))).map((r) => [r.id, r]));
  return wanted.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ id: r.id, username: r.username, displayName: `${r.first_name} ${r.last_name}` }] : [];
  });
}
