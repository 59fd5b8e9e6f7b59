import crypto from 'node:crypto';
import type { Db } from '../../server/database';
import { insertUser, type Role, type UserRow } from '../../server/db/users';
import { insertSession } from '../../server/db/sessions';
import { hashPassword, newSecretToken } from '../../server/services/accounts/passwords';
import { syncAutoMemberships } from '../../server/services/chat/channels';

/** The password of every factory user. */
export const TEST_PASSWORD = 'Secret-2026';
let hashPromise: Promise<string> | null = null;

export interface UserOverrides {
  role?: Role;
  departmentCode?: string;
  chatOnly?: boolean;
  status?: UserRow['status'];
  termsAccepted?: boolean;
  firstName?: string;
  lastName?: string;
  username?: string;
  email?: string;
  employer?: string;
}

/** Inserts an active user (terms accepted) with TEST_PASSWORD. */
export async function makeUser(db: Db, o: UserOverrides = {}): Promise<UserRow> {
  hashPromise ??= hashPassword(TEST_PASSWORD);
  const id = crypto.randomBytes(4).toString('hex');
  const user = await insertUser(db, {
    email: o.email ?? `user-${id}@exemple.fr`,
    username: o.username ?? `user.${id}`,
    password_hash: await hashPromise,
    civility: null,
    first_name: o.firstName ?? 'Camille',
    last_name: o.lastName ?? `Test${id}`,
    department_code: o.departmentCode ?? '69',
    phone: null,
    employer: o.employer ?? null,
    job_title: null,
    city: null,
    role: o.role ?? 'member',
    chat_only: o.chatOnly ?? false,
    status: o.status ?? 'active',
    terms_accepted_at: o.termsAccepted === false ? null : new Date(),
  });
  await syncAutoMemberships(db, user);
  return user;
}

/** A user and a live session token for them (no login round-trip). */
export async function makeUserWithToken(db: Db, o: UserOverrides = {}): Promise<{ user: UserRow; token: string; sessionId: number }> {
  const user = await makeUser(db, o);
  const { token, hash } = newSecretToken();
  const session = await insertSession(db, { userId: user.id, tokenHash: hash, expiresAt: new Date(Date.now() + 86400_000) });
  return { user, token, sessionId: session.id };
}
