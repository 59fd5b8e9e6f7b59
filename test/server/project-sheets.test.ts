import { expect } from 'chai';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';
import { makeUserWithToken } from '../helpers/factories';
import { connect, emitAck, emitRaw, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { lastMailTo, readOutbox } from '../helpers/outbox';
import { createSheet, makeCreator, makeProfessional, shareWith } from '../helpers/project-sheets';
import { fileForm, PNG } from '../helpers/uploads';

const db = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite';

describe(`project sheets: who sees them and how sharing works (${db})`, function () {
  const s = useServer();
  const as = (token: string) => api(s.url, { token });

  /** Every route that reads a sheet or what hangs off it. */
  const reads = (id: number, fileId = 999_999) => [
    `/api/project-sheets/${id}`,
    `/api/project-sheets/${id}/canvas`,
    `/api/project-sheets/${id}/comments`,
    `/api/project-sheets/${id}/files`,
    `/api/project-sheets/${id}/files/${fileId}`,
  ];

  it('only a créateur keeps sheets; a bad body is refused by field and nothing is written', async () => {
    const member = await makeUserWithToken(s.db);
    const refused = await as(member.token).post('/api/project-sheets', { title: 'X', stage: 'idee' });
    expect(refused.status).to.equal(403);
    expect(refused.body.error.code).to.equal('not_a_creator');

    const creator = await makeCreator(s.db);
    const bad = await as(creator.token).post('/api/project-sheets', { title: '', stage: 'rêve', needs: ['licorne'] });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.code).to.equal('invalid_payload');
    const wrongCommune = await as(creator.token).post('/api/project-sheets', {
      title: 'A',
      stage: 'idee',
      departmentCode: '33',
      communeCode: '69123',
    });
    expect(wrongCommune.status).to.equal(400);
    expect(wrongCommune.body.error.details.fields.communeCode).to.be.a('string');
    expect((await as(creator.token).get('/api/project-sheets')).body.items).to.deep.equal([]);

    const sheet = await createSheet(s.url, creator.token, { communeCode: '33063' });
    const got = (await as(creator.token).get(`/api/project-sheets/${sheet.id}`)).body;
    expect(got).to.include({ myRole: 'owner', departmentCode: '33', communeName: 'Bordeaux', version: 1 });
    expect(got.needs).to.deep.equal(['financement', 'local']);
  });

  it('a professional account gets access at once, notified and mailed; anyone else — admins included — gets 404 everywhere', async () => {
    const creator = await makeCreator(s.db);
    const pro = await makeProfessional(s.db);
    const outsider = await makeUserWithToken(s.db);
    const otherPro = await makeProfessional(s.db);
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const sheet = await createSheet(s.url, creator.token);
    const upload = await as(creator.token).post(`/api/project-sheets/${sheet.id}/files`, fileForm(PNG, 'plan.png', 'image/png'));
    expect(upload.status).to.equal(201);

    for (const who of [pro, outsider, otherPro, admin])
      for (const path of reads(sheet.id, upload.body.id)) expect((await as(who.token).get(path)).status, path).to.equal(404);

    const share = await shareWith(s.url, creator.token, sheet.id, pro.user.email.toUpperCase());
    expect(share.status).to.equal('active');
    expect(lastMailTo(s.outboxDir, pro.user.email, `/projets/${sheet.id}`)?.link).to.be.a('string');
    const notes = (await as(pro.token).get('/api/notifications')).body.items;
    expect(notes[0]).to.include({ kind: 'sheet_shared' });

    for (const path of reads(sheet.id, upload.body.id)) expect((await as(pro.token).get(path)).status, path).to.equal(200);
    for (const who of [outsider, otherPro, admin])
      for (const path of reads(sheet.id, upload.body.id)) expect((await as(who.token).get(path)).status, path).to.equal(404);
    // Seeing is not editing: a professional who sees the sheet is refused the creator's actions (403, not 404).
    expect((await as(pro.token).patch(`/api/project-sheets/${sheet.id}`, { title: 'Autre' })).status).to.equal(403);
    expect((await as(pro.token).post(`/api/project-sheets/${sheet.id}/postits`, { block: 'canaux', text: 'X' })).status).to.equal(403);
    expect((await as(pro.token).get(`/api/project-sheets/${sheet.id}/shares`)).status).to.equal(403);
    expect((await as(outsider.token).post(`/api/project-sheets/${sheet.id}/comments`, { subject: 'A', body: 'B' })).status).to.equal(404);

    const again = await as(creator.token).post(`/api/project-sheets/${sheet.id}/shares`, { email: pro.user.email });
    expect(again.status).to.equal(409);
    expect(again.body.error.code).to.equal('already_shared');
    const self = await as(creator.token).post(`/api/project-sheets/${sheet.id}/shares`, { email: creator.user.email });
    expect(self.body.error.code).to.equal('cannot_share_with_self');
    const list = (await as(pro.token).get('/api/accompaniments')).body.items;
    expect(list.map((x: { id: number }) => x.id)).to.deep.equal([sheet.id]);
    expect(list[0].changed).to.equal(true);
  });

  it('an address without a professional account is invited; access comes only once validated as professional', async () => {
    const creator = await makeCreator(s.db);
    const sheet = await createSheet(s.url, creator.token);
    const email = `conseil-${Date.now()}@exemple.fr`;
    const share = await shareWith(s.url, creator.token, sheet.id, email);
    expect(share.status).to.equal('invited');
    expect(lastMailTo(s.outboxDir, email, '/inscription')?.link).to.include(encodeURIComponent(email));

    // The account is created with that address, as a basic member waiting for the professional type: nothing yet.
    const later = await makeUserWithToken(s.db, { email });
    await s.db('users').where({ id: later.user.id }).update({ requested_account_type: 'professionnel' });
    for (const path of reads(sheet.id)) if (!path.includes('/files/')) expect((await as(later.token).get(path)).status, path).to.equal(404);
    expect((await as(later.token).get('/api/accompaniments')).body.items).to.deep.equal([]);

    // An admin validates it: access follows, and the professional is told which sheet waits for them.
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    expect((await as(admin.token).post(`/api/admin/account-type-requests/${later.user.id}/accept`)).status).to.be.oneOf([200, 204]);
    expect((await as(later.token).get(`/api/project-sheets/${sheet.id}`)).status).to.equal(200);
    const told = (await as(later.token).get('/api/notifications')).body.items;
    expect(told.map((n: { kind: string; data: { sheetId: number } }) => [n.kind, n.data.sheetId])).to.deep.include([
      'sheet_shared',
      sheet.id,
    ]);
    const shares = (await as(creator.token).get(`/api/project-sheets/${sheet.id}/shares`)).body.items;
    expect(shares[0]).to.include({ email, status: 'active' });
  });

  it('a contribution mails the creator (per their settings), goes live to the room, and revocation closes everything at once', async () => {
    const creator = await makeCreator(s.db);
    const pro = await makeProfessional(s.db);
    const pro2 = await makeProfessional(s.db);
    const outsider = await makeUserWithToken(s.db);
    const sheet = await createSheet(s.url, creator.token);
    const postit = (
      await as(creator.token).post(`/api/project-sheets/${sheet.id}/postits`, { block: 'segments', text: 'Familles du quartier' })
    ).body;
    const share = await shareWith(s.url, creator.token, sheet.id, pro.user.email);
    await shareWith(s.url, creator.token, sheet.id, pro2.user.email);

    const creatorSocket = await connect(s.url, creator.token);
    const proSocket = await connect(s.url, pro.token);
    const pro2Socket = await connect(s.url, pro2.token);
    const outsiderSocket = await connect(s.url, outsider.token);
    for (const sock of [creatorSocket, proSocket, pro2Socket])
      expect((await emitAck(sock, 'sheet:watch', { sheetId: sheet.id })).ok).to.equal(true);
    const refused = await emitAck(outsiderSocket, 'sheet:watch', { sheetId: sheet.id });
    expect(refused.ok).to.equal(false);
    expect(refused.error.code).to.equal('not_found');
    expect((await emitRaw(outsiderSocket, 'sheet:watch', { sheetId: 'x' })).error.code).to.equal('invalid_payload');

    const live = waitForEvent(creatorSocket, 'sheet:comment', (c) => c.postitId === postit.id);
    const seenByPro2 = waitForEvent(pro2Socket, 'sheet:comment', (c) => c.postitId === postit.id);
    const outsiderHears = expectNoEvent(outsiderSocket, 'sheet:comment');
    const before = readOutbox(s.outboxDir).filter((m) => m.to.includes(creator.user.email)).length;
    const res = await as(pro.token).post(`/api/project-sheets/${sheet.id}/comments`, {
      postitId: postit.id,
      body: 'Avez-vous chiffré ce segment ?',
    });
    expect(res.status).to.equal(201);
    expect((await live).body).to.equal('Avez-vous chiffré ce segment ?');
    await seenByPro2;
    await outsiderHears;
    const mails = readOutbox(s.outboxDir).filter((m) => m.to.includes(creator.user.email));
    expect(mails.length).to.equal(before + 1);
    expect(mails.at(-1)!.subject).to.include('Épicerie vrac');
    expect(mails.at(-1)!.text).to.include('Avez-vous chiffré ce segment ?');
    const note = await s.db('notifications').where({ user_id: creator.user.id, kind: 'sheet_contribution' }).first();
    expect(note.mailed_at).to.not.equal(null);

    // With daily digests, the contribution waits for the digest (no mail at once).
    await as(creator.token).put('/api/me/notification-settings', {
      frequency: 'daily',
      batchMinutes: 0,
      types: { article: true, comment: true, member: true, event: true, mention: true },
      groups: {},
    });
    await as(pro.token).post(`/api/project-sheets/${sheet.id}/comments`, { subject: 'Budget', body: 'Voyons le prévisionnel.' });
    expect(readOutbox(s.outboxDir).filter((m) => m.to.includes(creator.user.email)).length).to.equal(before + 1);

    // Revocation: the professional is told, their socket leaves the room, every read answers 404.
    const told = waitForEvent(proSocket, 'sheet:revoked', (e) => e.sheetId === sheet.id);
    expect((await as(creator.token).delete(`/api/project-sheets/${sheet.id}/shares/${share.id}`)).status).to.equal(204);
    await told;
    const proHears = expectNoEvent(proSocket, 'sheet:canvas');
    const creatorHears = waitForEvent(creatorSocket, 'sheet:canvas');
    await as(creator.token).post(`/api/project-sheets/${sheet.id}/postits`, { block: 'canaux', text: 'Marché du dimanche' });
    await creatorHears;
    await proHears;
    for (const path of reads(sheet.id)) expect((await as(pro.token).get(path)).status, path).to.equal(404);
    expect((await emitAck(proSocket, 'sheet:watch', { sheetId: sheet.id })).error.code).to.equal('not_found');
    expect((await as(pro.token).get('/api/accompaniments')).body.items).to.deep.equal([]);
  });

  it('a professional sees what changed since their last visit, and unread contributions', async () => {
    const creator = await makeCreator(s.db);
    const pro = await makeProfessional(s.db);
    const sheet = await createSheet(s.url, creator.token);
    await shareWith(s.url, creator.token, sheet.id, pro.user.email);
    const first = (await as(pro.token).get(`/api/project-sheets/${sheet.id}`)).body;
    expect(first.firstVisit).to.equal(true);
    expect((await as(pro.token).post(`/api/project-sheets/${sheet.id}/visit`)).status).to.equal(200);

    const same = await as(creator.token).patch(`/api/project-sheets/${sheet.id}`, { title: 'Épicerie vrac' });
    expect(same.body.version).to.equal(1);
    const edited = await as(creator.token).patch(`/api/project-sheets/${sheet.id}`, { stage: 'creation', needs: ['financement'] });
    expect(edited.body.version).to.equal(2);
    await as(creator.token).post(`/api/project-sheets/${sheet.id}/comments`, { subject: 'Nouvelles', body: 'Le local est trouvé.' });

    const second = (await as(pro.token).get(`/api/project-sheets/${sheet.id}`)).body;
    expect(second.firstVisit).to.equal(false);
    expect(second.unread).to.equal(1);
    expect(second.changes).to.deep.include({ field: 'stage', label: 'Étape', before: 'Étude', after: 'Création' });
    expect(second.changes).to.deep.include({ field: 'needs', label: 'Besoins', before: 'Financement, Local', after: 'Financement' });
    const listed = (await as(pro.token).get('/api/accompaniments')).body.items[0];
    expect(listed).to.include({ id: sheet.id, unread: 1, changed: true });
    await as(pro.token).post(`/api/project-sheets/${sheet.id}/visit`);
    expect((await as(pro.token).get('/api/accompaniments')).body.items[0]).to.include({ unread: 0, changed: false });
    expect((await as(pro.token).get(`/api/project-sheets/${sheet.id}`)).body.changes).to.deep.equal([]);
  });

  it('post-its move between blocks and reorder, positions staying dense', async () => {
    const creator = await makeCreator(s.db);
    const sheet = await createSheet(s.url, creator.token);
    const add = async (block: string, text: string) =>
      (await as(creator.token).post(`/api/project-sheets/${sheet.id}/postits`, { block, text })).body.id as number;
    const a = await add('canaux', 'A');
    const b = await add('canaux', 'B');
    const c = await add('canaux', 'C');
    const order = async (block: string) =>
      (await as(creator.token).get(`/api/project-sheets/${sheet.id}/canvas`)).body.postits
        .filter((p: { block: string }) => p.block === block)
        .map((p: { id: number; position: number }) => [p.id, p.position]);
    await as(creator.token).post(`/api/project-sheets/${sheet.id}/postits/${c}/move`, { block: 'canaux', position: 0 });
    expect(await order('canaux')).to.deep.equal([
      [c, 0],
      [a, 1],
      [b, 2],
    ]);
    await as(creator.token).post(`/api/project-sheets/${sheet.id}/postits/${a}/move`, { block: 'revenus', position: 99 });
    expect(await order('canaux')).to.deep.equal([
      [c, 0],
      [b, 1],
    ]);
    expect(await order('revenus')).to.deep.equal([[a, 0]]);
    const bad = await as(creator.token).post(`/api/project-sheets/${sheet.id}/postits/${a}/move`, { block: 'nulle-part', position: 0 });
    expect(bad.status).to.equal(400);
    expect((await as(creator.token).delete(`/api/project-sheets/${sheet.id}/postits/${c}`)).status).to.equal(200);
    expect(await order('canaux')).to.deep.equal([[b, 0]]);
    const other = await makeCreator(s.db);
    expect(
      (await as(other.token).post(`/api/project-sheets/${sheet.id}/postits/${b}/move`, { block: 'couts', position: 0 })).status,
    ).to.equal(404);
  });
});
