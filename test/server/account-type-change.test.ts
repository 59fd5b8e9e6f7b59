import { expect } from 'chai';
import crypto from 'node:crypto';
import { api } from '../helpers/http';
import { useServerOn } from '../helpers/suite';
import { makeUserWithToken } from '../helpers/factories';
import { lastMailTo, readOutbox } from '../helpers/outbox';
import { withAntiRobot } from '../helpers/anti-robot';
import { connect, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { fileRequest, requestBody } from '../helpers/organisations';
import { runNotificationMail } from '../../server/jobs/notification-mail';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`account type change and admins' notices (#16) on ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`, function () {
    this.timeout(60_000);
    const s = useServerOn(kind, { LOGIN_RATE_PER_IP: '100000' });
    let admin: Awaited<ReturnType<typeof makeUserWithToken>>;
    let admin2: Awaited<ReturnType<typeof makeUserWithToken>>;
    const as = (u: { token: string }) => api(s.url, { token: u.token });
    /** The admin's notices of `kind` about `match`. */
    const noticesOf = async (who: { token: string }, kind: string) =>
      ((await as(who).get('/api/notifications?limit=50')).body.items as { kind: string; data: any }[]).filter((n) => n.kind === kind);

    before(async () => {
      admin = await makeUserWithToken(s.db, { role: 'admin', firstName: 'Ada' });
      admin2 = await makeUserWithToken(s.db, { role: 'admin', firstName: 'Alan' });
    });

    it('a member asks for a type that needs validation: it waits, the current rights stay, admins are told live and by mail', async () => {
      const creator = await makeUserWithToken(s.db, { firstName: 'Céline', lastName: 'Créatrice' });
      await s.db('users').where({ id: creator.user.id }).update({ account_type: 'createur' });
      const adminSocket = await connect(s.url, admin.token);
      const memberSocket = await connect(s.url, creator.token);
      const live = waitForEvent(
        adminSocket,
        'notification',
        (n: any) => n.kind === 'account_type_requested' && n.data.userId === creator.user.id,
      );
      const quiet = expectNoEvent(memberSocket, 'notification', (n: any) => n.kind === 'account_type_requested', 500);
      const res = await as(creator).post('/api/me/account-type', { accountType: 'animateur_territorial' });
      expect(res.status, JSON.stringify(res.body)).to.equal(202);
      expect(res.body.status).to.equal('pending');
      expect(res.body.user).to.include({ accountType: 'createur', pendingAccountType: 'animateur_territorial' });
      expect((await live).data).to.include({ requestedType: 'animateur_territorial', requestedLabel: 'Animateur territorial' });
      await quiet;
      for (const a of [admin, admin2]) expect(await noticesOf(a, 'account_type_requested')).to.have.length.at.least(1);
      // Meanwhile the rights are the current type's: a "créateur" still writes no article.
      const article = { title: 'Essai', summary: 'Un essai.', body: 'Texte.', access: 'pro' };
      expect((await as(creator).post('/api/articles', article)).status).to.equal(403);
      // The queue shows the current type and when it was asked.
      const item = (await as(admin).get('/api/admin/account-type-requests')).body.items.find((r: any) => r.userId === creator.user.id);
      expect(item).to.include({ currentType: 'createur', requestedType: 'animateur_territorial' });
      expect(Date.now() - new Date(item.createdAt).getTime()).to.be.below(60_000);
      // The admins get it by mail too (the notification-mail job, their default rhythm).
      await runNotificationMail(s.app.deps, new Date(Date.now() + 3600_000));
      const mail = readOutbox(s.outboxDir).find(
        (m) => m.to.includes(admin.user.email) && /Céline Créatrice demande le type de compte/.test(m.text),
      );
      expect(mail, 'mail to the admin').to.not.equal(undefined);
      expect(mail!.text).to.include('/admin/types-de-compte');
      // An admin accepts: the type is in force.
      expect((await as(admin).post(`/api/admin/account-type-requests/${creator.user.id}/accept`)).status).to.equal(200);
      expect((await as(creator).get('/api/me')).status).to.equal(200);
      const me = (await as(creator).get('/api/me')).body.user;
      expect(me).to.include({ accountType: 'animateur_territorial', pendingAccountType: null });
      expect((await as(creator).post('/api/articles', { ...article, submit: true })).body.status).to.equal('published');
      adminSocket.close();
      memberSocket.close();
    });

    it('a refusal keeps the current type (said in the mail); a type without validation is in force at once; bad requests are field errors', async () => {
      const m = await makeUserWithToken(s.db, { firstName: 'Marc' });
      await s.db('users').where({ id: m.user.id }).update({ account_type: 'createur' });
      expect((await as(m).post('/api/me/account-type', { accountType: 'professionnel' })).status).to.equal(202);
      // Asking again for the same type changes nothing (no second notice).
      const before = (await noticesOf(admin, 'account_type_requested')).length;
      expect((await as(m).post('/api/me/account-type', { accountType: 'professionnel' })).status).to.equal(202);
      expect((await noticesOf(admin, 'account_type_requested')).length).to.equal(before);
      await as(admin).post(`/api/admin/account-type-requests/${m.user.id}/refuse`, { reason: 'Aucune structure connue.' });
      expect(lastMailTo(s.outboxDir, m.user.email)!.mail.text)
        .to.match(/Aucune structure connue/)
        .and.match(/type actuel : « Créateur/);
      expect((await as(m).get('/api/me')).body.user).to.include({ accountType: 'createur', pendingAccountType: null });

      const unknown = await as(m).post('/api/me/account-type', { accountType: 'inconnu' });
      expect([unknown.status, unknown.body.error.code]).to.deep.equal([400, 'invalid_payload']);
      expect(unknown.body.error.details.fields).to.have.property('accountType');
      const same = await as(m).post('/api/me/account-type', { accountType: 'createur' });
      expect(same.body.error.details.fields.accountType).to.equal('C’est déjà votre type de compte.');
      expect((await as(m).post('/api/me/account-type', {})).status).to.equal(400);
      expect((await api(s.url).post('/api/me/account-type', { accountType: 'membre' })).status).to.equal(401);

      const now = await as(m).post('/api/me/account-type', { accountType: 'membre' });
      expect([now.status, now.body.status, now.body.user.accountType]).to.deep.equal([200, 'changed', 'membre']);
    });

    it('a member withdraws a request still waiting; none: 404; the queue no longer lists it', async () => {
      const m = await makeUserWithToken(s.db);
      expect((await as(m).delete('/api/me/account-type-request')).status).to.equal(404);
      await as(m).post('/api/me/account-type', { accountType: 'professionnel' });
      const gone = await as(m).delete('/api/me/account-type-request');
      expect([gone.status, gone.body.user.pendingAccountType]).to.deep.equal([200, null]);
      const queue = (await as(admin).get('/api/admin/account-type-requests')).body.items;
      expect(queue.find((r: any) => r.userId === m.user.id)).to.equal(undefined);
      // A decision arriving afterwards finds nothing to decide.
      expect((await as(admin).post(`/api/admin/account-type-requests/${m.user.id}/accept`)).status).to.equal(404);
    });

    it('a type asked for at sign-up is announced to the admins once the address is confirmed', async () => {
      const t = crypto.randomBytes(3).toString('hex');
      const email = `pro-${t}@exemple.fr`;
      const body = {
        email,
        password: 'Compte-Pro-2026',
        firstName: 'Paule',
        lastName: `Pro${t}`,
        username: `paule.${t}`,
        departmentCode: '35',
        accountType: 'professionnel',
      };
      expect((await api(s.url).post('/api/auth/register', await withAntiRobot(s.url, body))).status).to.equal(201);
      const id = (await s.db('users').where({ email }).first()).id;
      const told = async () => (await noticesOf(admin, 'account_type_requested')).filter((n) => n.data.userId === id).length;
      expect(await told()).to.equal(0);
      const token = new URL(lastMailTo(s.outboxDir, email, '/confirmer')!.link!).searchParams.get('token');
      expect((await api(s.url).post('/api/auth/confirm', { token })).status).to.equal(200);
      expect(await told()).to.equal(1);
    });

    it('a new organisation request: every admin gets a notice (live, then by mail), a member does not', async () => {
      const member = await makeUserWithToken(s.db);
      const adminSocket = await connect(s.url, admin2.token);
      const body = requestBody();
      const live = waitForEvent(adminSocket, 'notification', (n: any) => n.kind === 'organisation_requested' && n.data.name === body.name);
      expect((await fileRequest(s, body)).status).to.equal(202);
      const n = await live;
      expect(n.data.requester.displayName).to.equal(`${body.firstName} ${body.lastName}`);
      expect((await noticesOf(admin, 'organisation_requested')).some((x) => x.data.name === body.name)).to.equal(true);
      expect(await noticesOf(member, 'organisation_requested')).to.deep.equal([]);
      await runNotificationMail(s.app.deps, new Date(Date.now() + 3600_000));
      const mail = readOutbox(s.outboxDir).find((m) => m.to.includes(admin2.user.email) && m.text.includes(body.name));
      expect(mail?.text).to.include('/admin/organisations');
      adminSocket.close();
    });
  });
}

