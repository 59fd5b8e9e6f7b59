/**
 * Group activity: a new post, document or event in a group notifies its other
 * members, live and then by e-mail as each one's frequency for that group says
 * (real time, grouped, daily, weekly); a member who set `never` for the group
 * hears nothing of it; the author never; someone named or invited is told once.
 */
import { expect } from 'chai';
import { useCast, useServer } from '../helpers/suite';
import { peopleOn, type Person } from '../helpers/people';
import { addToGroup, createGroup } from '../helpers/groups';
import { createEvent } from '../helpers/events';
import { uploadDocument } from '../helpers/documents';
import { readOutbox } from '../helpers/outbox';
import { expectNoEvent, waitForEvent } from '../helpers/sockets';
import { runNotificationMail } from '../../server/jobs/notification-mail';
import { lastDigestSlot } from '../../server/services/notifications/schedule';

const settings = (groups: Record<string, { frequency: string }>, o: Record<string, unknown> = {}) => ({
  frequency: 'realtime',
  batchMinutes: 0,
  types: { article: true, comment: true, member: true, event: true, mention: true },
  groups,
  ...o,
});

describe('group activity notifications', function () {
  this.timeout(30_000);
  const s = useServer();
  const { person, as } = peopleOn(s);
  const kindsOf = async (p: Person) =>
    ((await s.db('notifications').where({ user_id: p.user.id }).orderBy('id').select('kind')) as { kind: string }[]).map((r) => r.kind);

  const cast = useCast(async () => {
    const anim = await person({ role: 'animator', firstName: 'Annie', lastName: 'Mateur' });
    const alice = await person({ firstName: 'Alice', lastName: 'Autrice' });
    const bob = await person({ firstName: 'Bob', lastName: 'Quotidien' });
    const carol = await person({ firstName: 'Carole', lastName: 'Silence' });
    const dan = await person({ firstName: 'Dan', lastName: 'Groupé' });
    const outsider = await person({ firstName: 'Oscar', lastName: 'Dehors' });
    const group = await createGroup(s.url, anim.token, { name: 'Inclusion numérique 35', visibility: 'public' });
    for (const p of [alice, bob, carol, dan]) await addToGroup(s.url, anim.token, group.id, p);
    const g = String(group.id);
    expect((await as(bob).put('/api/me/notification-settings', settings({ [g]: { frequency: 'daily' } }))).status).to.equal(200);
    expect((await as(carol).put('/api/me/notification-settings', settings({ [g]: { frequency: 'never' } }))).status).to.equal(200);
    expect((await as(dan).put('/api/me/notification-settings', settings({}, { batchMinutes: 15 }))).status).to.equal(200);
    return { anim, alice, bob, carol, dan, outsider, group };
  });

  it('a new post: the other members, live, not the author, not a member who muted the group, nobody outside', async () => {
    const live = waitForEvent(cast.bob.socket, 'notification', (n) => n.kind === 'post_new');
    const silent = expectNoEvent(cast.carol.socket, 'notification');
    const res = await as(cast.alice).post(`/api/groups/${cast.group.id}/posts`, {
      kind: 'article',
      title: 'Atelier smartphone',
      body: 'Jeudi à la médiathèque.',
      audience: { userIds: [cast.anim.user.id] },
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const n = await live;
    expect(n.data).to.deep.include({
      postId: res.body.id,
      title: 'Atelier smartphone',
      groupId: cast.group.id,
      groupName: 'Inclusion numérique 35',
    });
    expect((n.data.author as { displayName: string }).displayName).to.equal('Alice Autrice');
    await silent;
    expect(await kindsOf(cast.alice)).to.deep.equal([]);
    expect(await kindsOf(cast.carol)).to.deep.equal([]);
    expect(await kindsOf(cast.outsider)).to.deep.equal([]);
    expect(await kindsOf(cast.dan)).to.deep.equal(['post_new']);
    // Named in the post: told once, as named.
    expect((await kindsOf(cast.anim)).filter((k) => k.startsWith('post_'))).to.deep.equal(['post_addressed']);
    // The list the bell reads.
    const page = await as(cast.bob).get('/api/notifications');
    expect(page.body.items.map((x: { kind: string }) => x.kind)).to.include('post_new');
  });

  it('a new document (not the same bytes twice) and a new event', async () => {
    const doc = await uploadDocument(s, cast.alice, cast.group.id, Buffer.from('Fiche atelier\n'), 'fiche.txt', { title: 'Fiche atelier' });
    expect(doc.status, JSON.stringify(doc.body)).to.equal(201);
    expect((await uploadDocument(s, cast.bob, cast.group.id, Buffer.from('Fiche atelier\n'), 'copie.txt')).status).to.equal(200);
    const docs = await s.db('notifications').where({ kind: 'document_new' }).select('user_id', 'data');
    expect(docs.map((r: { user_id: number }) => r.user_id).sort()).to.deep.equal(
      [cast.anim.user.id, cast.bob.user.id, cast.dan.user.id].sort(),
    );
    expect(JSON.parse(docs[0].data)).to.include({ documentId: doc.body.id, title: 'Fiche atelier', groupId: cast.group.id });

    await createEvent(s, cast.anim, cast.group.id, { title: 'Café numérique', invite: { userIds: [cast.bob.user.id] } });
    const events = await s.db('notifications').whereIn('kind', ['event_new', 'event_invitation']).select('user_id', 'kind');
    const byUser = (p: Person) => events.filter((r: { user_id: number }) => r.user_id === p.user.id).map((r: { kind: string }) => r.kind);
    expect(byUser(cast.bob)).to.deep.equal(['event_invitation']);
    expect(byUser(cast.alice)).to.deep.equal(['event_new']);
    expect(byUser(cast.anim)).to.deep.equal([]);
    expect(byUser(cast.carol)).to.deep.equal([]);
  });

  it('e-mails: at once for real time, after the window for grouped, in the next morning’s digest for daily', async () => {
    const created = Math.max(
      ...(await s.db('notifications').select('created_at')).map((r: { created_at: Date | number }) => new Date(r.created_at).getTime()),
    );
    const mailsTo = (p: Person) => readOutbox(s.outboxDir).filter((m) => m.to.includes(p.user.email));
    await runNotificationMail(s.app.deps, new Date(created + 60_000));
    const alice = mailsTo(cast.alice);
    expect(alice).to.have.length(1);
    expect(alice[0]!.text).to.contain('Nouvel événement dans le groupe « Inclusion numérique 35 » : « Café numérique »');
    expect(mailsTo(cast.dan), 'grouped by 15 minutes: not yet').to.deep.equal([]);
    expect(mailsTo(cast.bob), 'daily: not yet').to.deep.equal([]);
    expect(mailsTo(cast.carol)).to.deep.equal([]);
    await runNotificationMail(s.app.deps, new Date(created + 16 * 60_000));
    const dan = mailsTo(cast.dan);
    expect(dan).to.have.length(1);
    expect(dan[0]!.text).to.contain('Alice Autrice a publié « Atelier smartphone » dans le groupe « Inclusion numérique 35 »');
    expect(dan[0]!.text).to.contain(`/groupes/${cast.group.id}/fil`);
    // The first 8:00 (Paris) after the notifications: bob's digest holds the post, the document and his invitation.
    const morning = lastDigestSlot(created + 24 * 3_600_000);
    await runNotificationMail(s.app.deps, new Date(morning + 60_000));
    const bob = mailsTo(cast.bob);
    expect(bob.map((m) => m.subject)).to.deep.equal(['Maillage : votre résumé du jour (3 notifications)']);
    expect(bob[0]!.text).to.contain('« Atelier smartphone »').and.to.contain('« Fiche atelier »').and.to.contain('« Café numérique »');
    expect(mailsTo(cast.carol)).to.deep.equal([]);
  });
});
