import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';
import { peopleOn, type Person } from '../helpers/people';
import { daysAgo, reportBody, workshopBody } from '../helpers/reports';
import { parisToday } from '../../server/protocol/reports';
import { bucketOf } from '../../server/services/reports/stats';

describe('reports: dashboards, territories with the "< 5" rule, teams, exports', () => {
  const s = useServer();
  const { person, as } = peopleOn(s);
  let cn: Person; // a conseiller in the Rhône
  let colleague: Person; // same host structure
  let stranger: Person; // another structure
  let animator: Person;
  let admin: Person;
  // Read when the reports are written (before()), not when mocha loads the file: a run that crosses
  // midnight in Paris between the two would query up to yesterday and miss today's reports.
  let today: string;
  let from: string;

  const post = async (p: Person, body: Record<string, unknown>) => {
    const res = await as(p).post('/api/reports', body);
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  };
  const stats = (p: Person, query: string) => as(p).get(`/api/reports/stats?${query}`);

  before(async () => {
    today = parisToday();
    from = daysAgo(20);
    cn = await person({ username: 'st.cn', employer: 'Médiathèque de Villeurbanne', firstName: 'Inès', lastName: 'Martin' });
    colleague = await person({ username: 'st.colleague', employer: 'médiathèque de villeurbanne ', firstName: 'Paul', lastName: 'Durand' });
    stranger = await person({ username: 'st.stranger', employer: 'Mairie de Brest' });
    animator = await person({ role: 'animator', username: 'st.animator' });
    admin = await person({ role: 'admin', username: 'st.admin', employer: 'ANCT' });
    // In the Rhône (69, région 84): 6 reports at Villeurbanne, 1 at Lyon. In the Finistère (29, région 53): 2 at Brest.
    for (let i = 0; i < 5; i++) await post(cn, reportBody({ date: daysAgo(i), themes: i < 3 ? ['email'] : ['security', 'email'] }));
    await post(cn, workshopBody(8, { date: daysAgo(1), canal: 'other_place', redirected: true, redirectedTo: '=HYPERLINK("http://x")' }));
    await post(colleague, reportBody({ communeCode: '69123', ages: { under_12: 1 }, statuses: { student: 1 } }));
    await post(stranger, reportBody({ communeCode: '29019' }));
    await post(stranger, reportBody({ communeCode: '29019', date: daysAgo(40) }));
  });

  it('"Mes statistiques": my figures over the period, every breakdown, themes ranked, the trend', async () => {
    const res = await stats(cn, `from=${from}&to=${today}&groupBy=week`);
    expect(res.status).to.equal(200);
    const b = res.body;
    expect(b).to.include({ scope: 'mine', masked: false, reports: 6, participants: 13, redirected: 1, from, to: today, groupBy: 'week' });
    expect(b.activities.map((c: any) => [c.key, c.count])).to.deep.equal([
      ['individual', 5],
      ['workshop', 1],
      ['one_off', 0],
    ]);
    expect(b.canals.find((c: any) => c.key === 'other_place').count).to.equal(1);
    expect(b.themes.map((c: any) => [c.key, c.count])).to.deep.equal([
      ['email', 5],
      ['security', 3],
    ]);
    expect(b.themes[0].label).to.equal('Envoyer, recevoir, gérer ses courriels');
    expect(b.ages.find((c: any) => c.key === 'over_60').count).to.equal(8);
    expect(b.statuses.find((c: any) => c.key === 'employed').count).to.equal(5);
    expect(b.communes).to.deep.equal([{ key: '69266', label: 'Villeurbanne', count: 6 }]);
    expect(b.trend[0].start).to.equal(bucketOf(from, 'week'));
    expect(b.trend.reduce((a: number, p: any) => a + p.reports, 0)).to.equal(6);
    expect(b.departments).to.equal(null);
    const byMonth = await stats(cn, `from=${daysAgo(200)}&to=${today}`);
    expect(byMonth.body.groupBy).to.equal('month');
    expect(byMonth.body.trend.every((p: any) => p.start.endsWith('-01'))).to.equal(true);
    // The default period is this month.
    const month = (await stats(colleague, '')).body;
    expect([month.from, month.to, month.reports]).to.deep.equal([`${today.slice(0, 8)}01`, today, 1]);
  });

  it('refuses bad filters with the exact error code', async () => {
    for (const q of [
      `from=${today}&to=${daysAgo(3)}`,
      'from=hier',
      'scope=planet',
      'scope=department',
      'scope=region',
      'scope=department&code=6%209',
      `to=${today.slice(0, 8)}32`,
      'groupBy=day',
      `from=2020-01-01&to=${today}`,
    ]) {
      const res = await stats(cn, q);
      expect([res.status, res.body.error.code], q).to.deep.equal([400, 'invalid_payload']);
    }
    expect((await api(s.url).get('/api/reports/stats')).status).to.equal(401);
  });

  it('territorial views: aggregates only, every cell under 5 reports reads null ("< 5")', async () => {
    const dep = (await stats(animator, `scope=department&code=69&from=${from}&to=${today}`)).body;
    expect(dep).to.include({ scope: 'department', code: '69', territory: 'Rhône (69)', masked: true, reports: 7, participants: 14 });
    expect(dep.activities.map((c: any) => [c.key, c.count])).to.deep.equal([
      ['individual', 6],
      ['workshop', null],
      ['one_off', null],
    ]);
    expect(dep.redirected).to.equal(null);
    // 8 people over 60 but from one workshop: masked, so the workshop cannot be singled out.
    expect(dep.ages.find((c: any) => c.key === 'over_60').count).to.equal(null);
    expect(dep.ages.find((c: any) => c.key === '35_60').count).to.equal(5);
    expect(dep.themes.map((c: any) => [c.key, c.count])).to.deep.equal([
      ['email', 6],
      ['security', null],
      ['online_procedure', null],
    ]);
    expect(dep.communes).to.deep.equal([
      { key: '69266', label: 'Villeurbanne', count: 6 },
      { key: '69123', label: 'Lyon', count: null },
    ]);
    expect(dep.trend.every((p: any) => p.reports === null || p.reports >= 5)).to.equal(true);
    expect(dep.departments).to.equal(null);
    expect(JSON.stringify(dep)).to.not.contain('st.cn').and.not.contain('Martin');

    const small = (await stats(admin, `scope=department&code=29&from=${daysAgo(60)}&to=${today}`)).body;
    expect([small.reports, small.participants]).to.deep.equal([null, null]);

    const region = (await stats(animator, `scope=region&code=84&from=${from}&to=${today}`)).body;
    expect([region.territory, region.reports]).to.deep.equal(['Auvergne-Rhône-Alpes', 7]);
    expect(region.departments).to.deep.equal([{ key: '69', label: 'Rhône (69)', reports: 7, participants: 14 }]);

    const nation = (await stats(admin, `scope=national&from=${daysAgo(60)}&to=${today}`)).body;
    expect([nation.territory, nation.reports]).to.deep.equal(['France entière', 9]);
    expect(nation.departments.map((d: any) => [d.key, d.reports])).to.deep.equal([
      ['69', 7],
      ['29', null],
    ]);
    // Whole months from the commune roll-up, the partial months at either end from the reports.
    expect(nation.communes.map((c: any) => [c.key, c.count])).to.deep.equal([
      ['69266', 6],
      ['29019', null],
      ['69123', null],
    ]);
    const march = (await stats(admin, `scope=region&code=53&from=${daysAgo(40)}&to=${daysAgo(40)}`)).body;
    expect([march.reports, march.communes.length]).to.deep.equal([null, 1]);
  });

  it('territorial views are 404 to members, and for unknown territories', async () => {
    for (const q of ['scope=department&code=69', 'scope=region&code=84', 'scope=national']) {
      const res = await stats(cn, q);
      expect([res.status, res.body.error.code], q).to.deep.equal([404, 'not_found']);
    }
    expect((await stats(animator, 'scope=department&code=999')).status).to.equal(404);
    expect((await stats(animator, 'scope=region&code=00')).status).to.equal(404);
  });

  it('teams: admins link colleagues of one structure; the manager sees figures per person and exports them', async () => {
    expect((await stats(cn, 'scope=team')).status).to.equal(404);
    const link = { managerId: cn.user.id, memberId: colleague.user.id };
    const byMember = await as(colleague).post('/api/report-teams', link);
    expect([byMember.status, byMember.body.error.code]).to.deep.equal([404, 'not_found']);
    const foreign = await as(admin).post('/api/report-teams', { managerId: cn.user.id, memberId: stranger.user.id });
    expect([foreign.status, foreign.body.error.code]).to.deep.equal([422, 'not_same_structure']);
    const self = await as(admin).post('/api/report-teams', { managerId: cn.user.id, memberId: cn.user.id });
    expect([self.status, self.body.error.code]).to.deep.equal([422, 'team_self']);
    const bad = await as(admin).post('/api/report-teams', { managerId: 'moi' });
    expect([bad.status, bad.body.error.code]).to.deep.equal([400, 'invalid_payload']);
    const ok = await as(admin).post('/api/report-teams', link);
    expect(ok.status).to.equal(201);
    expect(ok.body.items).to.deep.equal([
      {
        manager: { id: cn.user.id, displayName: 'Inès Martin', employer: 'Médiathèque de Villeurbanne' },
        members: [{ id: colleague.user.id, displayName: 'Paul Durand', employer: 'médiathèque de villeurbanne ' }],
      },
    ]);
    expect((await as(cn).get('/api/report-teams')).body.items).to.have.length(1);
    expect((await as(colleague).get('/api/report-teams')).body.items).to.deep.equal([]);

    const team = (await stats(cn, `scope=team&from=${from}&to=${today}`)).body;
    expect(team).to.include({ scope: 'team', masked: false, reports: 1 });
    expect(team.people).to.deep.equal([{ key: String(colleague.user.id), label: 'Paul Durand', reports: 1, participants: 1 }]);
    const csv = await as(cn).get(`/api/reports/export.csv?scope=team&from=${from}&to=${today}`);
    expect(csv.status).to.equal(200);
    expect(String(csv.body).split('\r\n')[1]).to.match(/^Paul Durand;/);
    expect((await as(colleague).get('/api/reports/export.csv?scope=team')).status).to.equal(404);

    expect((await as(cn).delete(`/api/report-teams/${cn.user.id}/${colleague.user.id}`)).status).to.equal(404);
    expect((await as(admin).delete(`/api/report-teams/${cn.user.id}/${colleague.user.id}`)).status).to.equal(204);
    expect((await as(admin).delete(`/api/report-teams/${cn.user.id}/${colleague.user.id}`)).status).to.equal(404);
    expect((await stats(cn, 'scope=team')).status).to.equal(404);
  });

  it('exports my reports as CSV (BOM, “;”, formulas neutralised) and as XLSX (a summary sheet and one row per report)', async () => {
    const csv = await fetch(`${s.url}/api/reports/export.csv?from=${from}&to=${today}`, {
      headers: { authorization: `Bearer ${cn.token}` },
    });
    expect(csv.status).to.equal(200);
    expect(csv.headers.get('content-type')).to.contain('text/csv');
    expect(csv.headers.get('content-disposition')).to.equal(`attachment; filename="comptes-rendus-${from}-au-${today}.csv"`);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).to.have.length(7);
    expect(lines[0]).to.match(/^Date;Commune;Code INSEE;Département;Canal;Activité;Participants;Moins de 12 ans;/);
    expect(lines.slice(1).every((l) => l.includes(';Villeurbanne;69266;69;'))).to.equal(true);
    expect(lines.find((l) => l.includes('Atelier collectif'))).to.contain(`'=HYPERLINK`);

    const xlsx = await fetch(`${s.url}/api/reports/export.xlsx?from=${from}&to=${today}`, {
      headers: { authorization: `Bearer ${cn.token}` },
    });
    expect(xlsx.status).to.equal(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as any);
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['Accompagnements', 'Synthèse']);
    const summary = wb.getWorksheet('Synthèse')!;
    const value = (label: string) => (summary.getSheetValues() as any[]).find((r: any) => r?.[1] === label)?.[2];
    expect([value('Accompagnements'), value('Personnes accompagnées'), value('Atelier collectif')]).to.deep.equal([6, 13, 1]);
    const rows = wb.getWorksheet('Accompagnements')!;
    expect(rows.rowCount).to.equal(7);
    expect(rows.getRow(2).getCell(3).value).to.equal('69266');

    for (const q of ['scope=national', 'scope=department&code=69'])
      expect((await as(animator).get(`/api/reports/export.csv?${q}`)).status).to.equal(404);
    expect((await api(s.url).get('/api/reports/export.xlsx')).status).to.equal(401);
    expect((await as(cn).get('/api/reports/export.xlsx?from=demain')).status).to.equal(400);
  });

  it('an export walks every page: 2 500 reports of a team, each once, person by person', async () => {
    const a = await person({ username: 'st.page.a', employer: 'Pages' });
    const b2 = await person({ username: 'st.page.b', employer: 'Pages' });
    const boss = await person({ username: 'st.page.boss', employer: 'Pages' });
    const row = (author: number, i: number) => ({
      author_id: author,
      report_date: daysAgo(i % 30),
      commune_code: '69266',
      department_code: '69',
      region_code: '84',
      canal: 'remote',
      activity: 'individual',
      participants: 1,
      age_35_60: 1,
      st_employed: 1,
      themes: 4,
      duration_band: 'under_30',
      redirected: false,
      created_at: new Date(),
      updated_at: new Date(),
    });
    const rows = [
      ...Array.from({ length: 1300 }, (_, i) => row(a.user.id, i)),
      ...Array.from({ length: 1200 }, (_, i) => row(b2.user.id, i)),
    ];
    for (let i = 0; i < rows.length; i += 100) await s.db('reports').insert(rows.slice(i, i + 100));
    for (const m of [a, b2])
      expect((await as(admin).post('/api/report-teams', { managerId: boss.user.id, memberId: m.user.id })).status).to.equal(201);
    const csv = await as(boss).get(`/api/reports/export.csv?scope=team&from=${daysAgo(40)}&to=${today}`);
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .slice(1);
    expect(lines).to.have.length(2500);
    const authors = lines.map((l) => l.split(';')[0]);
    expect(authors.lastIndexOf(authors[0]!) - authors.indexOf(authors[0]!) + 1).to.equal(
      authors[0] === authors[authors.length - 1] ? 2500 : authors.filter((x) => x === authors[0]).length,
    );
    // The spreadsheet holds the same rows, read back by ExcelJS: header, then 2 500 reports.
    const xlsx = await fetch(`${s.url}/api/reports/export.xlsx?scope=team&from=${daysAgo(40)}&to=${today}`, {
      headers: { authorization: `Bearer ${boss.token}` },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as any);
    const sheet = wb.getWorksheet('Accompagnements')!;
    expect(sheet.rowCount).to.equal(2501);
    const names = (sheet.getColumn(1).values as unknown[]).slice(2);
    const perPerson = [...new Set(names)].map((n) => names.filter((x) => x === n).length).sort();
    expect(perPerson).to.deep.equal([1200, 1300]);
    expect(sheet.getRow(2501).getCell(4).value).to.equal('69266');
  });
});