describe('the directory shows professionals (ACCOUNT_TYPE_RIGHTS.listedAsProfessional) and filters on them', () => {
  const s = useServerOn('sqlite');
  it('a validated professional carries `professional: true`; `?professional=true` lists only them; a pending request gives nothing yet', async () => {
    const viewer = await makeUserWithToken(s.db);
    const pro = await makeUserWithToken(s.db, { lastName: 'Annuairepro' });
    const waiting = await makeUserWithToken(s.db, { lastName: 'Annuaireattente' });
    await s.db('users').where({ id: pro.user.id }).update({ account_type: 'professionnel' });
    await s.db('users').where({ id: waiting.user.id }).update({ requested_account_type: 'professionnel' });
    const all = await api(s.url, { token: viewer.token }).get('/api/directory?q=annuaire');
    const flags = Object.fromEntries(all.body.items.map((m: any) => [m.id, m.professional]));
    expect(flags).to.deep.equal({ [pro.user.id]: true, [waiting.user.id]: false });
    const pros = await api(s.url, { token: viewer.token }).get('/api/directory?q=annuaire&professional=true');
    expect(pros.body.items.map((m: any) => m.id)).to.deep.equal([pro.user.id]);
    expect((await api(s.url, { token: viewer.token }).get(`/api/users/${pro.user.id}`)).body.professional).to.equal(true);
    expect((await api(s.url, { token: viewer.token }).get('/api/directory?professional=peut-etre')).status).to.equal(400);
  });
});
