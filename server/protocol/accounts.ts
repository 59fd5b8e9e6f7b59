/**
 * Wire types of the account routes (type-only: the client imports them with
 * `import type`, so the server's and the client's idea of a body cannot drift).
 */

export type Role = 'member' | 'animator' | 'hotline' | 'admin';
export type Civility = 'mme' | 'm';

/** What every new account needs (sign-up, or created by an admin). */
export interface NewAccount {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  username: string;
  departmentCode: string;
}

/** The optional profile fields (an empty value is stored as null). */
export interface ProfileDetails {
  civility: Civility | null;
  phone: string | null;
  employer: string | null;
  jobTitle: string | null;
  city: string | null;
}

/** Body of POST /api/auth/register. */
export type RegisterBody = NewAccount & Partial<ProfileDetails>;

/** Body of POST /api/admin/users. */
export interface AdminCreateUserBody extends NewAccount {
  role: Role;
  chatOnly?: boolean;
}

/** Body of PATCH /api/me: any of these. */
export type ProfilePatch = Partial<Pick<NewAccount, 'firstName' | 'lastName' | 'departmentCode'> & ProfileDetails & { bio: string | null }>;
