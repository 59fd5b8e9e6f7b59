/** Users on the wire: the full profile (self, admins) and what other members see. */
import type { Role } from './common';

/** Account status. */
export type UserStatus = 'pending' | 'active' | 'disabled';

/** Civility, optional. */
export type Civility = 'mme' | 'm';

/** The full profile: for the user themself and for admins (`presentUser`). */
export interface User {
  id: number;
  email: string;
  username: string;
  firstName: string;
  lastName: string;
  displayName: string;
  civility: Civility | null;
  departmentCode: string | null;
  phone: string | null;
  employer: string | null;
  jobTitle: string | null;
  city: string | null;
  bio: string | null;
  role: Role;
  chatOnly: boolean;
  status: UserStatus;
  termsAcceptedAt: string | null;
  avatarUrl: string | null;
  createdAt: string;
  /** The account type in force, and the one waiting for an admin's validation. */
  accountType: string;
  pendingAccountType: string | null;
}

/** What other members see of someone: no e-mail, no phone, no account state (`presentMember`). */
export interface Member {
  id: number;
  username: string;
  firstName: string;
  lastName: string;
  displayName: string;
  departmentCode: string | null;
  employer: string | null;
  jobTitle: string | null;
  city: string | null;
  role: Role;
  avatarUrl: string | null;
  /** Shown as a professional: the type in force has `listedAsProfessional` (server/access/account-types.ts). */
  professional: boolean;
}

/** `{ user }`, the answer of most account routes. */
export interface UserResponse {
  user: User;
}
