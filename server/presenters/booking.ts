import type { AppointmentRow, AppointmentWithHostRow } from '../db/appointments';
import type { BookingPageRow } from '../db/booking-pages';
import type { AppointmentView, BookingSettingsView, VisitorAppointmentView } from '../protocol/booking';
import type { Canal, Theme } from '../protocol/report-catalog';
import type { CommuneView } from '../protocol/reports';
import { iso, ms } from './time';

const paris = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });

/** A page's lists, parsed from their JSON text. */
export function pageLists(p: BookingPageRow): Pick<BookingSettingsView, 'weekly' | 'places' | 'exceptions'> {
  return { weekly: JSON.parse(p.weekly), places: JSON.parse(p.places), exceptions: JSON.parse(p.exceptions) };
}

export function presentBookingSettings(p: BookingPageRow, publicUrl: string): BookingSettingsView {
  return {
    enabled: !!p.enabled,
    slug: p.slug,
    publicUrl: `${publicUrl}/rendez-vous/${p.slug}`,
    slotMinutes: p.slot_minutes,
    noticeHours: p.notice_hours,
    horizonDays: p.horizon_days,
    publicHolidaysOff: !!p.public_holidays_off,
    ...pageLists(p),
  };
}

export function presentVisitorAppointment(a: AppointmentWithHostRow): VisitorAppointmentView {
  return {
    startsAt: iso(a.starts_at),
    endsAt: iso(a.ends_at),
    place: a.place_label,
    hostName: `${a.host_first_name} ${a.host_last_name}`,
    cancelled: a.cancelled_at !== null,
    slug: a.host_slug,
  };
}

/** The member's view; `commune` is looked up by the caller (the communes list lives in services). */
export function presentAppointment(a: AppointmentRow, commune: CommuneView | null): AppointmentView {
  return {
    id: a.id,
    startsAt: iso(a.starts_at),
    endsAt: iso(a.ends_at),
    place: a.place_label,
    canal: a.canal as Canal,
    theme: a.theme as Theme,
    name: a.name,
    email: a.email,
    phone: a.phone,
    message: a.message,
    cancelled: a.cancelled_at !== null,
    reportPrefill: { date: paris.format(new Date(ms(a.starts_at)!)), canal: a.canal as Canal, theme: a.theme as Theme, commune },
  };
}
