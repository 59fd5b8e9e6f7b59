import type { Role, UserRow } from '../db/users';

type WithRole = Pick<UserRow, 'role'>;

/**
 * Every set of global roles the server distinguishes, named once. Code asks
 * the predicates below; nothing else compares `user.role` to a role name.
 */
export const ROLE_SETS = {
  /** The hotline desk: agents and admins see every ticket and act on it. */
  hotlineStaff: ['hotline', 'admin'],
  /** Network animation: thematic channels, announcements, `@channel`, pins and moderation everywhere, groups, agenda events. */
  animators: ['animator', 'admin'],
  /** People anyone may write to directly, and who may write to anyone. */
  openToDirectMessages: ['animator', 'hotline', 'admin'],
  /** User administration, hotline categories, and every group's management. */
  admins: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

const within = (set: readonly Role[]) => (u: WithRole) => set.includes(u.role);

/** Hotline agents and admins. */
export const isHotlineStaff = within(ROLE_SETS.hotlineStaff);
/** Animators and admins. */
export const isAnimator = within(ROLE_SETS.animators);
/** Animators, hotline staff and admins (direct messages open both ways). */
export const isOpenToDirectMessages = within(ROLE_SETS.openToDirectMessages);
/** Platform administrators. */
export const isAdmin = within(ROLE_SETS.admins);

/** Chat-only accounts (coordinators, partners): messaging by invitation, no groups, directory or automatic channels. */
export const isChatOnly = (u: Pick<UserRow, 'chat_only'>): boolean => !!u.chat_only;

/** Group roles that manage a group (besides global admins). */
export const GROUP_MANAGER_ROLES = ['owner', 'admin'] as const;
