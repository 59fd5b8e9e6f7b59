import { expect } from 'chai';
import { api } from '../helpers/http';
import { makeUserWithToken } from '../helpers/factories';
import { useServer } from '../helpers/suite';
import { readOutbox } from '../helpers/outbox';
import { runNotificationMail } from '../../server/jobs/notification-mail';

describe('every list of contents filters by département and sector (#16): the moderation queue and "Mes contenus" too', () => {
  const s = useServer();

  it('GET /api/moderation?department=&sector=&kind= keeps the matching items; bad filters are 400', async () => {
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const author = await makeUserWithToken(s.db);
    const asAdmin = api(s.url, { token: admin.token });
    const me = api(s.url, { token: author.token });
    const sector = (await asAdmin.post('/api/admin/sectors', { name: 'Artisanat' })).body.id as number;
    const base = { summary: 'Un résumé.', body: 'Le texte.', access: 'pro', submit: true };
    const breton = (await me.post('/api/articles', { ...base, title: 'En Bretagne', departmentCodes: ['35'], sectorIds: [sector] })).body
      .id;
    const lyon = (await me.post('/api/articles', { ...base, title: 'À Lyon', departmentCodes: ['69'] })).body.id;
    const ids = async (q: string) => ((await asAdmin.get(`/api/moderation${q}`)).body.items as { id: number }[]).map((i) => i.id);
    expect(await ids('')).to.include.members([breton, lyon]);
    expect(await ids('?department=35')).to.deep.equal([breton]);
    expect(await ids('?department=69')).to.deep.equal([lyon]);
    expect(await ids(`?sector=${sector}`)).to.deep.equal([breton]);
    expect(await ids(`?department=69&sector=${sector}`)).to.deep.equal([]);
    expect(await ids('?kind=inconnu')).to.deep.equal([]);
    expect(await ids('?kind=article&department=')).to.include.members([breton, lyon]);
    const item = (await asAdmin.get('/api/moderation?department=35')).body.items[0];
    expect(item).to.deep.include({ departmentCodes: ['35'], sectors: [{ id: sector, name: 'Artisanat' }] });
    expect((await asAdmin.get('/api/moderation?sector=abc')).status).to.equal(400);
    // "Mes contenus" filters the same way.
    const mine = await me.get('/api/me/contents?department=69');
    expect(mine.body.items.map((a: { id: number }) => a.id)).to.deep.equal([lyon]);
  });

  it('the author’s mail of a moderation decision says what happened (not a generic line)', async () => {
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const author = await makeUserWithToken(s.db);
    const id = (
      await api(s.url, { token: author.token }).post('/api/articles', {
        title: 'À revoir',
        summary: 'Un résumé.',
        body: 'Texte.',
        access: 'pro',
        submit: true,
      })
    ).body.id;
    await api(s.url, { token: admin.token }).post(`/api/moderation/article/${id}`, { decision: 'return', comment: 'Ajoutez une source.' });
    await runNotificationMail(s.app.deps, new Date(Date.now() + 3600_000));
    const mail = readOutbox(s.outboxDir).find((m) => m.to.includes(author.user.email));
    expect(mail?.text).to.include('« À revoir » vous est renvoyé pour modification : « Ajoutez une source. »');
    expect(mail?.text).to.include(`/mes-contenus/${id}`);
  });
});
