/** Typed calls for /api/auth/*. */
import type { Http } from './http.js';
import type { Civility, User, UserResponse } from './types.js';

/** What every new account needs (sign-up, or created by an admin). */
export interface NewAccount {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  username: string;
  departmentCode: string;
}

/** Body of POST /api/auth/register. */
export interface RegisterInput extends NewAccount {
  civility?: Civility;
  phone?: string;
  employer?: string;
  jobTitle?: string;
  city?: string;
}

/** Answer of POST /api/auth/login. */
export interface LoginResponse {
  user: User;
  token: string;
}

/** Account and session routes. */
export function authApi(http: Http) {
  return {
    register: (input: RegisterInput) => http.post<UserResponse>('/api/auth/register', input),
    confirm: (token: string) => http.post<unknown>('/api/auth/confirm', { token }),
    login: (email: string, password: string) =>
      http.post<LoginResponse>('/api/auth/login', { email, password }),
    logout: () => http.post<unknown>('/api/auth/logout'),
    requestPasswordReset: (email: string) => http.post<unknown>('/api/auth/password-reset', { email }),
    confirmPasswordReset: (token: string, password: string) =>
      http.post<unknown>('/api/auth/password-reset/confirm', { token, password }),
  };
}

export type AuthApi = ReturnType<typeof authApi>;
