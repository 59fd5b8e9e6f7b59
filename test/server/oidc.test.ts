import { expect } from 'chai';
import { useServer } from '../helpers/suite';
import { api } from '../helpers/http';
import { makeUser, makeUserWithToken } from '../helpers/factories';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider';
import { CookieJar, jarFetch, signInThroughProvider } from '../helpers/oidc-flow';
import type { TestServer } from '../helpers/server';

const PEOPLE = {
  nouvelle: { email: 'nadia.nouvelle@agents.gouv.fr', given_name: 'Nadia', usual_name: 'Nouvelle' },
  existant: { email: 'eric.existant@agents.gouv.fr', given_name: 'Éric', usual_name: 'Existant' },
  nonverifie: { email: 'ulysse.nonverifie@agents.gouv.fr', email_verified: false, given_name: 'Ulysse', usual_name: 'Nonverifie' },
  pending: { email: 'paul.pending@agents.gouv.fr', given_name: 'Paul', usual_name: 'Pending' },
};

const sessionCookie = (jar: CookieJar, s: TestServer) => jar.get(new URL(s.url).host, 'maillage_session');

describe('ProConnect / OpenID Connect sign-in', function () {
  this.timeout(30000);
  let op: TestOidcProvider;
  before(async () => {
    op = await startOidcProvider(PEOPLE, () => s.url);
  });
  after(async () => op?.close());
  const s = useServer({ configure: (c) => (c.oidc = op.config()) });

  it('offers the provider, and sends the browser there with PKCE, state and nonce', async () => {
    expect((await api(s.url).get('/api/auth/providers')).body).to.deep.equal({
      oidc: { name: 'ProConnect', startUrl: '/api/auth/oidc/start' },
    });
    const res = await jarFetch(new CookieJar(), `${s.url}/api/auth/oidc/start?next=/groupes`);
    expect(res.status).to.equal(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin).to.equal(op.issuer);
    expect(to.searchParams.get('code_challenge_method')).to.equal('S256');
    for (const p of ['code_challenge', 'state', 'nonce']) expect(to.searchParams.get(p), p).to.have.length.greaterThan(20);
    expect(to.searchParams.get('redirect_uri')).to.equal(`${s.url}/api/auth/oidc/callback`);
  });

  it('a first sign-in asks the département once, then makes an active account that must accept the terms', async () => {
    const jar = new CookieJar();
    const landed = await signInThroughProvider(jar, s.url, 'nouvelle', `${s.url}/api/auth/oidc/start?next=/groupes`);
    expect(landed).to.match(/^\/connexion\/proconnect\?inscription=/);
    expect(sessionCookie(jar, s)).to.equal(undefined);
    const signup = new URLSearchParams(landed.split('?')[1]).get('inscription')!;
    const guest = api(s.url);
    expect((await guest.get(`/api/auth/oidc/signup?signup=${encodeURIComponent(signup)}`)).body).to.deep.equal({
      email: 'nadia.nouvelle@agents.gouv.fr',
      firstName: 'Nadia',
      lastName: 'Nouvelle',
    });
    const bad = await guest.post('/api/auth/oidc/signup', { signup, departmentCode: '999' });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.code).to.equal('invalid_payload');

    const done = await guest.post('/api/auth/oidc/signup', { signup, departmentCode: '29' });
    expect(done.status).to.equal(201);
    expect(done.body.user).to.include({ email: 'nadia.nouvelle@agents.gouv.fr', departmentCode: '29', termsAcceptedAt: null });
    expect(done.body.next).to.equal('/groupes');
    const row = await s.db('users').where({ email: 'nadia.nouvelle@agents.gouv.fr' }).first();
    expect(row).to.include({ status: 'active', username: 'nadia.nouvelle', first_name: 'Nadia', last_name: 'Nouvelle' });
    const session = await s.db('sessions').where({ user_id: row.id }).first();
    expect(session).to.include({ acr: 'eidas1', amr: 'pwd mfa' });
    expect(session.id_token).to.be.a('string');
    // Terms first, as for any new account.
    expect((await api(s.url, { token: done.body.token }).get('/api/channels')).body.error.code).to.equal('terms_not_accepted');
    // The ticket was single use.
    expect((await guest.post('/api/auth/oidc/signup', { signup, departmentCode: '29' })).body.error.code).to.equal('invalid_token');

    // The next sign-in goes straight in, département not asked again.
    const again = new CookieJar();
    expect(await signInThroughProvider(again, s.url, 'nouvelle')).to.equal('/');
    const me = await api(s.url, { cookie: `maillage_session=${sessionCookie(again, s)}` }).get('/api/me');
    expect(me.body.user.id).to.equal(row.id);
    // PostgreSQL answers count(*) as a string (bigint), SQLite as a number.
    const identities = await s.db('user_identities').where({ user_id: row.id }).count({ n: '*' }).first();
    expect(Number(identities?.n)).to.equal(1);
  });

  it('an account without a password confirms its deletion by a fresh ProConnect sign-in (10 minutes)', async () => {
    const jar = new CookieJar();
    await signInThroughProvider(jar, s.url, 'nouvelle');
    const cookie = `maillage_session=${sessionCookie(jar, s)}`;
    const row = await s.db('users').where({ email: PEOPLE.nouvelle.email }).first();
    const session = await s.db('sessions').where({ user_id: row.id }).orderBy('id', 'desc').first();
    await s
      .db('sessions')
      .where({ id: session.id })
      .update({ created_at: new Date(Date.now() - 20 * 60_000) });
    const stale = await api(s.url, { cookie }).post('/api/me/deletion', {});
    expect([stale.status, stale.body.error.code]).to.deep.equal([422, 'reauthentication_required']);
    await s.db('sessions').where({ id: session.id }).update({ created_at: new Date() });
    const ok = await api(s.url, { cookie }).post('/api/me/deletion', {});
    expect(ok.status).to.equal(202);
    // Signing in again through the provider cancels it, as a password sign-in would.
    await signInThroughProvider(new CookieJar(), s.url, 'nouvelle');
    expect((await s.db('users').where({ id: row.id }).first()).deletion_requested_at).to.equal(null);
  });

  it('links an existing account by its verified e-mail, and confirms a pending one', async () => {
    const existing = await makeUser(s.db, { email: PEOPLE.existant.email });
    const jar = new CookieJar();
    expect(await signInThroughProvider(jar, s.url, 'existant')).to.equal('/');
    const me = await api(s.url, { cookie: `maillage_session=${sessionCookie(jar, s)}` }).get('/api/me');
    expect(me.body.user.id).to.equal(existing.id);
    expect(await s.db('user_identities').where({ user_id: existing.id }).first()).to.include({ issuer: op.issuer, subject: 'existant' });

    const pending = await makeUser(s.db, { email: PEOPLE.pending.email, status: 'pending' });
    expect(await signInThroughProvider(new CookieJar(), s.url, 'pending')).to.equal('/');
    expect((await s.db('users').where({ id: pending.id }).first()).status).to.equal('active');
  });

  it('never links by an unverified e-mail', async () => {
    const owner = await makeUser(s.db, { email: PEOPLE.nonverifie.email });
    expect(await signInThroughProvider(new CookieJar(), s.url, 'nonverifie')).to.equal('/connexion?erreur=oidc_email_unverified');
    expect(await s.db('user_identities').where({ user_id: owner.id }).first()).to.equal(undefined);
  });

  it('refuses a callback whose state does not match, or that has no attempt', async () => {
    const jar = new CookieJar();
    const start = await jarFetch(jar, `${s.url}/api/auth/oidc/start`);
    const auth = new URL(start.headers.get('location')!);
    auth.searchParams.set('state', 'un-autre-etat-forge-par-un-attaquant');
    // The provider sends the forged state back as it received it; our check must refuse it.
    expect(await signInThroughProvider(jar, s.url, 'existant', auth.href)).to.equal('/connexion?erreur=oidc_failed');
    const bare = await jarFetch(new CookieJar(), `${s.url}/api/auth/oidc/callback?code=abc&state=def`);
    expect(bare.status).to.equal(302);
    expect(bare.headers.get('location')).to.equal('/connexion?erreur=oidc_failed');
  });

  it('logout ends the provider session too; a password session has no provider logout', async () => {
    const jar = new CookieJar();
    await signInThroughProvider(jar, s.url, 'existant');
    const out = await api(s.url, { cookie: `maillage_session=${sessionCookie(jar, s)}` }).post('/api/auth/logout');
    expect(out.status).to.equal(200);
    const url = new URL(out.body.logoutUrl);
    expect(url.origin).to.equal(op.issuer);
    expect(url.searchParams.get('id_token_hint')).to.be.a('string');
    expect(url.searchParams.get('post_logout_redirect_uri')).to.equal(`${s.url}/connexion`);
    const local = await makeUserWithToken(s.db);
    expect((await api(s.url, { token: local.token }).post('/api/auth/logout')).body).to.deep.equal({ ok: true, logoutUrl: null });
  });

  it('the département step: unknown ticket 400, bad body 400', async () => {
    const guest = api(s.url);
    expect((await guest.get('/api/auth/oidc/signup?signup=inconnu-0123456789')).body.error.code).to.equal('invalid_token');
    expect((await guest.post('/api/auth/oidc/signup', { departmentCode: '29' })).body.error.code).to.equal('invalid_payload');
  });
});

describe('OpenID Connect sign-in, not configured', function () {
  const s = useServer();

  it('shows no provider, and its routes answer 404', async () => {
    const guest = api(s.url);
    expect((await guest.get('/api/auth/providers')).body).to.deep.equal({ oidc: null });
    expect((await guest.get('/api/auth/oidc/start')).status).to.equal(404);
    expect((await guest.get('/api/auth/oidc/callback?code=a&state=b')).status).to.equal(404);
    expect((await guest.post('/api/auth/oidc/signup', { signup: 'x'.repeat(20), departmentCode: '29' })).status).to.equal(404);
  });
});
