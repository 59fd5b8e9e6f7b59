import type { Knex } from 'knex';

// The report lists as they stand today (a migration never imports app code):
// server/protocol/report-catalog.ts must keep these keys; a test checks it.
const ACTIVITIES = ['individual', 'workshop', 'one_off'];
const CANALS = ['home_base', 'other_place', 'at_home', 'remote'];
const DURATIONS = ['under_30', '30_60', 'over_60'];
const THEMES = [
  'equipment',
  'browsing',
  'email',
  'smartphone_apps',
  'digital_content',
  'vocabulary',
  'word_processing',
  'keeping_in_touch',
  'employment',
  'parenting',
  'small_business',
  'online_procedure',
  'security',
  'health',
  'budget',
  'diagnosis',
  'other',
];
const AGES = ['under_12', '12_18', '18_35', '35_60', 'over_60'];
const STATUSES = ['student', 'unemployed', 'employed', 'retired', 'unknown'];

/** The roll-up's counters: reports per category, people per age band and status, and reports having each of those. */
const ROLLUP_COLUMNS = [
  'reports',
  'participants',
  'redirected',
  ...ACTIVITIES.map((k) => `act_${k}`),
  ...CANALS.map((k) => `canal_${k}`),
  ...DURATIONS.map((k) => `dur_${k}`),
  ...THEMES.map((k) => `theme_${k}`),
  ...AGES.flatMap((k) => [`age_${k}`, `age_${k}_r`]),
  ...STATUSES.flatMap((k) => [`st_${k}`, `st_${k}_r`]),
];

/**
 * Activity reports (CRA). `reports` holds one row per accompaniment, with no
 * personal data about the people helped (counts only; themes as a bit mask in
 * the catalog's order). The commune's département and région are copied on the
 * row so territorial queries need no join. `report_daily` is a roll-up per day
 * for each département, région and the nation, kept in the same transaction as
 * every write, so a national dashboard over a year sums 365 rows instead of
 * scanning 500 000 reports; `report_commune_months` counts reports per commune
 * and month for the communes ranking of régions and the nation.
 * `report_team_members` says who manages whom (set by admins).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('reports', (t) => {
    t.increments('id');
    t.integer('author_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('report_date', 10).notNullable();
    t.string('commune_code', 5).notNullable();
    t.string('department_code', 3).notNullable();
    t.string('region_code', 3).notNullable();
    t.string('canal', 20).notNullable();
    t.string('activity', 20).notNullable();
    t.integer('participants').notNullable();
    for (const k of AGES) t.integer(`age_${k}`).notNullable().defaultTo(0);
    for (const k of STATUSES) t.integer(`st_${k}`).notNullable().defaultTo(0);
    t.integer('themes').notNullable();
    t.string('duration_band', 10).notNullable();
    t.integer('duration_minutes').nullable();
    t.boolean('redirected').notNullable().defaultTo(false);
    t.string('redirected_to', 200).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['author_id', 'report_date', 'id'], 'reports_author_date_index');
    t.index(['department_code', 'report_date', 'commune_code'], 'reports_department_date_commune_index');
    t.index(['region_code', 'report_date', 'commune_code'], 'reports_region_date_commune_index');
    t.index(['report_date', 'commune_code'], 'reports_date_commune_index');
  });
  await knex.schema.createTable('report_daily', (t) => {
    t.string('level', 1).notNullable(); // D: a département, R: a région, N: the nation
    t.string('code', 3).notNullable(); // its code ('FR' for the nation)
    t.string('day', 10).notNullable();
    t.string('region_code', 3).notNullable(); // of a département row, for the ranking within a région
    for (const c of ROLLUP_COLUMNS) t.integer(c).notNullable().defaultTo(0);
    t.primary(['level', 'code', 'day']);
    t.index(['level', 'day'], 'report_daily_level_day_index');
  });
  await knex.schema.createTable('report_commune_months', (t) => {
    t.string('month', 7).notNullable();
    t.string('commune_code', 5).notNullable();
    t.string('region_code', 3).notNullable();
    t.integer('reports').notNullable().defaultTo(0);
    t.primary(['month', 'commune_code']);
    t.index(['region_code', 'month'], 'report_commune_months_region_index');
  });
  await knex.schema.createTable('report_team_members', (t) => {
    t.integer('manager_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('member_id').notNullable().references('users.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['manager_id', 'member_id']);
    t.index(['member_id'], 'report_team_members_member_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('report_team_members');
  await knex.schema.dropTable('report_commune_months');
  await knex.schema.dropTable('report_daily');
  await knex.schema.dropTable('reports');
}
