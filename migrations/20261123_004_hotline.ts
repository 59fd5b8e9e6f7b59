import type { Knex } from 'knex';

/** The categories a fresh network starts with; admins rename, add and archive them afterwards. */
const DEFAULT_CATEGORIES = [
  { slug: 'compte', name: 'Compte et connexion', position: 1 },
  { slug: 'outils', name: 'Outils et logiciels', position: 2 },
  { slug: 'demarches', name: 'Démarches administratives', position: 3 },
  { slug: 'formation', name: 'Formation et ressources', position: 4 },
  { slug: 'autre', name: 'Autre question', position: 99 },
];

/** Hotline desk: categories, tickets (one `hotline` channel each), internal notes, and the history of each ticket. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('hotline_categories', (t) => {
    t.increments('id').primary();
    t.string('slug', 80).notNullable().unique();
    t.string('name', 80).notNullable();
    t.integer('position').notNullable().defaultTo(50);
    t.timestamp('archived_at', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('hotline_tickets', (t) => {
    t.increments('id').primary();
    t.integer('requester_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('assignee_id').nullable().references('users.id').onDelete('SET NULL');
    t.integer('channel_id').notNullable().unique().references('channels.id').onDelete('CASCADE');
    t.integer('category_id').nullable().references('hotline_categories.id').onDelete('SET NULL');
    t.string('subject', 200).notNullable();
    t.string('status', 16).notNullable(); // open | assigned | resolved
    // The requester's département when the ticket was opened: figures stay true after a move.
    t.string('department_code', 3).nullable();
    // Idempotent `hotline:open`: the same (requester, clientMsgId) is one ticket forever.
    t.string('client_msg_id', 64).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    // Place in the queue: set at opening, and again when a ticket goes back to the queue.
    t.timestamp('queued_at', { useTz: true }).notNullable();
    t.timestamp('assigned_at', { useTz: true }).nullable();
    t.timestamp('first_response_due_at', { useTz: true }).notNullable();
    t.timestamp('first_response_at', { useTz: true }).nullable();
    t.integer('first_responder_id').nullable().references('users.id').onDelete('SET NULL');
    t.timestamp('resolved_at', { useTz: true }).nullable();
    t.integer('resolved_by').nullable().references('users.id').onDelete('SET NULL');
    t.text('resolution_note').nullable();
    t.integer('rating_score').nullable();
    t.text('rating_comment').nullable();
    t.timestamp('rated_at', { useTz: true }).nullable();
    // Last "reply while you were away" mail, so a burst of answers sends one mail.
    t.timestamp('mailed_at', { useTz: true }).nullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.unique(['requester_id', 'client_msg_id']);
    t.index(['status', 'queued_at']);
    t.index(['assignee_id']);
    t.index(['created_at']);
  });
  await knex.schema.createTable('hotline_notes', (t) => {
    t.increments('id').primary();
    t.integer('ticket_id').notNullable().references('hotline_tickets.id').onDelete('CASCADE');
    t.integer('author_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('body').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['ticket_id']);
  });
  await knex.schema.createTable('hotline_ticket_events', (t) => {
    t.increments('id').primary();
    t.integer('ticket_id').notNullable().references('hotline_tickets.id').onDelete('CASCADE');
    t.integer('actor_id').nullable().references('users.id').onDelete('SET NULL');
    t.string('kind', 16).notNullable(); // opened | claimed | transferred | resolved | reopened | rated
    t.integer('target_user_id').nullable().references('users.id').onDelete('SET NULL');
    t.text('detail').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['ticket_id']);
  });
  const now = new Date();
  await knex('hotline_categories').insert(DEFAULT_CATEGORIES.map((c) => ({ ...c, created_at: now })));
}

export async function down(knex: Knex): Promise<void> {
  // Their channels would be left without a ticket: take them (members and messages cascade) along.
  await knex('channels').where({ kind: 'hotline' }).del();
  await knex.schema.dropTable('hotline_ticket_events');
  await knex.schema.dropTable('hotline_notes');
  await knex.schema.dropTable('hotline_tickets');
  await knex.schema.dropTable('hotline_categories');
}
