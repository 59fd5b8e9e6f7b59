import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { api } from '../helpers/http';
import { makeUser, TEST_PASSWORD } from '../helpers/factories';
import { encodeAntiRobot, solveAntiRobot, solveAntiRobotChallenge, withAntiRobot } from '../helpers/anti-robot';
import { startServer, type TestServer } from '../helpers/server';
import { freshDatabase } from '../helpers/db';
import { useServer } from '../helpers/suite';

const signup = (n: string) => ({
  email: `robot.${n}@exemple.fr`,
  password: 'Turing-Test-1950',
  firstName: 'Alan',
  lastName: 'Machine',
  username: `alan.${n}`,
  departmentCode: '75',
});

const expectRefused = (res: { status: number; body: any }, code: string) => {
  expect(res.status, JSON.stringify(res.body)).to.equal(400);
  expect(res.body.error.code).to.equal(code);
  expect(res.body.error.details.fields.altcha).to.match(/vérification anti-robot/i);
};

describe('anti-robot check (altcha proof of work)', () => {
  const s = useServer();

  it('hands out signed, uncached, single-use challenges with an expiry, and keeps its key in DATA_DIR', async () => {
    const res = await api(s.url).get('/api/anti-robot/challenge');
    expect(res.status).to.equal(200);
    expect(res.headers.get('cache-control')).to.equal('no-store');
    expect(res.body.parameters).to.include({ algorithm: 'PBKDF2/SHA-256', cost: 1 });
    expect(res.body.parameters.expiresAt).to.be.greaterThan(Date.now() / 1000);
    expect(res.body.signature).to.match(/^[0-9a-f]{64}$/);
    const other = await api(s.url).get('/api/anti-robot/challenge');
    expect(other.body.parameters.nonce).to.not.equal(res.body.parameters.nonce);
    const keyFile = path.join(s.config.dataDir, 'anti-robot.key');
    expect(fs.readFileSync(keyFile, 'utf8')).to.match(/^[0-9a-f]{64}$/);
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o077).to.equal(0);
  });

  it('sign-up: refuses a missing, unreadable or forged answer, accepts a solved one once', async () => {
    const anon = api(s.url);
    expectRefused(await anon.post('/api/auth/register', signup('a')), 'anti_robot_required');
    expectRefused(await anon.post('/api/auth/register', { ...signup('a'), altcha: 'pas du base64 {' }), 'anti_robot_invalid');
    expect((await anon.post('/api/auth/register', { ...signup('a'), altcha: 42 })).body.error.code).to.equal('invalid_payload');

    // A wrong counter, and a challenge whose price was lowered after signing.
    const { challenge, solution } = await solveAntiRobotChallenge(s.url);
    const wrong = encodeAntiRobot(challenge, { ...(solution as object), derivedKey: 'ab'.repeat(32) });
    expectRefused(await anon.post('/api/auth/register', { ...signup('a'), altcha: wrong }), 'anti_robot_invalid');
    const cheaper = { ...challenge, parameters: { ...challenge.parameters, keyPrefix: '0' } };
    expectRefused(
      await anon.post('/api/auth/register', { ...signup('a'), altcha: encodeAntiRobot(cheaper, solution) }),
      'anti_robot_invalid',
    );
    expect(await s.db('users').where({ email: 'robot.a@exemple.fr' })).to.have.length(0);

    const ok = encodeAntiRobot(challenge, solution);
    const created = await anon.post('/api/auth/register', { ...signup('a'), altcha: ok });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(await s.db('users').where({ email: 'robot.a@exemple.fr' })).to.have.length(1);

    // The same answer again, for another account: refused, nothing written.
    expectRefused(await anon.post('/api/auth/register', { ...signup('b'), altcha: ok }), 'anti_robot_replayed');
    expect(await s.db('users').where({ email: 'robot.b@exemple.fr' })).to.have.length(0);
  });

  it('field errors come before the check, so a refused form does not spend the answer', async () => {
    const altcha = await solveAntiRobot(s.url);
    const bad = await api(s.url).post('/api/auth/register', { ...signup('c'), email: 'pas-une-adresse', altcha });
    expect(bad.body.error.code).to.equal('invalid_payload');
    expect((await api(s.url).post('/api/auth/register', { ...signup('c'), altcha })).status).to.equal(201);
  });

  it('refuses an expired challenge (anti_robot_expired)', async () => {
    const lifetime = s.config.antiRobot.expirySeconds;
    s.config.antiRobot.expirySeconds = -60;
    let altcha: string;
    try {
      altcha = await solveAntiRobot(s.url);
    } finally {
      s.config.antiRobot.expirySeconds = lifetime;
    }
    expectRefused(await api(s.url).post('/api/auth/register', { ...signup('d'), altcha }), 'anti_robot_expired');
  });

  it('login asks for the check after repeated failures on an account, says so with the refusal, then accepts it', async () => {
    const u = await makeUser(s.db, { email: 'oublieux@exemple.fr' });
    const anon = api(s.url);
    const threshold = s.config.antiRobot.loginAfterFailures;
    for (let i = 1; i < threshold; i++) {
      const res = await anon.post('/api/auth/login', { email: u.email, password: 'Mauvais-1234' });
      expect(res.status).to.equal(401);
      expect(res.body.error.details).to.equal(undefined);
    }
    const last = await anon.post('/api/auth/login', { email: u.email, password: 'Mauvais-1234' });
    expect(last.status).to.equal(401);
    expect(last.body.error).to.deep.include({ code: 'invalid_credentials', details: { antiRobot: true } });

    expectRefused(await anon.post('/api/auth/login', { email: u.email, password: TEST_PASSWORD }), 'anti_robot_required');
    // Another account from the same address is not concerned (the per-address threshold is far).
    await makeUser(s.db, { email: 'voisin@exemple.fr' });
    expect((await anon.post('/api/auth/login', { email: 'voisin@exemple.fr', password: TEST_PASSWORD })).status).to.equal(200);

    const ok = await anon.post('/api/auth/login', await withAntiRobot(s.url, { email: u.email, password: TEST_PASSWORD }));
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    // Success resets the account's count: the next login needs no check.
    expect((await anon.post('/api/auth/login', { email: u.email, password: TEST_PASSWORD })).status).to.equal(200);
  });

  it('login asks for the check after repeated failures from one address, whatever the accounts', async () => {
    const node = await startServer({ env: { ANTI_ROBOT_LOGIN_AFTER_IP_FAILURES: '2' } });
    try {
      const anon = api(node.url);
      await makeUser(node.db, { email: 'honnete@exemple.fr' });
      for (const who of ['x1@exemple.fr', 'x2@exemple.fr'])
        expect((await anon.post('/api/auth/login', { email: who, password: 'Mauvais-1234' })).status).to.equal(401);
      expectRefused(await anon.post('/api/auth/login', { email: 'honnete@exemple.fr', password: TEST_PASSWORD }), 'anti_robot_required');
      const ok = await anon.post(
        '/api/auth/login',
        await withAntiRobot(node.url, { email: 'honnete@exemple.fr', password: TEST_PASSWORD }),
      );
      expect(ok.status).to.equal(200);
    } finally {
      await node.close();
    }
  });

  it('an answer spent on one node is refused on another (the database remembers it)', async () => {
    const database = await freshDatabase();
    const env = { ANTI_ROBOT_SECRET: 'secret-partage-des-noeuds' };
    const nodes: TestServer[] = [];
    try {
      nodes.push(await startServer({ database, env }), await startServer({ database, env }));
      const [a, b] = nodes as [TestServer, TestServer];
      const altcha = await solveAntiRobot(a.url);
      expect((await api(b.url).post('/api/auth/register', { ...signup('e'), altcha })).status).to.equal(201);
      expectRefused(await api(a.url).post('/api/auth/register', { ...signup('f'), altcha }), 'anti_robot_replayed');
      // A node with another secret does not accept the first one's challenges.
      const stranger = await startServer({ database, env: { ANTI_ROBOT_SECRET: 'un-autre-secret' } });
      nodes.push(stranger);
      expectRefused(
        await api(stranger.url).post('/api/auth/register', { ...signup('g'), altcha: await solveAntiRobot(a.url) }),
        'anti_robot_invalid',
      );
    } finally {
      for (const n of nodes) await n.close();
      await database.drop();
    }
  });
});
