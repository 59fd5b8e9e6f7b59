import type { Knex } from 'knex';

/**
 * Online booking (#18): the page a member opens to the public at
 * /rendez-vous/<slug>. One row per member who switched it on; the weekly
 * hours, the places and the exceptions are small lists kept as JSON text,
 * read and written whole by their owner only.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('booking_pages', (t) => {
    t.integer('user_id').primary().references('users.id').onDelete('CASCADE');
    t.string('slug', 80).notNullable().unique();
    t.boolean('enabled').notNullable().defaultTo(false);
    t.integer('slot_minutes').notNullable().defaultTo(30);
    t.integer('notice_hours').notNullable().defaultTo(24);
    t.integer('horizon_days').notNullable().defaultTo(30);
    t.boolean('public_holidays_off').notNullable().defaultTo(true);
    t.text('weekly').notNullable(); // [{ day: 1–7 (Monday = 1), start: "09:00", end: "12:00" }]
    t.text('places').notNullable(); // [{ label, canal, communeCode }]
    t.text('exceptions').notNullable(); // [{ from: "YYYY-MM-DD", to: "YYYY-MM-DD", label }]
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('booking_pages');
}
