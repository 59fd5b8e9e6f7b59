import { expect } from 'chai';
import { api } from '../helpers/http';
import { connect, emitAck, waitForEvent } from '../helpers/sockets';
import { makeUser, makeUserWithToken } from '../helpers/factories';
import { openRequest, person, type Person } from '../helpers/hotline';
import { useServer } from '../helpers/suite';

describe('hotline desk: availability, new staff, categories', () => {
  const s = useServer();
  let member: Person;

  before(async () => {
    member = await person(s);
  });

  it('says "indisponible" with no staff online, "disponible" once an agent connects, and back after they leave', async () => {
    const status = await api(s.url, { token: member.token }).get('/api/hotline/status');
    expect(status.status).to.equal(200);
    expect(status.body).to.include({ available: false, firstResponseTargetHours: 4 });
    expect(status.body.workingHours).to.deep.equal({ timeZone: 'Europe/Paris', days: [1, 2, 3, 4, 5], start: 9, end: 17 });
    expect(Date.parse(status.body.firstResponseDueIfOpenedNow)).to.be.greaterThan(Date.now());
    expect((await api(s.url).get('/api/hotline/status')).status).to.equal(401);

    const up = waitForEvent(member.socket, 'hotline:availability', (e) => e.available === true);
    const staff = await makeUserWithToken(s.db, { role: 'hotline' });
    const staffSocket = await connect(s.url, staff.token);
    await up;
    expect((await api(s.url, { token: member.token }).get('/api/hotline/status')).body.available).to.equal(true);
    const down = waitForEvent(member.socket, 'hotline:availability', (e) => e.available === false);
    staffSocket.close();
    await down;
    expect((await api(s.url, { token: member.token }).get('/api/hotline/status')).body.available).to.equal(false);
  });

  it('a request opened while nobody is online still gets its first-response target', async () => {
    const { ticket } = await openRequest(member, 'Personne en ligne');
    expect(ticket.firstResponseDueAt).to.be.a('string');
  });

  it('an agent who joins the team later is put in the open tickets\u2019 channels at connection', async () => {
    const { ticket } = await openRequest(member, 'Avant l’arrivée de l’agent');
    const newcomer = await makeUserWithToken(s.db, { role: 'hotline' });
    expect(await s.db('channel_members').where({ channel_id: ticket.channelId, user_id: newcomer.user.id })).to.have.length(0);
    const socket = await connect(s.url, newcomer.token);
    await emitAck(socket, 'presence:get', { userIds: [] });
    expect(await s.db('channel_members').where({ channel_id: ticket.channelId, user_id: newcomer.user.id })).to.have.length(1);
    const history = await api(s.url, { token: newcomer.token }).get(`/api/channels/${ticket.channelId}/messages`);
    expect(history.status).to.equal(200);
    expect(history.body).to.have.length(1);
  });

  it('categories: everyone reads the list, admins add, rename and archive', async () => {
    const memberApi = api(s.url, { token: member.token });
    const list = await memberApi.get('/api/hotline/categories');
    expect(list.status).to.equal(200);
    expect(list.body.map((c: any) => c.name)).to.include.members(['Compte et connexion', 'Autre question']);
    expect((await api(s.url).get('/api/hotline/categories')).status).to.equal(401);
    expect((await memberApi.post('/api/hotline/categories', { name: 'Pirate' })).status).to.equal(403);

    const admin = api(s.url, { token: (await makeUserWithToken(s.db, { role: 'admin' })).token });
    const created = await admin.post('/api/hotline/categories', { name: 'Matériel prêté' });
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ name: 'Matériel prêté', slug: 'materiel-prete', archived: false });
    expect((await admin.post('/api/hotline/categories', { name: 'materiel prete' })).body.error.code).to.equal('category_exists');
    expect((await admin.post('/api/hotline/categories', { name: 'x' })).body.error.code).to.equal('invalid_payload');
    expect((await admin.post('/api/hotline/categories', { name: 'Bien', extra: 1 })).body.error.code).to.equal('invalid_payload');
    expect((await admin.patch('/api/hotline/categories/99999', { name: 'Rien' })).status).to.equal(404);
    const archived = await admin.patch(`/api/hotline/categories/${created.body.id}`, { archived: true });
    expect(archived.body.archived).to.equal(true);
    expect((await memberApi.get('/api/hotline/categories')).body.map((c: any) => c.id)).to.not.include(created.body.id);
    expect((await admin.get('/api/hotline/categories?all=1')).body.map((c: any) => c.id)).to.include(created.body.id);
    const refused = await emitAck(member.socket, 'hotline:open', {
      subject: 'x',
      body: 'y',
      clientMsgId: 'archived-cat',
      categoryId: created.body.id,
    });
    expect(refused.error.code).to.equal('invalid_payload');
  });

  it('agents list: staff only', async () => {
    expect((await api(s.url, { token: member.token }).get('/api/hotline/agents')).status).to.equal(403);
    const staff = await makeUserWithToken(s.db, { role: 'hotline', firstName: 'Zoé' });
    const res = await api(s.url, { token: staff.token }).get('/api/hotline/agents');
    expect(res.status).to.equal(200);
    expect(res.body.every((a: any) => ['hotline', 'admin'].includes(a.role))).to.equal(true);
    expect(res.body.find((a: any) => a.id === staff.user.id)).to.include({ status: 'offline' });
  });
});

