/** Typed calls for /api/auth/*. */
import type { Http } from './http.js';
import type { LoginResponse, UserResponse } from '../../server/protocol/index.js';
import type { RegisterBody as RegisterInput } from '../../server/protocol/accounts.js';

/** Bodies shared with the server (type-only). */
export type { LoginResponse, NewAccount, RegisterBody as RegisterInput } from '../../server/protocol/accounts.js';

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
