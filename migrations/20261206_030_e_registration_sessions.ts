import type { Knex } from 'knex';

/**
 * Registrations belong to a session. Visitors without an account register on
 * the direct list of public events (`user_id` null, `public_key` their address
 * in lower case, a hashed secret for their cancel link, the consent's time).
 * One place per member, per supported person and per visitor address in each
 * session (NULLs never collide). `reminded_at` is claimed before the reminder
 * of the day before is mailed, so it never goes twice.
 * No foreign key on `session_id`: SQLite cannot add one without rebuilding the
 * table; sessions are only deleted with their event (whose cascade removes these rows).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('event_registrations', (t) => {
    t.integer('session_id').nullable();
    t.string('phone', 20).nullable();
    t.string('public_key', 254).nullable();
    t.string('token_hash', 64).nullable();
    t.timestamp('consent_at', { useTz: true }).nullable();
    t.timestamp('reminded_at', { useTz: true }).nullable();
    t.unique(['session_id', 'self_key'], { indexName: 'event_reg_session_self_unique' });
    t.unique(['session_id', 'prescription_key'], { indexName: 'event_reg_session_prescription_unique' });
    t.unique(['session_id', 'public_key'], { indexName: 'event_reg_session_public_unique' });
    t.unique(['token_hash'], { indexName: 'event_reg_token_unique' });
    t.index(['session_id', 'list', 'status', 'id'], 'event_reg_session_list_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('event_registrations', (t) => {
    t.dropUnique(['session_id', 'self_key'], 'event_reg_session_self_unique');
    t.dropUnique(['session_id', 'prescription_key'], 'event_reg_session_prescription_unique');
    t.dropUnique(['session_id', 'public_key'], 'event_reg_session_public_unique');
    t.dropUnique(['token_hash'], 'event_reg_token_unique');
    t.dropIndex(['session_id', 'list', 'status', 'id'], 'event_reg_session_list_index');
  });
  await knex.schema.alterTable('event_registrations', (t) => {
    for (const c of ['session_id', 'phone', 'public_key', 'token_hash', 'consent_at', 'reminded_at']) t.dropColumn(c);
  });
}
