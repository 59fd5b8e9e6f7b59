import { expect } from 'chai';
import crypto from 'node:crypto';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';
import { peopleOn, type Person } from '../helpers/people';
import { lastMailTo } from '../helpers/outbox';
import { TEST_PASSWORD } from '../helpers/factories';
import { connect, emitAck } from '../helpers/sockets';

describe('accounts: a member changes their e-mail address; an admin deletes an account', () => {
  const s = useServer({ env: { LOGIN_RATE_PER_IP: '100000' } });
  const { person, as } = peopleOn(s);
  const anonymous = () => api(s.url);
  let admin: Person;

  before(async () => {
    admin = await person({ role: 'admin' });
  });

  const tokenOf = (to: string) => new URL(lastMailTo(s.outboxDir, to, '/confirmer-adresse')!.link!).searchParams.get('token');

  it('changes the address once the link mailed to the new one is opened; the old one gets a notice', async () => {
    const p = await person();
    const old = p.user.email;
    const next = `nouvelle-${crypto.randomBytes(3).toString('hex')}@exemple.fr`;
    expect((await as(p).post('/api/me/email', { email: next, password: 'Mauvais-1' })).body.error.code).to.equal('wrong_password');
    const res = await as(p).post('/api/me/email', { email: next, password: TEST_PASSWORD });
    expect(res.status).to.equal(202);
    expect(lastMailTo(s.outboxDir, old)?.mail.text).to.include(next);
    // Nothing changes before the link is opened.
    expect((await as(p).get('/api/me')).body.user.email).to.equal(old);
    const token = tokenOf(next);
    const done = await anonymous().post('/api/auth/email-change/confirm', { token });
    expect(done.body.user.email).to.equal(next);
    expect((await anonymous().post('/api/auth/login', { email: next, password: TEST_PASSWORD })).status).to.equal(200);
    expect((await anonymous().post('/api/auth/login', { email: old, password: TEST_PASSWORD })).status).to.equal(401);
    const again = await anonymous().post('/api/auth/email-change/confirm', { token });
    expect([again.status, again.body.error.code]).to.deep.equal([400, 'invalid_token']);
  });

  it('answers the same for an address that has an account (that address is told instead); an expired link says so', async () => {
    const p = await person();
    const taken = admin.user.email;
    expect((await as(p).post('/api/me/email', { email: taken, password: TEST_PASSWORD })).status).to.equal(202);
    expect(lastMailTo(s.outboxDir, taken)?.mail.subject).to.match(/déjà un compte/);
    expect(lastMailTo(s.outboxDir, taken, '/confirmer-adresse')?.link ?? null).to.equal(null);
    const next = `tard-${crypto.randomBytes(3).toString('hex')}@exemple.fr`;
    await as(p).post('/api/me/email', { email: next, password: TEST_PASSWORD });
    await s
      .db('email_changes')
      .where({ user_id: p.user.id })
      .update({ expires_at: new Date(Date.now() - 1000) });
    const late = await anonymous().post('/api/auth/email-change/confirm', { token: tokenOf(next) });
    expect(late.body.error.code).to.equal('token_expired');
  });

  it('an admin deletes an account: personal data erased, messages stay signed « Compte supprimé », sessions end', async () => {
    const gone = await person();
    // An animator: members may write directly to animators.
    const other = await person({ role: 'animator' });
    const dm = await emitAck(gone.socket, 'dm:open', { userId: other.user.id });
    const sent = await emitAck(gone.socket, 'message:send', {
      channelId: dm.channel.id,
      body: 'Un message qui reste',
      clientMsgId: crypto.randomUUID(),
    });
    expect(sent.ok).to.equal(true);
    expect((await as(other).delete(`/api/admin/users/${gone.user.id}`)).status).to.equal(403);
    expect((await as(admin).delete(`/api/admin/users/${admin.user.id}`)).status).to.equal(403);
    expect((await as(admin).delete(`/api/admin/users/${gone.user.id}`)).status).to.equal(204);
    const row = await s.db('users').where({ id: gone.user.id }).first();
    expect(row).to.include({ first_name: 'Compte', last_name: 'supprimé', status: 'disabled', phone: null });
    expect(row.email).to.not.equal(gone.user.email);
    expect((await as(gone).get('/api/me')).status).to.equal(401);
    const sync = await emitAck((await connect(s.url, other.token)) as never, 'channel:sync', { channelId: dm.channel.id, afterSeq: 0 });
    const msg: any = sync.messages.find((m: any) => m.body === 'Un message qui reste');
    // Full messages carry their author; lean ones (protocol 2) name it in `authors`.
    const author = msg?.author ?? sync.authors?.find((a: { id: number }) => a.id === msg?.authorId);
    expect(author?.displayName).to.equal('Compte supprimé');
    expect((await as(admin).delete(`/api/admin/users/${gone.user.id}`)).status).to.equal(404);
  });
});
