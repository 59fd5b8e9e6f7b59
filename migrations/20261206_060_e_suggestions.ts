import type { Knex } from 'knex';

/** « Suggestions »: the network's improvement ideas, their status and its reason. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('suggestions', (t) => {
    t.increments('id').primary();
    t.integer('author_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('title', 200).notNullable();
    t.text('body').notNullable();
    t.string('status', 16).notNullable().defaultTo('open'); // open | planned | done | declined
    t.text('status_reason').nullable();
    t.integer('status_by').nullable().references('users.id').onDelete('SET NULL');
    t.timestamp('status_at', { useTz: true }).nullable();
    // Kept equal to the number of suggestion_votes rows (recounted in the voting transaction) to sort cheaply.
    t.integer('vote_count').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['status', 'vote_count']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('suggestions');
}
