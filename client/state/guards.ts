/** Where a page sends the visitor, given who they are (pure; used by <mai-app>, tested in Node). */
import type { User } from '../../server/protocol/index.js';

/**
 * `guest`: signed-out only (signed in → home); `public`: anyone;
 * `user`: signed in with terms accepted; `admin`: same, and role admin.
 */
export type Access = 'guest' | 'public' | 'user' | 'admin';

/** The redirect target for a visit, or null to show the page. */
export function redirectFor(access: Access, user: User | null, path: string, search = ''): string | null {
  if (user && user.termsAcceptedAt === null) {
    return access === 'public' ? null : '/conditions';
  }
  if (!user && (access === 'user' || access === 'admin')) {
    const next = path + search;
    return next === '/' ? '/connexion' : `/connexion?next=${encodeURIComponent(next)}`;
  }
  if (user && access === 'guest') return '/';
  return null;
}

/** Whether the page may be shown at all (admin pages look like "not found" to others). */
export function canSee(access: Access, user: User | null): boolean {
  return access !== 'admin' || user?.role === 'admin';
}
