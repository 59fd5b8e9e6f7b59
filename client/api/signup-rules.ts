/** Typed calls for the sign-up rules: the allowed e-mail domains (anyone reads them, admins set them). */
import type { Http } from './http.js';
import type { SignupRules } from '../../server/protocol/index.js';

export function signupRulesApi(http: Http) {
  return {
    get: () => http.get<SignupRules>('/api/signup-rules'),
    set: (allowedDomains: string[]) => http.put<SignupRules>('/api/admin/signup-rules', { allowedDomains }),
  };
}

export type SignupRulesApi = ReturnType<typeof signupRulesApi>;
