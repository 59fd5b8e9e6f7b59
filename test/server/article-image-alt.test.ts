import { expect } from 'chai';
import { api } from '../helpers/http';
import { makeUserWithToken } from '../helpers/factories';
import { useServer } from '../helpers/suite';
import { PNG, fileForm } from '../helpers/uploads';

describe('article images carry a text alternative (#16): required with an image, published with it, rendered as alt', () => {
  const s = useServer();
  const article = { title: 'Avec image', summary: 'Un résumé.', body: 'Le texte.', access: 'public' };

  it('the image comes with its alt; it cannot be emptied while the image is there; it goes on line with the text', async () => {
    const author = await makeUserWithToken(s.db);
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const me = api(s.url, { token: author.token });
    const id = (await me.post('/api/articles', article)).body.id as number;
    const missing = await me.put(`/api/articles/${id}/image`, fileForm(PNG, 'a.png', 'image/png'));
    expect([missing.status, missing.body.error.code]).to.deep.equal([400, 'invalid_payload']);
    expect(missing.body.error.details.fields).to.have.property('imageAlt');
    expect((await me.get(`/api/articles/${id}/draft`)).body.imageUrl).to.equal(null);
    const tooShort = await me.put(`/api/articles/${id}/image`, fileForm(PNG, 'a.png', 'image/png', { alt: ' a ' }));
    expect(tooShort.status).to.equal(400);

    const set = await me.put(`/api/articles/${id}/image`, fileForm(PNG, 'a.png', 'image/png', { alt: 'Le marché couvert' }));
    expect(set.status).to.equal(200);
    expect(set.body.imageAlt).to.equal('Le marché couvert');
    const emptied = await me.put(`/api/articles/${id}`, { ...article, imageAlt: '' });
    expect([emptied.status, emptied.body.error.details.fields.imageAlt]).to.deep.equal([
      400,
      'Décrivez l’image pour les personnes qui ne la voient pas (texte alternatif).',
    ]);
    // Left out, the stored alt stays; sent, it replaces it.
    expect((await me.put(`/api/articles/${id}`, article)).body.imageAlt).to.equal('Le marché couvert');
    const changed = await me.put(`/api/articles/${id}`, { ...article, imageAlt: 'Le marché couvert un samedi matin', submit: true });
    expect(changed.body.status).to.equal('submitted');
    expect((await api(s.url, { token: admin.token }).post(`/api/moderation/article/${id}`, { decision: 'publish' })).status).to.equal(200);
    const read = await api(s.url).get(`/api/public/articles/${id}`);
    expect(read.body.imageAlt).to.equal('Le marché couvert un samedi matin');
    const page = await (await fetch(`${s.url}/actualites/${id}`)).text();
    expect(page).to.include('<meta property="og:image:alt" content="Le marché couvert un samedi matin" />');
    // Removing the image removes its alt; an article without an image has none.
    expect((await me.delete(`/api/articles/${id}/image`)).body).to.include({ imageUrl: null, imageAlt: null });
  });
});
