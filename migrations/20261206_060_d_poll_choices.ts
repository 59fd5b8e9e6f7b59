import type { Knex } from 'knex';

/** The options a ballot chose (one, or several for a multiple-choice poll). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('poll_choices', (t) => {
    t.integer('ballot_id').notNullable().references('poll_ballots.id').onDelete('CASCADE');
    t.integer('option_id').notNullable().references('poll_options.id').onDelete('CASCADE');
    t.primary(['ballot_id', 'option_id']);
    t.index(['option_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('poll_choices');
}
