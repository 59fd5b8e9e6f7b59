import type { Knex } from 'knex';

/**
 * Centres of interest: the theme list admins edit, chosen by members (sign-up's
 * second step, profile) and used to address newsletters. A few starter themes
 * so a fresh network has something to offer.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('interest_themes', (t) => {
    t.increments('id').primary();
    t.string('label', 80).notNullable().unique();
    t.integer('position').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
  const now = new Date();
  const labels = [
    'Accompagnement des usagers',
    'Inclusion numérique',
    'Emploi et insertion',
    'Création d’entreprise',
    'État civil et élections',
    'Finances et comptabilité',
  ];
  await knex('interest_themes').insert(labels.map((label, position) => ({ label, position, created_at: now })));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('interest_themes');
}
