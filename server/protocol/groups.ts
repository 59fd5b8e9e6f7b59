/** Groups: the directory and mine, membership, join requests, invitations, group roles (/api/groups). */
import { z } from 'zod';
import { fields, optionalText, type Person } from './common';
import type { Member } from './users';

/** Who sees a group and how one joins it. */
export type Visibility = 'public' | 'moderated' | 'private';
/** Role inside a group. */
export type GroupRole = 'owner' | 'admin' | 'member';
/** Where someone stands with a group. */
export type MemberStatus = 'member' | 'pending' | 'invited';
/** Where a join request stands. */
export type JoinRequestStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';
/** Where an invitation stands. */
export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked';

/** A group as one viewer sees it. `myRole` is set for full members only. */
export interface Group {
  id: number;
  name: string;
  slug: string;
  description: string | null;
  visibility: Visibility;
  memberCount: number;
  channelId: number | null;
  myStatus: MemberStatus | null;
  myRole: GroupRole | null;
  parentId: number | null;
  /** The parent group when the viewer may see it (a private parent stays hidden). */
  parent: { id: number; name: string } | null;
  /** Marked as a community by its admins: its page is a home with a menu. */
  isCommunity: boolean;
  /** The group's picture, when it has one. */
  pictureUrl: string | null;
  createdAt: string;
  /** Only on GET /api/groups/:id. */
  canManage?: boolean;
}

/** A member of a group with their group role. */
export interface GroupMember {
  user: Member;
  role: GroupRole;
  status: MemberStatus;
  joinedAt: string | null;
}

/** A join request with its decision record (group admins). */
export interface JoinRequest {
  id: number;
  groupId: number;
  user: Person;
  motive: string | null;
  status: JoinRequestStatus;
  createdAt: string;
  decidedBy: Person | null;
  decidedAt: string | null;
}

/** A pending invitation: the member invited, or the outside address. */
export interface Invitation {
  id: number;
  groupId: number;
  user: Person | null;
  email: string | null;
  status: InvitationStatus;
  createdAt: string;
}

const visibility = z.enum(['public', 'moderated', 'private']);
/** GET /api/groups query. */
export const groupListQuerySchema = z.object({
  scope: z.enum(['mine', 'directory']).default('directory'),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number<number>().int().min(1).max(100).default(30),
});
/** POST /api/groups. */
export const createGroupSchema = z
  .object({ name: z.string().trim().min(2).max(120), description: optionalText(2000), visibility, parentId: fields.id.nullish() })
  .strict();
/** PATCH /api/groups/:id. */
export const updateGroupSchema = z
  .object({
    name: z.string().trim().min(2).max(120).optional(),
    description: optionalText(2000).optional(),
    visibility: visibility.optional(),
  })
  .strict();
/** POST /api/groups/:id/join. */
export const joinGroupSchema = z.object({ motive: optionalText(1000) }).strict();
/** The `:userId` of DELETE /api/groups/:id/members/:userId (`me` to leave). */
export const memberTargetSchema = z.union([z.literal('me'), fields.id]);
/** GET /api/groups/:id/members query. */
export const groupMembersQuerySchema = z.object({
  status: z.enum(['member', 'invited', 'pending']).default('member'),
  cursor: z.coerce.number<number>().int().min(0).optional(),
  limit: z.coerce.number<number>().int().min(1).max(200).default(100),
});
/** GET /api/groups/:id/requests query. */
export const joinRequestsQuerySchema = z.object({
  status: z.enum(['pending', 'approved', 'rejected', 'cancelled']).optional(),
  cursor: z.coerce.number<number>().int().min(1).optional(),
  limit: z.coerce.number<number>().int().min(1).max(100).default(50),
});
/** POST /api/groups/:id/invitations: a member, or an outside address. */
export const inviteSchema = z.union([z.object({ userId: fields.id }).strict(), z.object({ email: fields.email }).strict()]);
/** PATCH /api/groups/:id/members/:userId. */
export const groupRoleSchema = z.object({ role: z.enum(['owner', 'admin', 'member']) }).strict();

/** Query of GET /api/groups as a client sends it. */
export type GroupListQuery = z.input<typeof groupListQuerySchema>;
/** Body of POST /api/groups. */
export type CreateGroupBody = z.input<typeof createGroupSchema>;
/** Body of PATCH /api/groups/:id. */
export type UpdateGroupBody = z.input<typeof updateGroupSchema>;
/** Body of POST /api/groups/:id/invitations. */
export type InviteBody = z.input<typeof inviteSchema>;

/** Error codes of groups. */
export const GROUP_ERROR_CODES = [
  'already_member',
  'cannot_invite',
  'cannot_leave',
  'last_owner',
  'moderated_group',
  'not_a_member',
  'parent_membership_required',
] as const;
/** One of the group error codes. */
export type GroupErrorCode = (typeof GROUP_ERROR_CODES)[number];
