import { expect } from 'chai';
import type { TestServer } from '../helpers/server';
import { api } from '../helpers/http';
import { makeUserWithToken, TEST_PASSWORD } from '../helpers/factories';
import { uniqueDepartment } from '../helpers/contacts';
import { useServerOn } from '../helpers/suite';
import { connect, emitAck } from '../helpers/sockets';
import { readOutbox } from '../helpers/outbox';
import { readZip } from '../helpers/zip';
import { PNG, fileForm } from '../helpers/uploads';
import { eraseDueAccounts, DELETION_GRACE_MS } from '../../server/services/accounts/deletion';
import { startAccountErasure } from '../../server/jobs/account-erasure';
import { purgeExpiredArchives } from '../../server/services/accounts/personal-data-archives';
import { settleBackground } from '../../server/background';

const DAY = 86400_000;

/** Two people of the same département, one of whom wrote in its channel. */
async function writerAndReader(s: TestServer) {
  const dep = uniqueDepartment();
  const writer = await makeUserWithToken(s.db, { departmentCode: dep });
  const reader = await makeUserWithToken(s.db, { departmentCode: dep });
  const channels = (await api(s.url, { token: writer.token }).get('/api/channels')).body as { id: number; kind: string }[];
  const channelId = channels.find((c) => c.kind === 'departmental')!.id;
  const socket = await connect(s.url, writer.token);
  const ack = await emitAck(socket, 'message:send', {
    channelId,
    body: 'Bonjour à tous, voici le compte rendu.',
    clientMsgId: `m-${writer.user.id}`,
  });
  expect(ack.ok, JSON.stringify(ack)).to.equal(true);
  socket.close();
  return { writer, reader, channelId, messageId: ack.message.id as number };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`personal data on ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: deletion with grace, erasure, export`, function () {
    this.timeout(30000);
    const s = useServerOn(kind);

    it('POST /api/me/deletion: 401 signed out, 400 bad body, 422 wrong password (still signed in)', async () => {
      const u = await makeUserWithToken(s.db);
      expect((await api(s.url).post('/api/me/deletion', { password: TEST_PASSWORD })).status).to.equal(401);
      const me = api(s.url, { token: u.token });
      const bad = await me.post('/api/me/deletion', { password: 12 });
      expect([bad.status, bad.body.error.code]).to.deep.equal([400, 'invalid_payload']);
      const wrong = await me.post('/api/me/deletion', { password: 'pas-le-bon' });
      expect([wrong.status, wrong.body.error.code]).to.deep.equal([422, 'wrong_password']);
      expect((await me.get('/api/me')).status).to.equal(200);
      expect((await s.db('users').where({ id: u.user.id }).first()).deletion_requested_at).to.equal(null);
    });

    it('asks again for the password, signs out everywhere, mails the date; signing in during the grace cancels it', async () => {
      const u = await makeUserWithToken(s.db);
      const other = await makeUserWithToken(s.db, { email: `autre-${u.user.id}@exemple.fr` });
      const res = await api(s.url, { token: u.token }).post('/api/me/deletion', { password: TEST_PASSWORD });
      expect(res.status).to.equal(202);
      const erasesAt = Date.parse(res.body.erasesAt);
      expect(erasesAt - Date.now()).to.be.within(DELETION_GRACE_MS - 60_000, DELETION_GRACE_MS);
      expect((await api(s.url, { token: u.token }).get('/api/me')).status).to.equal(401);
      expect((await api(s.url, { token: other.token }).get('/api/me')).status).to.equal(200);
      expect(
        readOutbox(s.outboxDir)
          .filter((m) => m.to === u.user.email)
          .map((m) => m.subject),
      ).to.include('Suppression de votre compte Maillage programmée');

      const login = await api(s.url).post('/api/auth/login', { email: u.user.email, password: TEST_PASSWORD });
      expect(login.status).to.equal(200);
      expect((await s.db('users').where({ id: u.user.id }).first()).deletion_requested_at).to.equal(null);
      expect(
        readOutbox(s.outboxDir)
          .filter((m) => m.to === u.user.email)
          .map((m) => m.subject),
      ).to.include('Suppression de votre compte Maillage annulée');
      // Cancelled: the grace period passing erases nothing.
      expect(await eraseDueAccounts(s.app.deps, new Date(Date.now() + DELETION_GRACE_MS + DAY))).to.not.include(u.user.id);
    });

    it('after 14 days the personal data is erased, and messages stay, signed "Compte supprimé"', async () => {
      const { writer, reader, channelId, messageId } = await writerAndReader(s);
      expect((await api(s.url, { token: writer.token }).post('/api/me/deletion', { password: TEST_PASSWORD })).status).to.equal(202);
      expect(await eraseDueAccounts(s.app.deps, new Date(Date.now() + DELETION_GRACE_MS - DAY))).to.not.include(writer.user.id);
      expect(await eraseDueAccounts(s.app.deps, new Date(Date.now() + DELETION_GRACE_MS + 1000))).to.include(writer.user.id);

      const row = await s.db('users').where({ id: writer.user.id }).first();
      expect(row).to.include({
        first_name: 'Compte',
        last_name: 'supprimé',
        status: 'disabled',
        phone: null,
        city: null,
        avatar_sha256: null,
      });
      expect(row.email).to.not.equal(writer.user.email);
      expect(row.erased_at).to.not.equal(null);
      for (const table of ['sessions', 'channel_members', 'notifications']) {
        expect(await s.db(table).where({ user_id: writer.user.id }).first(), table).to.equal(undefined);
      }
      const history = await api(s.url, { token: reader.token }).get(`/api/channels/${channelId}/messages`);
      const kept = (history.body.items ?? history.body.messages ?? history.body).find((m: { id: number }) => m.id === messageId);
      expect(kept.body).to.equal('Bonjour à tous, voici le compte rendu.');
      expect(kept.author.displayName).to.equal('Compte supprimé');
      const login = await api(s.url).post('/api/auth/login', { email: writer.user.email, password: TEST_PASSWORD });
      expect(login.body.error.code).to.equal('invalid_credentials');
    });

    it('the erasure job works from the database: a deletion whose grace ended while the server was down is erased at start', async () => {
      const u = await makeUserWithToken(s.db);
      await api(s.url, { token: u.token }).post('/api/me/deletion', { password: TEST_PASSWORD });
      await s
        .db('users')
        .where({ id: u.user.id })
        .update({ deletion_requested_at: new Date(Date.now() - DELETION_GRACE_MS - DAY) });
      const job = startAccountErasure(s.app.deps, { firstDelayMs: 0 });
      try {
        for (let i = 0; i < 200 && !(await s.db('users').where({ id: u.user.id }).first()).erased_at; i++)
          await new Promise((r) => setTimeout(r, 25));
      } finally {
        await job.stop();
      }
      expect((await s.db('users').where({ id: u.user.id }).first()).erased_at).to.not.equal(null);
    });

    it('GET /api/me/export: a zip with one JSON per kind and my files; 401 signed out', async () => {
      const { writer } = await writerAndReader(s);
      const me = api(s.url, { token: writer.token });
      expect((await me.put('/api/me/avatar', fileForm(PNG, 'moi.png', 'image/png'))).status).to.equal(200);
      expect((await api(s.url).get('/api/me/export')).status).to.equal(401);
      const res = await fetch(`${s.url}/api/me/export`, { headers: { authorization: `Bearer ${writer.token}` } });
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('application/zip');
      expect(res.headers.get('content-disposition')).to.match(/attachment; filename="mes-donnees-maillage-/);
      const zip = readZip(Buffer.from(await res.arrayBuffer()));
      expect([...zip.keys()]).to.include.members([
        'LISEZ-MOI.txt',
        'profil.json',
        'messages.json',
        'sessions.json',
        'publications.json',
        'notifications.json',
        'fichiers/photo-de-profil.png',
      ]);
      const profile = JSON.parse(zip.get('profil.json')!.toString('utf8'));
      expect(profile[0]).to.include({ email: writer.user.email });
      expect(profile[0]).to.not.have.property('password_hash');
      expect(JSON.parse(zip.get('messages.json')!.toString('utf8'))[0].body).to.equal('Bonjour à tous, voici le compte rendu.');
      expect(zip.get('fichiers/photo-de-profil.png')!.equals(PNG)).to.equal(true);
      expect(zip.get('sessions.json')!.toString('utf8')).to.not.match(/token_hash|id_token/);
      expect((await me.post('/api/me/exports')).body).to.deep.equal({ status: 'direct', downloadUrl: '/api/me/export' });
    });

    it('a large account gets its archive in the background: notification and e-mail link, its owner only, 7 days', async () => {
      const { writer, reader } = await writerAndReader(s);
      const me = api(s.url, { token: writer.token });
      s.config.exportSyncMaxRows = 0; // one message is "large" here
      try {
        const res = await me.post('/api/me/exports');
        expect(res.status).to.equal(202);
        expect(res.body.status).to.equal('building');
        expect(Date.parse(res.body.expiresAt) - Date.now()).to.be.within(7 * DAY - 60_000, 7 * DAY);
      } finally {
        s.config.exportSyncMaxRows = 20000;
      }
      await settleBackground();
      const mail = readOutbox(s.outboxDir).filter((m) => m.to === writer.user.email && m.subject === 'Vos données Maillage sont prêtes');
      expect(mail).to.have.length(1);
      const link = new URL(/(http\S+\/api\/me\/exports\/\S+)/.exec(mail[0]!.text)![1]!);
      const notification = (await me.get('/api/notifications')).body.items.find((n: { kind: string }) => n.kind === 'personal_data_ready');
      expect(notification.data.downloadPath).to.equal(link.pathname);

      const got = await fetch(`${s.url}${link.pathname}`, { headers: { authorization: `Bearer ${writer.token}` } });
      expect(got.status).to.equal(200);
      const zip = readZip(Buffer.from(await got.arrayBuffer()));
      expect(JSON.parse(zip.get('messages.json')!.toString('utf8'))[0].body).to.equal('Bonjour à tous, voici le compte rendu.');
      // Someone else's link is not found, as is no sign-in at all, or a bad token.
      expect((await api(s.url, { token: reader.token }).get(link.pathname)).status).to.equal(404);
      expect((await api(s.url).get(link.pathname)).status).to.equal(401);
      expect((await me.get('/api/me/exports/x')).body.error.code).to.equal('invalid_payload');
      // After 7 days the archive is gone.
      expect(await purgeExpiredArchives(s.app.deps, new Date(Date.now() + 7 * DAY + 1000))).to.be.greaterThan(0);
      expect((await me.get(link.pathname)).status).to.equal(404);
    });
  });
}

describe('retention of the mail outbox', () => {
  it('deletes .eml copies older than MAIL_OUTBOX_RETENTION_DAYS, keeps recent ones and other files; 0 keeps everything', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const os = await import('node:os');
    const { purgeOldOutboxMail } = await import('../../server/jobs/outbox-retention');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
    const old = path.join(dir, 'ancien.eml');
    fs.writeFileSync(old, 'x');
    fs.utimesSync(old, new Date(Date.now() - 40 * DAY), new Date(Date.now() - 40 * DAY));
    fs.writeFileSync(path.join(dir, 'recent.eml'), 'x');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
    fs.utimesSync(path.join(dir, 'notes.txt'), new Date(Date.now() - 40 * DAY), new Date(Date.now() - 40 * DAY));
    expect(await purgeOldOutboxMail({ mailOutboxDir: dir, mailOutboxRetentionDays: 0 })).to.equal(0);
    expect(await purgeOldOutboxMail({ mailOutboxDir: dir, mailOutboxRetentionDays: 30 })).to.equal(1);
    expect(fs.readdirSync(dir).sort()).to.deep.equal(['notes.txt', 'recent.eml']);
  });
});
