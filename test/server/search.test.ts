/**
 * One search, on SQLite and PostgreSQL: French words (accents folded, plurals
 * and endings), the chat filters, highlighting, and above all that no one ever
 * finds what they may not see (a private group's post, comment, document and
 * event, a direct message, a hotline ticket's channel).
 */
import crypto from 'node:crypto';
import { expect } from 'chai';
import { useCast, useServerOn } from '../helpers/suite';
import { peopleOn, type Person } from '../helpers/people';
import { createGroup, addToGroup } from '../helpers/groups';
import { createEvent } from '../helpers/events';
import { uploadDocument } from '../helpers/documents';
import { openRequest } from '../helpers/hotline';
import { emitAck } from '../helpers/sockets';
import type { SearchHit, SearchOverview, SearchPage } from '../../server/protocol/search';
import { writeSends } from '../../server/services/chat/send-batch';
import { searchMessageRows } from '../../server/db/search';
import { ftsExpression, tsqueryText } from '../../server/search-text';

const send = async (p: Person, channelId: number, body: string) => {
  const ack = await emitAck(p.socket, 'message:send', { channelId, body, clientMsgId: crypto.randomUUID() });
  expect(ack.ok, JSON.stringify(ack)).to.equal(true);
  return ack.message;
};

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`search (${kind === 'sqlite' ? 'SQLite FTS5' : 'PostgreSQL full-text'})`, function () {
    this.timeout(60_000);
    const s = useServerOn(kind);
    const { person, as } = peopleOn(s);

    const everything = async (p: { token: string }, q: string): Promise<SearchHit[]> => {
      const res = await as(p).get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return (res.body as SearchOverview).sections.flatMap((x) => x.items);
    };
    const messages = async (p: { token: string }, q: string, extra = ''): Promise<SearchPage> => {
      const res = await as(p).get(`/api/search/messages?q=${encodeURIComponent(q)}${extra}`);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return res.body as SearchPage;
    };

    const cast = useCast(async () => {
      const anim = await person({ role: 'animator', firstName: 'Annie', lastName: 'Mateur', username: `annie${kind}` });
      // Alice and Carole share their département's channel: contacts, so they may write to each other.
      const alice = await person({ firstName: 'Alice', lastName: 'Lefèvre', username: `alice${kind}`, employer: 'Mairie de Besançon' });
      const carol = await person({
        firstName: 'Carole',
        lastName: 'Petit',
        username: `carol${kind}`,
        departmentCode: alice.user.department_code,
      });
      const bob = await person({ firstName: 'Bob', lastName: 'Dehors', username: `bob${kind}` });
      const staff = await person({ role: 'hotline', firstName: 'Hugo', lastName: 'Support' });
      const chatOnly = await person({ chatOnly: true, firstName: 'Paul', lastName: 'Partenaire' });
      const secret = await createGroup(s.url, anim.token, {
        name: 'Cellule confidentielle',
        visibility: 'private',
        description: 'Dossiers sensibles.',
      });
      await addToGroup(s.url, anim.token, secret.id, alice);
      const post = await as(anim).post(`/api/groups/${secret.id}/posts`, {
        kind: 'article',
        title: 'Plan éléphant',
        body: 'Le plan éléphant démarre lundi.',
      });
      expect(post.status, JSON.stringify(post.body)).to.equal(201);
      const comment = await as(alice).post(`/api/posts/${post.body.id}/comments`, { body: 'Et l’éléphant du volet deux ?' });
      expect(comment.status, JSON.stringify(comment.body)).to.equal(201);
      const doc = await uploadDocument(s, anim, secret.id, Buffer.from('compte rendu\n'), 'notes.txt', {
        title: 'Inventaire des éléphants',
      });
      expect(doc.status, JSON.stringify(doc.body)).to.equal(201);
      await createEvent(s, anim, secret.id, { title: 'Revue éléphant', description: 'Point d’étape.' });
      const dm = await emitAck(alice.socket, 'dm:open', { userId: carol.user.id });
      expect(dm.ok, JSON.stringify(dm)).to.equal(true);
      await send(alice, dm.channel.id, 'Réunion à l’école élémentaire, prévoir les hippopotames.');
      const ticket = await openRequest(alice, 'Girafe introuvable dans le tableau de bord');
      expect(ticket.ok, JSON.stringify(ticket)).to.equal(true);
      const groupChannel = secret.channelId;
      await send(anim, groupChannel, 'Les éléphants arrivent demain au dépôt.');
      return {
        anim,
        alice,
        carol,
        bob,
        staff,
        chatOnly,
        secret,
        dmChannel: dm.channel,
        groupChannel: { id: groupChannel },
        postId: { id: post.body.id },
      };
    });

    it('finds a direct message by a word typed without accents, singular for plural, with the match marked', async () => {
      const page = await messages(cast.alice, 'ecole elementaire hippopotame');
      expect(page.items).to.have.length(1);
      const hit = page.items[0]!;
      expect(hit).to.include({ channelId: cast.dmChannel.id, context: 'Message direct' });
      expect(hit.href).to.equal(`/discussions/${cast.dmChannel.id}?message=${hit.seq}`);
      expect(hit.excerpt.filter((x) => x.match).map((x) => x.text)).to.include.members(['école', 'élémentaire', 'hippopotames']);
      // The other member of the direct channel finds it too, with accents typed this time.
      expect((await messages(cast.carol, 'École')).items.map((h) => h.id)).to.deep.equal([hit.id]);
    });

    it('never shows a direct message, a hotline ticket or a private group’s content to someone outside them', async () => {
      expect(await everything(cast.bob, 'hippopotame')).to.deep.equal([]);
      expect(await everything(cast.bob, 'girafe')).to.deep.equal([]);
      expect(await everything(cast.bob, 'éléphant')).to.deep.equal([]);
      expect(await everything(cast.bob, 'cellule confidentielle')).to.deep.equal([]);
      // A ticket's channel holds its requester and the hotline staff: they find it, her contact does not.
      expect((await everything(cast.staff, 'girafe')).map((h) => h.context)).to.deep.equal(['Hotline']);
      expect(await everything(cast.carol, 'girafe')).to.deep.equal([]);
      // The same words do find them for those inside (so the queries above could have found something).
      expect((await messages(cast.alice, 'girafe')).items).to.have.length(1);
      const types = (await everything(cast.alice, 'éléphants')).map((h) => h.type);
      expect(types).to.include.members(['messages', 'posts', 'comments', 'documents', 'events']);
      expect((await everything(cast.alice, 'confidentielle')).map((h) => h.type)).to.deep.equal(['groups']);
    });

    it('a chat-only account searches its own channels’ messages only', async () => {
      const res = await as(cast.chatOnly).get('/api/search?q=elephant');
      expect(res.status).to.equal(200);
      expect((res.body as SearchOverview).sections.map((x) => x.type)).to.deep.equal(['messages']);
      expect((await as(cast.chatOnly).get('/api/search/posts?q=elephant')).body.items).to.deep.equal([]);
    });

    it('people: listed members by name without accents, never chat-only accounts', async () => {
      const people = (await as(cast.bob).get('/api/search/people?q=lefevre besancon')).body.items as SearchHit[];
      expect(people.map((h) => h.id)).to.deep.equal([cast.alice.user.id]);
      expect((await as(cast.bob).get('/api/search/people?q=partenaire')).body.items).to.deep.equal([]);
    });

    it('chat filters: de:@nom, dans:#salon, avant: and après:', async () => {
      const all = await messages(cast.alice, 'éléphants');
      expect(all.items.map((h) => h.author?.username)).to.deep.equal([cast.anim.user.username]);
      expect((await messages(cast.alice, `éléphants de:@${cast.alice.user.username}`)).items).to.deep.equal([]);
      expect((await messages(cast.alice, `de:@${cast.anim.user.username} éléphants`)).items).to.have.length(1);
      const today = new Date().toISOString().slice(0, 10);
      expect((await messages(cast.alice, `éléphants avant:${today}`)).items).to.deep.equal([]);
      expect((await messages(cast.alice, 'éléphants après:2020-01-01')).items).to.have.length(1);
      const page = await messages(cast.alice, 'après:01/01/2020 avant:01/01/2099');
      expect(page.filters).to.include({ after: '2020-01-01', before: '2099-01-01' });
      expect(page.items.length).to.be.greaterThan(1);
      const slug = (await s.db('channels').where({ id: cast.dmChannel.id }).first()).slug;
      expect((await messages(cast.alice, `dans:#${slug} hippopotame`)).items).to.have.length(1);
      expect((await messages(cast.alice, `dans:#${slug} éléphants`)).items).to.deep.equal([]);
      // Someone else's channel named in dans: finds nothing, as an unknown one.
      expect((await messages(cast.bob, `dans:#${slug}`)).items).to.deep.equal([]);
    });

    it('follows edits and deletions in the same transaction as the write', async () => {
      const m = await send(cast.alice, cast.dmChannel.id, 'Le rhinocéros est livré.');
      expect((await messages(cast.carol, 'rhinoceros')).items.map((h) => h.id)).to.deep.equal([m.id]);
      expect((await emitAck(cast.alice.socket, 'message:edit', { messageId: m.id, body: 'Le tapir est livré.' })).ok).to.equal(true);
      expect((await messages(cast.carol, 'rhinoceros')).items).to.deep.equal([]);
      expect((await messages(cast.carol, 'tapir')).items.map((h) => h.id)).to.deep.equal([m.id]);
      expect((await emitAck(cast.alice.socket, 'message:delete', { messageId: m.id })).ok).to.equal(true);
      expect((await messages(cast.carol, 'tapir')).items).to.deep.equal([]);
      // A post leaves the index with its deletion.
      expect((await as(cast.anim).delete(`/api/posts/${cast.postId.id}`)).status).to.be.oneOf([200, 204]);
      expect((await everything(cast.alice, 'éléphant')).map((h) => h.type)).not.to.include('posts');
    });

    it('the group-commit writer’s transaction writes the index: seen inside it, gone with its rollback', async () => {
      const words = ['ornithorynque'];
      const window = { viewerId: cast.carol.user.id, match: { sqlite: ftsExpression(words), pg: tsqueryText(words) }, words };
      const rolledBack = await s.db
        .transaction(async (trx) => {
          const [sent] = await writeSends(trx, [
            {
              actor: cast.alice.user,
              input: { channelId: cast.dmChannel.id, body: 'Un ornithorynque traverse.', clientMsgId: crypto.randomUUID() },
              names: [],
              everyone: false,
            },
          ]);
          expect(sent!.ok).to.equal(true);
          const found = await searchMessageRows(trx, { ...window, sort: 'newest', offset: 0, limit: 5 });
          expect(found.map((r) => r.id)).to.deep.equal([(sent as { value: { message: { id: number } } }).value.message.id]);
          throw new Error('rollback');
        })
        .catch((e: Error) => e.message);
      expect(rolledBack).to.equal('rollback');
      expect((await messages(cast.carol, 'ornithorynque')).items).to.deep.equal([]);
    });

    it('pages with an offset cursor, newest first or by relevance', async () => {
      for (let i = 0; i < 4; i++) await send(cast.carol, cast.dmChannel.id, `Zèbre numéro ${i}${i === 2 ? ' zèbre zèbres zébré' : ''}`);
      const first = await messages(cast.alice, 'zebre', '&sort=newest&limit=3');
      expect(first.items.map((h) => h.excerpt.map((x) => x.text).join(''))[0]).to.contain('numéro 3');
      expect(first.nextCursor).to.equal('3');
      const second = await messages(cast.alice, 'zebre', `&sort=newest&limit=3&cursor=${first.nextCursor}`);
      expect(second.items).to.have.length(1);
      expect(second.nextCursor).to.equal(null);
      const ranked = await messages(cast.alice, 'zebre', '&sort=relevance&limit=1');
      expect(ranked.items[0]!.excerpt.map((x) => x.text).join('')).to.contain('numéro 2');
    });

    it('answers 401 to anonymous callers and invalid_payload to a bad query', async () => {
      const anon = await as({ token: '' }).get('/api/search?q=x');
      expect(anon.status).to.equal(401);
      const empty = await as(cast.alice).get('/api/search?q=');
      expect(empty.status).to.equal(400);
      expect(empty.body.error.code).to.equal('invalid_payload');
      expect((await as(cast.alice).get('/api/search/tout?q=x')).status).to.equal(400);
      expect((await as(cast.alice).get('/api/search/messages?q=x&cursor=-1')).status).to.equal(400);
      // FTS syntax typed by someone is searched as words, never run as syntax.
      expect((await as(cast.alice).get(`/api/search?q=${encodeURIComponent('"NEAR( * OR) : \'')}`)).status).to.equal(200);
    });
  });
}
