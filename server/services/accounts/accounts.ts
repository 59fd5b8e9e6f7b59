import type { Deps } from '../../deps';
import type { RegisterInput as ParsedRegistration } from '../../protocol/accounts';
import { AppError, conflict, invalidPayload } from '../../errors';
import { departmentExists } from '../../db/departments';
import { findUserByEmail, findUserById, findUserByUsername, insertUser, updateUser, type UserRow } from '../../db/users';
import { expireUserTokens, findToken, insertToken, useToken, type TokenKind } from '../../db/tokens';
import { revokeUserSessions } from '../../db/sessions';
import { hashPassword, newSecretToken, hashToken, passwordProblems } from './passwords';
import { alreadyRegisteredMail, confirmAccountMail, resetPasswordMail } from '../../mail-templates';
import { ms } from '../../presenters/time';
import { syncAutoMemberships } from '../chat/channels';
import { claimEmailInvitations } from '../groups/invitations';
import { normalizePhone } from './phone';
import { findAccountType } from '../../db/account-types';
import { BASIC_TYPE } from '../../access/account-types';
import type { NotificationRow } from '../../db/notifications';
import { announceTypeRequest } from './account-types';

const CONFIRM_TTL_MS = 48 * 3600 * 1000;
const RESET_TTL_MS = 3600 * 1000;

/** A sign-up once parsed: every optional field present, empty ones null. */
export type RegisterInput = ParsedRegistration;

/** Throws `weak_password` with the unmet rules. */
export function assertPasswordRule(password: string, names: { firstName?: string; lastName?: string }): void {
  const problems = passwordProblems(password, names);
  if (problems.length) {
    throw invalidPayload(`Mot de passe trop faible : ${problems.join(' ')}`, { fields: { password: problems.join(' ') }, rules: problems });
  }
}

export async function assertDepartment(deps: Deps, code: string): Promise<void> {
  if (!(await departmentExists(deps.db, code))) {
    throw invalidPayload('Département inconnu.', { fields: { departmentCode: 'Département inconnu.' } });
  }
}

/** What registration answers, the same whether the address was new or not (no enumeration). */
const pendingView = (i: RegisterInput) => ({
  email: i.email,
  username: i.username,
  firstName: i.firstName,
  lastName: i.lastName,
  departmentCode: i.departmentCode,
  status: 'pending' as const,
});

/**
 * Creates a pending account and mails a confirmation link. An address that
 * already has an account gets a mail telling its owner so, and the caller gets
 * the very same answer.
 */
export async function register(deps: Deps, input: RegisterInput) {
  assertPasswordRule(input.password, input);
  const phone = normalizePhone(input.phone ?? null);
  await assertDepartment(deps, input.departmentCode);
  const types = await typeColumns(deps, input.accountType);
  // Timing must not tell whether the address has an account: the password is hashed and the
  // username looked up on every path, before the paths part (see test/server/timing.test.ts).
  const [passwordHash, existing, usernameTaken] = await Promise.all([
    hashPassword(input.password),
    findUserByEmail(deps.db, input.email),
    findUserByUsername(deps.db, input.username),
  ]);
  if (existing) {
    const base = deps.config.publicUrl;
    // The same write as for a new account (one transaction storing a token), so both paths take as long;
    // the owner gets a working reset link rather than the form's address.
    const token = await issueToken(deps, existing.id, 'reset', RESET_TTL_MS);
    const mail = alreadyRegisteredMail(existing.first_name, `${base}/connexion`, `${base}/reinitialiser?token=${token}`);
    await deps.mailer.send({ to: existing.email, ...mail });
    return pendingView(input);
  }
  if (usernameTaken) throw conflict('username_taken', "Ce nom d'utilisateur est déjà pris.");
  let user: UserRow;
  const { token, hash } = newSecretToken();
  try {
    // One transaction: the account and its confirmation token (the existing-address path writes one token too).
    user = await deps.db.transaction(async (trx) => {
      const row = await insertUser(trx, {
        email: input.email,
        username: input.username,
        password_hash: passwordHash,
        civility: input.civility,
        first_name: input.firstName,
        last_name: input.lastName,
        department_code: input.departmentCode,
        phone,
        employer: input.employer,
        job_title: input.jobTitle,
        city: input.city,
        role: 'member',
        chat_only: false,
        status: 'pending',
        ...types,
      });
      // Two statements, as issueToken's on the other path (a new account has no token to expire).
      await insertToken(trx, { userId: row.id, kind: 'confirm', tokenHash: hash, expiresAt: new Date(Date.now() + CONFIRM_TTL_MS) });
      return row;
    });
  } catch (err) {
    // Two sign-ups racing on the same address or username: the unique index decides.
    if (/unique|duplicate/i.test(String(err))) throw conflict('username_taken', "Ce nom d'utilisateur est déjà pris.");
    throw err;
  }
  await deps.mailer.send({ to: user.email, ...confirmAccountMail(user.first_name, `${deps.config.publicUrl}/confirmer?token=${token}`) });
  return pendingView(input);
}

