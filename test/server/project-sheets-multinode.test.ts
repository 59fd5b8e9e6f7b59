import { expect } from 'chai';
import { api } from '../helpers/http';
import { connect, emitAck, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { useCluster } from '../helpers/cluster';
import { createSheet, shareWith } from '../helpers/project-sheets';

describe('project sheets on several nodes (one database, one Redis)', function () {
  const cluster = useCluster();

  async function typed(type: 'createur' | 'professionnel') {
    const p = await cluster.person();
    await cluster.db('users').where({ id: p.user.id }).update({ account_type: type });
    return p;
  }

  it('a revocation decided on node A takes the professional’s socket on node B out of the sheet’s room at once', async () => {
    const creator = await typed('createur');
    const pro = await typed('professionnel');
    const sheet = await createSheet(cluster.A.url, creator.token);
    const share = await shareWith(cluster.A.url, creator.token, sheet.id, pro.user.email);

    const onB = await connect(cluster.B.url, pro.token);
    expect((await emitAck(onB, 'sheet:watch', { sheetId: sheet.id })).ok).to.equal(true);
    const creatorOnA = await connect(cluster.A.url, creator.token);
    expect((await emitAck(creatorOnA, 'sheet:watch', { sheetId: sheet.id })).ok).to.equal(true);
    const first = waitForEvent(onB, 'sheet:canvas', (c) => c.sheetId === sheet.id);
    await api(cluster.A.url, { token: creator.token }).post(`/api/project-sheets/${sheet.id}/postits`, { block: 'canaux', text: 'Avant' });
    expect((await first).postits.map((p) => p.text)).to.deep.equal(['Avant']);

    const told = waitForEvent(onB, 'sheet:revoked', (e) => e.sheetId === sheet.id);
    expect(
      (await api(cluster.A.url, { token: creator.token }).delete(`/api/project-sheets/${sheet.id}/shares/${share.id}`)).status,
    ).to.equal(204);
    await told;
    const silent = expectNoEvent(onB, 'sheet:canvas');
    const creatorHears = waitForEvent(creatorOnA, 'sheet:canvas', (c) => c.postits.length === 2);
    await api(cluster.A.url, { token: creator.token }).post(`/api/project-sheets/${sheet.id}/postits`, { block: 'canaux', text: 'Après' });
    await creatorHears;
    await silent;
    for (const node of [cluster.A, cluster.B]) {
      expect((await api(node.url, { token: pro.token }).get(`/api/project-sheets/${sheet.id}`)).status).to.equal(404);
      expect((await api(node.url, { token: pro.token }).get(`/api/project-sheets/${sheet.id}/canvas`)).status).to.equal(404);
    }
    expect((await emitAck(onB, 'sheet:watch', { sheetId: sheet.id })).error.code).to.equal('not_found');
  });
});
