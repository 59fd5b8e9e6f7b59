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
}

/** `{ user }`, the answer of most account routes. */
export interface UserResponse {
  user: User;
}
