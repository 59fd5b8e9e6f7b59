import type { Role, UserRow } from '../db/users';
import { isAdmin } from './roles';

/** Admins create, search, change and disable accounts. */
export const canAdministerUsers = (user: UserRow): boolean => isAdmin(user);

/** An admin may not lock themself out: no disabling, no demotion of their own account. */
export const locksSelfOut = (actor: UserRow, targetId: number, changes: { disabled?: boolean; role?: Role }): boolean =>
  targetId === actor.id && (!!changes.disabled || (!!changes.role && !isAdmin({ role: changes.role })));
