/**
 * Access requests: the public form files one, admins accept it (the
 * organisation, its first manager's account and a set-password link) or
 * refuse it with a reason; the requester is told by mail either way.
 */
import type { Deps } from '../../deps';
import type { OrganisationRequestInput } from '../../protocol/organisations';
import { AppError, conflict, notFound } from '../../errors';
import type { UserRow } from '../../db/users';
import { findUserByEmail } from '../../db/users';
import { findOrganisationBySiret, insertOrganisation } from '../../db/organisations';
import { insertOrganisationMember, membershipOf } from '../../db/organisation-members';
import {
  decideOrganisationRequest,
  findOrganisationRequest,
  insertOrganisationRequest,
  listOrganisationRequests,
  type OrganisationRequestRow,
  type OrganisationRequestStatus,
} from '../../db/organisation-requests';
import { organisationAcceptedMail, organisationRefusedMail, organisationRequestReceivedMail } from '../../mail-templates';
import { createInvitedAccount, invitationLink } from './accounts';
import { sheetColumns } from './sheet';
import { notifyAdmins } from '../notifications/admin-notices';
import type { NotificationRow } from '../../db/notifications';

/**
 * Files a request from the public form, tells the admins (notices answered,
 * to push after the commit) and acknowledges it to the requester by mail.
 */
export async function submitOrganisationRequest(
  deps: Deps,
  input: OrganisationRequestInput,
): Promise<{ request: OrganisationRequestRow; notices: NotificationRow[] }> {
  const sheet = sheetColumns(input);
  const { row, notices } = await deps.db.transaction(async (trx) => {
    const row = await insertOrganisationRequest(trx, {
      type: sheet.type,
      name: sheet.name,
      commune_code: sheet.commune_code,
      siret: sheet.siret,
      website: sheet.website,
      contact_email: sheet.contact_email,
      contact_phone: sheet.contact_phone,
      services: sheet.services,
      requester_first_name: input.firstName,
      requester_last_name: input.lastName,
      requester_function: input.function,
      requester_email: input.email,
    });
    const notices = await notifyAdmins(trx, 'organisation_requested', {
      requestId: row.id,
      name: row.name,
      requester: { displayName: `${input.firstName} ${input.lastName}`, function: input.function },
    });
    return { row, notices };
  });
  await deps.mailer.send({ to: input.email, ...organisationRequestReceivedMail(input.firstName, input.name) });
  return { request: row, notices };
}

export const listRequests = (deps: Deps, status: OrganisationRequestStatus) => listOrganisationRequests(deps.db, status);

async function pendingRequest(deps: Deps, id: number): Promise<OrganisationRequestRow> {
  const row = await findOrganisationRequest(deps.db, id);
  if (!row) throw notFound('Demande');
  if (row.status !== 'pending') throw conflict('request_decided', 'Cette demande a déjà été traitée.');
  return row;
}

const alreadyDecided = () => conflict('request_decided', 'Cette demande a déjà été traitée.');

/**
 * Accepts a request in one transaction: the organisation, then its first
 * manager. A requester who already has an account (not in another
 * organisation) becomes the manager with it and signs in as usual; otherwise a
 * pending account is made and its set-password link mailed (7 days, single use).
 */
export async function acceptOrganisationRequest(deps: Deps, actor: UserRow, id: number): Promise<OrganisationRequestRow> {
  const req = await pendingRequest(deps, id);
  if (req.siret && (await findOrganisationBySiret(deps.db, req.siret))) {
    throw conflict('siret_taken', 'Une organisation avec ce SIRET existe déjà dans l’annuaire.');
  }
  const existing = await findUserByEmail(deps.db, req.requester_email);
  if (existing && (await membershipOf(deps.db, existing.id))) {
    throw new AppError('email_taken', 409, 'Le demandeur appartient déjà à une autre organisation.');
  }
  const { token } = await deps.db.transaction(async (trx) => {
    const org = await insertOrganisation(trx, {
      type: req.type,
      name: req.name,
      commune_code: req.commune_code,
      department_code: sheetDepartment(req),
      siret: req.siret,
      website: req.website,
      contact_email: req.contact_email,
      contact_phone: req.contact_phone,
      services: req.services,
    });
    if (!(await decideOrganisationRequest(trx, req.id, { status: 'accepted', by: actor.id, reason: null, organisationId: org.id }))) {
      throw alreadyDecided();
    }
    if (existing) {
      await insertOrganisationMember(trx, { organisationId: org.id, userId: existing.id, managesMembers: true });
      return { token: null };
    }
    return createInvitedAccount(trx, {
      email: req.requester_email,
      firstName: req.requester_first_name,
      lastName: req.requester_last_name,
      function: req.requester_function,
      departmentCode: org.department_code,
      employer: org.name,
      organisationId: org.id,
      managesMembers: true,
    });
  });
  const link = token ? invitationLink(deps, token) : `${deps.config.publicUrl}/connexion`;
  await deps.mailer.send({ to: req.requester_email, ...organisationAcceptedMail(req.requester_first_name, req.name, link) });
  return (await findOrganisationRequest(deps.db, id))!;
}

/** The département of a request's commune (checked when it was filed). */
function sheetDepartment(req: OrganisationRequestRow): string {
  return sheetColumns({
    type: req.type as never,
    name: req.name,
    communeCode: req.commune_code,
    siret: null,
    website: null,
    contactEmail: null,
    contactPhone: null,
    services: null,
  }).department_code;
}

/** Refuses a request; the reason is mailed to the requester. */
export async function refuseOrganisationRequest(deps: Deps, actor: UserRow, id: number, reason: string): Promise<OrganisationRequestRow> {
  const req = await pendingRequest(deps, id);
  if (!(await decideOrganisationRequest(deps.db, req.id, { status: 'refused', by: actor.id, reason, organisationId: null }))) {
    throw alreadyDecided();
  }
  await deps.mailer.send({ to: req.requester_email, ...organisationRefusedMail(req.requester_first_name, req.name, reason) });
  return (await findOrganisationRequest(deps.db, id))!;
}
