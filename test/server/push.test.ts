import crypto from 'node:crypto';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import https from 'node:https';
import os from 'node:os';
import type http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { api } from '../helpers/http';
import { emitAck } from '../helpers/sockets';
import { person } from '../helpers/people';
import { makeUserWithToken } from '../helpers/factories';
import { useServer } from '../helpers/suite';

/** A browser's side of a subscription: its P-256 key pair and auth secret (what the push service would hold). */
function browserKeys() {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = crypto.randomBytes(16);
  return { ecdh, auth, p256dh: ecdh.getPublicKey().toString('base64url'), authText: auth.toString('base64url') };
}

const hmac = (key: Buffer, data: Buffer) => crypto.createHmac('sha256', key).update(data).digest();

/** RFC 8291 / 8188 (aes128gcm) decryption, as a browser does it: the test's proof that the payload is valid. */
function decrypt(body: Buffer, keys: ReturnType<typeof browserKeys>): string {
  const salt = body.subarray(0, 16);
  const idlen = body[20]!;
  const serverPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const shared = keys.ecdh.computeSecret(serverPublic);
  const info = Buffer.concat([Buffer.from('WebPush: info\0'), keys.ecdh.getPublicKey(), serverPublic]);
  const ikm = hmac(hmac(keys.auth, shared), Buffer.concat([info, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const decipher = crypto.createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const plain = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the 0x02 delimiter, then padding zeros.
  return plain.subarray(0, plain.lastIndexOf(2)).toString('utf8');
}

/** Checks the VAPID header: an ES256 JWT for the endpoint's origin, signed by the server's public key. */
function checkVapid(header: string, endpointOrigin: string, publicKey: string) {
  const m = /^vapid t=([^,]+), k=(.+)$/.exec(header);
  expect(m, header).to.not.equal(null);
  expect(m![2]).to.equal(publicKey);
  const [h, p, sig] = m![1]!.split('.');
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
  expect(claims.aud).to.equal(endpointOrigin);
  expect(claims.exp * 1000).to.be.greaterThan(Date.now());
  const raw = Buffer.from(publicKey, 'base64url');
  const key = crypto.createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') },
    format: 'jwk',
  });
  expect(crypto.verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig!, 'base64url'))).to.equal(
    true,
  );
}

