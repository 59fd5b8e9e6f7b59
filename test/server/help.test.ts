import { expect } from 'chai';
import { api } from '../helpers/http';
import { makeUserWithToken } from '../helpers/factories';
import { useServer } from '../helpers/suite';

describe('help centre: the FAQ admins edit (rights, 404s, search)', () => {
  const s = useServer();
  const entry = (o: Record<string, unknown> = {}) => ({
    category: 'Hotline',
    question: 'Comment suivre ma demande à la hotline ?',
    answer: 'Ouvrez **Hotline** : vos demandes y sont listées avec leur état.',
    ...o,
  });

  it('anyone reads the FAQ, signed out too; only admins write it (401 signed out, 403 otherwise)', async () => {
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const asAdmin = api(s.url, { token: admin.token });
    const created = await asAdmin.post('/api/help/faq', entry({ position: 5 }));
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body).to.include({ category: 'Hotline', question: 'Comment suivre ma demande à la hotline ?', position: 5 });
    expect(created.body.updatedAt).to.match(/^\d{4}-\d\d-\d\dT/);
    const id = created.body.id;

    const signedOut = await api(s.url).get('/api/help/faq');
    expect(signedOut.status).to.equal(200);
    expect(signedOut.body.items.map((e: { id: number }) => e.id)).to.include(id);

    expect((await api(s.url).post('/api/help/faq', entry())).status).to.equal(401);
    for (const role of ['member', 'animator', 'hotline'] as const) {
      const other = api(s.url, { token: (await makeUserWithToken(s.db, { role })).token });
      const post = await other.post('/api/help/faq', entry());
      expect(post.status, role).to.equal(403);
      expect(post.body.error.code).to.equal('forbidden');
      expect((await other.patch(`/api/help/faq/${id}`, { question: 'Détournée ?' })).status, role).to.equal(403);
      expect((await other.delete(`/api/help/faq/${id}`)).status, role).to.equal(403);
    }
    const row = await s.db('faq_entries').where({ id }).first();
    expect(row.question).to.equal('Comment suivre ma demande à la hotline ?');

    const changed = await asAdmin.patch(`/api/help/faq/${id}`, { answer: 'Dans **Hotline**, onglet « Mes demandes ».' });
    expect(changed.status).to.equal(200);
    expect(changed.body).to.include({
      question: 'Comment suivre ma demande à la hotline ?',
      answer: 'Dans **Hotline**, onglet « Mes demandes ».',
    });
    expect((await asAdmin.delete(`/api/help/faq/${id}`)).status).to.equal(204);
    expect(await s.db('faq_entries').where({ id })).to.have.length(0);
  });

  it('answers 404 for an entry that does not exist, to admins too; bad input is invalid_payload in French', async () => {
    const admin = api(s.url, { token: (await makeUserWithToken(s.db, { role: 'admin' })).token });
    const missing = await admin.patch('/api/help/faq/999999', { question: 'Existe-t-elle ?' });
    expect(missing.status).to.equal(404);
    expect(missing.body.error.code).to.equal('not_found');
    expect((await admin.delete('/api/help/faq/999999')).status).to.equal(404);
    expect((await admin.patch('/api/help/faq/abc', { question: 'Existe-t-elle ?' })).status).to.equal(400);

    const short = await admin.post('/api/help/faq', entry({ question: 'Ah' }));
    expect(short.status).to.equal(400);
    expect(short.body.error.code).to.equal('invalid_payload');
    expect(short.body.error.message).to.match(/^Question : /);
    expect((await admin.post('/api/help/faq', entry({ extra: 1 }))).status).to.equal(400);
    const nothing = await admin.patch('/api/help/faq/1', {});
    expect(nothing.status).to.equal(400);
    expect(nothing.body.error.message).to.contain('Rien à modifier');
  });

  it('with q, ranks the entries sharing words with it, accents and case aside; little words alone find nothing', async () => {
    const admin = api(s.url, { token: (await makeUserWithToken(s.db, { role: 'admin' })).token });
    await s.db('faq_entries').delete();
    const make = async (o: Record<string, unknown>) => (await admin.post('/api/help/faq', entry(o))).body.id as number;
    const password = await make({
      category: 'Compte',
      question: 'J’ai oublié mon mot de passe',
      answer: 'Utilisez « Mot de passe oublié ? ».',
    });
    const document = await make({
      category: 'Documents',
      question: 'Où déposer un document ?',
      answer: 'Dans la banque de documents du groupe.',
    });
    const mention = await make({
      category: 'Discussions',
      question: 'Comment citer quelqu’un ?',
      answer: 'Tapez @ puis son identifiant ; le mot de passe n’est pas demandé.',
    });

    const found = await api(s.url).get(`/api/help/faq?q=${encodeURIComponent('MOT DE PASSE oublie')}`);
    expect(found.status).to.equal(200);
    expect(found.body.items.map((e: { id: number }) => e.id)).to.deep.equal([password, mention]);
    const accents = await api(s.url).get(`/api/help/faq?q=${encodeURIComponent('deposer')}&limit=1`);
    expect(accents.body.items.map((e: { id: number }) => e.id)).to.deep.equal([document]);
    expect((await api(s.url).get(`/api/help/faq?q=${encodeURIComponent('je ne le')}`)).body.items).to.deep.equal([]);
    expect((await api(s.url).get(`/api/help/faq?q=${encodeURIComponent('%_%')}`)).body.items).to.deep.equal([]);
    const all = await api(s.url).get('/api/help/faq');
    expect(all.body.items.map((e: { category: string }) => e.category)).to.deep.equal(['Compte', 'Discussions', 'Documents']);
    expect((await api(s.url).get('/api/help/faq?limit=0')).status).to.equal(400);
  });
});
