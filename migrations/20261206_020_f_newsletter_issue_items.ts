import type { Knex } from 'knex';

/**
 * The contents of an issue, in order: a kind (article, event, … see
 * server/services/newsletters/contents.ts) and the id of the item. No foreign
 * key: the target's table depends on the kind; a deleted target drops out.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('newsletter_issue_items', (t) => {
    t.integer('issue_id').notNullable().references('newsletter_issues.id').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.string('kind', 24).notNullable();
    t.integer('target_id').notNullable();
    t.primary(['issue_id', 'position']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('newsletter_issue_items');
}
