import { expect } from 'chai';
import crypto from 'node:crypto';
import { api } from '../helpers/http';
import { useServerOn } from '../helpers/suite';
import { makeUser, makeUserWithToken } from '../helpers/factories';
import { lastMailTo, readOutbox } from '../helpers/outbox';
import { withAntiRobot } from '../helpers/anti-robot';
import type { TestServer } from '../helpers/server';
import { acceptedOrganisation, invitationToken } from '../helpers/organisations';

const tag = () => crypto.randomBytes(3).toString('hex');

/** A sign-up body for `email` (anti-robot solved). */
async function signup(s: TestServer, email: string) {
  const t = tag();
  return withAntiRobot(s.url, {
    email,
    password: 'Domaine-Ok-2026',
    firstName: 'Rose',
    lastName: `Valland${t}`,
    username: `rose.${t}`,
    departmentCode: '35',
  });
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`sign-up rules (#21) on ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: allowed domains, welcome mail of admin-made accounts`, function () {
    this.timeout(60_000);
    const s = useServerOn(kind, { LOGIN_RATE_PER_IP: '100000' });
    let admin: { token: string };
    let member: { token: string };
    const asAdmin = () => api(s.url, { token: admin.token });

    before(async () => {
      admin = await makeUserWithToken(s.db, { role: 'admin', firstName: 'Ada', lastName: 'Admin' });
      member = await makeUserWithToken(s.db);
    });
    afterEach(async () => {
      await asAdmin().put('/api/admin/signup-rules', { allowedDomains: [] });
    });

    it('admins set the allowed domains (cleaned, sorted, without duplicates); anyone reads them; bad ones are field errors', async () => {
      expect((await api(s.url).get('/api/signup-rules')).body).to.deep.equal({ allowedDomains: [] });
      expect((await api(s.url).put('/api/admin/signup-rules', { allowedDomains: [] })).status).to.equal(401);
      expect((await api(s.url, { token: member.token }).put('/api/admin/signup-rules', { allowedDomains: ['x.fr'] })).status).to.equal(403);
      const bad = await asAdmin().put('/api/admin/signup-rules', { allowedDomains: ['rennes.fr', 'pas un domaine'] });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.code).to.equal('invalid_payload');
      expect(bad.body.error.details.fields).to.have.property('allowedDomains.1');
      expect((await api(s.url).get('/api/signup-rules')).body.allowedDomains).to.deep.equal([]);
      const set = await asAdmin().put('/api/admin/signup-rules', { allowedDomains: [' @Mairie-Rennes.FR', 'gouv.fr', 'mairie-rennes.fr'] });
      expect(set.status, JSON.stringify(set.body)).to.equal(200);
      expect(set.body.allowedDomains).to.deep.equal(['gouv.fr', 'mairie-rennes.fr']);
      expect((await api(s.url).get('/api/signup-rules')).body.allowedDomains).to.deep.equal(['gouv.fr', 'mairie-rennes.fr']);
    });

    it('refuses a sign-up outside the list with a clear field error, the same whether or not the address has an account', async () => {
      await asAdmin().put('/api/admin/signup-rules', { allowedDomains: ['mairie-rennes.fr'] });
      const owner = await makeUser(s.db, { email: `deja-${tag()}@ailleurs.fr` });
      const mailsBefore = readOutbox(s.outboxDir).length;
      const known = await api(s.url).post('/api/auth/register', await signup(s, owner.email));
      const unknown = await api(s.url).post('/api/auth/register', await signup(s, `nouveau-${tag()}@ailleurs.fr`));
      for (const res of [known, unknown]) {
        expect(res.status).to.equal(400);
        expect(res.body.error.code).to.equal('email_domain_not_allowed');
        expect(res.body.error.message).to.match(/réservées aux adresses @mairie-rennes\.fr/);
        expect(res.body.error.details.fields.email).to.equal(res.body.error.message);
        expect(res.body.error.details.allowedDomains).to.deep.equal(['mairie-rennes.fr']);
      }
      // Nothing tells the two apart: the same body, no mail to the owner, no account made.
      expect(known.body).to.deep.equal(unknown.body);
      expect(readOutbox(s.outboxDir).length).to.equal(mailsBefore);
      expect(await s.db('users').where('email', 'like', 'nouveau-%@ailleurs.fr').first()).to.equal(undefined);
    });

    it('lets in the allowed domain and its sub-domains; an empty list opens sign-up again', async () => {
      await asAdmin().put('/api/admin/signup-rules', { allowedDomains: ['gouv.fr'] });
      const sub = `agent-${tag()}@interieur.gouv.fr`;
      expect((await api(s.url).post('/api/auth/register', await signup(s, sub))).status).to.equal(201);
      expect(lastMailTo(s.outboxDir, sub, '/confirmer')?.link).to.be.a('string');
      // A look-alike is not a sub-domain.
      expect((await api(s.url).post('/api/auth/register', await signup(s, `x-${tag()}@fauxgouv.fr`))).status).to.equal(400);
      await asAdmin().put('/api/admin/signup-rules', { allowedDomains: [] });
      expect((await api(s.url).post('/api/auth/register', await signup(s, `libre-${tag()}@exemple.org`))).status).to.equal(201);
    });

    it('an account an admin creates is not bound by the list and gets a welcome mail whose link works once, for 7 days', async () => {
      await asAdmin().put('/api/admin/signup-rules', { allowedDomains: ['mairie-rennes.fr'] });
      const t = tag();
      const email = `bienvenue-${t}@partenaire.org`;
      const created = await asAdmin().post('/api/admin/users', {
        email,
        firstName: 'Léa',
        lastName: 'Roux',
        username: `lea.${t}`,
        departmentCode: '13',
      });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      expect(created.body.user.status).to.equal('pending');
      const mail = lastMailTo(s.outboxDir, email, '/activer?token=');
      expect(mail?.mail.subject).to.equal('Votre compte Maillage a été créé');
      expect(mail!.mail.text)
        .to.match(/Ada Admin/)
        .and.match(/valable 7 jours, une seule fois/);
      const token = new URL(mail!.link!).searchParams.get('token')!;
      const row = await s.db('one_time_tokens').where({ user_id: created.body.user.id, kind: 'invite' }).first();
      const ttl = new Date(row.expires_at).getTime() - Date.now();
      expect(ttl).to.be.within(7 * 86400_000 - 120_000, 7 * 86400_000 + 1000);
      // Before the link: no way in.
      const early = await api(s.url).post('/api/auth/login', { email, password: 'Bienvenue-2026' });
      expect(early.status).to.be.oneOf([401, 403]);
      const weak = await api(s.url).post('/api/auth/invitation', { token, password: 'court' });
      expect(weak.body.error.code).to.equal('invalid_payload');
      const set = await api(s.url).post('/api/auth/invitation', { token, password: 'Bienvenue-2026' });
      expect(set.status, JSON.stringify(set.body)).to.equal(200);
      expect(set.body.user.status).to.equal('active');
      expect((await api(s.url).post('/api/auth/login', { email, password: 'Bienvenue-2026' })).status).to.equal(200);
      const again = await api(s.url).post('/api/auth/invitation', { token, password: 'Autre-Mot-2026' });
      expect(again.body.error.code).to.equal('invalid_token');
      expect((await api(s.url).post('/api/auth/login', { email, password: 'Autre-Mot-2026' })).status).to.equal(401);
    });

    it('an expired welcome link is refused (token_expired); a provisional password makes the account active at once, mail still sent', async () => {
      const t = tag();
      const email = `tard-${t}@exemple.fr`;
      const created = await asAdmin().post('/api/admin/users', {
        email,
        firstName: 'Paul',
        lastName: 'Tard',
        username: `paul.${t}`,
        departmentCode: '29',
      });
      const token = new URL(lastMailTo(s.outboxDir, email, '/activer')!.link!).searchParams.get('token')!;
      await s
        .db('one_time_tokens')
        .where({ user_id: created.body.user.id, kind: 'invite' })
        .update({ expires_at: new Date(Date.now() - 1000) });
      const late = await api(s.url).post('/api/auth/invitation', { token, password: 'Expire-Lien-2026' });
      expect([late.status, late.body.error.code]).to.deep.equal([400, 'token_expired']);
      expect((await s.db('users').where({ id: created.body.user.id }).first()).status).to.equal('pending');

      const other = `provisoire-${t}@exemple.fr`;
      const withPassword = await asAdmin().post('/api/admin/users', {
        email: other,
        password: 'Provisoire-2026',
        firstName: 'Inès',
        lastName: 'Martel',
        username: `ines.${t}`,
        departmentCode: '29',
      });
      expect(withPassword.body.user.status).to.equal('active');
      expect(lastMailTo(s.outboxDir, other, '/activer?token=')?.mail.subject).to.equal('Votre compte Maillage a été créé');
    });

    it('a lost or expired link is sent again (admins, organisation managers): the new one works, the old one no longer', async () => {
      const t = tag();
      const email = `relance-${t}@exemple.fr`;
      const created = await asAdmin().post('/api/admin/users', {
        email,
        firstName: 'Rémi',
        lastName: 'Relance',
        username: `remi.${t}`,
        departmentCode: '29',
      });
      const first = invitationToken(s, email);
      expect((await api(s.url, { token: member.token }).post(`/api/admin/users/${created.body.user.id}/welcome`)).status).to.equal(403);
      expect((await asAdmin().post('/api/admin/users/999999/welcome')).status).to.equal(404);
      expect((await asAdmin().post(`/api/admin/users/${created.body.user.id}/welcome`)).status).to.equal(202);
      const second = invitationToken(s, email);
      expect(second).to.not.equal(first);
      expect((await api(s.url).post('/api/auth/invitation', { token: first, password: 'Vieux-Code-2026' })).body.error.code).to.equal(
        'invalid_token',
      );
      expect((await api(s.url).post('/api/auth/invitation', { token: second, password: 'Second-Lien-2026' })).status).to.equal(200);
      const active = await asAdmin().post(`/api/admin/users/${created.body.user.id}/welcome`);
      expect([active.status, active.body.error.code]).to.deep.equal([409, 'account_active']);

      const { organisationId, manager } = await acceptedOrganisation(s, admin.token);
      const staff = `secretaire-${t}@mairie.fr`;
      const asManager = api(s.url, { token: manager.token });
      const m = await asManager.post(`/api/organisations/${organisationId}/members`, {
        firstName: 'Sarah',
        lastName: 'Secr',
        email: staff,
        function: 'Secrétaire de mairie',
      });
      expect(m.status, JSON.stringify(m.body)).to.equal(201);
      const old = invitationToken(s, staff);
      expect((await asManager.post(`/api/organisations/${organisationId}/members/${m.body.id}/invitation`)).status).to.equal(202);
      const fresh = invitationToken(s, staff);
      expect(lastMailTo(s.outboxDir, staff)!.mail.text).to.include('Secrétaire de mairie');
      expect((await api(s.url).post('/api/auth/invitation', { token: old, password: 'Ancien-Lien-2026' })).body.error.code).to.equal(
        'invalid_token',
      );
      expect((await api(s.url).post('/api/auth/invitation', { token: fresh, password: 'Nouveau-Lien-2026' })).status).to.equal(200);
      const again = await asManager.post(`/api/organisations/${organisationId}/members/${m.body.id}/invitation`);
      expect(again.body.error.code).to.equal('account_active');
      // Someone of another organisation: not found.
      expect((await asManager.post(`/api/organisations/${organisationId}/members/${created.body.user.id}/invitation`)).status).to.equal(
        404,
      );
    });
  });
}
