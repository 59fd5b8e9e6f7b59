import type { Knex } from 'knex';

/** When each member last opened a group: what was published since is flagged « nouveau ». */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('group_visits', (t) => {
    t.integer('group_id').notNullable().references('groups.id').onDelete('CASCADE');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.timestamp('visited_at', { useTz: true }).notNullable();
    t.primary(['group_id', 'user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('group_visits');
}
