import { expect } from 'chai';
import type { Socket } from 'socket.io-client';
import { api } from '../helpers/http';
import { makeUserWithToken, type UserOverrides } from '../helpers/factories';
import { makeContacts, uniqueDepartment } from '../helpers/contacts';
import { closeAll, connect, emitAck, emitRaw, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { useServer } from '../helpers/suite';

type Presence = { userId: number; status: string; lastSeenAt: string | null };
const about = (userId: number, status?: string) => (p: Presence) => p.userId === userId && (!status || p.status === status);
/** The socket shows these users: `presence` comes for them only. */
const follow = async (sock: Socket, ...ids: number[]) => (await emitAck(sock, 'presence:subscribe', { userIds: ids })).presence;

describe('presence', () => {
  const s = useServer();
  let grace: number;
  /** A user alone in their département, so their only contacts are the ones a test makes. */
  const person = (o: UserOverrides = {}) => makeUserWithToken(s.db, { departmentCode: uniqueDepartment(), ...o });

  before(async () => {
    grace = s.config.presenceGraceMs;
  });
  afterEach(() => closeAll());

  it('announces online to subscribers only, and offline after the grace period', async () => {
    const [a, b, c] = [await person(), await person(), await person()];
    await makeContacts(s.db, [a.user.id, b.user.id, c.user.id]);
    const sb = await connect(s.url, b.token);
    const sc = await connect(s.url, c.token); // a contact too, but not showing a: gets nothing
    await follow(sb, a.user.id);

    const seen = waitForEvent(sb, 'presence', about(a.user.id));
    const unseen = expectNoEvent(sc, 'presence', about(a.user.id), 600);
    const sa = await connect(s.url, a.token);
    expect(await seen).to.deep.equal({ userId: a.user.id, status: 'online', lastSeenAt: null });
    await unseen;

    const started = Date.now();
    const offline = waitForEvent(sb, 'presence', about(a.user.id, 'offline'), grace + 2000);
    const unseenOffline = expectNoEvent(sc, 'presence', about(a.user.id), grace + 600);
    sa.close();
    const ev = await offline;
    expect(Date.now() - started).to.be.at.least(grace - 50);
    expect(ev.lastSeenAt).to.be.a('string');
    const row = await s.db('users').where({ id: a.user.id }).first();
    expect(row.last_seen_at).to.not.equal(null);
    expect(new Date(ev.lastSeenAt!).getTime()).to.be.closeTo(started, 1000);
    await unseenOffline;
  });

  it('does not flap on a reload, and keeps a user online while one tab is left', async () => {
    const [a, b] = [await person(), await person()];
    await makeContacts(s.db, [a.user.id, b.user.id]);
    const sb = await connect(s.url, b.token);
    await follow(sb, a.user.id);
    const online = waitForEvent(sb, 'presence', about(a.user.id, 'online'));
    const first = await connect(s.url, a.token);
    await online;

    // Reload: the page drops its socket and opens a new one within the grace period.
    const quiet = expectNoEvent(sb, 'presence', about(a.user.id), grace + 500);
    first.close();
    const tab1 = await connect(s.url, a.token);
    const tab2 = await connect(s.url, a.token);
    await quiet;

    // Two tabs: closing one keeps the user online.
    const stillQuiet = expectNoEvent(sb, 'presence', about(a.user.id), grace + 500);
    tab1.close();
    await stillQuiet;
    const ack = await emitAck(sb, 'presence:get', { userIds: [a.user.id] });
    expect(ack.presence).to.deep.equal([{ userId: a.user.id, status: 'online', lastSeenAt: null }]);

    const offline = waitForEvent(sb, 'presence', about(a.user.id, 'offline'), grace + 2000);
    tab2.close();
    await offline;
  });

  it('presence:set: away and dnd reach subscribers and my other tabs, not the others', async () => {
    const [a, b, c] = [await person(), await person(), await person()];
    await makeContacts(s.db, [a.user.id, b.user.id]);
    const sb = await connect(s.url, b.token);
    const sc = await connect(s.url, c.token);
    await follow(sb, a.user.id);
    const online = waitForEvent(sb, 'presence', about(a.user.id, 'online'));
    const tab1 = await connect(s.url, a.token);
    const tab2 = await connect(s.url, a.token);
    await online;

    const away = waitForEvent(sb, 'presence', about(a.user.id, 'away'));
    const otherTab = waitForEvent(tab2, 'presence', about(a.user.id, 'away'));
    const outsider = expectNoEvent(sc, 'presence', about(a.user.id), 600);
    expect(await emitAck(tab1, 'presence:set', { status: 'away' })).to.deep.equal({ ok: true });
    expect(await away).to.deep.equal({ userId: a.user.id, status: 'away', lastSeenAt: null });
    await otherTab;
    await outsider;

    // Saying the same thing again broadcasts nothing.
    const same = expectNoEvent(sb, 'presence', about(a.user.id), 400);
    expect((await emitAck(tab2, 'presence:set', { status: 'away' })).ok).to.equal(true);
    await same;

    const dnd = waitForEvent(sb, 'presence', about(a.user.id, 'dnd'));
    await emitAck(tab2, 'presence:set', { status: 'dnd' });
    await dnd;
    expect((await emitAck(sc, 'presence:get', { userIds: [a.user.id] })).presence).to.deep.equal([
      { userId: a.user.id, status: 'dnd', lastSeenAt: null },
    ]);
    const back = waitForEvent(sb, 'presence', about(a.user.id, 'online'));
    await emitAck(tab1, 'presence:set', { status: 'online' });
    await back;

    const bad = await emitRaw(tab1, 'presence:set', { status: 'offline' });
    expect(bad.ok).to.equal(false);
    expect(bad.error.code).to.equal('invalid_payload');
  });

  it('presence:subscribe: answers the current presence, replaces the previous subscription, lastSeenAt to contacts only', async () => {
    const [a, b, c, x] = [await person(), await person(), await person(), await person()];
    await makeContacts(s.db, [a.user.id, b.user.id]);
    const sb = await connect(s.url, b.token);
    const sc = await connect(s.url, c.token);
    const sx = await connect(s.url, x.token);
    // Unknown users are left out of the answer, as presence:get does.
    expect(await follow(sb, a.user.id, 999999, x.user.id)).to.deep.equal([
      { userId: a.user.id, status: 'offline', lastSeenAt: null },
      { userId: x.user.id, status: 'online', lastSeenAt: null },
    ]);
    await follow(sc, a.user.id);

    const bSees = waitForEvent(sb, 'presence', about(a.user.id, 'online'));
    const cSees = waitForEvent(sc, 'presence', about(a.user.id, 'online'));
    const sa = await connect(s.url, a.token);
    await Promise.all([bSees, cSees]);

    const bOff = waitForEvent(sb, 'presence', about(a.user.id, 'offline'), grace + 2000);
    const cOff = waitForEvent(sc, 'presence', about(a.user.id, 'offline'), grace + 2000);
    sa.close();
    expect((await bOff).lastSeenAt).to.be.a('string'); // a contact
    expect((await cOff).lastSeenAt).to.equal(null); // not a contact: the status, never when they left

    // b now shows only x: nothing more about a.
    await follow(sb, x.user.id);
    const quiet = expectNoEvent(sb, 'presence', about(a.user.id), 800);
    const again = await connect(s.url, a.token);
    await quiet;
    const xAway = waitForEvent(sb, 'presence', about(x.user.id, 'away'));
    await emitAck(sx, 'presence:set', { status: 'away' });
    await xAway;
    again.close();
  });

  it('coalesces per 250 ms: a subscriber gets each changed user once per window, in its last state', async () => {
    const [a, x, b] = [await person(), await person(), await person()];
    const sb = await connect(s.url, b.token);
    const sx = await connect(s.url, x.token);
    await follow(sb, a.user.id, x.user.id);
    await new Promise((r) => setTimeout(r, 300)); // x's own arrival is out of the window below
    const got: Presence[] = [];
    sb.on('presence', (p: Presence) => got.push(p));
    // Within one window: a arrives and goes away then dnd; x goes away.
    const sa = await connect(s.url, a.token);
    await Promise.all([emitAck(sa, 'presence:set', { status: 'away' }), emitAck(sx, 'presence:set', { status: 'away' })]);
    await emitAck(sa, 'presence:set', { status: 'dnd' });
    await new Promise((r) => setTimeout(r, 700));
    expect(got.filter(about(a.user.id))).to.deep.equal([{ userId: a.user.id, status: 'dnd', lastSeenAt: null }]);
    expect(got.filter(about(x.user.id))).to.deep.equal([{ userId: x.user.id, status: 'away', lastSeenAt: null }]);
  });

  it('presence:subscribe: more than 500 ids or a bad payload answers invalid_payload', async () => {
    const { token } = await person();
    const sock = await connect(s.url, token);
    const tooMany = await emitRaw(sock, 'presence:subscribe', { userIds: Array.from({ length: 501 }, (_, i) => i + 1) });
    expect(tooMany.error.code).to.equal('invalid_payload');
    expect((await emitRaw(sock, 'presence:subscribe', { userIds: ['1'] })).error.code).to.equal('invalid_payload');
    expect(await follow(sock)).to.deep.equal([]);
  });

  it('presence:get: lastSeenAt for contacts only, unknown and disabled users left out, chat-only callers see contacts only', async () => {
    const [a, b, c] = [await person(), await person(), await person()];
    const disabled = await person({ status: 'disabled' });
    const chatOnly = await person({ chatOnly: true });
    await makeContacts(s.db, [a.user.id, b.user.id]);
    await makeContacts(s.db, [chatOnly.user.id, b.user.id]);
    const seenAt = new Date('2026-01-02T03:04:05.000Z');
    await s.db('users').where({ id: a.user.id }).update({ last_seen_at: seenAt });

    const sb = await connect(s.url, b.token);
    const sc = await connect(s.url, c.token);
    const ids = [a.user.id, 999999, disabled.user.id, b.user.id, a.user.id];
    const forContact = await emitAck(sb, 'presence:get', { userIds: ids });
    expect(forContact).to.deep.equal({
      ok: true,
      presence: [
        { userId: a.user.id, status: 'offline', lastSeenAt: seenAt.toISOString() },
        { userId: b.user.id, status: 'online', lastSeenAt: null },
      ],
    });
    const forOutsider = await emitAck(sc, 'presence:get', { userIds: ids });
    expect(forOutsider.presence).to.deep.equal([
      { userId: a.user.id, status: 'offline', lastSeenAt: null },
      { userId: b.user.id, status: 'online', lastSeenAt: null },
    ]);

    const so = await connect(s.url, chatOnly.token);
    const forChatOnly = await emitAck(so, 'presence:get', { userIds: [a.user.id, b.user.id, c.user.id] });
    expect(forChatOnly.presence).to.deep.equal([{ userId: b.user.id, status: 'online', lastSeenAt: null }]);
    expect(await emitAck(sb, 'presence:get', { userIds: [] })).to.deep.equal({ ok: true, presence: [] });
  });

  it('presence:get: more than 500 ids or a bad payload answers invalid_payload and the connection stays up', async () => {
    const { token } = await person();
    const sock = await connect(s.url, token);
    const tooMany = await emitAck(sock, 'presence:get', { userIds: Array.from({ length: 501 }, (_, i) => i + 1) });
    expect(tooMany.ok).to.equal(false);
    expect(tooMany.error.code).to.equal('invalid_payload');
    for (const payload of [undefined, null, 'x', 42, {}, { userIds: 'a' }, { userIds: [-1] }, { userIds: [1.5] }, { userIds: ['1'] }]) {
      const r = await emitRaw(sock, 'presence:get', payload);
      expect(r.ok, JSON.stringify(payload)).to.equal(false);
      expect(r.error.code).to.equal('invalid_payload');
    }
    expect(sock.connected).to.equal(true);
    expect((await emitAck(sock, 'presence:get', { userIds: Array.from({ length: 500 }, (_, i) => i + 1) })).ok).to.equal(true);
  });

  it('GET /api/contacts: 401 without a session; my contacts with their presence, online first then by name; ?q= filters', async () => {
    expect((await api(s.url).get('/api/contacts')).status).to.equal(401);
    const me = await person();
    const zoe = await person({ firstName: 'Zoé', lastName: 'Arnaud' });
    const helene = await person({ firstName: 'Hélène', lastName: 'Martin' });
    const bruno = await person({ firstName: 'Bruno', lastName: 'Leroy' });
    const stranger = await person({ firstName: 'Aline', lastName: 'Inconnue' });
    const gone = await person({ firstName: 'Albert', lastName: 'Parti', status: 'disabled' });
    await makeContacts(s.db, [me.user.id, zoe.user.id, helene.user.id]);
    await makeContacts(s.db, [me.user.id, bruno.user.id, gone.user.id]);
    // Any acked event waits for the server's connect work: Zoé is online once it answers.
    await emitAck(await connect(s.url, zoe.token), 'presence:get', { userIds: [] });

    const res = await api(s.url, { token: me.token }).get('/api/contacts');
    expect(res.status).to.equal(200);
    expect(res.body.items.map((i: { id: number }) => i.id)).to.deep.equal([zoe.user.id, bruno.user.id, helene.user.id]);
    expect(res.body.items[0]).to.include({ id: zoe.user.id, displayName: 'Zoé Arnaud', username: zoe.user.username });
    expect(res.body.items[0]).to.not.have.property('email');
    expect(res.body.items[0].presence).to.deep.equal({ status: 'online', lastSeenAt: null });
    expect(res.body.items[1].presence).to.deep.equal({ status: 'offline', lastSeenAt: null });
    expect(res.body.items.map((i: { id: number }) => i.id)).to.not.include(stranger.user.id);

    const filtered = await api(s.url, { token: me.token }).get('/api/contacts?q=helene');
    expect(filtered.body.items.map((i: { id: number }) => i.id)).to.deep.equal([helene.user.id]);
    const tooLong = await api(s.url, { token: me.token }).get(`/api/contacts?q=${'x'.repeat(101)}`);
    expect(tooLong.status).to.equal(400);
    expect(tooLong.body.error.code).to.equal('invalid_payload');
  });
});
