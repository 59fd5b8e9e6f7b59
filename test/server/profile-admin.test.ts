import { expect } from 'chai';
import { api } from '../helpers/http';
import { lastMailTo, readOutbox, waitForOutbox } from '../helpers/outbox';
import { makeUser, makeUserWithToken, TEST_PASSWORD } from '../helpers/factories';
import { PNG, fileForm } from '../helpers/uploads';
import { ensureAdmin } from '../../server/bootstrap';
import { useServer } from '../helpers/suite';

describe('accounts: password reset, profile, avatar, terms, admin', () => {
  const s = useServer();

  it('password reset: always 202, single use, revokes every session', async () => {
    const u = await makeUser(s.db, { email: 'oubli@exemple.fr', firstName: 'Paul', lastName: 'Verne' });
    const old = await api(s.url).post('/api/auth/login', { email: u.email, password: TEST_PASSWORD });
    const before = readOutbox(s.outboxDir).length;
    const unknown = await api(s.url).post('/api/auth/password-reset', { email: 'inconnu@exemple.fr' });
    const known = await api(s.url).post('/api/auth/password-reset', { email: u.email });
    expect(unknown.status).to.equal(202);
    expect(known.status).to.equal(202);
    expect(known.body).to.deep.equal(unknown.body);
    expect((await waitForOutbox(s.outboxDir, before + 1)).length).to.equal(before + 1);
    const token = new URL(lastMailTo(s.outboxDir, u.email, '/reinitialiser')!.link!).searchParams.get('token');

    const weak = await api(s.url).post('/api/auth/password-reset/confirm', { token, password: 'PaulVerne-1' });
    expect(weak.status).to.equal(400);
    expect(weak.body.error.details.fields.password).to.contain('prénom');
    const ok = await api(s.url).post('/api/auth/password-reset/confirm', { token, password: 'Nouveau-Secret9' });
    expect(ok.status).to.equal(200);
    const reuse = await api(s.url).post('/api/auth/password-reset/confirm', { token, password: 'Encore-Autre9' });
    expect(reuse.body.error.code).to.equal('invalid_token');
    expect((await api(s.url, { token: old.body.token }).get('/api/me')).status).to.equal(401);
    expect((await api(s.url).post('/api/auth/login', { email: u.email, password: 'Nouveau-Secret9' })).status).to.equal(200);
  });

  it('an expired reset link says so', async () => {
    const u = await makeUser(s.db, { email: 'expire@exemple.fr' });
    const before = readOutbox(s.outboxDir).length;
    await api(s.url).post('/api/auth/password-reset', { email: u.email });
    await waitForOutbox(s.outboxDir, before + 1);
    const token = new URL(lastMailTo(s.outboxDir, u.email, '/reinitialiser')!.link!).searchParams.get('token');
    await s
      .db('one_time_tokens')
      .where({ user_id: u.id })
      .update({ expires_at: new Date(Date.now() - 1000) });
    const res = await api(s.url).post('/api/auth/password-reset/confirm', { token, password: 'Nouveau-Secret9' });
    expect(res.status).to.equal(400);
    expect(res.body.error.code).to.equal('token_expired');
  });

  it('blocks everything but /api/me until the terms are accepted', async () => {
    const { token } = await makeUserWithToken(s.db, { termsAccepted: false });
    const me = api(s.url, { token });
    expect((await me.get('/api/me')).body.user.termsAcceptedAt).to.equal(null);
    const blocked = await me.patch('/api/me', { city: 'Nantes' });
    expect(blocked.status).to.equal(403);
    expect(blocked.body.error.code).to.equal('terms_not_accepted');
    const accepted = await me.post('/api/me/accept-terms');
    expect(accepted.body.user.termsAcceptedAt).to.be.a('string');
    expect((await me.patch('/api/me', { city: 'Nantes' })).body.user.city).to.equal('Nantes');
  });

  it('edits my profile with validation', async () => {
    const { user, token } = await makeUserWithToken(s.db);
    const me = api(s.url, { token });
    const res = await me.patch('/api/me', { jobTitle: 'Conseillère numérique', departmentCode: '2a', phone: '' });
    expect(res.status).to.equal(200);
    expect(res.body.user).to.include({ jobTitle: 'Conseillère numérique', departmentCode: '2A', phone: null });
    expect((await s.db('users').where({ id: user.id }).first()).department_code).to.equal('2A');
    expect((await me.patch('/api/me', { departmentCode: '99' })).body.error.code).to.equal('invalid_payload');
    expect((await me.patch('/api/me', { role: 'admin' })).body.error.code).to.equal('invalid_payload');
    expect((await me.patch('/api/me', { firstName: '' })).status).to.equal(400);
  });

  it('accepts a PNG avatar checked from its bytes, refuses a disguised file and an oversized one', async () => {
    const { token } = await makeUserWithToken(s.db);
    const me = api(s.url, { token });
    const ok = await me.put('/api/me/avatar', fileForm(PNG, 'moi.png', 'image/png'));
    expect(ok.status).to.equal(200);
    expect(ok.body.user.avatarUrl).to.match(/^\/api\/users\/\d+\/avatar/);
    const img = await me.get(ok.body.user.avatarUrl);
    expect(img.status).to.equal(200);
    expect(img.headers.get('content-type')).to.equal('image/png');
    expect(img.headers.get('x-content-type-options')).to.equal('nosniff');

    const html = await me.put('/api/me/avatar', fileForm(Buffer.from('<html><script>alert(1)</script></html>'), 'photo.png', 'image/png'));
    expect(html.status).to.equal(415);
    expect(html.body.error.code).to.equal('unsupported_type');
    const big = await me.put('/api/me/avatar', fileForm(Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]), 'big.png', 'image/png'));
    expect(big.status).to.equal(413);
    expect(big.body.error.code).to.equal('too_large');
    expect((await api(s.url).put('/api/me/avatar', fileForm(PNG, 'x.png', 'image/png'))).status).to.equal(401);
  });

  it('bootstraps an admin from ADMIN_EMAIL / ADMIN_PASSWORD once', async () => {
    s.config.adminEmail = 'chef@exemple.fr';
    s.config.adminPassword = 'Bootstrap-2026';
    await ensureAdmin(s.app.deps);
    await ensureAdmin(s.app.deps);
    const admins = await s.db('users').where({ role: 'admin' });
    expect(admins).to.have.length(1);
    const login = await api(s.url).post('/api/auth/login', { email: 'chef@exemple.fr', password: 'Bootstrap-2026' });
    expect(login.status).to.equal(200);
    expect(login.body.user.role).to.equal('admin');
  });

  it('admin user management: search, create, change role, disable', async () => {
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const member = await makeUserWithToken(s.db, { lastName: 'Recherché' });
    const asAdmin = api(s.url, { token: admin.token });
    expect((await api(s.url, { token: member.token }).get('/api/admin/users')).status).to.equal(403);
    expect((await api(s.url).get('/api/admin/users')).status).to.equal(401);

    const found = await asAdmin.get('/api/admin/users?q=recherch');
    expect(found.body.items.map((u: { id: number }) => u.id)).to.deep.equal([member.user.id]);

    const created = await asAdmin.post('/api/admin/users', {
      email: 'partenaire@exemple.fr',
      password: 'Partenaire-1',
      firstName: 'Léa',
      lastName: 'Roux',
      username: 'lea.roux',
      departmentCode: '13',
      role: 'member',
      chatOnly: true,
    });
    expect(created.status).to.equal(201);
    expect(created.body.user).to.include({ status: 'active', chatOnly: true, role: 'member' });
    expect((await asAdmin.post('/api/admin/users', { email: 'x' })).body.error.code).to.equal('invalid_payload');

    const promoted = await asAdmin.patch(`/api/admin/users/${member.user.id}`, { role: 'animator' });
    expect(promoted.body.user.role).to.equal('animator');
    const disabled = await asAdmin.patch(`/api/admin/users/${member.user.id}`, { disabled: true });
    expect(disabled.body.user.status).to.equal('disabled');
    expect((await api(s.url, { token: member.token }).get('/api/me')).status).to.equal(401);
    const relogin = await api(s.url).post('/api/auth/login', { email: member.user.email, password: TEST_PASSWORD });
    expect(relogin.body.error.code).to.equal('account_not_active');
    expect((await asAdmin.patch('/api/admin/users/999999', { role: 'member' })).status).to.equal(404);
    expect((await asAdmin.patch(`/api/admin/users/${admin.user.id}`, { disabled: true })).status).to.equal(403);
  });
});
