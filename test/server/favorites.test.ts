/** « Mes favoris » on SQLite and PostgreSQL: keep and drop posts and documents, never one the member may not see. */
import { expect } from 'chai';
import { useCast, useServerOn } from '../helpers/suite';
import { peopleOn } from '../helpers/people';
import { addToGroup, createGroup } from '../helpers/groups';
import { uploadDocument } from '../helpers/documents';
import type { FavoriteList } from '../../server/protocol/favorites';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`favourites (${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`, function () {
    this.timeout(30_000);
    const s = useServerOn(kind);
    const { person, as } = peopleOn(s);
    const cast = useCast(async () => {
      const anim = await person({ role: 'animator' });
      const alice = await person({ firstName: 'Alice' });
      const bob = await person({ firstName: 'Bob' });
      const secret = await createGroup(s.url, anim.token, { name: 'Cellule privée', visibility: 'private' });
      await addToGroup(s.url, anim.token, secret.id, alice);
      const post = await as(anim).post(`/api/groups/${secret.id}/posts`, { kind: 'article', title: 'Plan de formation', body: 'Le plan.' });
      expect(post.status).to.equal(201);
      const doc = await uploadDocument(s, anim, secret.id, Buffer.from('fiche\n'), 'fiche.txt', { title: 'Fiche atelier' });
      expect(doc.status).to.equal(201);
      return { anim, alice, bob, secret, post: { id: post.body.id as number }, doc: { id: doc.body.id as number } };
    });
    const list = async (p: { token: string }) => ((await as(p).get('/api/favorites')).body as FavoriteList).items;

    it('keeps a post and a document, twice is once, newest first, with their links', async () => {
      expect((await as(cast.alice).put(`/api/favorites/post/${cast.post.id}`)).body).to.deep.equal({
        kind: 'post',
        id: cast.post.id,
        favorite: true,
      });
      expect((await as(cast.alice).put(`/api/favorites/document/${cast.doc.id}`)).status).to.equal(200);
      expect((await as(cast.alice).put(`/api/favorites/post/${cast.post.id}`)).status).to.equal(200);
      const items = await list(cast.alice);
      expect(items.map((f) => [f.kind, f.id, f.title, f.context])).to.deep.equal([
        ['document', cast.doc.id, 'Fiche atelier', 'Groupe Cellule privée'],
        ['post', cast.post.id, 'Plan de formation', 'Groupe Cellule privée'],
      ]);
      expect(items[0]!.href).to.equal(`/documents/${cast.doc.id}`);
      expect(items[1]!.href).to.equal(`/groupes/${cast.secret.id}/fil?publication=${cast.post.id}`);
    });

    it('answers 404 for what the member may not see, exactly as for what does not exist', async () => {
      for (const path of [`post/${cast.post.id}`, `document/${cast.doc.id}`, 'post/999999', 'document/999999']) {
        const res = await as(cast.bob).put(`/api/favorites/${path}`);
        expect(res.status, path).to.equal(404);
      }
      expect(await list(cast.bob)).to.deep.equal([]);
      // An unknown kind is a bad request (resources are a kind now: an unknown resource is 404).
      expect((await as(cast.bob).put('/api/favorites/chanson/1')).status).to.equal(400);
      expect((await as(cast.bob).put('/api/favorites/resource/999999')).status).to.equal(404);
      expect((await as(cast.bob).put('/api/favorites/post/abc')).status).to.equal(400);
      expect((await as({ token: '' }).get('/api/favorites')).status).to.equal(401);
    });

    it('what the member can no longer see leaves the list; dropping one removes it', async () => {
      expect((await as(cast.alice).delete(`/api/favorites/document/${cast.doc.id}`)).body.favorite).to.equal(false);
      expect((await list(cast.alice)).map((f) => f.kind)).to.deep.equal(['post']);
      expect((await as(cast.alice).delete(`/api/groups/${cast.secret.id}/members/me`)).status).to.be.oneOf([200, 204]);
      expect(await list(cast.alice)).to.deep.equal([]);
      expect(await s.db('favorites').where({ user_id: cast.alice.user.id }).count({ n: '*' }).first()).to.satisfy(
        (r: { n: number | string }) => Number(r.n) === 1,
      );
    });
  });
}
