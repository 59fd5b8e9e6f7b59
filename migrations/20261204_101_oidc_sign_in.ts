import type { Knex } from 'knex';

/**
 * ProConnect / OpenID Connect sign-in: `user_identities` links a provider's
 * subject to an account (once linked, the e-mail may change on either side);
 * `oidc_signups` holds a first sign-in's verified claims until the person
 * names their département (asked once); sessions keep how they were opened
 * (`acr`/`amr`) and the ID token the provider's logout needs.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('user_identities', (t) => {
    t.increments('id').primary();
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('issuer', 300).notNullable();
    t.string('subject', 255).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('last_login_at', { useTz: true }).nullable();
    t.unique(['issuer', 'subject']);
    t.index(['user_id']);
  });
  await knex.schema.createTable('oidc_signups', (t) => {
    t.increments('id').primary();
    t.string('token_hash', 64).notNullable().unique();
    t.string('issuer', 300).notNullable();
    t.string('subject', 255).notNullable();
    t.string('email', 254).notNullable();
    t.string('first_name', 80).notNullable();
    t.string('last_name', 80).notNullable();
    t.string('acr', 120).nullable();
    t.string('amr', 200).nullable();
    t.text('id_token').nullable();
    t.string('next', 300).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
  });
  await knex.schema.alterTable('sessions', (t) => {
    t.string('acr', 120).nullable();
    t.string('amr', 200).nullable();
    t.text('id_token').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sessions', (t) => {
    t.dropColumn('acr');
    t.dropColumn('amr');
    t.dropColumn('id_token');
  });
  await knex.schema.dropTable('oidc_signups');
  await knex.schema.dropTable('user_identities');
}
