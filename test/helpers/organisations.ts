/** Organisations in tests: a request body, and an organisation accepted through the real routes with its manager signed in. */
import crypto from 'node:crypto';
import { expect } from 'chai';
import { api } from './http';
import { lastMailTo } from './outbox';
import type { TestServer } from './server';
import { withAntiRobot } from './anti-robot';

/** A valid request body (Villeurbanne, a SIRET whose Luhn sum holds), overridable. */
export function requestBody(o: Record<string, unknown> = {}) {
  const tag = crypto.randomBytes(3).toString('hex');
  return {
    type: 'mairie',
    name: `Mairie ${tag}`,
    communeCode: '69266',
    siret: null,
    website: 'www.mairie-exemple.fr',
    contactEmail: `accueil-${tag}@mairie.fr`,
    contactPhone: '04 72 00 00 00',
    services: 'État civil, urbanisme.',
    firstName: 'Hélène',
    lastName: `Maire${tag}`,
    function: 'Maire',
    email: `maire-${tag}@mairie.fr`,
    ...o,
  };
}

/** The token of the last set-password link mailed to `email`. */
export function invitationToken(s: TestServer, email: string): string {
  const mail = lastMailTo(s.outboxDir, email, '/activer');
  expect(mail?.link, `set-password link mailed to ${email}`).to.be.a('string');
  return new URL(mail!.link!).searchParams.get('token')!;
}

/**
 * An organisation through the real flow: the public request, the admin's
 * acceptance, the manager's password, the manager's sign-in.
 */
export async function acceptedOrganisation(s: TestServer, adminToken: string, o: Record<string, unknown> = {}) {
  const body = requestBody(o);
  expect((await api(s.url).post('/api/organisation-requests', await withAntiRobot(s.url, body))).status).to.equal(202);
  const admin = api(s.url, { token: adminToken });
  const queue = await admin.get('/api/admin/organisation-requests');
  const req = queue.body.items.find((r: { requester: { email: string } }) => r.requester.email === body.email);
  const accepted = await admin.post(`/api/admin/organisation-requests/${req.id}/accept`);
  expect(accepted.status).to.equal(200);
  const password = 'Mairie-Secret-2026';
  const set = await api(s.url).post('/api/auth/invitation', { token: invitationToken(s, body.email), password });
  expect(set.status, JSON.stringify(set.body)).to.equal(200);
  const login = await api(s.url).post('/api/auth/login', { email: body.email, password });
  expect(login.status).to.equal(200);
  await api(s.url, { token: login.body.token }).post('/api/me/accept-terms');
  return {
    organisationId: accepted.body.organisationId as number,
    manager: { token: login.body.token as string, id: login.body.user.id as number, email: body.email },
    body,
  };
}

/** Files a request through the public route, with a solved anti-robot answer. */
export async function fileRequest(s: TestServer, body: Record<string, unknown>) {
  return api(s.url).post('/api/organisation-requests', await withAntiRobot(s.url, body));
}
