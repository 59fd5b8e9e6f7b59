import type { Knex } from 'knex';

/** One vote per member and suggestion (toggled). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('suggestion_votes', (t) => {
    t.integer('suggestion_id').notNullable().references('suggestions.id').onDelete('CASCADE');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['suggestion_id', 'user_id']);
    t.index(['user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('suggestion_votes');
}
