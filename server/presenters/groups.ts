import type { GroupRole, GroupRow, MemberStatus } from '../db/groups';
import type { InvitationRow, JoinRequestRow } from '../db/group-requests';
import type { UserRow } from '../db/users';
import type { Group, GroupMember, Invitation, JoinRequest } from '../protocol/groups';
import type { Person } from '../protocol/common';
import { iso } from './time';
import { presentMember } from './users';

export interface GroupViewerState {
  memberCount: number;
  myStatus: MemberStatus | null;
  myRole: GroupRole | null;
  /** The parent group when the viewer may see it (a private parent stays hidden). */
  parent?: { id: number; name: string } | null;
}

/** The contract's group object, as one viewer sees it. `myRole` is set for full members only. */
export function presentGroup(g: GroupRow, v: GroupViewerState): Group {
  return {
    id: g.id,
    name: g.name,
    slug: g.slug,
    description: g.description,
    visibility: g.visibility,
    memberCount: v.memberCount,
    channelId: g.channel_id,
    myStatus: v.myStatus,
    myRole: v.myStatus === 'member' ? v.myRole : null,
    parentId: v.parent ? v.parent.id : null,
    parent: v.parent ?? null,
    isCommunity: !!g.is_community,
    pictureUrl: g.picture_sha256 ? `/api/groups/${g.id}/picture?v=${g.picture_sha256.slice(0, 12)}` : null,
    createdAt: iso(g.created_at),
  };
}

/** The protocol's Group, under the name the services use. */
export type PresentedGroup = Group;

const person = (
  id: number | null,
  username: string | null | undefined,
  first: string | null | undefined,
  last: string | null | undefined,
): Person | null => (id && username ? { id, username, displayName: `${first} ${last}` } : null);

/** A join request with its decision record (shown to group admins). */
export function presentJoinRequest(r: JoinRequestRow & Record<string, unknown>): JoinRequest {
  const s = (k: string) => r[k] as string | null | undefined;
  return {
    id: r.id,
    groupId: r.group_id,
    // The list joins the requester's row: a request always has its person.
    user: person(r.user_id, s('u_username'), s('u_first_name'), s('u_last_name'))!,
    motive: r.motive,
    status: r.status,
    createdAt: iso(r.created_at),
    decidedBy: person(r.decided_by, s('d_username'), s('d_first_name'), s('d_last_name')),
    decidedAt: iso(r.decided_at),
  };
}

/** A pending invitation as group admins see it: the member invited, or the outside address. */
export function presentInvitation(i: InvitationRow & Record<string, unknown>): Invitation {
  const s = (k: string) => i[k] as string | null | undefined;
  return {
    id: i.id,
    groupId: i.group_id,
    user: person(i.user_id, s('u_username'), s('u_first_name'), s('u_last_name')),
    email: i.user_id ? null : i.email,
    status: i.status,
    createdAt: iso(i.created_at),
  };
}

/** A member of a group with their group role. */
export function presentGroupMember(
  u: UserRow & { group_role: GroupRole; group_status: MemberStatus; group_joined_at: Date | number | null },
): GroupMember {
  return { user: presentMember(u), role: u.group_role, status: u.group_status, joinedAt: iso(u.group_joined_at) };
}
