import type { Knex } from 'knex';

/** « Mes favoris »: what a member keeps at hand (posts and documents; resources when the library exists). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('favorites', (t) => {
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('kind', 16).notNullable(); // post | document
    // No foreign key (the target's table depends on kind): lists join the targets, so a deleted one drops out.
    t.integer('target_id').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['user_id', 'kind', 'target_id']);
    t.index(['kind', 'target_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('favorites');
}
