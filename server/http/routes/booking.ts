import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { appointmentTokenBody, bookAppointmentBody, bookingSettingsBody, bookingSlug, moveAppointmentBody } from '../../protocol/booking';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { AttemptLimiter } from '../../security/attempt-limiter';
import { checkAntiRobot } from '../../security/anti-robot';
import { inBackground } from '../../background';
import {
  appointmentOfToken,
  bookAppointment,
  cancelAppointmentByToken,
  getBookingPage,
  moveAppointmentByToken,
  publicBooking,
  saveBookingSettings,
  type AppointmentChange,
} from '../../services/booking/booking';
import { myAppointments } from '../../services/booking/appointments';
import { accessAppointment } from '../../access/booking';
import { presentAppointment, presentBookingSettings, presentVisitorAppointment } from '../../presenters/booking';
import { communeView } from '../../services/reports/communes';

/**
 * Online booking: the member's page settings and appointments (signed in),
 * and the public side (no account): a page's free slots, booking with the
 * anti-robot check, and the visitor's link (see, cancel, move). Public writes
 * are rate-limited per address.
 */
export function bookingRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  const auth = [requireUser(), requireFullMember] as const;
  const perIp = new AttemptLimiter(Math.max(1, deps.config.rateLimits.bookingPerIp), deps.config.rateLimits.windowSeconds);
  const sendAfter = (change: AppointmentChange) =>
    inBackground(deps.log, 'appointment mails', Promise.all(change.mails.map((m) => deps.mailer.send(m))));

  router.get('/booking/settings', ...auth, async (ctx) => {
    ctx.body = presentBookingSettings(await getBookingPage(deps.db, currentUser(ctx)), deps.config.publicUrl);
  });

  router.put('/booking/settings', ...auth, async (ctx) => {
    const input = parseInput(bookingSettingsBody, ctx.request.body);
    ctx.body = presentBookingSettings(await saveBookingSettings(deps.db, currentUser(ctx), input), deps.config.publicUrl);
  });

  router.get('/booking/appointments', ...auth, async (ctx) => {
    ctx.body = { items: await myAppointments(deps.db, currentUser(ctx), Date.now()) };
  });

  router.get('/booking/appointments/:id', ...auth, async (ctx) => {
    const a = await accessAppointment(deps.db, currentUser(ctx), parseInput(fields.id, ctx.params.id));
    ctx.body = presentAppointment(a, a.commune_code ? communeView(a.commune_code) : null);
  });

  router.get('/public/booking/:slug', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await publicBooking(deps.db, parseInput(bookingSlug, ctx.params.slug), Date.now());
  });

  router.post('/public/booking/:slug/appointments', async (ctx) => {
    await perIp.consume(ctx.ip);
    const slug = parseInput(bookingSlug, ctx.params.slug);
    const input = parseInput(bookAppointmentBody, ctx.request.body);
    await checkAntiRobot(deps, input.altcha);
    const change = await bookAppointment(deps.db, slug, input, Date.now(), deps.config.publicUrl);
    sendAfter(change);
    ctx.status = 201;
    ctx.body = presentVisitorAppointment(change.appointment);
  });

  router.post('/public/appointments/lookup', async (ctx) => {
    await perIp.consume(ctx.ip);
    const { token } = parseInput(appointmentTokenBody, ctx.request.body);
    ctx.body = presentVisitorAppointment(await appointmentOfToken(deps.db, token));
  });

  router.post('/public/appointments/cancel', async (ctx) => {
    await perIp.consume(ctx.ip);
    const { token } = parseInput(appointmentTokenBody, ctx.request.body);
    const change = await cancelAppointmentByToken(deps.db, token, Date.now(), deps.config.publicUrl);
    sendAfter(change);
    ctx.body = presentVisitorAppointment(change.appointment);
  });

  router.post('/public/appointments/move', async (ctx) => {
    await perIp.consume(ctx.ip);
    const { token, startsAt } = parseInput(moveAppointmentBody, ctx.request.body);
    const change = await moveAppointmentByToken(deps.db, token, startsAt, Date.now(), deps.config.publicUrl);
    sendAfter(change);
    ctx.body = presentVisitorAppointment(change.appointment);
  });

  return router;
}
