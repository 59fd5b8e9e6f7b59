/** Wire types used by the client (mirrors PROTOCOL.md; keep in step with server/protocol). */

/** Global role of a user. */
export type Role = 'member' | 'animator' | 'hotline' | 'admin';

/** Account status. */
export type UserStatus = 'pending' | 'active' | 'disabled';

/** Civility, optional. */
export type Civility = 'mme' | 'm';

/** A user as presented by the server. */
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

/** A French département. */
export interface Department {
  code: string;
  name: string;
  regionCode: string;
}

/** A page of a cursor-paginated list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | number | null;
}

/** Body of every error answer. */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** `{ user }`, the answer of most account routes. */
export interface UserResponse {
  user: User;
}
