import { expect } from 'chai';
import crypto from 'node:crypto';
import { emitAck, waitForEvent } from '../helpers/sockets';
import { useServer } from '../helpers/suite';
import { peopleOn } from '../helpers/people';
import { uniqueDepartment } from '../helpers/contacts';

describe('chat-only accounts in the network channels, and who is online in a channel', () => {
  const s = useServer();
  const { person, as } = peopleOn(s);

  it('a chat-only account is in the national and its départemental channels, joins thematic ones, is added by animators; still no groups, directory or documents', async () => {
    const anim = await person({ role: 'animator' });
    const coord = await person({ chatOnly: true, firstName: 'Côme', lastName: 'Ordinateur' });
    const member = await person();
    const mine = (await as(coord).get('/api/channels')).body.filter((c: any) => c.joined).map((c: any) => c.slug);
    expect(mine).to.include.members(['general', 'annonces', `dep-${coord.user.department_code.toLowerCase()}`]);

    const theme = (await as(anim).post('/api/channels', { name: `Coordination ${crypto.randomBytes(3).toString('hex')}` })).body;
    const added = waitForEvent(coord.socket, 'channel:added', (c) => c.id === theme.id);
    const res = await as(anim).post(`/api/channels/${theme.id}/members`, { username: coord.user.username });
    expect([res.status, res.body.added]).to.deep.equal([201, true]);
    expect((await added).joined).to.equal(true);
    expect((await as(anim).post(`/api/channels/${theme.id}/members`, { username: coord.user.username })).body.added).to.equal(false);
    expect((await as(member).post(`/api/channels/${theme.id}/members`, { username: member.user.username })).status).to.equal(403);
    expect((await as(anim).post(`/api/channels/${theme.id}/members`, { username: 'personne.inconnue' })).status).to.equal(404);

    const other = (await as(anim).post('/api/channels', { name: `Partenaires ${crypto.randomBytes(3).toString('hex')}` })).body;
    expect((await emitAck(coord.socket, 'channel:join', { channelId: other.id })).channel.joined).to.equal(true);

    for (const path of ['/api/directory', '/api/documents']) expect((await as(coord).get(path)).status, path).to.equal(403);
  });

  it('lists a channel’s members online first, with the counts and a search that ignores accents; 404 to non-members', async () => {
    const dep = uniqueDepartment();
    const helene = await person({ departmentCode: dep, firstName: 'Hélène', lastName: 'Arnaud' });
    const bruno = await person({ departmentCode: dep, firstName: 'Bruno', lastName: 'Zola' });
    const offline = await person({ departmentCode: dep, firstName: 'Albert', lastName: 'Absent' });
    offline.socket.close();
    const outsider = await person();
    const channel = (await as(helene).get('/api/channels')).body.find((c: any) => c.kind === 'departmental');
    // Presence turns offline after its grace period: wait for it rather than for a time.
    for (let i = 0; i < 50; i++) {
      const page = (await as(bruno).get(`/api/channels/${channel.id}/members`)).body;
      if (page.online === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const page = (await as(bruno).get(`/api/channels/${channel.id}/members`)).body;
    expect([page.total, page.online]).to.deep.equal([3, 2]);
    expect(page.items.map((m: any) => [m.displayName, m.status])).to.deep.equal([
      ['Bruno Zola', 'online'],
      ['Hélène Arnaud', 'online'],
      ['Albert Absent', 'offline'],
    ]);
    const found = (await as(bruno).get(`/api/channels/${channel.id}/members?q=helene`)).body;
    expect(found.items.map((m: any) => m.id)).to.deep.equal([helene.user.id]);
    expect((await as(outsider).get(`/api/channels/${channel.id}/members`)).status).to.equal(404);
  });
});
