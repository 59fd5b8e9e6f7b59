import { rightsOf } from '../access/account-types';
import type { UserRow } from '../db/users';
import type { Person } from '../protocol/common';
import type { Member, User } from '../protocol/users';
import { iso } from './time';

export const displayName = (u: Pick<UserRow, 'first_name' | 'last_name'>) => `${u.first_name} ${u.last_name}`;

export const avatarUrl = (u: Pick<UserRow, 'id' | 'avatar_sha256'>) =>
  u.avatar_sha256 ? `/api/users/${u.id}/avatar?v=${u.avatar_sha256.slice(0, 12)}` : null;

/** The full profile: for the user themself and for admins. */
export function presentUser(u: UserRow): User {
  return {
    id: u.id,
    email: u.email,
    username: u.username,
    firstName: u.first_name,
    lastName: u.last_name,
    displayName: displayName(u),
    civility: u.civility,
    departmentCode: u.department_code,
    phone: u.phone,
    employer: u.employer,
    jobTitle: u.job_title,
    city: u.city,
    bio: u.bio,
    role: u.role,
    chatOnly: !!u.chat_only,
    status: u.status,
    termsAcceptedAt: iso(u.terms_accepted_at),
    avatarUrl: avatarUrl(u),
    createdAt: iso(u.created_at),
    accountType: u.account_type ?? 'membre',
    pendingAccountType: u.requested_account_type ?? null,
  };
}

/** What other members see of someone (no e-mail, no phone, no account state). */
export function presentMember(u: UserRow): Member {
  return {
    id: u.id,
    username: u.username,
    firstName: u.first_name,
    lastName: u.last_name,
    displayName: displayName(u),
    departmentCode: u.department_code,
    employer: u.employer,
    jobTitle: u.job_title,
    city: u.city,
    role: u.role,
    avatarUrl: avatarUrl(u),
    professional: rightsOf(u).listedAsProfessional,
  };
}

/** The short author block used in messages, posts and tickets. */
export const presentAuthor = (u: Pick<UserRow, 'id' | 'username' | 'first_name' | 'last_name'>): Person => ({
  id: u.id,
  username: u.username,
  displayName: displayName(u),
});
