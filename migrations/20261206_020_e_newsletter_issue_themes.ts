import type { Knex } from 'knex';

/** Who receives an issue: the subscribers of any of its themes. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('newsletter_issue_themes', (t) => {
    t.integer('issue_id').notNullable().references('newsletter_issues.id').onDelete('CASCADE');
    t.integer('theme_id').notNullable().references('interest_themes.id').onDelete('CASCADE');
    t.primary(['issue_id', 'theme_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('newsletter_issue_themes');
}
