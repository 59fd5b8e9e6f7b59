import { expect } from 'chai';
import type { Message } from '../../server/protocol/chat';
import crypto from 'node:crypto';
import { api } from '../helpers/http';
import { connect, emitAck, emitRaw, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { lastMailTo, readOutbox } from '../helpers/outbox';
import { openRequest, person, until, type Person } from '../helpers/hotline';
import { useServer } from '../helpers/suite';

describe('hotline: requests, queue, claim, transfer, notes, resolve, reopen, rating', () => {
  const s = useServer({ env: { MESSAGE_RATE_PER_10S: '1000' } });
  let agent: Person;
  let agent2: Person;
  let alice: Person;
  let bob: Person;
  let carol: Person;

  before(async () => {
    agent = await person(s, { role: 'hotline', firstName: 'Karim', lastName: 'Agent' });
    agent2 = await person(s, { role: 'hotline', firstName: 'Nadia', lastName: 'Agent' });
    alice = await person(s, { departmentCode: '69' });
    bob = await person(s, { departmentCode: '33' });
    carol = await person(s, { departmentCode: '75' });
  });

  it('hotline:open acks ticket and channel, stores them, tells staff and nobody else', async () => {
    const staffGot = waitForEvent(agent.socket, 'hotline:ticket', (t) => t.requester.id === alice.user.id);
    const staffMsg = waitForEvent<'message:new', Message>(agent.socket, 'message:new', (m) => m.author.id === alice.user.id);
    const staffChannel = waitForEvent(agent2.socket, 'channel:added', (c) => c.kind === 'hotline');
    const bobSaw = [
      expectNoEvent(bob.socket, 'hotline:ticket'),
      expectNoEvent(bob.socket, 'message:new'),
      expectNoEvent(bob.socket, 'channel:added'),
    ];
    const ack = await openRequest(alice, 'Impossible de me connecter');
    expect(ack.ok, JSON.stringify(ack)).to.equal(true);
    expect(ack.ticket).to.include({
      status: 'open',
      subject: 'Impossible de me connecter',
      queuePosition: 1,
      assignee: null,
      firstResponseAt: null,
    });
    expect(ack.ticket.requester).to.include({ id: alice.user.id });
    expect(Date.parse(ack.ticket.firstResponseDueAt)).to.be.greaterThan(Date.parse(ack.ticket.createdAt));
    expect(ack.channel).to.include({ id: ack.ticket.channelId, kind: 'hotline', joined: true });
    const row = await s.db('hotline_tickets').where({ id: ack.ticket.id }).first();
    expect(row).to.include({ requester_id: alice.user.id, status: 'open', department_code: '69' });
    const members = (await s.db('channel_members').where({ channel_id: row.channel_id })).map((m: any) => m.user_id).sort();
    expect(members).to.have.members([alice.user.id, agent.user.id, agent2.user.id]);
    const msgs = await s.db('messages').where({ channel_id: row.channel_id });
    expect(msgs.map((m: any) => [m.seq, m.body])).to.deep.equal([[1, 'Bonjour, impossible de me connecter.']]);
    expect((await staffGot).id).to.equal(ack.ticket.id);
    expect((await staffMsg).channelId).to.equal(row.channel_id);
    expect((await staffChannel).id).to.equal(row.channel_id);
    await Promise.all(bobSaw);
  });

  it('hotline:open is idempotent on clientMsgId and validates its payload', async () => {
    const clientMsgId = crypto.randomUUID();
    const first = await emitAck(carol.socket, 'hotline:open', { subject: 'Une fois', body: 'Texte', clientMsgId });
    const quiet = expectNoEvent(agent.socket, 'hotline:ticket', (t) => t.id === first.ticket.id);
    const again = await emitAck(carol.socket, 'hotline:open', { subject: 'Une fois', body: 'Texte', clientMsgId });
    expect(again.ticket.id).to.equal(first.ticket.id);
    await quiet;
    expect(await s.db('hotline_tickets').where({ client_msg_id: clientMsgId })).to.have.length(1);
    for (const bad of [
      { subject: '', body: 'x', clientMsgId: 'a' },
      { subject: 'x', body: '   ', clientMsgId: 'b' },
      { subject: 'x', body: 'y' },
      'nope',
    ]) {
      const r = await emitRaw(carol.socket, 'hotline:open', bad);
      expect(r.error.code).to.equal('invalid_payload');
    }
    const unknownCategory = await emitAck(carol.socket, 'hotline:open', { subject: 'x', body: 'y', clientMsgId: 'c-x', categoryId: 99999 });
    expect(unknownCategory.error.code).to.equal('invalid_payload');
    const category = (await s.db('hotline_categories').where({ slug: 'outils' }).first()).id;
    const filed = await openRequest(carol, 'Avec catégorie', { categoryId: category });
    expect(filed.ticket.category).to.deep.equal({ id: category, name: 'Outils et logiciels' });
  });

  it('another member sees nothing of a ticket: not listed, 404 on it and its history, no events', async () => {
    const { ticket } = await openRequest(alice, 'Secret de Alice');
    const bobApi = api(s.url, { token: bob.token });
    const mine = await bobApi.get('/api/hotline/tickets');
    expect(mine.status).to.equal(200);
    expect(mine.body.items.map((t: any) => t.id)).to.not.include(ticket.id);
    expect((await bobApi.get(`/api/hotline/tickets/${ticket.id}`)).status).to.equal(404);
    expect((await bobApi.get(`/api/channels/${ticket.channelId}/messages`)).status).to.equal(404);
    expect((await bobApi.get('/api/channels')).body.map((c: any) => c.id)).to.not.include(ticket.channelId);
    const send = await emitAck(bob.socket, 'message:send', {
      channelId: ticket.channelId,
      body: 'Coucou',
      clientMsgId: crypto.randomUUID(),
    });
    expect(send.error.code).to.equal('not_found');
    const aliceList = await api(s.url, { token: alice.token }).get('/api/hotline/tickets');
    expect(aliceList.body.items.map((t: any) => t.id)).to.include(ticket.id);
    expect(aliceList.body.items.every((t: any) => t.requester.id === alice.user.id)).to.equal(true);
    expect((await api(s.url).get('/api/hotline/tickets')).status).to.equal(401);
    expect((await api(s.url).get(`/api/hotline/tickets/${ticket.id}`)).status).to.equal(401);
    expect((await bobApi.get('/api/hotline/tickets?status=closed')).body.error.code).to.equal('invalid_payload');
    expect((await bobApi.get('/api/hotline/tickets/abc')).body.error.code).to.equal('invalid_payload');
  });

  it('a member cannot claim, transfer, resolve or note: forbidden on their own ticket, not_found on others', async () => {
    const { ticket } = await openRequest(bob, 'Ma question');
    for (const [event, extra] of [
      ['hotline:claim', {}],
      ['hotline:transfer', { toUserId: agent.user.id }],
      ['hotline:resolve', {}],
      ['hotline:note', { body: 'x' }],
    ] as const) {
      expect((await emitAck(bob.socket, event, { ticketId: ticket.id, ...extra })).error.code, event).to.equal('forbidden');
      expect((await emitAck(carol.socket, event, { ticketId: ticket.id, ...extra })).error.code, event).to.equal('not_found');
    }
    const row = await s.db('hotline_tickets').where({ id: ticket.id }).first();
    expect(row).to.include({ status: 'open', assignee_id: null });
  });

  it('queue positions: oldest first, moving up when a ticket ahead is claimed', async () => {
    await s.db('hotline_tickets').where({ status: 'open' }).update({ status: 'resolved', resolved_at: new Date() });
    const [p1, p2, p3] = [await person(s), await person(s), await person(s)];
    const t1 = (await openRequest(p1, 'Premier')).ticket;
    const t2 = (await openRequest(p2, 'Deuxième')).ticket;
    const t3 = (await openRequest(p3, 'Troisième')).ticket;
    expect([t1, t2, t3].map((t) => t.queuePosition)).to.deep.equal([1, 2, 3]);
    const p2Moved = waitForEvent(p2.socket, 'hotline:ticket', (t) => t.id === t2.id);
    const p3Moved = waitForEvent(p3.socket, 'hotline:ticket', (t) => t.id === t3.id);
    const p1Heard = waitForEvent(p1.socket, 'hotline:ticket', (t) => t.id === t1.id);
    const p2NotOthers = expectNoEvent(p2.socket, 'hotline:ticket', (t) => t.id !== t2.id);
    const claim = await emitAck(agent.socket, 'hotline:claim', { ticketId: t1.id });
    expect(claim.ticket).to.include({ status: 'assigned', queuePosition: null });
    expect(claim.ticket.assignee).to.include({ id: agent.user.id, displayName: 'Karim Agent' });
    expect((await p2Moved).queuePosition).to.equal(1);
    expect((await p3Moved).queuePosition).to.equal(2);
    expect((await p1Heard).assignee?.id).to.equal(agent.user.id);
    await p2NotOthers;
    expect((await s.db('hotline_tickets').where({ id: t1.id }).first()).assignee_id).to.equal(agent.user.id);
    const again = await emitAck(agent2.socket, 'hotline:claim', { ticketId: t1.id });
    expect(again.error.code).to.equal('already_assigned');
    const queue = await api(s.url, { token: agent.token }).get('/api/hotline/tickets?scope=unassigned&status=open');
    expect(queue.body.items.map((t: any) => [t.id, t.queuePosition])).to.deep.equal([
      [t2.id, 1],
      [t3.id, 2],
    ]);
    const mine = await api(s.url, { token: agent.token }).get('/api/hotline/tickets?scope=mine');
    expect(mine.body.items.map((t: any) => t.id)).to.deep.equal([t1.id]);
  });

  it('internal notes reach staff only: never the requester, never the channel history', async () => {
    const { ticket } = await openRequest(alice, 'Avec note');
    const staffGot = waitForEvent(agent2.socket, 'hotline:note', (n) => n.ticketId === ticket.id);
    const aliceSaw = [
      expectNoEvent(alice.socket, 'hotline:note'),
      expectNoEvent(alice.socket, 'message:new', (m) => m.channelId === ticket.channelId),
    ];
    const ack = await emitAck(agent.socket, 'hotline:note', {
      ticketId: ticket.id,
      body: 'Déjà vu ce cas : réinitialiser le mot de passe.',
    });
    expect(ack.ok).to.equal(true);
    expect(ack.note).to.include({ ticketId: ticket.id, body: 'Déjà vu ce cas : réinitialiser le mot de passe.' });
    expect(ack.note.author.id).to.equal(agent.user.id);
    expect(await s.db('hotline_notes').where({ ticket_id: ticket.id })).to.have.length(1);
    expect((await staffGot).id).to.equal(ack.note.id);
    await Promise.all(aliceSaw);
    const history = await api(s.url, { token: alice.token }).get(`/api/channels/${ticket.channelId}/messages`);
    expect(history.body.map((m: any) => m.body)).to.not.include(ack.note.body);
    const aliceView = await api(s.url, { token: alice.token }).get(`/api/hotline/tickets/${ticket.id}`);
    expect(aliceView.status).to.equal(200);
    expect(aliceView.body).to.not.have.property('notes');
    expect(JSON.stringify(aliceView.body)).to.not.include('réinitialiser');
    const staffView = await api(s.url, { token: agent2.token }).get(`/api/hotline/tickets/${ticket.id}`);
    expect(staffView.body.notes.map((n: any) => n.body)).to.deep.equal([ack.note.body]);
    expect(staffView.body.history.map((h: any) => h.kind)).to.deep.equal(['opened']);
    expect((await emitAck(agent.socket, 'hotline:note', { ticketId: ticket.id, body: '' })).error.code).to.equal('invalid_payload');
  });

  it('transfer: the new assignee is told, the requester sees who handles it; only to staff', async () => {
    const { ticket } = await openRequest(bob, 'À transférer');
    await emitAck(agent.socket, 'hotline:claim', { ticketId: ticket.id });
    const toldNew = waitForEvent(agent2.socket, 'hotline:assigned', (e) => e.ticket.id === ticket.id);
    const bobSees = waitForEvent(bob.socket, 'hotline:ticket', (t) => t.id === ticket.id && t.assignee?.id === agent2.user.id);
    const ack = await emitAck(agent.socket, 'hotline:transfer', { ticketId: ticket.id, toUserId: agent2.user.id });
    expect(ack.ticket.assignee?.id).to.equal(agent2.user.id);
    const told = await toldNew;
    expect(told.by.id).to.equal(agent.user.id);
    expect((await bobSees).status).to.equal('assigned');
    expect((await s.db('hotline_tickets').where({ id: ticket.id }).first()).assignee_id).to.equal(agent2.user.id);
    const events = await s.db('hotline_ticket_events').where({ ticket_id: ticket.id }).orderBy('id');
    expect(events.map((e: any) => e.kind)).to.deep.equal(['opened', 'claimed', 'transferred']);
    expect((await emitAck(agent.socket, 'hotline:transfer', { ticketId: ticket.id, toUserId: carol.user.id })).error.code).to.equal(
      'not_found',
    );
    expect((await emitRaw(agent.socket, 'hotline:transfer', { ticketId: ticket.id, toUserId: 'x' })).error.code).to.equal(
      'invalid_payload',
    );
  });

  it('a staff reply is the first response, claims a waiting ticket, and mails an offline requester a link back', async () => {
    const dave = await person(s, { departmentCode: '13' });
    const { ticket } = await openRequest(dave, 'Réponse par courriel');
    dave.socket.close();
    await until(async () => (await statusSeenBy(agent, dave.user.id)) === 'offline');
    const reply = await emitAck(agent.socket, 'message:send', {
      channelId: ticket.channelId,
      body: 'Bonjour, essayez ceci.',
      clientMsgId: crypto.randomUUID(),
    });
    expect(reply.ok).to.equal(true);
    const row = await s.db('hotline_tickets').where({ id: ticket.id }).first();
    expect(row).to.include({ status: 'assigned', assignee_id: agent.user.id, first_responder_id: agent.user.id });
    expect(row.first_response_at).to.not.equal(null);
    const mail = lastMailTo(s.outboxDir, dave.user.email, '/hotline/');
    expect(mail, 'a mail to the requester').to.not.equal(null);
    expect(mail!.link).to.equal(`${s.url}/hotline/${ticket.id}`);
    expect(mail!.mail.subject).to.include(`n° ${ticket.id}`);
    // A second reply in the same burst sends no second mail; an online requester gets none.
    await emitAck(agent.socket, 'message:send', { channelId: ticket.channelId, body: 'Et aussi cela.', clientMsgId: crypto.randomUUID() });
    const onlineTicket = (await openRequest(alice, 'En ligne')).ticket;
    await emitAck(agent.socket, 'message:send', {
      channelId: onlineTicket.channelId,
      body: 'Réponse en direct',
      clientMsgId: crypto.randomUUID(),
    });
    const toDave = readOutbox(s.outboxDir).filter((m) => m.to.includes(dave.user.email));
    expect(toDave).to.have.length(1);
    expect(readOutbox(s.outboxDir).filter((m) => m.to.includes(alice.user.email))).to.have.length(0);
  });

  it('resolve with a note, rate 1–5 by the requester only, reopen within 7 days (requester) or any time (staff)', async () => {
    const { ticket } = await openRequest(carol, 'À résoudre');
    expect((await emitAck(carol.socket, 'hotline:rate', { ticketId: ticket.id, score: 5 })).error.code).to.equal('ticket_not_resolved');
    expect((await emitAck(carol.socket, 'hotline:reopen', { ticketId: ticket.id })).error.code).to.equal('ticket_not_resolved');
    await emitAck(agent.socket, 'hotline:claim', { ticketId: ticket.id });
    const carolSees = waitForEvent(carol.socket, 'hotline:ticket', (t) => t.id === ticket.id && t.status === 'resolved');
    const resolved = await emitAck(agent.socket, 'hotline:resolve', { ticketId: ticket.id, note: 'Mot de passe réinitialisé.' });
    expect(resolved.ticket).to.include({ status: 'resolved', resolutionNote: 'Mot de passe réinitialisé.' });
    expect(resolved.ticket.resolvedAt).to.be.a('string');
    expect((await carolSees).resolutionNote).to.equal('Mot de passe réinitialisé.');
    expect((await emitAck(agent.socket, 'hotline:claim', { ticketId: ticket.id })).error.code).to.equal('ticket_resolved');

    expect((await emitAck(carol.socket, 'hotline:rate', { ticketId: ticket.id, score: 6 })).error.code).to.equal('invalid_payload');
    expect((await emitAck(agent.socket, 'hotline:rate', { ticketId: ticket.id, score: 4 })).error.code).to.equal('forbidden');
    expect((await emitAck(bob.socket, 'hotline:rate', { ticketId: ticket.id, score: 4 })).error.code).to.equal('not_found');
    const rated = await emitAck(carol.socket, 'hotline:rate', { ticketId: ticket.id, score: 5, comment: 'Merci !' });
    expect(rated.ticket.rating).to.include({ score: 5, comment: 'Merci !' });
    expect((await s.db('hotline_tickets').where({ id: ticket.id }).first()).rating_score).to.equal(5);

    expect((await emitAck(bob.socket, 'hotline:reopen', { ticketId: ticket.id })).error.code).to.equal('not_found');
    const agentSees = waitForEvent(agent.socket, 'hotline:ticket', (t) => t.id === ticket.id && t.status === 'assigned');
    const reopened = await emitAck(carol.socket, 'hotline:reopen', { ticketId: ticket.id });
    expect(reopened.ticket).to.include({ status: 'assigned', resolvedAt: null, rating: null });
    expect(reopened.ticket.assignee?.id).to.equal(agent.user.id);
    await agentSees;

    await emitAck(agent.socket, 'hotline:resolve', { ticketId: ticket.id });
    await s
      .db('hotline_tickets')
      .where({ id: ticket.id })
      .update({ resolved_at: new Date(Date.now() - 8 * 86_400_000) });
    expect((await emitAck(carol.socket, 'hotline:reopen', { ticketId: ticket.id })).error.code).to.equal('reopen_expired');
    const byStaff = await emitAck(agent2.socket, 'hotline:reopen', { ticketId: ticket.id });
    expect(byStaff.ticket.status).to.equal('assigned');
    const kinds = (await s.db('hotline_ticket_events').where({ ticket_id: ticket.id }).orderBy('id')).map((e: any) => e.kind);
    expect(kinds).to.deep.equal(['opened', 'claimed', 'resolved', 'rated', 'reopened', 'resolved', 'reopened']);
  });

  it('reading an old ticket writes nothing: a new agent reads its channel, and joins it only with channel:join', async () => {
    const { ticket } = await openRequest(alice, 'Ancienne demande');
    await emitAck(agent.socket, 'hotline:resolve', { ticketId: ticket.id });
    const newcomer = await person(s, { role: 'hotline', firstName: 'Inès', lastName: 'Nouvelle' });
    const inChannel = () => s.db('channel_members').where({ channel_id: ticket.channelId, user_id: newcomer.user.id });
    expect(await inChannel()).to.have.length(0);
    const asNewcomer = api(s.url, { token: newcomer.token });
    const detail = await asNewcomer.get(`/api/hotline/tickets/${ticket.id}`);
    expect(detail.status).to.equal(200);
    expect(detail.body).to.have.property('notes');
    expect(detail.body).to.not.have.property('joinedChannel');
    const history = await asNewcomer.get(`/api/channels/${ticket.channelId}/messages`);
    expect(history.status).to.equal(200);
    expect(history.body.map((m: any) => m.body)).to.deep.equal(['Bonjour, ancienne demande.']);
    expect(await inChannel()).to.have.length(0);
    // A member who is not staff still gets 404 on someone else's ticket channel.
    expect((await api(s.url, { token: bob.token }).get(`/api/channels/${ticket.channelId}/messages`)).status).to.equal(404);
    const added = waitForEvent(newcomer.socket, 'channel:added', (c) => c.id === ticket.channelId);
    const joined = await emitAck(newcomer.socket, 'channel:join', { channelId: ticket.channelId });
    expect(joined.ok, JSON.stringify(joined)).to.equal(true);
    await added;
    expect(await inChannel()).to.have.length(1);
    expect((await emitAck(bob.socket, 'channel:join', { channelId: ticket.channelId })).error.code).to.equal('not_found');
  });

  it('a ticket whose agent left the staff goes back to the end of the queue when reopened', async () => {
    const temp = await person(s, { role: 'hotline' });
    const { ticket } = await openRequest(bob, 'Agent parti');
    await emitAck(temp.socket, 'hotline:claim', { ticketId: ticket.id });
    await emitAck(temp.socket, 'hotline:resolve', { ticketId: ticket.id });
    await s.db('users').where({ id: temp.user.id }).update({ role: 'member' });
    const reopened = await emitAck(bob.socket, 'hotline:reopen', { ticketId: ticket.id });
    expect(reopened.ticket).to.include({ status: 'open', assignee: null });
    expect(reopened.ticket.queuePosition).to.be.a('number');
    // At their next connection the former agent leaves the ticket channels that are not their own.
    const back = await connect(s.url, temp.token);
    await emitAck(back, 'presence:get', { userIds: [] });
    expect(await s.db('channel_members').where({ channel_id: ticket.channelId, user_id: temp.user.id })).to.have.length(0);
  });
});

/** What `viewer` is told of someone's presence (status only). */
async function statusSeenBy(viewer: Person, userId: number): Promise<string | undefined> {
  const r = await emitAck(viewer.socket, 'presence:get', { userIds: [userId] });
  return r.presence[0]?.status;
}