describe('hotline figures on a known fixture', () => {
  const s = useServer();
  let staffToken: string;

  const at = (iso: string) => new Date(iso);
  before(async () => {
    const agentA = await makeUser(s.db, { role: 'hotline', firstName: 'Alain', lastName: 'A' });
    const agentB = await makeUser(s.db, { role: 'hotline', firstName: '=Bruno', lastName: 'B' });
    staffToken = (await makeUserWithToken(s.db, { role: 'hotline' })).token;
    const requester = await makeUser(s.db);
    const compte = (await s.db('hotline_categories').where({ slug: 'compte' }).first()).id;
    const outils = (await s.db('hotline_categories').where({ slug: 'outils' }).first()).id;
    // Five tickets opened in March 2021 (Paris), one before, one after: only the five count.
    const fixture = [
      { created: '2021-03-01T09:00:00Z', first: 10, resolved: 60, agent: agentA.id, cat: compte, dep: '69', score: 5 },
      { created: '2021-03-02T09:00:00Z', first: 20, resolved: 120, agent: agentA.id, cat: compte, dep: '69', score: 3 },
      { created: '2021-03-03T09:00:00Z', first: 30, resolved: 300, agent: agentB.id, cat: outils, dep: '33', score: null },
      { created: '2021-03-04T09:00:00Z', first: 600, resolved: null, agent: agentB.id, cat: null, dep: '33', score: null },
      { created: '2021-03-31T20:00:00Z', first: null, resolved: null, agent: null, cat: outils, dep: '75', score: null },
      { created: '2021-02-28T22:59:00Z', first: 1, resolved: 2, agent: agentA.id, cat: compte, dep: '69', score: 1 },
      { created: '2021-03-31T22:00:00Z', first: 1, resolved: 2, agent: agentA.id, cat: compte, dep: '69', score: 1 },
    ];
    for (const [i, f] of fixture.entries()) {
      const created = at(f.created);
      const plus = (min: number | null) => (min === null ? null : new Date(created.getTime() + min * 60_000));
      const [channel] = await s
        .db('channels')
        .insert({ kind: 'hotline', name: `F${i}`, slug: `fixture-${i}`, last_seq: 0, created_at: created })
        .returning('id');
      await s.db('hotline_tickets').insert({
        requester_id: requester.id,
        assignee_id: f.agent,
        channel_id: typeof channel === 'object' ? channel.id : channel,
        category_id: f.cat,
        subject: `Fixture ${i}`,
        status: f.resolved !== null ? 'resolved' : f.agent ? 'assigned' : 'open',
        department_code: f.dep,
        client_msg_id: `fixture-${i}`,
        created_at: created,
        queued_at: created,
        assigned_at: f.agent ? created : null,
        first_response_due_at: plus(240),
        first_response_at: plus(f.first),
        first_responder_id: f.first !== null ? f.agent : null,
        resolved_at: plus(f.resolved),
        resolved_by: f.resolved !== null ? f.agent : null,
        rating_score: f.score,
        updated_at: created,
      });
    }
  });

  it('counts, medians, on-time share and ratings in total, per agent, per category, per département', async () => {
    const res = await api(s.url, { token: staffToken }).get('/api/hotline/figures?from=2021-03-01&to=2021-03-31');
    expect(res.status).to.equal(200);
    const f = res.body;
    expect(f.period).to.deep.equal({ from: '2021-02-28T23:00:00.000Z', to: '2021-03-31T22:00:00.000Z' });
    expect(f.openTickets).to.equal(2);
    expect(f.total).to.deep.equal({
      tickets: 5,
      resolved: 3,
      unresolved: 2,
      medianFirstResponseMinutes: 25,
      medianResolutionMinutes: 120,
      firstResponseOnTimeRate: 75,
      averageRating: 4,
    });
    const agent = (label: string) => f.byAgent.find((g: any) => g.label === label);
    expect(agent('Alain A')).to.include({
      tickets: 2,
      resolved: 2,
      medianFirstResponseMinutes: 15,
      medianResolutionMinutes: 90,
      averageRating: 4,
    });
    expect(agent('=Bruno B')).to.include({
      tickets: 2,
      resolved: 1,
      medianFirstResponseMinutes: 315,
      medianResolutionMinutes: 300,
      firstResponseOnTimeRate: 50,
    });
    expect(agent('Non attribuée')).to.include({ tickets: 1, medianFirstResponseMinutes: null });
    const cat = (label: string) => f.byCategory.find((g: any) => g.label === label);
    expect(cat('Compte et connexion')).to.include({ tickets: 2, medianResolutionMinutes: 90 });
    expect(cat('Outils et logiciels')).to.include({ tickets: 2, resolved: 1 });
    expect(cat('Sans catégorie')).to.include({ tickets: 1 });
    expect(f.byDepartment.map((g: any) => [g.id, g.tickets])).to.deep.equal([
      ['33', 2],
      ['69', 2],
      ['75', 1],
    ]);
    expect(f.byDepartment[0].label).to.equal('33 — Gironde');
  });

  it('exports CSV for a spreadsheet: BOM, semicolons, decimal commas, no live formulas', async () => {
    const res = await fetch(`${s.url}/api/hotline/figures.csv?from=2021-03-01&to=2021-03-31`, {
      headers: { authorization: `Bearer ${staffToken}` },
    });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.include('text/csv');
    expect(res.headers.get('content-disposition')).to.match(/attachment; filename="hotline-.*\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines[0]).to.equal(
      'Regroupement;Libellé;Demandes;Résolues;En cours;Médiane 1re réponse (min);Médiane résolution (min);1re réponse dans le délai (%);Note moyenne',
    );
    expect(lines[1]).to.equal('Total;Du 01/03/2021 au 31/03/2021;5;3;2;25;120;75;4');
    expect(lines).to.include("Agent;'=Bruno B;2;1;1;315;300;50;");
    expect(lines.some((l) => l.startsWith('Département;33 — Gironde;2;'))).to.equal(true);
  });

  it('is for staff and admins only, with a valid period', async () => {
    const member = await makeUserWithToken(s.db);
    expect((await api(s.url, { token: member.token }).get('/api/hotline/figures')).status).to.equal(403);
    expect((await api(s.url, { token: member.token }).get('/api/hotline/figures.csv')).status).to.equal(403);
    expect((await api(s.url).get('/api/hotline/figures')).status).to.equal(401);
    const staff = api(s.url, { token: staffToken });
    expect((await staff.get('/api/hotline/figures?from=2021-13-45')).body.error.code).to.equal('invalid_payload');
    expect((await staff.get('/api/hotline/figures?from=2021-03-10&to=2021-03-01')).body.error.code).to.equal('invalid_payload');
    const recent = await staff.get('/api/hotline/figures');
    expect(recent.status).to.equal(200);
    expect(recent.body.total.tickets).to.equal(0);
  });
});
