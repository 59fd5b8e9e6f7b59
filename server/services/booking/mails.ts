/**
 * The mails of an appointment, to the visitor and to the member: confirmation
 * (with the .ics and, for the visitor, the link to cancel or move), move,
 * cancellation and the reminder of the day before. Plain French text.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Mail } from '../../mail';
import type { AppointmentWithHostRow } from '../../db/appointments';
import { labelOf, THEMES } from '../../protocol/report-catalog';
import { ms } from '../../presenters/time';

const when = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' });
const signature =
  '\n\n—\nMaillage, le réseau des professionnels du service public.\nCe message est automatique, merci de ne pas y répondre.';

export type AppointmentMailKind = 'booked' | 'moved' | 'cancelled' | 'reminder';

/** The appointment as an iCalendar document (a stable UID, the sequence grows with each move; cancelled: METHOD:CANCEL). */
export function appointmentIcs(a: AppointmentWithHostRow, publicUrl: string, sequence: number): string {
  const host = new URL(publicUrl).hostname;
  const cancelled = a.cancelled_at !== null;
  const cal = ical({
    name: 'Rendez-vous',
    prodId: { company: 'Maillage', product: 'Rendez-vous', language: 'FR' },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  cal.createEvent({
    id: `rendez-vous-${a.id}@${host}`,
    start: new Date(ms(a.starts_at)!),
    end: new Date(ms(a.ends_at)!),
    stamp: new Date(),
    sequence,
    summary: `Rendez-vous : ${a.name} avec ${a.host_first_name} ${a.host_last_name}`,
    description: `Motif : ${labelOf(THEMES, a.theme)}`,
    location: a.place_label,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return cal.toString();
}

const SUBJECT: Record<AppointmentMailKind, string> = {
  booked: 'Rendez-vous confirmé',
  moved: 'Rendez-vous déplacé',
  cancelled: 'Rendez-vous annulé',
  reminder: 'Rappel : votre rendez-vous de demain',
};

/** The two mails (visitor, member) of one change; `manageLink` is the visitor's secret link (booked, moved). */
export function appointmentMails(
  kind: AppointmentMailKind,
  a: AppointmentWithHostRow,
  publicUrl: string,
  manageLink: string | null,
  sequence: number,
): Mail[] {
  const at = when.format(new Date(ms(a.starts_at)!));
  const hostName = `${a.host_first_name} ${a.host_last_name}`;
  const ics = { filename: 'rendez-vous.ics', content: appointmentIcs(a, publicUrl, sequence), contentType: 'text/calendar; charset=utf-8' };
  const what = `Le ${at}\nLieu : ${a.place_label}\nMotif : ${labelOf(THEMES, a.theme)}`;
  const visitorIntro = {
    booked: `Bonjour ${a.name},\n\nVotre rendez-vous avec ${hostName} est confirmé.`,
    moved: `Bonjour ${a.name},\n\nVotre rendez-vous avec ${hostName} a été déplacé.`,
    cancelled: `Bonjour ${a.name},\n\nVotre rendez-vous avec ${hostName} est annulé.`,
    reminder: `Bonjour ${a.name},\n\nNous vous rappelons votre rendez-vous avec ${hostName}.`,
  }[kind];
  const link = manageLink && kind !== 'cancelled' ? `\n\nPour annuler ou déplacer ce rendez-vous :\n${manageLink}` : '';
  const contact = [
    `Nom : ${a.name}`,
    `Courriel : ${a.email}`,
    a.phone ? `Téléphone : ${a.phone}` : null,
    a.message ? `Message : ${a.message}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  const memberIntro = {
    booked: 'Un rendez-vous vient d’être pris avec vous.',
    moved: 'Un rendez-vous a été déplacé.',
    cancelled: 'Un rendez-vous a été annulé.',
    reminder: 'Rappel : vous avez un rendez-vous demain.',
  }[kind];
  return [
    {
      to: a.email,
      subject: `${SUBJECT[kind]} avec ${hostName}`,
      text: `${visitorIntro}\n\n${what}${link}${signature}`,
      attachments: [ics],
    },
    {
      to: a.host_email,
      subject: `Maillage : ${SUBJECT[kind].toLowerCase()} (${a.name})`,
      text: `Bonjour ${a.host_first_name},\n\n${memberIntro}\n\n${what}\n\n${contact}\n\nVos rendez-vous : ${publicUrl}/agenda${signature}`,
      attachments: [ics],
    },
  ];
}
