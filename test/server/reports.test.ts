import { expect } from 'chai';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';
import { peopleOn, type Person } from '../helpers/people';
import { daysAgo, reportBody, workshopBody } from '../helpers/reports';
import { parisToday } from '../../server/protocol/reports';
import { THEMES } from '../../server/protocol/report-catalog';
import { TALLY_COLUMNS } from '../../server/services/reports/tally';
import { rebuildRollup } from '../../server/db/report-rollup';

describe('reports: recording activity reports (CRA)', () => {
  const s = useServer();
  const { person, as } = peopleOn(s);
  let author: Person;
  let other: Person;
  let animator: Person;
  let chatOnly: Person;

  before(async () => {
    author = await person({ username: 'cra.author' });
    other = await person({ username: 'cra.other' });
    animator = await person({ role: 'animator', username: 'cra.animator' });
    chatOnly = await person({ username: 'cra.chatonly', chatOnly: true });
  });

  const post = (p: Person, body: unknown) => as(p).post('/api/reports', body);
  const fieldError = async (body: unknown, field: string) => {
    const res = await post(author, body);
    expect([res.status, res.body.error?.code], JSON.stringify(body)).to.deep.equal([400, 'invalid_payload']);
    expect(res.body.error.details.fields, JSON.stringify(body)).to.have.property(field);
    expect(res.body.error.message)
      .to.be.a('string')
      .and.not.match(/undefined/);
    return res.body.error.details.fields[field] as string;
  };

  it('records a report (201, the wire shape, the commune from INSEE, editable for 30 days) and counts it in the roll-up', async () => {
    const res = await post(
      author,
      reportBody({ durationMinutes: 45, durationBand: null, redirected: true, redirectedTo: 'France services de Villeurbanne' }),
    );
    expect(res.status).to.equal(201);
    expect(res.body).to.include({
      date: parisToday(),
      canal: 'home_base',
      activity: 'individual',
      participants: 1,
      durationBand: '30_60',
      durationMinutes: 45,
      redirected: true,
      redirectedTo: 'France services de Villeurbanne',
    });
    expect(res.body.commune).to.deep.include({ code: '69266', name: 'Villeurbanne', departmentCode: '69' });
    expect(res.body.commune.postalCodes).to.include('69100');
    expect(res.body.ages).to.deep.equal({ under_12: 0, '12_18': 0, '18_35': 0, '35_60': 1, over_60: 0 });
    expect(res.body.statuses).to.include({ employed: 1, unknown: 0 });
    expect(res.body.themes).to.deep.equal(['email', 'online_procedure']);
    expect(Date.parse(res.body.editableUntil) - Date.now()).to.be.greaterThan(29 * 86_400_000);
    const row = await s.db('reports').where({ id: res.body.id }).first();
    expect(row).to.include({ author_id: author.user.id, department_code: '69', region_code: '84', commune_code: '69266' });
    const daily = await s.db('report_daily').where({ level: 'D', code: '69', day: parisToday() }).first();
    const region = await s.db('report_daily').where({ level: 'R', code: '84', day: parisToday() }).first();
    const nation = await s.db('report_daily').where({ level: 'N', code: 'FR', day: parisToday() }).first();
    expect([region.reports, nation.reports, nation.theme_email]).to.deep.equal([1, 1, 1]);
    expect(daily).to.include({
      reports: 1,
      participants: 1,
      act_individual: 1,
      theme_email: 1,
      theme_online_procedure: 1,
      age_35_60: 1,
      age_35_60_r: 1,
      redirected: 1,
      dur_30_60: 1,
    });
  });

  it('refuses each broken rule with a field error (400 invalid_payload)', async () => {
    expect(await fieldError(reportBody({ date: daysAgo(-1) }), 'date')).to.match(/futur/);
    expect(await fieldError(reportBody({ date: daysAgo(367) }), 'date')).to.match(/un an/);
    await fieldError(reportBody({ date: '2026-02-30' }), 'date');
    await fieldError(reportBody({ date: 'hier' }), 'date');
    await fieldError(reportBody({ communeCode: '99999' }), 'communeCode');
    await fieldError(reportBody({ communeCode: 'Lyon' }), 'communeCode');
    await fieldError(reportBody({ canal: 'telephone' }), 'canal');
    await fieldError(reportBody({ activity: 'cours' }), 'activity');
    expect(await fieldError(reportBody({ participants: 2, ages: { '35_60': 2 }, statuses: { employed: 2 } }), 'participants')).to.match(
      /1 participant/,
    );
    expect(await fieldError(workshopBody(1), 'participants')).to.match(/au moins 2/);
    await fieldError(reportBody({ activity: 'one_off', participants: 0, ages: {}, statuses: {} }), 'participants');
    await fieldError(workshopBody(501), 'participants');
    await fieldError(reportBody({ participants: 1.5 }), 'participants');
    expect(await fieldError(reportBody({ ages: { '35_60': 1, over_60: 1 } }), 'ages')).to.match(/2 personne/);
    await fieldError(reportBody({ ages: { '35_60': -1 } }), 'ages.35_60');
    await fieldError(reportBody({ ages: { centenaires: 1 } }), 'ages');
    await fieldError(reportBody({ ages: { '35_60': 501 } }), 'ages.35_60');
    expect(await fieldError(reportBody({ statuses: {} }), 'statuses')).to.match(/0 personne/);
    expect(await fieldError(reportBody({ statuses: { employed: 1, retired: 1 } }), 'statuses')).to.match(/2 personne/);
    await fieldError(reportBody({ statuses: { employed: -1 } }), 'statuses.employed');
    await fieldError(reportBody({ statuses: { chomeur: 1 } }), 'statuses');
    await fieldError(reportBody({ themes: [] }), 'themes');
    await fieldError(reportBody({ themes: ['email', 'email'] }), 'themes');
    await fieldError(reportBody({ themes: ['astrologie'] }), 'themes.0');
    await fieldError(reportBody({ durationBand: null }), 'durationBand');
    await fieldError(reportBody({ durationBand: '2h' }), 'durationBand');
    await fieldError(reportBody({ durationMinutes: 0 }), 'durationMinutes');
    await fieldError(reportBody({ durationMinutes: 1441 }), 'durationMinutes');
    await fieldError(reportBody({ durationMinutes: 45.5 }), 'durationMinutes');
    await fieldError(reportBody({ redirected: true, redirectedTo: '  ' }), 'redirectedTo');
    await fieldError(reportBody({ redirected: false, redirectedTo: 'Mairie' }), 'redirectedTo');
    await fieldError(reportBody({ redirected: true, redirectedTo: 'x'.repeat(201) }), 'redirectedTo');
    // No personal data: a field that is not in the contract (a name, a note) is refused, not ignored.
    await fieldError(reportBody({ beneficiaryName: 'Jean Dupont' }), '_');
    const junk = await post(author, '"texte"');
    expect([junk.status, junk.body.error.code]).to.deep.equal([400, 'invalid_payload']);
    expect(Number((await s.db('reports').where({ author_id: author.user.id }).count({ n: '*' }).first())!.n)).to.equal(1);
  });

  it('accepts the edges: a workshop of 2, one year ago to the day, minutes only, every theme', async () => {
    const edge = await post(
      author,
      workshopBody(2, { date: daysAgo(364), durationBand: null, durationMinutes: 61, themes: THEMES.map((t) => t.key) }),
    );
    expect(edge.status).to.equal(201);
    expect([edge.body.durationBand, edge.body.themes.length]).to.deep.equal(['over_60', THEMES.length]);
    const oneOff = await post(
      author,
      reportBody({
        activity: 'one_off',
        participants: 3,
        ages: { '12_18': 3 },
        statuses: { student: 2, unknown: 1 },
        durationMinutes: 30,
        durationBand: null,
      }),
    );
    expect([oneOff.status, oneOff.body.durationBand]).to.deep.equal([201, 'under_30']);
  });

  it('lists, reads, replaces and deletes my own reports; someone else’s answer 404, as a missing one', async () => {
    const mine = (await post(author, reportBody({ date: daysAgo(3) }))).body;
    const list = await as(author).get('/api/reports?limit=2');
    expect(list.status).to.equal(200);
    expect(list.body.items).to.have.length(2);
    expect(list.body.items[0].date >= list.body.items[1].date).to.equal(true);
    const rest = await as(author).get(`/api/reports?limit=100&cursor=${list.body.nextCursor}`);
    expect(rest.body.items.map((r: any) => r.id)).to.not.include.members(list.body.items.map((r: any) => r.id));
    expect(list.body.items.length + rest.body.items.length).to.equal(4);
    expect((await as(other).get('/api/reports')).body.items).to.deep.equal([]);

    expect((await as(author).get(`/api/reports/${mine.id}`)).body.id).to.equal(mine.id);
    for (const who of [other, animator]) {
      expect((await as(who).get(`/api/reports/${mine.id}`)).status).to.equal(404);
      expect((await as(who).put(`/api/reports/${mine.id}`, reportBody())).status).to.equal(404);
      expect((await as(who).delete(`/api/reports/${mine.id}`)).status).to.equal(404);
    }
    const missing = await as(author).get('/api/reports/999999');
    expect([missing.status, missing.body.error.code]).to.deep.equal([404, 'not_found']);
    expect((await as(author).get('/api/reports/abc')).status).to.equal(400);

    const moved = await as(author).put(`/api/reports/${mine.id}`, reportBody({ date: daysAgo(2), communeCode: '13201', canal: 'remote' }));
    expect(moved.status).to.equal(200);
    expect(moved.body.commune).to.include({ code: '13201', departmentCode: '13' });
    const old69 = await s
      .db('report_daily')
      .where({ level: 'D', code: '69', day: daysAgo(3) })
      .first();
    const new13 = await s
      .db('report_daily')
      .where({ level: 'D', code: '13', day: daysAgo(2) })
      .first();
    expect([old69.reports, new13.reports, new13.canal_remote, new13.region_code]).to.deep.equal([0, 1, 1, '93']);
    const badEdit = await as(author).put(`/api/reports/${mine.id}`, reportBody({ participants: 2 }));
    expect([badEdit.status, badEdit.body.error.code]).to.deep.equal([400, 'invalid_payload']);

    expect((await as(author).delete(`/api/reports/${mine.id}`)).status).to.equal(204);
    expect((await as(author).get(`/api/reports/${mine.id}`)).status).to.equal(404);
    expect(
      (
        await s
          .db('report_daily')
          .where({ level: 'D', code: '13', day: daysAgo(2) })
          .first()
      ).reports,
    ).to.equal(0);
  });

  it('after 30 days a report is final: no edit, no delete (422 report_final)', async () => {
    const r = (await post(author, reportBody({ date: daysAgo(40) }))).body;
    await s
      .db('reports')
      .where({ id: r.id })
      .update({ created_at: new Date(Date.now() - 31 * 86_400_000) });
    expect((await as(author).get(`/api/reports/${r.id}`)).body.editableUntil).to.equal(null);
    const edit = await as(author).put(`/api/reports/${r.id}`, reportBody({ date: daysAgo(40) }));
    expect([edit.status, edit.body.error.code]).to.deep.equal([422, 'report_final']);
    const del = await as(author).delete(`/api/reports/${r.id}`);
    expect([del.status, del.body.error.code]).to.deep.equal([422, 'report_final']);
  });

  it('signed-out callers get 401; chat-only accounts may not record (403)', async () => {
    for (const [method, path] of [
      ['get', '/api/reports'],
      ['post', '/api/reports'],
      ['get', '/api/reports/1'],
      ['put', '/api/reports/1'],
      ['delete', '/api/reports/1'],
      ['get', '/api/reports/stats'],
      ['get', '/api/reports/export.csv'],
      ['get', '/api/communes?q=69100'],
      ['get', '/api/report-teams'],
    ] as const) {
      const res = await (api(s.url) as any)[method](path, method === 'get' || method === 'delete' ? undefined : reportBody());
      expect([res.status, res.body.error.code], path).to.deep.equal([401, 'unauthorized']);
    }
    expect((await post(chatOnly, reportBody())).status).to.equal(403);
  });

  it('finds communes by postal code or by name (INSEE code, postal codes, département)', async () => {
    const byCode = await as(author).get('/api/communes?q=69100');
    expect(byCode.status).to.equal(200);
    expect(byCode.body.items[0]).to.deep.include({ code: '69266', name: 'Villeurbanne', departmentCode: '69' });
    const byName = await as(author).get(`/api/communes?q=${encodeURIComponent('saint-etienne')}`);
    expect(byName.body.items[0]).to.include({ code: '42218', name: 'Saint-Étienne' });
    const short = await as(author).get('/api/communes?q=6');
    expect([short.status, short.body.error.code]).to.deep.equal([400, 'invalid_payload']);
    const long = await as(author).get(`/api/communes?q=${'a'.repeat(81)}`);
    expect([long.status, long.body.error.code]).to.deep.equal([400, 'invalid_payload']);
  });

  it('refuses a bad list query or report id with the exact error code', async () => {
    for (const q of ['limit=0', 'limit=101', 'limit=dix', 'cursor=hier', 'cursor=2026-01-01']) {
      const res = await as(author).get(`/api/reports?${q}`);
      expect([res.status, res.body.error.code], q).to.deep.equal([400, 'invalid_payload']);
    }
    for (const path of ['/api/reports/abc', '/api/reports/-1', '/api/reports/1.5']) {
      const res = await as(author).get(path);
      expect([res.status, res.body.error.code], path).to.deep.equal([400, 'invalid_payload']);
    }
  });

  it('the migration’s roll-up columns are the catalog’s counters', async () => {
    const info = await s.db('report_daily').columnInfo();
    expect(
      Object.keys(info)
        .filter((c) => !['level', 'code', 'day', 'region_code'].includes(c))
        .sort(),
    ).to.deep.equal([...TALLY_COLUMNS].sort());
  });

  it('the roll-up kept write by write equals the one rebuilt from the reports', async () => {
    // Rows whose counters all went back to zero (an edit that moved a report) are equal to no row.
    const months = async () =>
      (await s.db('report_commune_counts').orderBy(['period', 'commune_code']))
        .map((r: any) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, /^c\d\d$/.test(k) ? Number(v) : v])))
        .filter((r: any) => Object.keys(r).some((k) => /^c\d\d$/.test(k) && r[k] !== 0));
    const keptMonths = await months();
    expect(keptMonths.length).to.be.greaterThan(1);
    const read = async () =>
      (await s.db('report_daily').where('reports', '>', 0).orderBy(['level', 'code', 'day'])).map((r: any) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v : Number(v)])),
      );
    const kept = await read();
    expect(kept.length).to.be.greaterThan(2);
    await rebuildRollup(s.db);
    expect(await read()).to.deep.equal(kept);
    expect(await months()).to.deep.equal(keptMonths);
  });
});
