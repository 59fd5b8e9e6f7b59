import { expect } from 'chai';
import crypto from 'node:crypto';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';
import { peopleOn, type Person } from '../helpers/people';
import { lastMailTo } from '../helpers/outbox';
import { ACCOUNT_TYPE_RIGHTS, rightsOf } from '../../server/access/account-types';
import { withAntiRobot } from '../helpers/anti-robot';

describe('account types: chosen at sign-up, validated by admins when needed, rights in one table', () => {
  const s = useServer({ env: { LOGIN_RATE_PER_IP: '100000' } });
  const { person, as } = peopleOn(s);
  const anonymous = () => api(s.url);
  let admin: Person;
  let member: Person;

  before(async () => {
    admin = await person({ role: 'admin' });
    member = await person();
  });

  /** Signs up with a type, confirms the address, signs in, accepts the terms; answers a client and the account's id. */
  async function signUp(accountType?: string) {
    const tag = crypto.randomBytes(3).toString('hex');
    const email = `pro-${tag}@exemple.fr`;
    const res = await anonymous().post(
      '/api/auth/register',
      await withAntiRobot(s.url, {
        email,
        password: 'Compte-Type-2026',
        firstName: 'Paul',
        lastName: `Pro${tag}`,
        username: `pro.${tag}`,
        departmentCode: '35',
        ...(accountType ? { accountType } : {}),
      }),
    );
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const link = new URL(lastMailTo(s.outboxDir, email, '/confirmer')!.link!);
    await anonymous().post('/api/auth/confirm', { token: link.searchParams.get('token') });
    const login = await anonymous().post('/api/auth/login', { email, password: 'Compte-Type-2026' });
    const client = api(s.url, { token: login.body.token });
    await client.post('/api/me/accept-terms');
    return { client, id: login.body.user.id as number, email };
  }

  it('lists the types for the sign-up form, without an account', async () => {
    const res = await anonymous().get('/api/account-types');
    expect(res.body.items.map((t: any) => [t.key, t.needsValidation])).to.deep.equal([
      ['membre', false],
      ['professionnel', true],
      ['createur', false],
      ['animateur_territorial', true],
    ]);
  });

  it('a type that needs validation waits in the admins’ queue; meanwhile the account is a basic member', async () => {
    const pro = await signUp('professionnel');
    expect((await pro.client.get('/api/me')).body.user).to.include({ accountType: 'membre', pendingAccountType: 'professionnel' });
    expect((await as(member).get('/api/admin/account-type-requests')).status).to.equal(403);
    const queue = await as(admin).get('/api/admin/account-type-requests');
    expect(queue.body.items.find((r: any) => r.userId === pro.id)).to.include({
      requestedType: 'professionnel',
      currentType: 'membre',
      requestedLabel: 'Professionnel de l’accompagnement',
    });
    expect((await as(admin).post(`/api/admin/account-type-requests/${pro.id}/accept`)).status).to.equal(200);
    expect(lastMailTo(s.outboxDir, pro.email)?.mail.subject).to.match(/est validé/);
    const me = await api(s.url, {
      token: (await anonymous().post('/api/auth/login', { email: pro.email, password: 'Compte-Type-2026' })).body.token,
    }).get('/api/me');
    expect(me.body.user).to.include({ accountType: 'professionnel', pendingAccountType: null });
    const again = await as(admin).post(`/api/admin/account-type-requests/${pro.id}/accept`);
    expect(again.status).to.equal(404);
  });

  it('refuses with a reason, mailed; the account stays a member', async () => {
    const other = await signUp('animateur_territorial');
    expect((await as(admin).post(`/api/admin/account-type-requests/${other.id}/refuse`, { reason: '' })).status).to.equal(400);
    await as(admin).post(`/api/admin/account-type-requests/${other.id}/refuse`, { reason: 'Aucune structure d’animation connue.' });
    expect(lastMailTo(s.outboxDir, other.email)?.mail.text).to.include('Aucune structure d’animation connue.');
    expect((await other.client.get('/api/me')).body.user).to.include({ accountType: 'membre', pendingAccountType: null });
  });

  it('a type without validation is in force at once, and its line of the table decides: a créateur writes no article', async () => {
    const creator = await signUp('createur');
    expect((await creator.client.get('/api/me')).body.user).to.include({ accountType: 'createur', pendingAccountType: null });
    const write = await creator.client.post('/api/articles', { title: 'Mon projet', summary: 'En bref.', body: 'Texte.', access: 'pro' });
    expect(write.status).to.equal(403);
    const pirate = await withAntiRobot(s.url, {
      email: 'x@exemple.fr',
      password: 'Compte-Type-2026',
      firstName: 'X',
      lastName: 'Y',
      username: 'x.y.z',
      departmentCode: '35',
      accountType: 'pirate',
    });
    expect((await anonymous().post('/api/auth/register', pirate)).body.error.details.fields.accountType).to.be.a('string');
  });

  it('a validated territorial animator publishes directly (the table’s right), a plain member goes through moderation', async () => {
    const anim = await signUp('animateur_territorial');
    await as(admin).post(`/api/admin/account-type-requests/${anim.id}/accept`);
    const login = await anonymous().post('/api/auth/login', { email: anim.email, password: 'Compte-Type-2026' });
    const body = { title: 'Atelier à Rennes', summary: 'Le 12 janvier.', body: 'Inscriptions ouvertes.', access: 'public', submit: true };
    expect((await api(s.url, { token: login.body.token }).post('/api/articles', body)).body.status).to.equal('published');
    expect((await as(member).post('/api/articles', body)).body.status).to.equal('submitted');
  });

  it('admins add and edit types; a new type has the basic member’s rights until the table gives it a line', async () => {
    expect((await as(member).post('/api/admin/account-types', { key: 'elu', label: 'Élu local' })).status).to.equal(403);
    const added = await as(admin).post('/api/admin/account-types', { key: 'elu', label: 'Élu', needsValidation: true });
    expect(added.status).to.equal(201);
    expect((await as(admin).post('/api/admin/account-types', { key: 'elu', label: 'Autre' })).status).to.equal(409);
    expect((await as(admin).patch('/api/admin/account-types/elu', { label: 'Élu local' })).body).to.deep.equal({
      key: 'elu',
      label: 'Élu local',
      needsValidation: true,
    });
    expect((await anonymous().get('/api/account-types')).body.items.pop()).to.include({ key: 'elu' });
    expect(rightsOf({ account_type: 'elu' })).to.deep.equal(ACCOUNT_TYPE_RIGHTS.membre);
  });
});
