import type { Knex } from 'knex';

/**
 * Files attached to an agenda event (programme, poster, other), their bytes in
 * the content-addressed store like every upload; readable by whoever reads the event.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('event_files', (t) => {
    t.increments('id').primary();
    t.integer('event_id').notNullable().references('events.id').onDelete('CASCADE');
    t.string('kind', 12).notNullable(); // programme | affiche | autre
    t.string('title', 200).notNullable();
    t.string('filename', 255).notNullable();
    t.string('mime_type', 120).notNullable();
    t.bigInteger('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.integer('uploader_id').nullable().references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['event_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('event_files');
}
