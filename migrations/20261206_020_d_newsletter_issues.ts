import type { Knex } from 'knex';

/**
 * Newsletter issues: a draft animators edit, then `sending` (deliveries are
 * being handed to the mail transport by the background job), then `sent`.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('newsletter_issues', (t) => {
    t.increments('id').primary();
    t.string('title', 200).notNullable();
    t.text('intro').notNullable();
    t.string('status', 16).notNullable().defaultTo('draft'); // draft | sending | sent
    t.integer('author_id').nullable().references('users.id').onDelete('SET NULL');
    t.integer('recipients').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.timestamp('send_started_at', { useTz: true }).nullable();
    t.timestamp('sent_at', { useTz: true }).nullable();
    t.index(['status', 'send_started_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('newsletter_issues');
}
