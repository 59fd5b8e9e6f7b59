import type { Knex } from 'knex';

/**
 * What a published agenda event carries: its moderation status (draft,
 * submitted, published, returned, rejected — existing events were on line
 * already), its access (public: readable without an account; pro: members),
 * the address (place, street, INSEE commune code), the contact, the
 * categories with one value (price, type, project size), an image with its
 * alternative text, and the version on line (`published_json`, the public
 * fields as approved) so that an edit waiting for moderation leaves it visible.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('events', (t) => {
    t.string('status', 16).notNullable().defaultTo('published');
    t.string('access', 8).notNullable().defaultTo('pro');
    t.string('place_name', 200).nullable();
    t.string('street', 300).nullable();
    t.string('postal_code', 5).nullable();
    t.string('commune_code', 5).nullable();
    t.string('contact_name', 160).nullable();
    t.string('contact_email', 254).nullable();
    t.string('contact_phone', 20).nullable();
    t.string('contact_website', 2000).nullable();
    t.string('price', 8).nullable();
    t.string('event_type', 24).nullable();
    t.string('project_size', 12).nullable();
    t.string('image_sha256', 64).nullable();
    t.string('image_mime', 40).nullable();
    t.string('image_alt', 300).nullable();
    t.text('moderation_comment').nullable();
    t.integer('moderated_by').nullable();
    t.timestamp('moderated_at', { useTz: true }).nullable();
    t.timestamp('submitted_at', { useTz: true }).nullable();
    t.timestamp('published_at', { useTz: true }).nullable();
    t.text('published_json').nullable();
    t.index(['status', 'submitted_at'], 'events_status_submitted_index');
    t.index(['access', 'starts_at'], 'events_access_starts_index');
  });
  await knex('events').update({ published_at: knex.ref('created_at') });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('events', (t) => {
    t.dropIndex(['status', 'submitted_at'], 'events_status_submitted_index');
    t.dropIndex(['access', 'starts_at'], 'events_access_starts_index');
  });
  await knex.schema.alterTable('events', (t) => {
    for (const c of [
      'status',
      'access',
      'place_name',
      'street',
      'postal_code',
      'commune_code',
      'contact_name',
      'contact_email',
      'contact_phone',
      'contact_website',
      'price',
      'event_type',
      'project_size',
      'image_sha256',
      'image_mime',
      'image_alt',
      'moderation_comment',
      'moderated_by',
      'moderated_at',
      'submitted_at',
      'published_at',
      'published_json',
    ])
      t.dropColumn(c);
  });
}
