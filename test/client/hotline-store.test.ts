import { expect } from 'chai';
import { io } from 'socket.io-client';
import { hotlineApi } from '../../client/api/hotline.js';
import { Http } from '../../client/api/http.js';
import { HubClient } from '../../client/realtime/hub-client.js';
import { HotlineStore } from '../../client/state/hotline-store.js';
import { HotlineConversation } from '../../client/state/hotline-conversation.js';
import { userCache } from '../../client/state/user-cache.js';
import { makeUserWithToken } from '../helpers/factories';
import { startServer, type TestServer } from '../helpers/server';
import { until } from '../helpers/hotline';

/** A real HubClient and REST client for one user (Bearer token, as a script would). */
function clientFor(s: TestServer, token: string) {
  const hub = new HubClient(() => io(s.url, { auth: { token }, transports: ['websocket'] }));
  const http = new Http({
    baseUrl: s.url,
    fetch: (url, init = {}) =>
      fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } }),
  });
  const api = hotlineApi(http);
  return { hub, api, store: new HotlineStore(api, hub) };
}

describe('client hotline stores against the real server', () => {
  let s: TestServer;
  let member: ReturnType<typeof clientFor>;
  let agent: ReturnType<typeof clientFor>;

  before(async () => {
    s = await startServer();
    const m = await makeUserWithToken(s.db, { firstName: 'Julie' });
    const a = await makeUserWithToken(s.db, { role: 'hotline', firstName: 'Karim' });
    member = clientFor(s, m.token);
    member.store.filters = {};
    agent = clientFor(s, a.token);
    for (const c of [member, agent]) {
      c.hub.start();
      c.store.start();
    }
    await until(() => member.hub.connected && agent.hub.connected && !!member.store.status && !!agent.store.status);
  });
  after(async () => {
    for (const c of [member, agent]) {
      c.store.stop();
      c.hub.stop();
    }
    await s.close();
  });

  it('shows the hotline available once an agent is connected', async () => {
    await until(() => member.store.status?.available === true);
    expect(member.store.categories.length).to.be.greaterThan(0);
  });

  it('opens a request, sees it waiting, then claimed and answered live', async () => {
    const ticket = await member.store.open({ subject: 'Aide', body: 'Bonjour', categoryId: null });
    expect(member.store.list(true).map((t) => t.id)).to.deep.equal([ticket.id]);
    expect(ticket.queuePosition).to.equal(1);
    await until(() => agent.store.tickets.has(ticket.id));
    expect(agent.store.list()[0]!.id).to.equal(ticket.id);

    const conv = new HotlineConversation(
      member.hub,
      async (id, after) => userCache.fromPage(await member.api.history(id, after)),
      ticket.channelId,
    );
    conv.start();
    await until(() => conv.messages.length === 1);

    await agent.store.loadDetail(ticket.id);
    await agent.store.claim(ticket.id);
    await until(() => member.store.tickets.get(ticket.id)?.status === 'assigned');
    expect(member.store.tickets.get(ticket.id)!.queuePosition).to.equal(null);

    const agentConv = new HotlineConversation(
      agent.hub,
      async (id, after) => userCache.fromPage(await agent.api.history(id, after)),
      ticket.channelId,
    );
    agentConv.start();
    await agentConv.send('Voici la réponse');
    expect(agentConv.pending).to.have.length(0);
    await until(() => conv.messages.some((m) => m.body === 'Voici la réponse'));
    await until(() => member.store.tickets.get(ticket.id)?.firstResponseAt !== null);

    const note = await agent.store.note(ticket.id, 'Interne');
    expect(agent.store.detail!.notes!.map((n) => n.id)).to.include(note.id);
    await agent.store.resolve(ticket.id, 'Réglé');
    await until(() => member.store.tickets.get(ticket.id)?.status === 'resolved');
    const rated = await member.store.rate(ticket.id, 4, '');
    expect(rated.rating).to.include({ score: 4, comment: null });
    conv.stop();
    agentConv.stop();
  });

  it('an agent who joined since reads an old ticket, then the store puts them in its channel and they answer', async () => {
    const ticket = await member.store.open({ subject: 'Ancienne', body: 'Toujours là ?', categoryId: null });
    await until(() => agent.store.tickets.has(ticket.id));
    await agent.store.resolve(ticket.id, 'Réglé');
    const n = await makeUserWithToken(s.db, { role: 'hotline', firstName: 'Inès' });
    const newcomer = clientFor(s, n.token);
    newcomer.hub.start();
    try {
      await until(() => newcomer.hub.connected);
      const inChannel = () => s.db('channel_members').where({ channel_id: ticket.channelId, user_id: n.user.id }).first();
      expect(await inChannel()).to.equal(undefined);
      const history = await newcomer.api.history(ticket.channelId);
      expect(history.messages.map((m) => m.body)).to.deep.equal(['Toujours là ?']);
      expect(await inChannel()).to.equal(undefined);
      await newcomer.store.loadDetail(ticket.id);
      await until(async () => !!(await inChannel()));
      const conv = new HotlineConversation(
        newcomer.hub,
        async (id, after) => userCache.fromPage(await newcomer.api.history(id, after)),
        ticket.channelId,
      );
      conv.start();
      await until(() => conv.messages.length === 1);
      await conv.send('Je reprends votre demande');
      expect(conv.pending).to.have.length(0);
      conv.stop();
    } finally {
      newcomer.hub.stop();
    }
  });

  it('turns a refused command into a HubError with the contract code', async () => {
    const ticket = await member.store.open({ subject: 'Encore', body: 'Texte', categoryId: null });
    const err = await member.store.claim(ticket.id).catch((e: unknown) => e as { code: string });
    expect(err).to.include({ code: 'forbidden' });
  });
});
