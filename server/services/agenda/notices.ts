import type { Knex } from 'knex';
import type { Mail } from '../../mail';
import type { EventRow } from '../../db/agenda-events';
import type { RegistrationRow } from '../../db/agenda-registrations';
import type { SessionRow } from '../../db/event-sessions';
import type { NotificationRow } from '../../db/notifications';
import { findUserById } from '../../db/users';
import { notify } from '../notifications/notifications';

/** What an event change leaves to do once its transaction has committed. */
export interface EventEffects {
  eventId: number;
  /** Counts or fields changed: `event:updated` goes to the group's channel and the invitees. */
  changed: boolean;
  notifications: NotificationRow[];
  mails: Mail[];
}

export const noEffects = (eventId: number, changed = false): EventEffects => ({ eventId, changed, notifications: [], mails: [] });

const signature =
  '\n\n—\nMaillage, le réseau des professionnels du service public.\nCe message est automatique, merci de ne pas y répondre.';

const parisDate = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' });

/** « lundi 7 décembre 2026 à 14:00 », in Paris time. */
export const whenText = (d: Date | number) => parisDate.format(new Date(d));

/** The notification data every event notice carries, so a client can link and label it. */
export const eventRef = (e: EventRow, groupName: string) => ({
  eventId: e.id,
  groupId: e.group_id,
  groupName,
  title: e.title,
  startsAt: new Date(e.starts_at).toISOString(),
});

export const eventLink = (publicUrl: string, e: EventRow) => `${publicUrl}/evenements/${e.id}`;

/**
 * Tells a person their place on the waiting list became a place: a member by
 * notification and e-mail; for the prescription list, the person registered by
 * e-mail and the professional who registered them by notification.
 */
export async function promotionNotices(
  trx: Knex,
  e: EventRow,
  session: SessionRow,
  groupName: string,
  promoted: RegistrationRow[],
  publicUrl: string,
  out: EventEffects,
): Promise<void> {
  for (const r of promoted) {
    const subject = `Une place s'est libérée : « ${e.title} »`;
    const free = r.list === 'member' && !r.user_id ? 'le lien d’annulation reçu lors de votre inscription' : eventLink(publicUrl, e);
    const text = (who: string) =>
      `Bonjour ${who},\n\nUne place s'est libérée pour « ${e.title} » (${whenText(session.starts_at as Date)}). Vous étiez sur la liste d'attente : vous êtes maintenant inscrit(e).\nSi vous ne pouvez plus venir, libérez votre place : ${free}${signature}`;
    if (r.list === 'member' && r.user_id) {
      out.notifications.push(await notify(trx, r.user_id, 'event_promoted', eventRef(e, groupName)));
      const user = await findUserById(trx, r.user_id);
      if (user) out.mails.push({ to: user.email, subject, text: text(user.first_name) });
    } else {
      if (r.email) out.mails.push({ to: r.email, subject, text: text(r.name ?? '') });
      if (r.user_id) out.notifications.push(await notify(trx, r.user_id, 'event_promoted', { ...eventRef(e, groupName), name: r.name }));
    }
  }
}

/** Tells everyone on the lists (registered or waiting) that the event is cancelled, with the reason. */
export async function cancellationNotices(
  trx: Knex,
  e: EventRow,
  groupName: string,
  regs: RegistrationRow[],
  reason: string | null,
  out: EventEffects,
  session?: SessionRow,
): Promise<void> {
  const subject = `Annulation : « ${e.title} »`;
  const why = reason ? `\n\nMotif : ${reason}` : '';
  const what = session
    ? `La date du ${whenText(session.starts_at as Date)} de « ${e.title} » est annulée.`
    : `L'événement « ${e.title} » prévu le ${whenText(e.starts_at as Date)} est annulé.`;
  const text = (who: string) =>
    `Bonjour ${who},\n\n${what}${why}\n\nVotre inscription est donc annulée, vous n'avez rien à faire.${signature}`;
  const notified = new Set<number>();
  for (const r of regs) {
    if (r.list === 'member' && r.user_id) {
      const user = await findUserById(trx, r.user_id);
      if (user) out.mails.push({ to: user.email, subject, text: text(user.first_name) });
    } else if (r.email) {
      out.mails.push({ to: r.email, subject, text: text(r.name ?? '') });
    }
    if (r.user_id && !notified.has(r.user_id)) {
      notified.add(r.user_id);
      out.notifications.push(await notify(trx, r.user_id, 'event_cancelled', { ...eventRef(e, groupName), reason }));
    }
  }
}

/** Tells members registered (or waiting) that the date or the place changed (notification only). */
export async function changeNotices(
  trx: Knex,
  e: EventRow,
  groupName: string,
  regs: RegistrationRow[],
  actorId: number,
  out: EventEffects,
): Promise<void> {
  const users = new Set(regs.map((r) => r.user_id).filter((id): id is number => !!id && id !== actorId));
  for (const userId of users) out.notifications.push(await notify(trx, userId, 'event_changed', eventRef(e, groupName)));
}
