import { expect } from 'chai';
import { useServer } from '../helpers/suite';
import { periodPieces, topCommunesOfPeriod } from '../../server/db/report-communes';
import { rebuildRollup } from '../../server/db/report-rollup';
import { insertTeamLink } from '../../server/db/report-teams';
import type { UserRow } from '../../server/db/users';
import { statsQuery } from '../../server/protocol/reports';
import { statsFor } from '../../server/services/reports/stats';

/** Days from 2024-11-20 to 2026-02-10, a step at a time (both ends of months and years crossed). */
function days(step: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(2024, 10, 20); t <= Date.UTC(2026, 1, 10); t += step * 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

describe('report roll-ups: the communes ranking reads per-year and per-month counters', () => {
  const s = useServer();

  it('splits a period into whole months of a year and partial months', () => {
    expect(periodPieces('2025-04-15', '2026-04-14')).to.deep.equal([
      { period: '2025-04', first: 15, last: 30 },
      { period: '2025', first: 5, last: 12 },
      { period: '2026', first: 1, last: 3 },
      { period: '2026-04', first: 1, last: 14 },
    ]);
    expect(periodPieces('2025-01-01', '2025-12-31')).to.deep.equal([{ period: '2025', first: 1, last: 12 }]);
    expect(periodPieces('2024-02-01', '2024-02-29')).to.deep.equal([{ period: '2024', first: 2, last: 2 }]);
    expect(periodPieces('2025-02-01', '2025-02-27')).to.deep.equal([{ period: '2025-02', first: 1, last: 27 }]);
    expect(periodPieces('2025-03-10', '2025-03-10')).to.deep.equal([{ period: '2025-03', first: 10, last: 10 }]);
    expect(periodPieces('2025-12-31', '2026-01-01')).to.deep.equal([
      { period: '2025-12', first: 31, last: 31 },
      { period: '2026-01', first: 1, last: 1 },
    ]);
    expect(periodPieces('2025-05-02', '2025-05-01')).to.deep.equal([]);
  });

  it('answers the same ranking as counting the reports, for the nation and a région, over periods of every shape', async () => {
    const author = (await s
      .db('users')
      .insert({
        email: 'rollup@test.invalid',
        username: 'rollup.author',
        password_hash: 'x',
        first_name: 'Roll',
        last_name: 'Up',
        department_code: '69',
        role: 'member',
        chat_only: false,
        status: 'active',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')) as { id: number }[];
    // Communes of two régions (84: Rhône, Loire; 75: Gironde), each with its own rhythm, so the ranking changes with the period.
    const places = [
      ['69266', '69', '84', 1],
      ['69123', '69', '84', 2],
      ['42218', '42', '84', 3],
      ['33063', '33', '75', 2],
      ['33281', '33', '75', 5],
    ] as const;
    const rows = places.flatMap(([commune_code, department_code, region_code, step]) =>
      days(step).map((report_date) => ({
        author_id: author[0]!.id,
        report_date,
        commune_code,
        department_code,
        region_code,
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
      })),
    );
    for (let i = 0; i < rows.length; i += 200) await s.db('reports').insert(rows.slice(i, i + 200));
    await rebuildRollup(s.db);
    const periods = [
      ['2024-11-20', '2026-02-10'],
      ['2025-01-01', '2025-12-31'],
      ['2025-04-15', '2026-01-14'],
      ['2024-12-31', '2025-01-01'],
      ['2025-02-03', '2025-02-17'],
      ['2025-06-01', '2025-08-31'],
      ['2025-06-30', '2025-09-01'],
      ['2026-02-01', '2026-02-28'],
    ];
    for (const [from, to] of periods) {
      for (const region of [null, '84', '75']) {
        const counted = await s
          .db('reports')
          .whereBetween('report_date', [from!, to!])
          .modify((q) => (region ? q.where('region_code', region) : q))
          .groupBy('commune_code')
          .select('commune_code')
          .count({ n: '*' })
          .orderBy([{ column: 'n', order: 'desc' }, { column: 'commune_code' }])
          .limit(3);
        const expected = counted.map((r: any) => ({ commune_code: r.commune_code, n: Number(r.n) }));
        expect(expected.length, `${from} → ${to}`).to.be.greaterThan(0);
        expect(await topCommunesOfPeriod(s.db, region, from!, to!, 3), `${from} → ${to}, région ${region}`).to.deep.equal(expected);
      }
    }
  });

  it('a team’s figures summed in SQL equal the same reports summed in memory (a team of one against "Mes statistiques")', async () => {
    const member = (await s.db('users').where({ username: 'rollup.author' }).first()) as UserRow;
    const [{ id: managerId }] = (await s
      .db('users')
      .insert({
        ...member,
        id: undefined,
        email: 'manager@test.invalid',
        username: 'rollup.manager',
        first_name: 'Res',
        last_name: 'Ponsable',
      })
      .returning('id')) as { id: number }[];
    await insertTeamLink(s.db, managerId!, member.id);
    const manager = (await s.db('users').where({ id: managerId }).first()) as UserRow;
    for (const [from, to] of [
      ['2025-01-01', '2025-12-31'],
      ['2025-02-03', '2025-02-17'],
      ['2024-11-20', '2026-02-10'],
    ]) {
      const mine = await statsFor(s.db, member, statsQuery.parse({ from, to }));
      const team = await statsFor(s.db, manager, statsQuery.parse({ from, to, scope: 'team' }));
      expect(mine.reports).to.be.greaterThan(10);
      const { scope: _a, territory: _b, people, ...teamRest } = team;
      const { scope: _c, territory: _d, people: _e, ...mineRest } = mine;
      expect(teamRest, `${from} → ${to}`).to.deep.equal(mineRest);
      expect(people).to.deep.equal([{ key: String(member.id), label: 'Roll Up', reports: mine.reports, participants: mine.participants }]);
    }
  });

  it('the migrations fill the new counters from the reports already stored, and roll back to the monthly counts', async () => {
    const snapshot = async () =>
      (await s.db('report_commune_counts').orderBy(['period', 'commune_code'])).map((r: any) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, /^c\d\d$/.test(k) ? Number(v) : v])),
      );
    const rebuilt = await snapshot();
    expect(rebuilt.length).to.be.greaterThan(20);
    const names = [
      '20261205_010_c_report_daily_ranking_index.ts',
      '20261205_010_b_drop_report_commune_months.ts',
      '20261205_010_a_report_commune_counts.ts',
    ];
    for (const name of names) await s.db.migrate.down({ name });
    expect(await s.db.schema.hasTable('report_commune_counts')).to.equal(false);
    // Rolled back: the monthly counts are back, filled from the reports.
    const months = await s.db('report_commune_months').where({ commune_code: '69266', month: '2025-03' }).first();
    expect(Number(months.reports)).to.equal(31);
    for (const name of [...names].reverse()) await s.db.migrate.up({ name });
    expect(await snapshot()).to.deep.equal(rebuilt);
    expect(await s.db.schema.hasTable('report_commune_months')).to.equal(false);
  });
});
