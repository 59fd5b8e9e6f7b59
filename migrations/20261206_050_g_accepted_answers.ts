import type { Knex } from 'knex';

/** The forum: the comment a question's author (or a group admin) accepts as its answer. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('accepted_answers', (t) => {
    t.integer('post_id').primary().references('posts.id').onDelete('CASCADE');
    t.integer('comment_id').notNullable().references('comments.id').onDelete('CASCADE');
    t.integer('accepted_by').nullable().references('users.id').onDelete('SET NULL');
    t.timestamp('accepted_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('accepted_answers');
}
