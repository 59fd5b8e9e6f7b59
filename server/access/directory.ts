import type { Knex } from 'knex';
import { notFound } from '../errors';
import { findActiveUser, type UserRow } from '../db/users';
import { isChatOnly } from './roles';

/** Chat-only accounts see the presence of their contacts only; everyone else sees every active member's. */
export const canSeePresence = (viewer: UserRow, isContact: boolean): boolean => !isChatOnly(viewer) || isContact;

/** Listed in the directory and addressable in posts and agenda invitations: active full members. */
export const isListedMember = (user: Pick<UserRow, 'status' | 'chat_only'>): boolean => user.status === 'active' && !isChatOnly(user);

/** An active member's row; `not_found` for a missing, pending or disabled account. */
export async function accessMember(db: Knex, userId: number): Promise<UserRow> {
  const user = await findActiveUser(db, userId);
  if (!user) throw notFound('Membre');
  return user;
}
