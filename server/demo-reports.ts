/**
 * Demo activity reports: 75 accompaniments over the last six months for each
 * demo conseiller, in communes around them, so "Mes statistiques" and the
 * territorial dashboards are alive on a first start, and a team: Nadia, of
 * the Mairie de Villeurbanne, manages Julie and Hugo (the manager's view).
 * A fixed pseudo-random sequence: every demo database looks the same.
 */
import type { Knex } from 'knex';
import { ACTIVITIES, AGE_BANDS, CANALS, DURATIONS, STATUSES, THEMES } from './protocol/report-catalog';
import { parisToday } from './protocol/reports';
import { findCommune } from './services/reports/communes';
import { rebuildRollup } from './db/report-rollup';
import { insertReportRows } from './db/reports';
import { addTeamMember } from './services/reports/teams';
import { findUserByUsername } from './db/users';

/** The demo team: a manager and colleagues of the same host structure. */
const TEAM = { manager: 'nadia.rousseau', members: ['julie.petit', 'hugo.bernard'] };

const AROUND: Record<string, string[]> = {
  'julie.petit': ['69266', '69266', '69259', '69029'],
  'hugo.bernard': ['69266', '69266', '69266', '69259'],
  'thomas.moreau': ['69381', '69383', '69387', '69123'],
  'sophie.lefebvre': ['33281', '33281', '33063', '33069'],
  'lucas.garcia': ['33318', '33318', '33522', '33063'],
};

/** Inserts the demo reports, builds the roll-up from them, and links the demo team. */
export async function seedDemoReports(db: Knex): Promise<void> {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const today = Date.parse(`${parisToday()}T12:00:00Z`);
  const rows: Record<string, unknown>[] = [];
  for (const [username, codes] of Object.entries(AROUND)) {
    const user = await findUserByUsername(db, username);
    if (!user) continue;
    for (let i = 0; i < 75; i++) {
      const c = findCommune(pick(codes));
      if (!c) continue;
      const day = new Date(today - Math.floor(rnd() * 180) * 86_400_000);
      const activity = rnd() < 0.65 ? 'individual' : pick(ACTIVITIES).key;
      const n = activity === 'individual' ? 1 : activity === 'workshop' ? 2 + Math.floor(rnd() * 9) : 1 + Math.floor(rnd() * 2);
      const row: Record<string, unknown> = {
        author_id: user.id,
        report_date: day.toISOString().slice(0, 10),
        commune_code: c.code,
        department_code: c.departmentCode,
        region_code: c.regionCode,
        canal: rnd() < 0.6 ? 'home_base' : pick(CANALS).key,
        activity,
        participants: n,
        themes: (1 << Math.floor(rnd() * 12)) | (rnd() < 0.4 ? 1 << Math.floor(rnd() * THEMES.length) : 0),
        duration_band: pick(DURATIONS).key,
        duration_minutes: null,
        redirected: rnd() < 0.1,
        redirected_to: null,
        created_at: day,
        updated_at: day,
      };
      for (const a of AGE_BANDS) row[`age_${a.key}`] = 0;
      for (const s of STATUSES) row[`st_${s.key}`] = 0;
      // Most people helped are over 35: the older ones in one band, the others aged 18 to 35.
      const older = Math.ceil(n * rnd());
      row[rnd() < 0.6 ? 'age_over_60' : 'age_35_60'] = older;
      row.age_18_35 = n - older;
      const retired = Math.ceil(n * rnd());
      row.st_retired = retired;
      row[`st_${pick(['unemployed', 'employed', 'unknown', 'student'])}`] = n - retired;
      rows.push(row);
    }
  }
  await insertReportRows(db, rows);
  await rebuildRollup(db);
  // Through the admins' own service, so the demo team obeys the same-structure rule.
  const [admin, manager] = await Promise.all([findUserByUsername(db, 'admin'), findUserByUsername(db, TEAM.manager)]);
  for (const username of TEAM.members) {
    const member = await findUserByUsername(db, username);
    if (admin && manager && member) await addTeamMember(db, admin, manager.id, member.id);
  }
}
