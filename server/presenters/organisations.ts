import type { OrganisationRow } from '../db/organisations';
import type { MemberWithAccount } from '../db/organisation-members';
import type { OrganisationRequestRow } from '../db/organisation-requests';
import type {
  Organisation,
  OrganisationCommune,
  OrganisationMember,
  OrganisationPerson,
  OrganisationRequest,
  OrganisationSummary,
  OrganisationType,
} from '../protocol/organisations';
import { displayName } from './users';
import { iso } from './time';

/** The commune's name and département, looked up by the caller (services/reports/communes.ts). */
export type CommuneLookup = (code: string) => OrganisationCommune;

export function presentOrganisationSummary(o: OrganisationRow, memberCount: number, commune: CommuneLookup): OrganisationSummary {
  return { id: o.id, type: o.type as OrganisationType, name: o.name, commune: commune(o.commune_code), memberCount };
}

export const presentOrganisationPerson = (m: MemberWithAccount): OrganisationPerson => ({
  id: m.id,
  displayName: displayName(m),
  function: m.job_title,
});

export function presentOrganisation(
  o: OrganisationRow,
  members: MemberWithAccount[],
  canManage: boolean,
  commune: CommuneLookup,
): Organisation {
  return {
    ...presentOrganisationSummary(o, members.length, commune),
    siret: o.siret,
    website: o.website,
    contactEmail: o.contact_email,
    contactPhone: o.contact_phone,
    services: o.services,
    members: members.map(presentOrganisationPerson),
    canManage,
  };
}

export const presentOrganisationMember = (m: MemberWithAccount): OrganisationMember => ({
  ...presentOrganisationPerson(m),
  firstName: m.first_name,
  lastName: m.last_name,
  email: m.email,
  status: m.status,
  managesMembers: !!m.manages_members,
});

export const presentOrganisationRequest = (r: OrganisationRequestRow, commune: CommuneLookup): OrganisationRequest => ({
  id: r.id,
  status: r.status,
  type: r.type as OrganisationType,
  name: r.name,
  commune: commune(r.commune_code),
  siret: r.siret,
  website: r.website,
  contactEmail: r.contact_email,
  contactPhone: r.contact_phone,
  services: r.services,
  requester: {
    firstName: r.requester_first_name,
    lastName: r.requester_last_name,
    function: r.requester_function,
    email: r.requester_email,
  },
  reason: r.reason,
  organisationId: r.organisation_id,
  createdAt: iso(r.created_at),
  decidedAt: r.decided_at ? iso(r.decided_at) : null,
});
