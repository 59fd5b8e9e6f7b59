import type { Knex } from 'knex';

/** « Documents de référence » of a community: bank documents its admins pin. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('reference_documents', (t) => {
    t.integer('document_id').primary().references('documents.id').onDelete('CASCADE');
    t.integer('group_id').notNullable().references('groups.id').onDelete('CASCADE');
    t.integer('pinned_by').nullable().references('users.id').onDelete('SET NULL');
    t.timestamp('pinned_at', { useTz: true }).notNullable();
    t.index(['group_id', 'pinned_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('reference_documents');
}
