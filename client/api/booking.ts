/** Typed calls for online booking: my page and appointments (signed in), the public page and the visitor's link. */
import type { Http } from './http.js';
import type {
  AppointmentView,
  BookAppointmentBody,
  BookingSettingsBody,
  BookingSettingsView,
  PublicBookingView,
  VisitorAppointmentView,
} from '../../server/protocol/booking.js';

export type {
  AppointmentView,
  BookAppointmentBody,
  BookingSettingsBody,
  BookingSettingsView,
  PublicBookingView,
  VisitorAppointmentView,
  SlotView,
} from '../../server/protocol/booking.js';

export function bookingApi(http: Http) {
  return {
    settings: () => http.get<BookingSettingsView>('/api/booking/settings'),
    saveSettings: (body: BookingSettingsBody) => http.put<BookingSettingsView>('/api/booking/settings', body),
    appointments: () => http.get<{ items: AppointmentView[] }>('/api/booking/appointments'),
    publicPage: (slug: string) => http.get<PublicBookingView>(`/api/public/booking/${encodeURIComponent(slug)}`),
    book: (slug: string, body: BookAppointmentBody) =>
      http.post<VisitorAppointmentView>(`/api/public/booking/${encodeURIComponent(slug)}/appointments`, body),
    lookup: (token: string) => http.post<VisitorAppointmentView>('/api/public/appointments/lookup', { token }),
    cancel: (token: string) => http.post<VisitorAppointmentView>('/api/public/appointments/cancel', { token }),
    move: (token: string, startsAt: string) => http.post<VisitorAppointmentView>('/api/public/appointments/move', { token, startsAt }),
  };
}
