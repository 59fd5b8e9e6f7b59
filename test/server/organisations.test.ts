import { expect } from 'chai';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';
import { peopleOn, type Person } from '../helpers/people';
import { lastMailTo, readOutbox } from '../helpers/outbox';
import { acceptedOrganisation, fileRequest, invitationToken, requestBody } from '../helpers/organisations';
import { siretIsValid } from '../../server/protocol/organisations';
import { withAntiRobot } from '../helpers/anti-robot';

/** A request body without the requester: the sheet a manager edits. */
function sheetOf(body: Record<string, unknown>) {
  const { firstName: _f, lastName: _l, function: _fn, email: _e, ...sheet } = body;
  return sheet;
}

describe('organisations: access requests, the directory, and members managed by their organisation', () => {
  const s = useServer({ env: { LOGIN_RATE_PER_IP: '100000' } });
  const { person, as } = peopleOn(s);
  const anonymous = () => api(s.url);
  let admin: Person;
  let member: Person;

  before(async () => {
    admin = await person({ role: 'admin' });
    member = await person();
  });

  it('checks a SIRET: 14 digits whose Luhn sum holds (La Poste: a digit sum multiple of 5)', () => {
    expect(siretIsValid('73282932000074')).to.equal(true);
    expect(siretIsValid('73282932000075')).to.equal(false);
    expect(siretIsValid('7328293200007')).to.equal(false);
    expect(siretIsValid('35600000000006')).to.equal(true);
    expect(siretIsValid('35600000000007')).to.equal(false);
  });

  it('refuses a request with a wrong SIRET, an unknown commune or a javascript: site, field by field in French', async () => {
    const bad = await fileRequest(s, requestBody({ siret: '7328 2932 0000 75' }));
    expect([bad.status, bad.body.error.code]).to.deep.equal([400, 'invalid_payload']);
    expect(bad.body.error.details.fields.siret).to.match(/SIRET n’est pas valide/);
    const commune = await fileRequest(s, requestBody({ communeCode: '99999' }));
    expect(commune.body.error.details.fields.communeCode).to.be.a('string');
    const site = await fileRequest(s, requestBody({ website: 'javascript:alert(1)' }));
    expect(site.body.error.details.fields.website).to.match(/Adresse web invalide/);
    const type = await fileRequest(s, requestBody({ type: 'secte' }));
    expect(type.body.error.details.fields.type).to.be.a('string');
  });

  it('files a request without an account, acknowledges it by mail, and shows it only in the admins’ queue', async () => {
    const body = requestBody({ siret: '21690123100011' });
    const robot = await anonymous().post('/api/organisation-requests', body);
    expect([robot.status, robot.body.error.code]).to.deep.equal([400, 'anti_robot_required']);
    const withAnswer = await withAntiRobot(s.url, body);
    const res = await anonymous().post('/api/organisation-requests', withAnswer);
    expect(res.status).to.equal(202);
    // The answer is spent: the same one again is refused.
    expect((await anonymous().post('/api/organisation-requests', withAnswer)).body.error.code).to.equal('anti_robot_replayed');
    expect(lastMailTo(s.outboxDir, body.email)?.mail.subject).to.match(/Demande d'accès reçue/);
    expect((await as(member).get('/api/admin/organisation-requests')).status).to.equal(403);
    expect((await anonymous().get('/api/admin/organisation-requests')).status).to.equal(401);
    const queue = await as(admin).get('/api/admin/organisation-requests');
    const mine = queue.body.items.find((r: any) => r.requester.email === body.email);
    expect(mine).to.deep.include({ status: 'pending', type: 'mairie', siret: '21690123100011', website: 'https://www.mairie-exemple.fr' });
    expect(mine.commune).to.deep.equal({ code: '69266', name: 'Villeurbanne', departmentCode: '69' });
    expect((await as(member).post(`/api/admin/organisation-requests/${mine.id}/accept`)).status).to.equal(403);
  });

  it('accepts: the organisation, its manager’s pending account, a 7-day single-use set-password link; then the manager signs in', async () => {
    const body = requestBody({ siret: '21350238800019' });
    await fileRequest(s, body);
    const req = (await as(admin).get('/api/admin/organisation-requests')).body.items.find((r: any) => r.requester.email === body.email);
    const accepted = await as(admin).post(`/api/admin/organisation-requests/${req.id}/accept`);
    expect(accepted.body).to.include({ status: 'accepted' });
    const org = await s.db('organisations').where({ id: accepted.body.organisationId }).first();
    expect(org).to.include({ name: body.name, department_code: '69', siret: '21350238800019' });
    const account = await s.db('users').where({ email: body.email }).first();
    expect(account).to.include({ status: 'pending', job_title: 'Maire', employer: body.name, department_code: '69' });
    const link = await s.db('organisation_members').where({ user_id: account.id }).first();
    expect(Number(link.organisation_id)).to.equal(org.id);
    expect(!!link.manages_members).to.equal(true);
    const token = await s.db('one_time_tokens').where({ user_id: account.id, kind: 'invite' }).first();
    const ttlDays = (new Date(token.expires_at).getTime() - Date.now()) / 86_400_000;
    expect(ttlDays).to.be.within(6.9, 7.01);
    // No password works before the link is used.
    expect((await anonymous().post('/api/auth/login', { email: body.email, password: 'Mairie-Secret-2026' })).status).to.equal(401);
    const t = invitationToken(s, body.email);
    const weak = await anonymous().post('/api/auth/invitation', { token: t, password: 'court' });
    expect(weak.status).to.equal(400);
    const set = await anonymous().post('/api/auth/invitation', { token: t, password: 'Mairie-Secret-2026' });
    expect(set.body.user).to.include({ status: 'active', email: body.email });
    const again = await anonymous().post('/api/auth/invitation', { token: t, password: 'Mairie-Secret-2027' });
    expect([again.status, again.body.error.code]).to.deep.equal([400, 'invalid_token']);
    expect((await anonymous().post('/api/auth/login', { email: body.email, password: 'Mairie-Secret-2026' })).status).to.equal(200);
    // Decided once: a second decision is refused, and the same SIRET cannot make a second organisation.
    expect(
      (await as(admin).post(`/api/admin/organisation-requests/${req.id}/refuse`, { reason: 'Doublon de demande.' })).body.error.code,
    ).to.equal('request_decided');
    await fileRequest(s, requestBody({ siret: '21350238800019' }));
    const dup = (await as(admin).get('/api/admin/organisation-requests')).body.items.find((r: any) => r.siret === '21350238800019');
    expect((await as(admin).post(`/api/admin/organisation-requests/${dup.id}/accept`)).body.error.code).to.equal('siret_taken');
  });

  it('an expired invitation link says so (token_expired)', async () => {
    const body = requestBody();
    await fileRequest(s, body);
    const req = (await as(admin).get('/api/admin/organisation-requests')).body.items.find((r: any) => r.requester.email === body.email);
    await as(admin).post(`/api/admin/organisation-requests/${req.id}/accept`);
    const account = await s.db('users').where({ email: body.email }).first();
    await s
      .db('one_time_tokens')
      .where({ user_id: account.id, kind: 'invite' })
      .update({ expires_at: new Date(Date.now() - 1000) });
    const res = await anonymous().post('/api/auth/invitation', { token: invitationToken(s, body.email), password: 'Mairie-Secret-2026' });
    expect([res.status, res.body.error.code]).to.deep.equal([400, 'token_expired']);
  });

  it('refuses with a reason, mailed to the requester; no organisation, no account', async () => {
    const body = requestBody();
    await fileRequest(s, body);
    const req = (await as(admin).get('/api/admin/organisation-requests')).body.items.find((r: any) => r.requester.email === body.email);
    expect((await as(admin).post(`/api/admin/organisation-requests/${req.id}/refuse`, { reason: '' })).status).to.equal(400);
    const refused = await as(admin).post(`/api/admin/organisation-requests/${req.id}/refuse`, {
      reason: 'Structure hors du périmètre du réseau.',
    });
    expect(refused.body).to.include({ status: 'refused', reason: 'Structure hors du périmètre du réseau.', organisationId: null });
    expect(lastMailTo(s.outboxDir, body.email)?.mail.text).to.include('Structure hors du périmètre du réseau.');
    expect(await s.db('users').where({ email: body.email }).first()).to.equal(undefined);
    const decided = await as(admin).get('/api/admin/organisation-requests?status=refused');
    expect(decided.body.items.map((r: any) => r.id)).to.include(req.id);
  });

  describe('an organisation’s managers and its members', () => {
    let a: Awaited<ReturnType<typeof acceptedOrganisation>>;
    let b: Awaited<ReturnType<typeof acceptedOrganisation>>;
    const mgr = () => api(s.url, { token: a.manager.token });

    before(async () => {
      a = await acceptedOrganisation(s, admin.token, { name: 'Mairie de Saint-Alban', services: 'Cantine scolaire' });
      b = await acceptedOrganisation(s, admin.token, { name: 'CCAS de Bron', type: 'ccas', communeCode: '69029' });
    });

    it('creates an account by function (any function allowed) and mails its set-password link; the sheet lists active members only', async () => {
      const created = await mgr().post(`/api/organisations/${a.organisationId}/members`, {
        firstName: 'Sophie',
        lastName: 'Martin',
        email: 'sophie.martin@saint-alban.fr',
        function: 'Secrétaire de mairie',
      });
      expect(created.status).to.equal(201);
      expect(created.body).to.include({
        displayName: 'Sophie Martin',
        function: 'Secrétaire de mairie',
        status: 'pending',
        managesMembers: false,
      });
      const mail = lastMailTo(s.outboxDir, 'sophie.martin@saint-alban.fr', '/activer');
      expect(mail?.mail.text).to.include('Mairie de Saint-Alban').and.include('Secrétaire de mairie').and.include('7 jours');
      const other = await mgr().post(`/api/organisations/${a.organisationId}/members`, {
        firstName: 'Paul',
        lastName: 'Garde',
        email: 'paul.garde@saint-alban.fr',
        function: 'Garde champêtre',
      });
      expect(other.status).to.equal(201);
      const taken = await mgr().post(`/api/organisations/${a.organisationId}/members`, {
        firstName: 'X',
        lastName: 'Y',
        email: member.user.email,
        function: 'DGS',
      });
      expect([taken.status, taken.body.error.code]).to.deep.equal([409, 'email_taken']);
      const list = await mgr().get(`/api/organisations/${a.organisationId}/members`);
      expect(list.body.items.map((m: any) => m.email)).to.include.members([
        'sophie.martin@saint-alban.fr',
        'paul.garde@saint-alban.fr',
        a.manager.email,
      ]);
      const sheet = await as(member).get(`/api/organisations/${a.organisationId}`);
      expect(sheet.body).to.include({ name: 'Mairie de Saint-Alban', canManage: false, memberCount: 1 });
      expect(sheet.body.members.map((m: any) => m.function)).to.deep.equal(['Maire']);
      expect(sheet.body.members[0]).to.not.have.property('email');
      expect((await mgr().get(`/api/organisations/${a.organisationId}`)).body.canManage).to.equal(true);
    });

    it('never reaches another organisation’s people: 404 for a manager of another one, 403 for its own plain members', async () => {
      const sophie = await s.db('users').where({ email: 'sophie.martin@saint-alban.fr' }).first();
      const other = api(s.url, { token: b.manager.token });
      expect((await other.get(`/api/organisations/${a.organisationId}/members`)).status).to.equal(404);
      expect((await other.patch(`/api/organisations/${a.organisationId}/members/${sophie.id}`, { disabled: true })).status).to.equal(404);
      expect((await other.delete(`/api/organisations/${a.organisationId}/members/${sophie.id}`)).status).to.equal(404);
      expect((await other.patch(`/api/organisations/${a.organisationId}`, sheetOf(requestBody()))).status).to.equal(404);
      // Through their own organisation's path, someone of another organisation is not found either.
      expect((await other.patch(`/api/organisations/${b.organisationId}/members/${sophie.id}`, { disabled: true })).status).to.equal(404);
      expect((await other.delete(`/api/organisations/${b.organisationId}/members/${a.manager.id}`)).status).to.equal(404);
      expect((await as(member).get(`/api/organisations/${a.organisationId}/members`)).status).to.equal(404);
      expect((await s.db('users').where({ id: sophie.id }).first()).status).to.equal('pending');
      // Sophie sets her password and signs in: a plain member of her organisation gets 403.
      const setPw = await api(s.url).post('/api/auth/invitation', {
        token: invitationToken(s, sophie.email),
        password: 'Mairie-Clef-2026',
      });
      expect(setPw.status, JSON.stringify(setPw.body)).to.equal(200);
      const login = await api(s.url).post('/api/auth/login', { email: sophie.email, password: 'Mairie-Clef-2026' });
      const sophieApi = api(s.url, { token: login.body.token });
      await sophieApi.post('/api/me/accept-terms');
      expect((await sophieApi.get('/api/me/organisation')).body.organisation).to.include({ id: a.organisationId, managesMembers: false });
      expect((await sophieApi.get(`/api/organisations/${a.organisationId}/members`)).status).to.equal(403);
      // Given the right, she manages; taken back, she no longer does.
      expect(
        (await mgr().patch(`/api/organisations/${a.organisationId}/members/${sophie.id}`, { managesMembers: true })).body.managesMembers,
      ).to.equal(true);
      expect((await sophieApi.get(`/api/organisations/${a.organisationId}/members`)).status).to.equal(200);
      expect((await mgr().patch(`/api/organisations/${a.organisationId}/members/${sophie.id}`, { managesMembers: false })).status).to.equal(
        200,
      );
      expect((await sophieApi.get(`/api/organisations/${a.organisationId}/members`)).status).to.equal(403);
    });

    it('edits, disables (sessions end), enables, and removes a member; a manager cannot lock themself out, nor leave no manager', async () => {
      const sophie = await s.db('users').where({ email: 'sophie.martin@saint-alban.fr' }).first();
      const path = `/api/organisations/${a.organisationId}/members/${sophie.id}`;
      const renamed = await mgr().patch(path, { function: 'DGS', lastName: 'Martin-Roux' });
      expect(renamed.body).to.include({ function: 'DGS', displayName: 'Sophie Martin-Roux' });
      const login = await api(s.url).post('/api/auth/login', { email: sophie.email, password: 'Mairie-Clef-2026' });
      expect((await mgr().patch(path, { disabled: true })).body.status).to.equal('disabled');
      expect((await api(s.url, { token: login.body.token }).get('/api/me')).status).to.equal(401);
      expect((await mgr().patch(path, { disabled: false })).body.status).to.equal('active');
      const self = `/api/organisations/${a.organisationId}/members/${a.manager.id}`;
      expect((await mgr().patch(self, { disabled: true })).status).to.equal(403);
      expect((await mgr().patch(self, { managesMembers: false })).status).to.equal(403);
      expect((await mgr().delete(self)).status).to.equal(403);
      // A platform admin may act on any organisation, but not leave it without a manager.
      expect((await as(admin).patch(self, { managesMembers: false })).body.error.code).to.equal('last_manager');
      expect((await mgr().delete(path)).status).to.equal(204);
      expect(await s.db('organisation_members').where({ user_id: sophie.id }).first()).to.equal(undefined);
      expect((await s.db('users').where({ id: sophie.id }).first()).status).to.equal('active');
      expect((await mgr().patch(path, { function: 'Maire' })).status).to.equal(404);
    });

    it('lets managers edit the sheet, and the directory finds organisations by name, service or type', async () => {
      const sheet = sheetOf(requestBody({ name: 'Mairie de Saint-Alban', services: 'Cantine scolaire, périscolaire' }));
      const edited = await mgr().patch(`/api/organisations/${a.organisationId}`, { ...sheet, siret: '1234' });
      expect(edited.body.error.details.fields.siret).to.be.a('string');
      expect((await mgr().patch(`/api/organisations/${a.organisationId}`, sheet)).body.services).to.equal('Cantine scolaire, périscolaire');
      expect((await as(member).patch(`/api/organisations/${a.organisationId}`, sheet)).status).to.equal(404);
      const byName = await as(member).get('/api/organisations?q=saint-alban');
      expect(byName.body.items.map((o: any) => o.name)).to.deep.equal(['Mairie de Saint-Alban']);
      const byService = await as(member).get('/api/organisations?q=périscolaire');
      expect(byService.body.items.map((o: any) => o.id)).to.deep.equal([a.organisationId]);
      const byType = await as(member).get('/api/organisations?type=ccas');
      expect(byType.body.items.map((o: any) => o.id))
        .to.include(b.organisationId)
        .and.not.include(a.organisationId);
      expect(byType.body.items[0].commune.name).to.equal('Bron');
      const chatOnly = await person({ chatOnly: true });
      expect((await as(chatOnly).get('/api/organisations')).status).to.equal(403);
      expect((await anonymous().get('/api/organisations')).status).to.equal(401);
      expect(readOutbox(s.outboxDir).length).to.be.greaterThan(0);
    });
  });
});
