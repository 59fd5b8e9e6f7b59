import { expect } from 'chai';
import { api } from '../helpers/http';
import { lastMailTo, readOutbox } from '../helpers/outbox';
import { makeUser, makeUserWithToken, TEST_PASSWORD } from '../helpers/factories';
import { useServer } from '../helpers/suite';
import { withAntiRobot } from '../helpers/anti-robot';

const signup = (o: Record<string, unknown> = {}) => ({
  email: 'Marie.Curie@Exemple.fr',
  password: 'Radium-1898',
  firstName: 'Marie',
  lastName: 'Curie',
  username: 'marie.curie',
  departmentCode: '75',
  civility: 'mme',
  employer: 'Mairie de Paris',
  ...o,
});

describe('accounts: sign-up, confirmation, login, logout', () => {
  const s = useServer();

  it('registers a pending account and mails a confirmation link that activates it once', async () => {
    const anon = api(s.url);
    const res = await anon.post('/api/auth/register', await withAntiRobot(s.url, signup()));
    expect(res.status).to.equal(201);
    expect(res.body.user).to.include({ email: 'marie.curie@exemple.fr', status: 'pending', username: 'marie.curie' });
    const row = await s.db('users').where({ email: 'marie.curie@exemple.fr' }).first();
    expect(row.status).to.equal('pending');
    expect(row.password_hash).to.match(/^scrypt\$/);

    const pending = await anon.post('/api/auth/login', { email: 'marie.curie@exemple.fr', password: 'Radium-1898' });
    expect(pending.status).to.equal(403);
    expect(pending.body.error.code).to.equal('account_not_active');

    const found = lastMailTo(s.outboxDir, 'marie.curie@exemple.fr', '/confirmer');
    expect(found?.mail.subject).to.contain('Confirmez');
    const token = new URL(found!.link!).searchParams.get('token');
    const ok = await anon.post('/api/auth/confirm', { token });
    expect(ok.status).to.equal(200);
    expect(ok.body.user.status).to.equal('active');
    const again = await anon.post('/api/auth/confirm', { token });
    expect(again.status).to.equal(400);
    expect(again.body.error.code).to.equal('invalid_token');

    const login = await anon.post('/api/auth/login', { email: 'MARIE.CURIE@exemple.fr', password: 'Radium-1898' });
    expect(login.status).to.equal(200);
    expect(login.body.token).to.be.a('string');
    expect(login.headers.get('set-cookie')).to.match(/maillage_session=.*httponly/i);
    expect(login.body.user.termsAcceptedAt).to.equal(null);
  });

  it('answers a duplicate e-mail exactly like a new one and mails the owner instead', async () => {
    const owner = await makeUser(s.db, { email: 'deja@exemple.fr' });
    const before = readOutbox(s.outboxDir).length;
    const fresh = await api(s.url).post(
      '/api/auth/register',
      await withAntiRobot(s.url, signup({ email: 'nouveau@exemple.fr', username: 'nouveau' })),
    );
    const dup = await api(s.url).post(
      '/api/auth/register',
      await withAntiRobot(s.url, signup({ email: 'deja@exemple.fr', username: 'autre.nom' })),
    );
    expect(dup.status).to.equal(fresh.status);
    expect(Object.keys(dup.body.user).sort()).to.deep.equal(Object.keys(fresh.body.user).sort());
    expect(dup.body.user.status).to.equal('pending');
    expect(readOutbox(s.outboxDir).length).to.equal(before + 2);
    expect(lastMailTo(s.outboxDir, owner.email)!.mail.subject).to.contain('déjà un compte');
    expect(await s.db('users').where({ email: 'deja@exemple.fr' })).to.have.length(1);
  });

  it('rejects bad sign-up input with invalid_payload and field messages', async () => {
    const anon = api(s.url);
    const weak = await anon.post(
      '/api/auth/register',
      await withAntiRobot(s.url, signup({ email: 'a@exemple.fr', username: 'weakling', password: 'marie-curie1' })),
    );
    expect(weak.status).to.equal(400);
    expect(weak.body.error.code).to.equal('invalid_payload');
    expect(weak.body.error.details.fields.password).to.contain('majuscule');
    const withName = await anon.post(
      '/api/auth/register',
      await withAntiRobot(s.url, signup({ email: 'b@exemple.fr', username: 'named', password: 'XxCurie-2024' })),
    );
    expect(withName.body.error.details.fields.password).to.contain('prénom');
    const badMail = await anon.post('/api/auth/register', await withAntiRobot(s.url, signup({ email: 'pas-une-adresse' })));
    expect(badMail.status).to.equal(400);
    expect(badMail.body.error.details.fields).to.have.property('email');
    const badDept = await anon.post(
      '/api/auth/register',
      await withAntiRobot(s.url, signup({ email: 'c@exemple.fr', username: 'baddept', departmentCode: '00' })),
    );
    expect(badDept.status).to.equal(400);
    expect(badDept.body.error.details.fields).to.have.property('departmentCode');
    const junk = await anon.post('/api/auth/register', '{not json');
    expect(junk.status).to.equal(400);
    expect(junk.body.error.code).to.equal('invalid_payload');
    const taken = await anon.post(
      '/api/auth/register',
      await withAntiRobot(s.url, signup({ email: 'd@exemple.fr', username: 'marie.curie' })),
    );
    expect(taken.status).to.equal(409);
    expect(taken.body.error.code).to.equal('username_taken');
  });

  it('refuses wrong passwords and unknown addresses alike, and rate-limits an account', async () => {
    const u = await makeUser(s.db, { email: 'cible@exemple.fr' });
    const anon = api(s.url);
    const wrong = await anon.post('/api/auth/login', { email: u.email, password: 'Nope-12345' });
    const unknown = await anon.post('/api/auth/login', { email: 'personne@exemple.fr', password: 'Nope-12345' });
    expect(wrong.status).to.equal(401);
    expect(unknown.status).to.equal(401);
    expect(wrong.body).to.deep.equal(unknown.body);
    // Past a few failures the account's logins also ask for the anti-robot check (anti-robot.test.ts): answer it.
    for (let i = 0; i < 12; i++) await anon.post('/api/auth/login', await withAntiRobot(s.url, { email: u.email, password: 'Nope-12345' }));
    const limited = await anon.post('/api/auth/login', await withAntiRobot(s.url, { email: u.email, password: TEST_PASSWORD }));
    expect(limited.status).to.equal(429);
    expect(limited.body.error.code).to.equal('rate_limited');
    expect(limited.headers.get('retry-after')).to.match(/^\d+$/);
  });

  it('logs out: the token and the cookie stop working', async () => {
    await makeUser(s.db, { email: 'sortie@exemple.fr' });
    const login = await api(s.url).post('/api/auth/login', { email: 'sortie@exemple.fr', password: TEST_PASSWORD });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const viaCookie = api(s.url, { cookie });
    expect((await viaCookie.get('/api/me')).status).to.equal(200);
    const out = await api(s.url, { token: login.body.token }).post('/api/auth/logout');
    expect(out.status).to.equal(200);
    expect((await api(s.url, { token: login.body.token }).get('/api/me')).status).to.equal(401);
    expect((await viaCookie.get('/api/me')).status).to.equal(401);
    expect((await api(s.url).post('/api/auth/logout')).body.error.code).to.equal('unauthorized');
  });

  it('refuses a cookie-authenticated change from another origin (CSRF)', async () => {
    await makeUser(s.db, { email: 'csrf@exemple.fr' });
    const login = await api(s.url).post('/api/auth/login', { email: 'csrf@exemple.fr', password: TEST_PASSWORD });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const evil = await api(s.url, { cookie }).patch('/api/me', { city: 'Ailleurs' }, { origin: 'https://evil.example' });
    expect(evil.status).to.equal(403);
    expect(evil.body.error.code).to.equal('bad_origin');
    const good = await api(s.url, { cookie }).patch('/api/me', { city: 'Lyon' });
    expect(good.status).to.equal(200);
    const bearer = await api(s.url, { token: login.body.token }).patch('/api/me', { city: 'Lyon 3e' });
    expect(bearer.status).to.equal(200);
  });

  it('serves every département, Corsica and overseas included', async () => {
    const res = await api(s.url).get('/api/departments');
    expect(res.status).to.equal(200);
    const codes = res.body.map((d: { code: string }) => d.code);
    for (const c of ['01', '2A', '2B', '95', '971', '972', '973', '974', '976']) expect(codes).to.include(c);
    expect(codes).to.not.include('20');
    expect(res.body.find((d: { code: string }) => d.code === '69')).to.deep.equal({ code: '69', name: 'Rhône', regionCode: '84' });
  });

  it('answers a JSON not_found for an unknown API route, and unauthorized without a session', async () => {
    expect((await api(s.url).get('/api/nothing-here')).body.error.code).to.equal('not_found');
    const me = await api(s.url).get('/api/me');
    expect(me.status).to.equal(401);
    expect(me.body.error.code).to.equal('unauthorized');
    const { token } = await makeUserWithToken(s.db);
    expect((await api(s.url, { token: token + 'x' }).get('/api/me')).status).to.equal(401);
  });
});
