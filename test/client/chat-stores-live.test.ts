import { expect } from 'chai';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { chatApi } from '../../client/api/chat.js';
import { Http } from '../../client/api/http.js';
import { HubClient } from '../../client/realtime/hub-client.js';
import { ChatStores } from '../../client/state/chat-stores.js';
import { makeUserWithToken } from '../helpers/factories';
import { startServer, type TestServer } from '../helpers/server';
import { closeAll, connect, emitAck, waitForEvent } from '../helpers/sockets';
import { MemoryStorage } from './chat-fixtures.js';

/** Polls until `check` is true (the stores react to real network events). */
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('client chat stores against the real server', () => {
  let s: TestServer;
  let alice: Awaited<ReturnType<typeof makeUserWithToken>>;
  let bob: Awaited<ReturnType<typeof makeUserWithToken>> & { socket?: Socket };
  let hub: HubClient;
  let chat: ChatStores;
  let storage: MemoryStorage;
  let depId: number;

  /** Stores for Alice over a real HubClient and the real REST API (Bearer token, as a script would). */
  function aliceStores() {
    hub = new HubClient(() => io(s.url, { auth: { token: alice.token }, transports: ['websocket'] }));
    const http = new Http({
      baseUrl: s.url,
      fetch: (url, init = {}) =>
        fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${alice.token}` } }),
    });
    chat = new ChatStores(hub, chatApi(http), storage);
    chat.setUser({ id: alice.user.id, username: alice.user.username, role: alice.user.role });
    hub.start();
  }

  /** Breaks Alice's transport from the server side: the client sees a network loss and reconnects by itself. */
  function cutAlice() {
    for (const socket of s.app.io.of('/').sockets.values()) if (socket.data.userId === alice.user.id) socket.conn.close();
  }

  before(async () => {
    s = await startServer({ env: { MESSAGE_RATE_PER_10S: '1000' } });
    alice = await makeUserWithToken(s.db, { departmentCode: '44', username: 'alice.live' });
    bob = await makeUserWithToken(s.db, { departmentCode: '44', username: 'bob.live' });
    bob.socket = await connect(s.url, bob.token);
    depId = (await s.db('channels').where({ slug: 'dep-44' }).first()).id;
    storage = new MemoryStorage();
    aliceStores();
    await until('connected and channels loaded', () => hub.status === 'connected' && chat.channels.status === 'ready');
  });

  after(async () => {
    hub?.stop();
    closeAll();
    await s.close();
  });

  it('loads the channel list and the open channel, then send → ack → upsert (row stored, member notified)', async () => {
    expect(chat.channels.get(depId)).to.include({ kind: 'departmental', joined: true });
    chat.open(depId);
    await until('history loaded', () => chat.messages.channel(depId).loaded);
    const bobGot = waitForEvent(bob.socket!, 'message:new', (m) => m.body === 'Bonjour **Bob**');
    chat.send(depId, 'Bonjour **Bob**');
    expect(chat.outbox.forChannel(depId).map((e) => e.state)).to.deep.equal(['sending']);
    const { clientMsgId } = chat.outbox.forChannel(depId)[0]!;
    expect(JSON.parse(storage.getItem(`maillage.outbox.${alice.user.id}`)!)[0].clientMsgId).to.equal(clientMsgId);
    await until('acked', () => chat.outbox.entries.length === 0);
    const held = chat.messages.channel(depId).messages;
    expect(held.map((m) => m.body)).to.deep.equal(['Bonjour **Bob**']);
    expect(held[0]).to.include({ seq: 1, clientMsgId });
    expect((await bobGot).id).to.equal(held[0]!.id);
    const row = await s.db('messages').where({ id: held[0]!.id }).first();
    expect(row).to.include({ client_msg_id: clientMsgId, author_id: alice.user.id });
    expect(storage.getItem(`maillage.outbox.${alice.user.id}`)).to.equal(null);
  });

  it('receives live messages, counts unread in other channels, and marks read without going backwards', async () => {
    const generalId = chat.channels.items.find((c) => c.slug === 'general')!.id;
    const before = chat.channels.get(generalId)!.unread;
    await emitAck(bob.socket!, 'message:send', { channelId: generalId, body: 'dans Général', clientMsgId: 'live-g1' });
    await emitAck(bob.socket!, 'message:send', { channelId: depId, body: 'dans le 44', clientMsgId: 'live-d1' });
    await until('live message held', () => chat.messages.channel(depId).messages.some((m) => m.body === 'dans le 44'));
    await until('general unread', () => chat.channels.get(generalId)!.unread === before + 1);
    chat.setReading(true);
    expect(chat.channels.get(depId)!.unread).to.equal(0);
    const readSeq = async () =>
      Number((await s.db('channel_members').where({ channel_id: depId, user_id: alice.user.id }).first()).last_read_seq);
    await until('read marker on the server', async () => (await readSeq()) === chat.messages.channel(depId).lastSeq);
    // An older seq never moves it back.
    await hub.request('channel:read', { channelId: depId, seq: 1 });
    expect(await readSeq()).to.equal(chat.messages.channel(depId).lastSeq);
    chat.setReading(false);
  });

  it('a seq gap in message:new triggers channel:sync and the window stays contiguous', async () => {
    const c = chat.messages.channel(depId);
    for (let i = 0; i < 3; i++)
      await emitAck(bob.socket!, 'message:send', { channelId: depId, body: `rafale ${i}`, clientMsgId: `gap-${i}` });
    await until('burst held', () => c.messages.some((m) => m.body === 'rafale 2'));
    // As if the two before the last had been lost in transit.
    const last = c.messages.pop()!;
    c.messages.splice(-2);
    expect(chat.messages.receive(last)).to.equal('gap');
    await until('caught up', () => c.lastSeq === last.seq);
    const seqs = c.messages.map((m) => m.seq);
    expect(seqs).to.deep.equal(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
  });

  it('catches up after a disconnect: channel:sync on resync, and the outbox resends with the same clientMsgId', async () => {
    const c = chat.messages.channel(depId);
    const lastBefore = c.lastSeq;
    cutAlice();
    await until('reconnecting', () => hub.status === 'reconnecting');
    chat.send(depId, 'écrit pendant la coupure');
    const pending = chat.outbox.forChannel(depId)[0]!;
    expect(pending.state).to.equal('sending');
    for (let i = 0; i < 3; i++)
      await emitAck(bob.socket!, 'message:send', { channelId: depId, body: `pendant ${i}`, clientMsgId: `away-${i}` });
    await until('reconnected', () => hub.status === 'connected');
    await until('outbox flushed', () => chat.outbox.entries.length === 0);
    await until(
      'caught up',
      () => c.messages.some((m) => m.body === 'pendant 2') && c.messages.some((m) => m.body === 'écrit pendant la coupure'),
    );
    const after = c.messages.filter((m) => m.seq > lastBefore);
    expect(after.map((m) => m.seq)).to.deep.equal(after.map((_, i) => lastBefore + 1 + i));
    expect(after.filter((m) => m.clientMsgId === pending.clientMsgId)).to.have.length(1);
    const rows = await s.db('messages').where({ author_id: alice.user.id, client_msg_id: pending.clientMsgId });
    expect(rows).to.have.length(1);
  });

  it('an entry left in storage by a closed tab is delivered once by the next one (idempotent resend)', async () => {
    const sent = await emitAck(await connect(s.url, alice.token), 'message:send', {
      channelId: depId,
      body: 'déjà reçu',
      clientMsgId: 'reload-1',
    });
    const key = `maillage.outbox.${alice.user.id}`;
    storage.setItem(
      key,
      JSON.stringify([
        {
          clientMsgId: 'reload-1',
          channelId: depId,
          body: 'déjà reçu',
          replyToId: null,
          createdAt: new Date().toISOString(),
          state: 'sending',
          error: null,
        },
        {
          clientMsgId: 'reload-2',
          channelId: depId,
          body: 'jamais parti',
          replyToId: null,
          createdAt: new Date().toISOString(),
          state: 'sending',
          error: null,
        },
      ]),
    );
    hub.stop();
    aliceStores();
    await until('both settled', () => hub.status === 'connected' && chat.outbox.entries.length === 0 && storage.getItem(key) === null);
    const rows = await s.db('messages').whereIn('client_msg_id', ['reload-1', 'reload-2']).where({ author_id: alice.user.id });
    expect(rows).to.have.length(2);
    expect(rows.find((r: { client_msg_id: string }) => r.client_msg_id === 'reload-1').id).to.equal(sent.message.id);
  });

  it('a refused send fails with the French message and stays for "Réessayer"', async () => {
    const annonces = chat.channels.items.find((c) => c.slug === 'annonces')!.id;
    chat.send(annonces, 'Je ne suis pas animatrice');
    await until('failed', () => chat.outbox.entries.some((e) => e.state === 'failed'));
    const e = chat.outbox.entries[0]!;
    expect(e.error?.code).to.equal('announce_only');
    expect(e.error?.message).to.match(/[a-zé]/);
    chat.outbox.discard(e.clientMsgId);
  });

  it('sets "absent" after the idle delay and back "en ligne" on activity; contacts see both', async () => {
    const activity = new EventTarget();
    await emitAck(bob.socket!, 'presence:subscribe', { userIds: [alice.user.id] });
    const away = waitForEvent(bob.socket!, 'presence', (p) => p.userId === alice.user.id && p.status === 'away');
    const stop = chat.watchActivity(activity, 150);
    await away;
    expect(chat.presence).to.include({ myStatus: 'away', autoAway: true });
    const back = waitForEvent(bob.socket!, 'presence', (p) => p.userId === alice.user.id && p.status === 'online');
    activity.dispatchEvent(new Event('keydown'));
    // Stopped at once: a second idle 150 ms later would fall in the same 250 ms presence window as "online".
    stop();
    await back;
    // A chosen "Ne pas déranger" is not undone by activity.
    const dnd = waitForEvent(bob.socket!, 'presence', (p) => p.userId === alice.user.id && p.status === 'dnd');
    await chat.presence.choose('dnd');
    await dnd;
    await chat.presence.active();
    expect(chat.presence.myStatus).to.equal('dnd');
    await chat.presence.choose('online');
  });

  it('dm:open, presence of a contact, join and leave a thematic channel', async () => {
    const dm = await chat.directWith(bob.user.id);
    expect(dm).to.include({ kind: 'direct' });
    expect(chat.channels.directWith(bob.user.id)?.id).to.equal(dm.id);
    await chat.presence.want([bob.user.id]);
    expect(chat.presence.statusOf(bob.user.id)).to.equal('online');
    const theme = chat.channels.thematic().find((c) => !c.joined)!;
    await chat.channels.join(theme.id);
    expect(chat.channels.get(theme.id)).to.include({ joined: true });
    await chat.channels.leave(theme.id);
    expect(chat.channels.get(theme.id)).to.include({ joined: false });
  });
});
