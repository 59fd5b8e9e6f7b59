/** Typed calls for /api/auth/*. */
import type { Http } from './http.js';
import type { LoginResponse, UserResponse } from '../../server/protocol/index.js';
import type { RegisterBody as RegisterInput } from '../../server/protocol/accounts.js';
import type { AuthProviders, OidcSignupBody, OidcSignupView } from '../../server/protocol/oidc.js';
import type { AntiRobotBody } from '../../server/protocol/anti-robot.js';

/** Bodies shared with the server (type-only). */
export type { LoginResponse, NewAccount, RegisterBody as RegisterInput } from '../../server/protocol/accounts.js';

/** Account and session routes. */
export function authApi(http: Http) {
  return {
    /** `altcha`: the anti-robot answer (<mai-anti-robot>), always asked. */
    register: (input: RegisterInput & AntiRobotBody) => http.post<UserResponse>('/api/auth/register', input),
    confirm: (token: string) => http.post<unknown>('/api/auth/confirm', { token }),
    /** `altcha`: the anti-robot answer, asked after repeated failures (the refusal says so in `details.antiRobot`). */
    login: (email: string, password: string, altcha?: string) =>
      http.post<LoginResponse>('/api/auth/login', altcha ? { email, password, altcha } : { email, password }),
    /** `logoutUrl`: where to go to end the provider's session too (ProConnect), else null. */
    logout: () => http.post<{ ok: true; logoutUrl?: string | null }>('/api/auth/logout'),
    providers: () => http.get<AuthProviders>('/api/auth/providers'),
    oidcSignupView: (signup: string) => http.get<OidcSignupView>(`/api/auth/oidc/signup?signup=${encodeURIComponent(signup)}`),
    oidcSignup: (body: OidcSignupBody) => http.post<LoginResponse & { next: string | null }>('/api/auth/oidc/signup', body),
    requestPasswordReset: (email: string) => http.post<unknown>('/api/auth/password-reset', { email }),
    confirmPasswordReset: (token: string, password: string) => http.post<unknown>('/api/auth/password-reset/confirm', { token, password }),
  };
}

export type AuthApi = ReturnType<typeof authApi>;
