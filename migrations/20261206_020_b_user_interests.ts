import type { Knex } from 'knex';

/** The centres of interest each member chose (one row per member and theme). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('user_interests', (t) => {
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('theme_id').notNullable().references('interest_themes.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['user_id', 'theme_id']);
    t.index(['theme_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('user_interests');
}
