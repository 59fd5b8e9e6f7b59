/** The account types admins offer at sign-up, and their validation queue (decision and reason mailed). */
import type { Deps } from '../../deps';
import type { AccountType, AccountTypeRequest } from '../../protocol/account-types';
import { AppError, conflict, invalidPayload, notFound } from '../../errors';
import {
  findAccountType,
  insertAccountType,
  listAccountTypes,
  pendingTypeRequests,
  setOwnAccountType,
  settleTypeRequest,
  withdrawTypeRequest,
  updateAccountType,
  type AccountTypeRow,
} from '../../db/account-types';
import { findUserById, type UserRow } from '../../db/users';
import type { NotificationRow } from '../../db/notifications';
import { notifyAdmins } from '../notifications/admin-notices';
import { displayName } from '../../presenters/users';
import { accountTypeAcceptedMail, accountTypeRefusedMail } from '../../mail-templates';
import { iso } from '../../presenters/time';
import { notifyWaitingShares } from '../project-sheets/sharing';

const present = (t: AccountTypeRow): AccountType => ({ key: t.key, label: t.label, needsValidation: !!t.needs_validation });

export const accountTypes = async (deps: Deps) => (await listAccountTypes(deps.db)).map(present);

export async function addAccountType(deps: Deps, t: { key: string; label: string; needsValidation: boolean }): Promise<AccountType> {
  if (await findAccountType(deps.db, t.key))
    throw conflict('name_taken', 'Ce code existe déjà.', { fields: { key: 'Ce code existe déjà.' } });
  return present(await insertAccountType(deps.db, t));
}

export async function changeAccountType(deps: Deps, key: string, c: { label?: string; needsValidation?: boolean }): Promise<AccountType> {
  const row = await updateAccountType(deps.db, key, {
    ...(c.label ? { label: c.label } : {}),
    ...(c.needsValidation !== undefined ? { needs_validation: c.needsValidation } : {}),
  });
  if (!row) throw notFound('Type de compte');
  return present(row);
}

export async function typeRequests(deps: Deps): Promise<AccountTypeRequest[]> {
  const labels = new Map((await listAccountTypes(deps.db)).map((t) => [t.key, t.label]));
  return (await pendingTypeRequests(deps.db)).map((u: Record<string, any>) => ({
    userId: Number(u.id),
    displayName: `${u.first_name} ${u.last_name}`,
    email: u.email,
    employer: u.employer,
    jobTitle: u.job_title,
    departmentCode: u.department_code,
    currentType: u.account_type,
    requestedType: u.requested_account_type,
    requestedLabel: labels.get(u.requested_account_type) ?? u.requested_account_type,
    createdAt: iso(u.account_type_requested_at ?? u.created_at),
  }));
}

/** Accepts or refuses a user's pending type; mails the decision (with the reason when refused). */
export async function decideTypeRequest(deps: Deps, userId: number, accept: boolean, reason = ''): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (!user || !user.requested_account_type) throw notFound('Demande');
  const requested = user.requested_account_type;
  if (!(await settleTypeRequest(deps.db, userId, requested, accept))) {
    throw new AppError('type_request_decided', 409, 'Cette demande a déjà été traitée.');
  }
  const label = (await findAccountType(deps.db, requested))?.label ?? requested;
  const current = user.account_type ?? 'membre';
  const currentLabel = (await findAccountType(deps.db, current))?.label ?? current;
  const mail = accept
    ? accountTypeAcceptedMail(user.first_name, label, `${deps.config.publicUrl}/connexion`)
    : accountTypeRefusedMail(user.first_name, label, reason, currentLabel);
  await deps.mailer.send({ to: user.email, ...mail });
  // A professional now: the project sheets shared with their address while they were not one open to them.
  if (accept) await notifyWaitingShares(deps.db, { ...user, account_type: requested, requested_account_type: null });
}

/** Tells the admins that `user` waits for the type `key` (in the caller's transaction); answers the notices to push. */
export async function announceTypeRequest(db: Parameters<typeof notifyAdmins>[0], user: UserRow, key: string): Promise<NotificationRow[]> {
  const label = (await findAccountType(db, key))?.label ?? key;
  return notifyAdmins(db, 'account_type_requested', {
    userId: user.id,
    user: { id: user.id, displayName: displayName(user) },
    requestedType: key,
    requestedLabel: label,
  });
}

/**
 * A member asks, after sign-up, for another account type. A type that needs
 * validation waits in the admins' queue (they are told) and the member keeps
 * the rights of their current type meanwhile; any other type is in force at
 * once. Asking again replaces the request still waiting.
 */
export async function requestOwnAccountType(
  deps: Deps,
  user: UserRow,
  key: string,
): Promise<{ status: 'pending' | 'changed' | 'unchanged'; notices: NotificationRow[] }> {
  const type = await findAccountType(deps.db, key);
  if (!type) throw invalidPayload('Type de compte inconnu.', { fields: { accountType: 'Choisissez un type de compte dans la liste.' } });
  if (key === (user.account_type ?? 'membre')) {
    throw invalidPayload('C’est déjà votre type de compte.', { fields: { accountType: 'C’est déjà votre type de compte.' } });
  }
  if (key === user.requested_account_type) return { status: 'unchanged', notices: [] };
  const at = new Date();
  if (!type.needs_validation) {
    await setOwnAccountType(deps.db, user.id, { inForce: key, at });
    return { status: 'changed', notices: [] };
  }
  const notices = await deps.db.transaction(async (trx) => {
    await setOwnAccountType(trx, user.id, { requested: key, at });
    return announceTypeRequest(trx, user, key);
  });
  return { status: 'pending', notices };
}

/** Withdraws my request still waiting; none: 404. */
export async function withdrawOwnTypeRequest(deps: Deps, user: UserRow): Promise<void> {
  if (!(await withdrawTypeRequest(deps.db, user.id))) throw notFound('Demande');
}