/**
 * The account-type columns of a sign-up: a type that needs an admin's
 * validation is requested (the account is a basic member meanwhile), any
 * other is in force at once; an unknown key is a field error.
 */
async function typeColumns(
  deps: Deps,
  key: string | undefined,
): Promise<Pick<UserRow, 'account_type' | 'requested_account_type' | 'account_type_requested_at'>> {
  if (!key || key === BASIC_TYPE) return { account_type: BASIC_TYPE, requested_account_type: null };
  const type = await findAccountType(deps.db, key);
  if (!type) throw invalidPayload('Type de compte inconnu.', { fields: { accountType: 'Choisissez un type de compte dans la liste.' } });
  return type.needs_validation
    ? { account_type: BASIC_TYPE, requested_account_type: key, account_type_requested_at: new Date() }
    : { account_type: key, requested_account_type: null };
}

async function issueToken(deps: Deps, userId: number, kind: TokenKind, ttlMs: number): Promise<string> {
  const { token, hash } = newSecretToken();
  await deps.db.transaction(async (trx) => {
    await expireUserTokens(trx, userId, kind);
    await insertToken(trx, { userId, kind, tokenHash: hash, expiresAt: new Date(Date.now() + ttlMs) });
  });
  return token;
}

/** Checks and burns a one-time token; returns its user. */
export async function consumeToken(deps: Deps, kind: TokenKind, token: string): Promise<UserRow> {
  const row = await findToken(deps.db, kind, hashToken(token));
  if (!row || row.used_at) throw new AppError('invalid_token', 400, 'Ce lien est invalide ou a déjà été utilisé.');
  if ((ms(row.expires_at) ?? 0) < Date.now()) throw new AppError('token_expired', 400, 'Ce lien a expiré. Faites une nouvelle demande.');
  if (!(await useToken(deps.db, row.id))) throw new AppError('invalid_token', 400, 'Ce lien a déjà été utilisé.');
  const user = await findUserById(deps.db, row.user_id);
  if (!user) throw new AppError('invalid_token', 400, 'Ce lien est invalide.');
  return user;
}

/**
 * Activates a pending account from its confirmation link. A type asked for at
 * sign-up is announced to the admins now, once the address is proven (notices
 * answered, to push after the commit).
 */
export async function confirmAccount(deps: Deps, token: string): Promise<{ user: UserRow; notices: NotificationRow[] }> {
  const user = await consumeToken(deps, 'confirm', token);
  if (user.status === 'disabled') throw new AppError('account_not_active', 403, 'Ce compte est désactivé.');
  const wasPending = user.status === 'pending';
  const { active, notices } = await deps.db.transaction(async (trx) => {
    const active = wasPending ? await updateUser(trx, user.id, { status: 'active' }) : user;
    const notices =
      wasPending && active.requested_account_type ? await announceTypeRequest(trx, active, active.requested_account_type) : [];
    return { active, notices };
  });
  await syncAutoMemberships(deps.db, active);
  // Group invitations mailed to this address before the account existed become its own now.
  await claimEmailInvitations(deps.db, active);
  return { user: active, notices };
}

/** Mails a reset link if the account exists; answers nothing either way. */
export async function requestPasswordReset(deps: Deps, email: string): Promise<void> {
  const user = await findUserByEmail(deps.db, email);
  if (!user || user.status === 'disabled') return;
  const token = await issueToken(deps, user.id, 'reset', RESET_TTL_MS);
  await deps.mailer.send({
    to: user.email,
    ...resetPasswordMail(user.first_name, `${deps.config.publicUrl}/reinitialiser?token=${token}`),
  });
}

/**
 * Sets a new password from a reset link and revokes every session of the user:
 * whoever knew the old password is out. Opening the link proves the address,
 * so a still-pending account becomes active.
 */
export async function confirmPasswordReset(deps: Deps, token: string, password: string): Promise<UserRow> {
  const row = await findToken(deps.db, 'reset', hashToken(token));
  const owner = row ? await findUserById(deps.db, row.user_id) : undefined;
  if (owner) assertPasswordRule(password, { firstName: owner.first_name, lastName: owner.last_name });
  const user = await consumeToken(deps, 'reset', token);
  if (user.status === 'disabled') throw new AppError('account_not_active', 403, 'Ce compte est désactivé.');
  const passwordHash = await hashPassword(password);
  return deps.db.transaction(async (trx) => {
    await revokeUserSessions(trx, user.id);
    return updateUser(trx, user.id, { password_hash: passwordHash, status: 'active' });
  });
}
