import type { Knex } from 'knex';

/**
 * The account types offered at sign-up (admins edit the list): a key, its
 * label, whether an admin validates it, its place in the list. What each type
 * may do is code (server/access/account-types.ts), not data.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('account_types', (t) => {
    t.string('key', 32).primary();
    t.string('label', 80).notNullable();
    t.boolean('needs_validation').notNullable().defaultTo(false);
    t.integer('position').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
  const now = new Date();
  await knex('account_types').insert([
    { key: 'membre', label: 'Membre', needs_validation: false, position: 0, created_at: now },
    { key: 'professionnel', label: 'Professionnel de l’accompagnement', needs_validation: true, position: 1, created_at: now },
    { key: 'createur', label: 'Créateur d’entreprise', needs_validation: false, position: 2, created_at: now },
    { key: 'animateur_territorial', label: 'Animateur territorial', needs_validation: true, position: 3, created_at: now },
  ]);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('account_types');
}