describe('Web Push: subscriptions, and a push for DMs, mentions and hotline answers when no tab is open', () => {
  const s = useServer();
  /** The local fake push service: records each request; `/gone/…` answers 410 like a dead subscription. */
  const received: { path: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
  let push: https.Server;
  let pushUrl = '';
  const tlsCheck = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

  before(async () => {
    // Push services speak HTTPS only (web-push uses https): a self-signed certificate, trusted by this test process alone.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'push-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    push = https.createServer(
      { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) },
      (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          received.push({ path: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
          res.writeHead(req.url!.startsWith('/gone/') ? 410 : 201).end();
        });
      },
    );
    await new Promise<void>((r) => push.listen(0, '127.0.0.1', r));
    pushUrl = `https://127.0.0.1:${(push.address() as AddressInfo).port}`;
  });
  after(async () => {
    if (tlsCheck === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = tlsCheck;
    await new Promise<void>((r) => push.close(() => r()));
  });

  async function waitForPushes(n: number) {
    for (let i = 0; i < 200 && received.length < n; i++) await new Promise((r) => setTimeout(r, 25));
    expect(received.length).to.be.at.least(n);
  }

  it('generates the VAPID keys at first start in DATA_DIR and answers the public key', async () => {
    const stored = JSON.parse(fs.readFileSync(path.join(s.config.dataDir, 'vapid.json'), 'utf8'));
    const u = await makeUserWithToken(s.db, {});
    const res = await api(s.url, { token: u.token }).get('/api/push/key');
    expect(res.status).to.equal(200);
    expect(res.body.publicKey).to.equal(stored.publicKey);
    expect(Buffer.from(res.body.publicKey, 'base64url')).to.have.length(65);
    expect((await api(s.url).get('/api/push/key')).status).to.equal(401);
  });

  it('stores a subscription (201), refuses bad bodies, 401 signed out, 404 for someone else’s endpoint', async () => {
    const u = await makeUserWithToken(s.db, {});
    const other = await makeUserWithToken(s.db, {});
    const k = browserKeys();
    const body = { endpoint: `${pushUrl}/send/stored`, expirationTime: null, keys: { p256dh: k.p256dh, auth: k.authText } };
    const res = await api(s.url, { token: u.token }).post('/api/push/subscriptions', body);
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const row = await s.db('push_subscriptions').where({ endpoint: body.endpoint }).first();
    expect(row).to.include({ user_id: u.user.id, p256dh: k.p256dh, auth: k.authText });
    const bad = await api(s.url, { token: u.token }).post('/api/push/subscriptions', {
      endpoint: 'pas une adresse',
      keys: { p256dh: 'x' },
    });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.code).to.equal('invalid_payload');
    expect(bad.body.error.details.fields.endpoint).to.equal('Adresse web invalide : elle commence par https://.');
    expect((await api(s.url).post('/api/push/subscriptions', body)).status).to.equal(401);
    const q = `/api/push/subscriptions?endpoint=${encodeURIComponent(body.endpoint)}`;
    const foreign = await api(s.url, { token: other.token }).delete(q);
    expect(foreign.status).to.equal(404);
    expect(foreign.body.error.code).to.equal('not_found');
    expect((await api(s.url, { token: u.token }).delete(q)).status).to.equal(204);
    expect(await s.db('push_subscriptions').where({ endpoint: body.endpoint })).to.have.length(0);
  });

  it('a DM to someone with no tab open is pushed, encrypted for their browser and signed with VAPID; not while they have a tab', async () => {
    const alice = await person(s, { firstName: 'Alice', lastName: 'Martin', username: 'alice.push' });
    const bob = await makeUserWithToken(s.db, {
      firstName: 'Bob',
      lastName: 'Durand',
      username: 'bob.push',
      departmentCode: alice.user.department_code,
    });
    const k = browserKeys();
    const endpoint = `${pushUrl}/send/bob-phone`;
    expect(
      (await api(s.url, { token: bob.token }).post('/api/push/subscriptions', { endpoint, keys: { p256dh: k.p256dh, auth: k.authText } }))
        .status,
    ).to.equal(201);
    const dm = await emitAck(alice.socket, 'dm:open', { userId: bob.user.id });
    expect(dm.ok, JSON.stringify(dm)).to.equal(true);
    const channelId = dm.channel.id;
    received.length = 0;
    const sent = await emitAck(alice.socket, 'message:send', {
      channelId,
      body: 'Tu as vu le **compte rendu** ?',
      clientMsgId: 'push-dm-1',
    });
    expect(sent.ok, JSON.stringify(sent)).to.equal(true);
    await waitForPushes(1);
    const got = received.find((r) => r.path === '/send/bob-phone')!;
    expect(got.headers['content-encoding']).to.equal('aes128gcm');
    expect(Number(got.headers.ttl)).to.be.greaterThan(0);
    checkVapid(String(got.headers.authorization), pushUrl, (await api(s.url, { token: bob.token }).get('/api/push/key')).body.publicKey);
    const payload = JSON.parse(decrypt(got.body, k));
    expect(payload).to.deep.equal({
      kind: 'direct',
      title: 'Message de Alice Martin',
      body: 'Tu as vu le compte rendu ?',
      url: `/discussions/${channelId}`,
      tag: `channel-${channelId}`,
    });

    // Bob opens a tab: the message shows there live, no push on top.
    const { connect } = await import('../helpers/sockets');
    const bobSocket = await connect(s.url, bob.token);
    await emitAck(bobSocket, 'presence:get', { userIds: [] });
    received.length = 0;
    expect((await emitAck(alice.socket, 'message:send', { channelId, body: 'Tu es là ?', clientMsgId: 'push-dm-2' })).ok).to.equal(true);
    expect((await emitAck(alice.socket, 'message:send', { channelId, body: 'Ok.', clientMsgId: 'push-dm-3' })).ok).to.equal(true);
    expect(received).to.have.length(0);
    bobSocket.close();
  });

  it('a mention and a hotline answer are pushed; a mention is not when types.mention is off; a gone subscription is removed', async () => {
    const anim = await person(s, { role: 'animator', firstName: 'Anne', lastName: 'Anim', username: 'anne.push', departmentCode: '22' });
    const carl = await makeUserWithToken(s.db, { firstName: 'Carl', lastName: 'Lu', username: 'carl.push', departmentCode: '22' });
    const k = browserKeys();
    await api(s.url, { token: carl.token }).post('/api/push/subscriptions', {
      endpoint: `${pushUrl}/send/carl`,
      keys: { p256dh: k.p256dh, auth: k.authText },
    });
    await api(s.url, { token: carl.token }).post('/api/push/subscriptions', {
      endpoint: `${pushUrl}/gone/carl-old`,
      keys: { p256dh: k.p256dh, auth: k.authText },
    });
    const dep = (await s.db('channels').where({ slug: 'dep-22' }).first()).id;
    received.length = 0;
    expect(
      (await emitAck(anim.socket, 'message:send', { channelId: dep, body: 'Réunion demain @carl.push', clientMsgId: 'push-m-1' })).ok,
    ).to.equal(true);
    await waitForPushes(2);
    const payload = JSON.parse(decrypt(received.find((r) => r.path === '/send/carl')!.body, k));
    expect(payload).to.include({
      kind: 'mention',
      title: "Anne Anim vous a mentionné(e) dans # 22 — Côtes-d'Armor",
      body: 'Réunion demain @carl.push',
    });
    expect(await s.db('push_subscriptions').where({ user_id: carl.user.id }).pluck('endpoint')).to.deep.equal([`${pushUrl}/send/carl`]);

    // Mentions turned off in the settings: nothing is pushed for them.
    const settings = (await api(s.url, { token: carl.token }).get('/api/me/notification-settings')).body;
    expect(
      (
        await api(s.url, { token: carl.token }).put('/api/me/notification-settings', {
          ...settings,
          types: { ...settings.types, mention: false },
        })
      ).status,
    ).to.equal(200);
    received.length = 0;
    expect(
      (await emitAck(anim.socket, 'message:send', { channelId: dep, body: 'Encore toi @carl.push', clientMsgId: 'push-m-2' })).ok,
    ).to.equal(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(received).to.have.length(0);

    // A hotline agent answers Carl's request while he has no tab open.
    const { openRequest } = await import('../helpers/hotline');
    const { connect } = await import('../helpers/sockets');
    const carlSocket = await connect(s.url, carl.token);
    const opened = await openRequest({ user: carl.user, token: carl.token, socket: carlSocket }, 'Mot de passe perdu');
    expect(opened.ok, JSON.stringify(opened)).to.equal(true);
    carlSocket.close();
    for (let i = 0; i < 100 && (await s.app.io.in(`user:${carl.user.id}`).fetchSockets()).length; i++)
      await new Promise((r) => setTimeout(r, 20));
    const ticket = await s.db('hotline_tickets').where({ requester_id: carl.user.id }).first();
    const agent = await person(s, { role: 'hotline', firstName: 'Karim', lastName: 'Agent' });
    expect((await emitAck(agent.socket, 'hotline:claim', { ticketId: ticket.id })).ok).to.equal(true);
    received.length = 0;
    const answer = await emitAck(agent.socket, 'message:send', {
      channelId: ticket.channel_id,
      body: 'Voici la marche à suivre.',
      clientMsgId: 'push-h-1',
    });
    expect(answer.ok, JSON.stringify(answer)).to.equal(true);
    await waitForPushes(1);
    expect(JSON.parse(decrypt(received[0]!.body, k))).to.deep.equal({
      kind: 'hotline',
      title: `La hotline vous a répondu (demande n° ${ticket.id})`,
      body: 'Voici la marche à suivre.',
      url: `/hotline/${ticket.id}`,
      tag: `hotline-${ticket.id}`,
    });
  });
});
