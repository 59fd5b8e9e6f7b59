import type { Knex } from 'knex';

/** A row of `booking_pages`; the three lists are JSON text. */
export interface BookingPageRow {
  user_id: number;
  slug: string;
  enabled: boolean | number;
  slot_minutes: number;
  notice_hours: number;
  horizon_days: number;
  public_holidays_off: boolean | number;
  weekly: string;
  places: string;
  exceptions: string;
  updated_at: Date | number | string;
}

/** A member's page, if they ever saved one. */
export async function findBookingPageOf(db: Knex, userId: number): Promise<BookingPageRow | undefined> {
  return db<BookingPageRow>('booking_pages').where({ user_id: userId }).first();
}

/** A page by its public slug. */
export async function findBookingPageBySlug(db: Knex, slug: string): Promise<BookingPageRow | undefined> {
  return db<BookingPageRow>('booking_pages').where({ slug }).first();
}

/** Whether a slug is already some page's. */
export async function bookingSlugTaken(db: Knex, slug: string): Promise<boolean> {
  return !!(await db('booking_pages').where({ slug }).first('user_id'));
}

/** Creates or replaces a member's page (the slug is kept once chosen). */
export async function saveBookingPage(db: Knex, row: BookingPageRow): Promise<void> {
  await db('booking_pages')
    .insert(row)
    .onConflict('user_id')
    .merge([
      'enabled',
      'slot_minutes',
      'notice_hours',
      'horizon_days',
      'public_holidays_off',
      'weekly',
      'places',
      'exceptions',
      'updated_at',
    ]);
}
