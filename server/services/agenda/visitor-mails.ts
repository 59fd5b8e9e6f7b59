/** The mails to visitors registered without an account: confirmation (with the .ics and the cancel link), cancellation, reminder. */
import ical, { ICalEventStatus } from 'ical-generator';
import type { Mail } from '../../mail';
import type { EventRow } from '../../db/agenda-events';
import type { SessionRow } from '../../db/event-sessions';
import type { RegistrationRow } from '../../db/agenda-registrations';
import { ms } from '../../presenters/time';
import { findCommune } from '../reports/communes';
import { whenText } from './notices';

const signature =
  '\n\n—\nMaillage, le réseau des professionnels du service public.\nCe message est automatique, merci de ne pas y répondre.';

/** Where it takes place, in one line. */
export function placeText(e: EventRow): string {
  const commune = e.commune_code ? findCommune(e.commune_code) : undefined;
  const address = [e.place_name, e.street, [e.postal_code, commune?.name].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return address || e.location || (e.video_url ? 'En ligne' : '');
}

/** One session of an event as an iCalendar document (a stable UID per session and registration). */
export function sessionIcs(e: EventRow, s: SessionRow, publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  const cal = ical({ name: e.title, prodId: { company: 'Maillage', product: 'Agenda', language: 'FR' } });
  const cancelled = s.status === 'cancelled' || !!e.cancelled_at;
  cal.createEvent({
    id: `evenement-${e.id}-seance-${s.id}@${host}`,
    start: new Date(ms(s.starts_at)!),
    end: new Date(ms(s.ends_at)!),
    stamp: new Date(),
    summary: cancelled ? `Annulé : ${e.title}` : e.title,
    description: [e.description, e.video_url ? `En ligne : ${e.video_url}` : null, `${publicUrl}/evenements-publics/${e.id}`]
      .filter(Boolean)
      .join('\n\n'),
    location: placeText(e) || undefined,
    url: `${publicUrl}/evenements-publics/${e.id}`,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return cal.toString();
}

export type VisitorMailKind = 'registered' | 'waitlisted' | 'cancelled' | 'reminder';

/** The mail of one step for a visitor (`cancelLink`: their secret link, at registration only). */
export function visitorMail(
  kind: VisitorMailKind,
  e: EventRow,
  s: SessionRow,
  r: Pick<RegistrationRow, 'name' | 'email'>,
  publicUrl: string,
  cancelLink: string | null,
  position: number | null = null,
): Mail {
  const at = whenText(s.starts_at as Date);
  const where = placeText(e);
  const what = [`« ${e.title} »`, `Le ${at}`, where ? `Lieu : ${where}` : null, e.video_url ? `En ligne : ${e.video_url}` : null]
    .filter(Boolean)
    .join('\n');
  const contact =
    e.contact_email || e.contact_phone
      ? `\n\nContact : ${[e.contact_name, e.contact_email, e.contact_phone].filter(Boolean).join(' — ')}`
      : '';
  const link = cancelLink
    ? `\n\nSi vous ne pouvez pas venir, annulez votre inscription (la place ira à une personne en attente) :\n${cancelLink}`
    : '';
  const intro = {
    registered: 'Votre inscription est confirmée.',
    waitlisted: `Cette date est complète : vous êtes sur la liste d'attente (rang ${position ?? '?'}). Nous vous écrirons si une place se libère.`,
    cancelled: 'Votre inscription est annulée.',
    reminder: 'Nous vous rappelons votre inscription de demain.',
  }[kind];
  const subject = {
    registered: `Inscription confirmée : ${e.title}`,
    waitlisted: `Liste d'attente : ${e.title}`,
    cancelled: `Inscription annulée : ${e.title}`,
    reminder: `Rappel, demain : ${e.title}`,
  }[kind];
  const ics = kind === 'registered' || kind === 'reminder' || kind === 'waitlisted';
  return {
    to: r.email!,
    subject,
    text: `Bonjour ${r.name ?? ''},\n\n${intro}\n\n${what}${contact}${link}${signature}`,
    ...(ics
      ? { attachments: [{ filename: 'evenement.ics', content: sessionIcs(e, s, publicUrl), contentType: 'text/calendar; charset=utf-8' }] }
      : {}),
  };
}
