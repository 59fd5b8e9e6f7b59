import type { Knex } from 'knex';

/** Groups a member dismissed from « On vous propose »: never proposed to them again. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('group_suggestion_dismissals', (t) => {
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('group_id').notNullable().references('groups.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['user_id', 'group_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('group_suggestion_dismissals');
}
