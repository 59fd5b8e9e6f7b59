import type { Knex } from 'knex';

/**
 * Threads a person follows ("Fils suivis"): the root's author and everyone who replied, followed
 * automatically, and anyone who chose to. `last_read_id` is the last reply they have seen; replies
 * after it from others are their unread replies. `following` false keeps a "stop following" choice.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('thread_follows', (t) => {
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('root_id').notNullable().references('messages.id').onDelete('CASCADE');
    t.boolean('following').notNullable().defaultTo(true);
    t.integer('last_read_id').notNullable().defaultTo(0);
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['user_id', 'root_id']);
    t.index(['root_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('thread_follows');
}
