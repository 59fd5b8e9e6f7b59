import type { Knex } from 'knex';
import type { ChannelRow } from '../../db/channels';
import type { UserRow } from '../../db/users';
import { groupRoleOf } from '../../db/groups';

/** The actor's role in the channel's group (full members only). */
async function groupRole(db: Knex, userId: number, groupId: number | null): Promise<string | null> {
  return groupId ? groupRoleOf(db, groupId, userId) : null;
}

const isGlobalModerator = (u: UserRow) => u.role === 'animator' || u.role === 'admin';

/** Who may delete others' messages in a channel: animators, admins, and a group's owners/admins in its channel. */
export async function canModerate(db: Knex, actor: UserRow, channel: ChannelRow): Promise<boolean> {
  if (isGlobalModerator(actor)) return true;
  if (channel.kind === 'hotline' && actor.role === 'hotline') return true;
  const role = channel.kind === 'group' ? await groupRole(db, actor.id, channel.group_id) : null;
  return role === 'owner' || role === 'admin';
}

/** Who may pin: the same people as moderation, per the contract. */
export async function canPin(db: Knex, actor: UserRow, channel: ChannelRow): Promise<boolean> {
  if (isGlobalModerator(actor)) return true;
  const role = channel.kind === 'group' ? await groupRole(db, actor.id, channel.group_id) : null;
  return role === 'owner' || role === 'admin';
}

/**
 * The moderation rights of a viewer in each of their channels, in one query
 * (group roles fetched once), so channel lists can tell the client which
 * buttons to show; the server still checks on every action.
 */
export async function rightsInChannels(db: Knex, actor: UserRow): Promise<(channel: ChannelRow) => { canPin: boolean; canModerate: boolean }> {
  const managed = new Set<number>(
    (await db('group_members').where({ user_id: actor.id, status: 'member' }).whereIn('role', ['owner', 'admin']).select('group_id')).map(
      (r: { group_id: number }) => r.group_id,
    ),
  );
  return (channel) => {
    const groupManager = channel.kind === 'group' && channel.group_id !== null && managed.has(channel.group_id);
    const canPin = isGlobalModerator(actor) || groupManager;
    return { canPin, canModerate: canPin || (channel.kind === 'hotline' && actor.role === 'hotline') };
  };
}
