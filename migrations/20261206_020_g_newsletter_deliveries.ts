import type { Knex } from 'knex';

/**
 * One row per issue and recipient, written when the issue is sent. The unique
 * (issue_id, user_id) makes "no one mailed twice" a database fact; the job
 * claims `pending` rows in batches (claim_token, claimed_at), hands them to the
 * transport, then marks them `sent` or `failed`. A restart finds the rest still
 * `pending` (or claimed by a process that died: retaken after a lease).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('newsletter_deliveries', (t) => {
    t.increments('id').primary();
    t.integer('issue_id').notNullable().references('newsletter_issues.id').onDelete('CASCADE');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('status', 16).notNullable().defaultTo('pending'); // pending | claimed | sent | failed
    t.string('claim_token', 40).nullable();
    t.timestamp('claimed_at', { useTz: true }).nullable();
    t.timestamp('done_at', { useTz: true }).nullable();
    t.unique(['issue_id', 'user_id']);
    t.index(['issue_id', 'status', 'id']);
    t.index(['claim_token']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('newsletter_deliveries');
}
