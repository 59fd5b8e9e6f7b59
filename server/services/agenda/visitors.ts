/**
 * Visitors without an account on public events: they register to a session
 * (name, address, optional phone, consent; the anti-robot check and the rate
 * limit are the route's), get a confirmation with the .ics and a secret link,
 * and cancel from it (the first on the waiting list takes the place). One
 * place per address and session.
 */
import type { Knex } from 'knex';
import type { z } from 'zod';
import { conflict, notFound } from '../../errors';
import { findEvent, lockEvent } from '../../db/agenda-events';
import { findSession } from '../../db/event-sessions';
import { findByTokenHash, findInSession, sessionWaitlistPosition } from '../../db/session-registrations';
import { accessPublicEvent } from '../../access/agenda';
import { hashToken, newSecretToken } from '../accounts/passwords';
import type { VisitorRegistration, workshopSchemas } from '../../protocol/agenda-workshops';
import { iso } from '../../presenters/time';
import { communeView } from '../reports/communes';
import { drop, lockOpenSession, takePlace } from './registrations';
import { noEffects, type EventEffects } from './notices';
import { visitorMail } from './visitor-mails';

type VisitorInput = z.output<typeof workshopSchemas.publicRegister>;

/** POST /api/public/events/:id/registrations. */
export async function registerVisitor(
  db: Knex,
  eventId: number,
  input: VisitorInput,
  publicUrl: string,
): Promise<{ effects: EventEffects; status: 'registered' | 'waitlisted'; position: number | null }> {
  const seen = await accessPublicEvent(db, eventId);
  const { token, hash } = newSecretToken();
  return db.transaction(async (trx) => {
    const { event, session } = await lockOpenSession(trx, eventId, input.sessionId);
    if (await findInSession(trx, session.id, { publicKey: input.email })) {
      throw conflict('already_registered', 'Cette adresse e-mail est déjà inscrite à cette date.');
    }
    const { registration, position } = await takePlace(trx, event, session, {
      list: 'member',
      user_id: null,
      name: input.name,
      email: input.email,
      phone: input.phone,
      visitor: true,
      token_hash: hash,
      consent_at: new Date(),
    });
    const effects = noEffects(eventId, true);
    const link = `${publicUrl}/mon-inscription#${token}`;
    effects.mails.push(visitorMail(registration.status, seen, session, registration, publicUrl, link, position));
    return { effects, status: registration.status, position };
  });
}

/** The visitor's place from their secret link; `not_found` for an unknown or cancelled one. */
export async function visitorRegistration(db: Knex, token: string): Promise<VisitorRegistration> {
  const r = await findByTokenHash(db, hashToken(token));
  const event = r ? await findEvent(db, r.event_id) : undefined;
  const session = r ? await findSession(db, r.session_id) : undefined;
  if (!r || !event || !session) throw notFound('Inscription');
  return {
    name: r.name ?? '',
    status: r.status,
    position: await sessionWaitlistPosition(db, r),
    event: {
      id: event.id,
      title: event.title,
      placeName: event.place_name,
      commune: event.commune_code ? communeView(event.commune_code) : null,
      videoUrl: event.video_url,
    },
    session: { id: session.id, startsAt: iso(session.starts_at)!, endsAt: iso(session.ends_at)!, status: session.status },
    cancelled: false,
  };
}

/** POST /api/public/event-registrations/cancel: frees the place (the waiting list moves up) and confirms by mail. */
export async function cancelVisitor(
  db: Knex,
  token: string,
  publicUrl: string,
): Promise<{ effects: EventEffects; view: VisitorRegistration }> {
  const view = await visitorRegistration(db, token);
  const effects = await db.transaction(async (trx) => {
    const r = await findByTokenHash(trx, hashToken(token));
    if (!r) throw notFound('Inscription');
    await lockEvent(trx, r.event_id);
    const event = (await findEvent(trx, r.event_id))!;
    const session = (await findSession(trx, r.session_id))!;
    const out = await drop(trx as Knex.Transaction, event, event.g_name, r, publicUrl);
    out.mails.push(visitorMail('cancelled', event, session, r, publicUrl, null));
    return out;
  });
  return { effects, view: { ...view, cancelled: true } };
}
