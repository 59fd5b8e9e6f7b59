/** The member's side of booking: their appointments, the recent past (to write the reports) and the coming ones. */
import type { Knex } from 'knex';
import type { UserRow } from '../../db/users';
import type { AppointmentView } from '../../protocol/booking';
import { appointmentsOfHost } from '../../db/appointments';
import { forbidden } from '../../errors';
import { canHostBookings } from '../../access/booking';
import { presentAppointment } from '../../presenters/booking';
import { communeView } from '../reports/communes';

const DAY = 86_400_000;
/** How far back the list goes: reports may be written up to a month after (EDIT_WINDOW_DAYS). */
const PAST_DAYS = 31;
const AHEAD_DAYS = 200;
const LIMIT = 500;

/** GET /api/booking/appointments: mine, from a month ago to the furthest horizon, by start. */
export async function myAppointments(db: Knex, actor: UserRow, now: number): Promise<AppointmentView[]> {
  if (!canHostBookings(actor)) throw forbidden();
  const rows = await appointmentsOfHost(db, actor.id, new Date(now - PAST_DAYS * DAY), new Date(now + AHEAD_DAYS * DAY), LIMIT);
  return rows.map((a) => presentAppointment(a, a.commune_code ? communeView(a.commune_code) : null));
}
