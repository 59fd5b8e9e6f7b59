import { expect } from 'chai';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';
import { peopleOn, type Person } from '../helpers/people';
import { lastMailTo } from '../helpers/outbox';
import { addToGroup, createGroup } from '../helpers/groups';
import { RECOMMENDATIONS_PER_DAY } from '../../server/services/publishing/recommendations';
import { PNG, fileForm } from '../helpers/uploads';

const article = (o: Record<string, unknown> = {}) => ({
  title: 'Créer son entreprise en Bretagne',
  summary: 'Les aides régionales en un coup d’œil.',
  body: 'Les **aides** de la région.\n\n- Prêt d’honneur\n- Accompagnement',
  access: 'public',
  ...o,
});

describe('publishing: articles through moderation, public or pro, recommended by e-mail', () => {
  const s = useServer();
  const { person, as } = peopleOn(s);
  const anonymous = () => api(s.url);
  let author: Person;
  let reader: Person;
  let animator: Person;
  let admin: Person;

  before(async () => {
    author = await person();
    reader = await person();
    animator = await person({ role: 'animator' });
    admin = await person({ role: 'admin' });
  });

  const decide = (p: Person, id: number, decision: string, comment = '') =>
    as(p).post(`/api/moderation/article/${id}`, { decision, comment });

  it('a member’s draft stays theirs; submitted, it waits in the moderators’ queue (animators, admins), not on line', async () => {
    const draft = await as(author).post('/api/articles', article({ title: 'Brouillon privé' }));
    expect(draft.status).to.equal(201);
    expect(draft.body).to.include({ status: 'draft', published: null, canModerate: false });
    expect((await as(reader).get(`/api/articles/${draft.body.id}`)).status).to.equal(404);
    expect((await as(reader).get(`/api/articles/${draft.body.id}/draft`)).status).to.equal(404);
    const submitted = await as(author).put(`/api/articles/${draft.body.id}`, article({ title: 'Brouillon soumis', submit: true }));
    expect(submitted.body.status).to.equal('submitted');
    expect((await as(reader).get('/api/moderation')).status).to.equal(403);
    const queue = await as(animator).get('/api/moderation');
    expect(queue.body.items.map((i: any) => [i.kind, i.id, i.title])).to.deep.include(['article', draft.body.id, 'Brouillon soumis']);
    expect((await as(admin).get('/api/moderation')).body.items.map((i: any) => i.id)).to.include(draft.body.id);
    expect((await as(animator).get(`/api/articles/${draft.body.id}/draft`)).body.canModerate).to.equal(true);
    expect((await as(reader).get('/api/articles')).body.items.map((a: any) => a.id)).to.not.include(draft.body.id);
    expect((await decide(reader, draft.body.id, 'publish')).status).to.equal(404);
  });

  it('returned with a comment (the author is notified), edited and resubmitted, then published: members and visitors read it', async () => {
    const id = (await as(author).post('/api/articles', article({ submit: true }))).body.id;
    expect((await decide(animator, id, 'return')).status).to.equal(400);
    expect((await decide(animator, id, 'return', 'Précisez les montants.')).body.status).to.equal('returned');
    const notice = await s.db('notifications').where({ user_id: author.user.id, kind: 'content_moderated' }).orderBy('id', 'desc').first();
    expect(JSON.parse(notice.data)).to.include({ contentId: id, decision: 'return', comment: 'Précisez les montants.' });
    const back = await as(author).get(`/api/articles/${id}/draft`);
    expect(back.body).to.include({ status: 'returned', moderationComment: 'Précisez les montants.' });
    expect((await decide(animator, id, 'publish')).body.error.code).to.equal('not_submitted');
    await as(author).put(`/api/articles/${id}`, article({ summary: 'Jusqu’à 30 000 € de prêt d’honneur.', submit: true }));
    expect((await decide(admin, id, 'publish')).body.status).to.equal('published');
    const read = await as(reader).get(`/api/articles/${id}`);
    expect(read.body).to.include({
      title: 'Créer son entreprise en Bretagne',
      summary: 'Jusqu’à 30 000 € de prêt d’honneur.',
      access: 'public',
    });
    expect(read.body.body).to.include('**aides**');
    expect((await anonymous().get(`/api/public/articles/${id}`)).body.title).to.equal('Créer son entreprise en Bretagne');
    expect((await anonymous().get('/api/public/articles')).body.items.map((a: any) => a.id)).to.include(id);
  });

  it('a pro article is read by members only: visitors get 404, and the public list leaves it out', async () => {
    const id = (await as(animator).post('/api/articles', article({ title: 'Réservé aux membres', access: 'pro', submit: true }))).body.id;
    expect((await as(reader).get(`/api/articles/${id}`)).body.access).to.equal('pro');
    expect((await anonymous().get(`/api/public/articles/${id}`)).status).to.equal(404);
    expect((await anonymous().get('/api/public/articles')).body.items.map((a: any) => a.id)).to.not.include(id);
    expect((await anonymous().get(`/api/articles/${id}`)).status).to.equal(401);
  });

  it('an edit of a published article by a non-publisher goes back to moderation; the published version stays until approved', async () => {
    const id = (await as(author).post('/api/articles', article({ title: 'Version 1', submit: true }))).body.id;
    await decide(animator, id, 'publish');
    const edit = await as(author).put(`/api/articles/${id}`, article({ title: 'Version 2', submit: true }));
    expect(edit.body).to.deep.include({ status: 'submitted', title: 'Version 2' });
    expect(edit.body.published.title).to.equal('Version 1');
    expect((await anonymous().get(`/api/public/articles/${id}`)).body.title).to.equal('Version 1');
    const item = (await as(animator).get('/api/moderation')).body.items.find((i: any) => i.id === id);
    expect(item).to.include({ title: 'Version 2', republication: true });
    await decide(animator, id, 'publish');
    expect((await anonymous().get(`/api/public/articles/${id}`)).body.title).to.equal('Version 2');
    // Animators publish directly: no queue.
    const direct = await as(animator).post('/api/articles', article({ title: 'Direct', submit: true }));
    expect(direct.body.status).to.equal('published');
  });

  it('a rejected article stays rejected; it cannot be edited back', async () => {
    const id = (await as(author).post('/api/articles', article({ title: 'Hors sujet', submit: true }))).body.id;
    expect((await decide(animator, id, 'reject', 'Hors du champ du réseau.')).body.status).to.equal('rejected');
    const edit = await as(author).put(`/api/articles/${id}`, article({ submit: true }));
    expect([edit.status, edit.body.error.code]).to.deep.equal([422, 'content_rejected']);
    expect((await as(author).get('/api/me/contents?status=rejected')).body.items.map((a: any) => a.id)).to.deep.equal([id]);
  });

  it('per group: a group’s admins publish directly there and moderate its contents only', async () => {
    const owner = await person({ role: 'animator' });
    const groupAdmin = await person();
    const writer = await person();
    const g1 = await createGroup(s.url, owner.token);
    const g2 = await createGroup(s.url, owner.token);
    for (const p of [groupAdmin, writer]) await addToGroup(s.url, owner.token, g1.id, p);
    await addToGroup(s.url, owner.token, g2.id, writer);
    expect((await as(owner).patch(`/api/groups/${g1.id}/members/${groupAdmin.user.id}`, { role: 'admin' })).status).to.equal(200);
    expect((await as(groupAdmin).post('/api/articles', article({ groupId: g1.id, submit: true }))).body.status).to.equal('published');
    expect((await as(groupAdmin).post('/api/articles', article({ submit: true }))).body.status).to.equal('submitted');
    const inG1 = (await as(writer).post('/api/articles', article({ title: 'Dans G1', groupId: g1.id, submit: true }))).body.id;
    const inG2 = (await as(writer).post('/api/articles', article({ title: 'Dans G2', groupId: g2.id, submit: true }))).body.id;
    const queue = (await as(groupAdmin).get('/api/moderation')).body.items.map((i: any) => i.id);
    expect(queue).to.include(inG1).and.not.include(inG2);
    expect((await decide(groupAdmin, inG2, 'publish')).status).to.equal(404);
    expect((await decide(groupAdmin, inG1, 'publish')).body.status).to.equal('published');
    expect((await as(reader).post('/api/articles', article({ groupId: g1.id }))).status).to.equal(404);
  });

  it('sorts by départements and sectors (admins edit the list) and filters every list by them', async () => {
    expect((await as(reader).post('/api/admin/sectors', { name: 'Commerce' })).status).to.equal(403);
    const commerce = (await as(admin).post('/api/admin/sectors', { name: 'Commerce' })).body;
    const farming = (await as(admin).post('/api/admin/sectors', { name: 'Agricultur' })).body;
    expect((await as(admin).post('/api/admin/sectors', { name: 'Commerce' })).body.error.code).to.equal('name_taken');
    expect((await as(admin).patch(`/api/admin/sectors/${farming.id}`, { name: 'Agriculture' })).body.name).to.equal('Agriculture');
    expect((await anonymous().get('/api/sectors')).body.items.map((x: any) => x.name)).to.include.members(['Agriculture', 'Commerce']);
    const a = (
      await as(animator).post(
        '/api/articles',
        article({ title: 'Boutiques de Rennes', departmentCodes: ['35'], sectorIds: [commerce.id], submit: true }),
      )
    ).body;
    const b = (
      await as(animator).post(
        '/api/articles',
        article({ title: 'Fermes du Finistère', departmentCodes: ['29'], sectorIds: [farming.id], submit: true }),
      )
    ).body;
    expect(a.departmentCodes).to.deep.equal(['35']);
    expect(a.sectors).to.deep.equal([{ id: commerce.id, name: 'Commerce' }]);
    const by35 = (await anonymous().get('/api/public/articles?department=35')).body.items.map((x: any) => x.id);
    expect(by35).to.include(a.id).and.not.include(b.id);
    const byFarming = (await as(reader).get(`/api/articles?sector=${farming.id}`)).body.items.map((x: any) => x.id);
    expect(byFarming).to.deep.equal([b.id]);
    expect((await as(animator).post('/api/articles', article({ departmentCodes: ['999'] }))).status).to.equal(400);
    expect((await as(animator).post('/api/articles', article({ sectorIds: [999_999] }))).body.error.details.fields.sectorIds).to.be.a(
      'string',
    );
  });

  it('recommends by e-mail: a link (and sign-up for a pro content), never twice to one address, at most 20 a day', async () => {
    const pub = (await as(animator).post('/api/articles', article({ title: 'À partager', submit: true }))).body.id;
    const pro = (await as(animator).post('/api/articles', article({ title: 'Entre membres', access: 'pro', submit: true }))).body.id;
    const sender = await person();
    const res = await as(sender).post(`/api/articles/${pub}/recommend`, { email: 'ami@exemple.fr', message: 'À lire !' });
    expect(res.status).to.equal(202);
    const mail = lastMailTo(s.outboxDir, 'ami@exemple.fr');
    expect(mail?.mail.text).to.include(`/actualites/${pub}`).and.include('À lire !').and.not.include('/inscription');
    const again = await as(reader).post(`/api/articles/${pub}/recommend`, { email: 'AMI@exemple.fr' });
    expect([again.status, again.body.error.code]).to.deep.equal([409, 'already_recommended']);
    await as(sender).post(`/api/articles/${pro}/recommend`, { email: 'collegue@exemple.fr' });
    expect(lastMailTo(s.outboxDir, 'collegue@exemple.fr')?.mail.text).to.include('/inscription');
    for (let i = 2; i < RECOMMENDATIONS_PER_DAY; i++) {
      expect((await as(sender).post(`/api/articles/${pub}/recommend`, { email: `contact${i}@exemple.fr` })).status).to.equal(202);
    }
    const over = await as(sender).post(`/api/articles/${pub}/recommend`, { email: 'un-de-trop@exemple.fr' });
    expect([over.status, over.body.error.code]).to.deep.equal([429, 'rate_limited']);
    expect(lastMailTo(s.outboxDir, 'un-de-trop@exemple.fr')).to.equal(null);
    // Another member's budget is their own.
    expect((await as(reader).post(`/api/articles/${pub}/recommend`, { email: 'un-de-trop@exemple.fr' })).status).to.equal(202);
    const draft = (await as(author).post('/api/articles', article())).body.id;
    expect((await as(reader).post(`/api/articles/${draft}/recommend`, { email: 'x@exemple.fr' })).status).to.equal(404);
  });

  it('serves a public article’s page with its own <title> and <meta> (sharing, indexing); a pro one with the generic head, not indexed', async () => {
    const pub = (
      await as(animator).post('/api/articles', article({ title: 'Titre <partagé>', summary: 'Un résumé "cité".', submit: true }))
    ).body.id;
    const pro = (await as(animator).post('/api/articles', article({ title: 'Secret des membres', access: 'pro', submit: true }))).body.id;
    const page = await fetch(`${s.url}/actualites/${pub}`);
    const html = await page.text();
    expect(page.status).to.equal(200);
    expect(html).to.include('<title>Titre &#60;partagé&#62; — Maillage</title>');
    expect(html).to.include('<meta name="description" content="Un résumé &#34;cité&#34;." />');
    expect(html).to.include('<meta property="og:type" content="article" />');
    const proHtml = await (await fetch(`${s.url}/actualites/${pro}`)).text();
    expect(proHtml).to.not.include('Secret des membres');
    expect(proHtml).to.include('<meta name="robots" content="noindex" />');
    expect(await (await fetch(`${s.url}/actualites`)).text()).to.include('<title>Actualités — Maillage</title>');
  });

  it('an optional image follows the text: set on the working copy, on line once published; served like the article', async () => {
    const id = (await as(author).post('/api/articles', article({ title: 'Avec une image' }))).body.id;
    const text = await as(author).put(
      `/api/articles/${id}/image`,
      fileForm(Buffer.from('pas une image'), 'x.png', 'image/png', { alt: 'Plan du quartier' }),
    );
    expect(text.status).to.equal(415);
    expect(
      (await as(reader).put(`/api/articles/${id}/image`, fileForm(PNG, 'plan.png', 'image/png', { alt: 'Plan du quartier' }))).status,
    ).to.equal(404);
    const set = await as(author).put(`/api/articles/${id}/image`, fileForm(PNG, 'plan.png', 'image/png', { alt: 'Plan du quartier' }));
    expect(set.body.imageUrl).to.match(new RegExp(`^/api/articles/${id}/draft/image\\?v=`));
    const draftImage = await as(author).get(set.body.imageUrl);
    expect([draftImage.status, draftImage.headers.get('content-type')]).to.deep.equal([200, 'image/png']);
    expect(draftImage.headers.get('x-content-type-options')).to.equal('nosniff');
    expect((await as(reader).get(set.body.imageUrl)).status).to.equal(404);
    expect((await anonymous().get(`/api/public/articles/${id}/image`)).status).to.equal(404);
    await as(author).put(`/api/articles/${id}`, article({ title: 'Avec une image', submit: true }));
    expect((await as(animator).get(set.body.imageUrl)).status).to.equal(200);
    await decide(animator, id, 'publish');
    const read = await anonymous().get(`/api/public/articles/${id}`);
    expect(read.body.imageUrl).to.match(new RegExp(`^/api/public/articles/${id}/image\\?v=`));
    expect((await anonymous().get(read.body.imageUrl)).status).to.equal(200);
    expect(await (await fetch(`${s.url}/actualites/${id}`)).text()).to.match(
      new RegExp(`<meta property="og:image" content="https?://[^"]+/api/public/articles/${id}/image\\?v=`),
    );
    // Removed from the working copy, the published image stays until the next publication.
    expect((await as(author).delete(`/api/articles/${id}/image`)).body.imageUrl).to.equal(null);
    expect((await anonymous().get(read.body.imageUrl)).status).to.equal(200);
    const pro = (await as(animator).post('/api/articles', article({ access: 'pro' }))).body.id;
    await as(animator).put(`/api/articles/${pro}/image`, fileForm(PNG, 'plan.png', 'image/png', { alt: 'Plan du quartier' }));
    await as(animator).put(`/api/articles/${pro}`, article({ access: 'pro', submit: true }));
    expect((await anonymous().get(`/api/public/articles/${pro}/image`)).status).to.equal(404);
    expect((await as(reader).get(`/api/articles/${pro}/image`)).status).to.equal(200);
  });
});
