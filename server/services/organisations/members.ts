/**
 * An organisation's managers administer its people: list them, create an
 * account by function (invited by mail), rename, change the function,
 * disable or enable, give or take "gérer les membres", remove from the
 * organisation (the account stays, as a plain member of the network).
 * Every target goes through `accessOrganisationMember`: someone of another
 * organisation is `not_found`.
 */
import type { Deps } from '../../deps';
import type { OrganisationMember } from '../../protocol/organisations';
import { AppError, conflict, forbidden, ruleViolated } from '../../errors';
import { findUserByEmail, findUserById, updateUser, type UserRow } from '../../db/users';
import { revokeUserSessions } from '../../db/sessions';
import {
  deleteOrganisationMember,
  findOrganisationMember,
  organisationMembers,
  otherActiveManagers,
  setManagesMembers,
} from '../../db/organisation-members';
import { accessManagedOrganisation, accessOrganisationMember } from '../../access/organisations';
import { presentOrganisationMember } from '../../presenters/organisations';
import { organisationInvitationMail } from '../../mail-templates';
import { displayName } from '../../presenters/users';
import { NO_PASSWORD_HASH } from '../accounts/passwords';
import { createInvitedAccount, invitationLink } from './accounts';
import { reissueSetPasswordToken } from '../accounts/invitation-links';

export async function listOrganisationMembers(deps: Deps, actor: UserRow, organisationId: number): Promise<OrganisationMember[]> {
  await accessManagedOrganisation(deps.db, actor, organisationId);
  return (await organisationMembers(deps.db, organisationId, false)).map(presentOrganisationMember);
}

/** Creates a pending account in the organisation and mails its set-password link (7 days). */
export async function createOrganisationMember(
  deps: Deps,
  actor: UserRow,
  organisationId: number,
  input: { firstName: string; lastName: string; email: string; function: string; managesMembers: boolean },
): Promise<OrganisationMember> {
  const org = await accessManagedOrganisation(deps.db, actor, organisationId);
  if (await findUserByEmail(deps.db, input.email)) {
    throw new AppError('email_taken', 409, 'Un compte existe déjà avec cette adresse.', {
      fields: { email: 'Un compte existe déjà avec cette adresse.' },
    });
  }
  let created: { user: UserRow; token: string };
  try {
    created = await deps.db.transaction((trx) =>
      createInvitedAccount(trx, { ...input, departmentCode: org.department_code, employer: org.name, organisationId }),
    );
  } catch (err) {
    // Two managers creating the same address at once: the unique index decides.
    if (/unique|duplicate/i.test(String(err))) throw conflict('email_taken', 'Un compte existe déjà avec cette adresse.');
    throw err;
  }
  const mail = organisationInvitationMail(
    input.firstName,
    displayName(actor),
    org.name,
    input.function,
    invitationLink(deps, created.token),
  );
  await deps.mailer.send({ to: input.email, ...mail });
  return presentOrganisationMember((await findOrganisationMember(deps.db, organisationId, created.user.id))!);
}

/** What changed, for the route (a disabled or demoted person's sockets are closed). */
export interface MemberChange {
  member: OrganisationMember;
  disabledNow: boolean;
}

export async function changeOrganisationMember(
  deps: Deps,
  actor: UserRow,
  organisationId: number,
  userId: number,
  changes: { firstName?: string; lastName?: string; function?: string; disabled?: boolean; managesMembers?: boolean },
): Promise<MemberChange> {
  const target = await accessOrganisationMember(deps.db, actor, organisationId, userId);
  if (target.id === actor.id && (changes.disabled === true || changes.managesMembers === false)) {
    throw forbidden('Vous ne pouvez ni désactiver votre propre compte ni vous retirer le droit de gérer les membres.');
  }
  const losesManager = (changes.disabled === true || changes.managesMembers === false) && !!target.manages_members;
  if (losesManager && (await otherActiveManagers(deps.db, organisationId, target.id)) === 0) {
    throw ruleViolated('last_manager', 'L’organisation doit garder au moins un gestionnaire actif.');
  }
  const row: Partial<UserRow> = {};
  if (changes.firstName) row.first_name = changes.firstName;
  if (changes.lastName) row.last_name = changes.lastName;
  if (changes.function) row.job_title = changes.function;
  let disabledNow = false;
  if (changes.disabled === true && target.status !== 'disabled') {
    row.status = 'disabled';
    disabledNow = true;
  } else if (changes.disabled === false && target.status === 'disabled') {
    // Someone who never set a password stays pending: the invitation link still decides.
    row.status = target.password_hash === NO_PASSWORD_HASH ? 'pending' : 'active';
  }
  await deps.db.transaction(async (trx) => {
    if (disabledNow) await revokeUserSessions(trx, target.id);
    if (Object.keys(row).length) await updateUser(trx, target.id, row);
    if (changes.managesMembers !== undefined) await setManagesMembers(trx, organisationId, target.id, changes.managesMembers);
  });
  const member = (await findOrganisationMember(deps.db, organisationId, target.id))!;
  return { member: presentOrganisationMember(member), disabledNow };
}

/**
 * Mails a pending member a fresh set-password link (the previous one dies):
 * for a link that expired, or a mail that never arrived. An account already
 * activated (or disabled) has nothing to resend: 409 `account_active`.
 */
export async function resendOrganisationInvitation(deps: Deps, actor: UserRow, organisationId: number, userId: number): Promise<void> {
  const org = await accessManagedOrganisation(deps.db, actor, organisationId);
  const target = await accessOrganisationMember(deps.db, actor, organisationId, userId);
  if (target.status !== 'pending')
    throw conflict('account_active', 'Ce compte n’attend pas d’activation : il n’y a pas d’invitation à renvoyer.');
  const token = await reissueSetPasswordToken(deps.db, target.id);
  const link = invitationLink(deps, token);
  await deps.mailer.send({
    to: target.email,
    ...organisationInvitationMail(target.first_name, displayName(actor), org.name, target.job_title ?? '', link),
  });
}

/** Takes someone out of the organisation; their account stays, as any member's. */
export async function removeOrganisationMember(deps: Deps, actor: UserRow, organisationId: number, userId: number): Promise<UserRow> {
  const target = await accessOrganisationMember(deps.db, actor, organisationId, userId);
  if (target.id === actor.id) throw forbidden('Vous ne pouvez pas vous retirer vous-même de l’organisation.');
  if (target.manages_members && (await otherActiveManagers(deps.db, organisationId, target.id)) === 0) {
    throw ruleViolated('last_manager', 'L’organisation doit garder au moins un gestionnaire actif.');
  }
  await deleteOrganisationMember(deps.db, organisationId, target.id);
  return (await findUserById(deps.db, target.id))!;
}
