/** French labels and formats of the hotline screens (pure functions). */
import { html, nothing } from 'lit';
import type { Ticket, TicketStatus } from '../../api/hotline.js';
import { HubError } from '../../realtime/hub-client.js';
import { errorMessage } from '../../api/messages.js';

export const STATUS_LABELS: Record<TicketStatus, string> = { open: 'En attente', assigned: 'En cours', resolved: 'Résolue' };
const STATUS_BADGES: Record<TicketStatus, string> = { open: 'fr-badge--new', assigned: 'fr-badge--info', resolved: 'fr-badge--success' };

/** The DSFR badge of a ticket's status. */
export const statusBadge = (s: TicketStatus) => html`<span class="fr-badge fr-badge--sm ${STATUS_BADGES[s]}">${STATUS_LABELS[s]}</span>`;

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});
const dateOnly = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

/** "lun. 24 nov., 10:30" (Paris time, as the working hours are). */
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatDate = (iso: string) => dateOnly.format(new Date(iso));

/** A duration in French: "2 h 05", "3 j 4 h", "12 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')}`;
  return `${Math.floor(hours / 24)} j ${hours % 24} h`;
}

/** Minutes as a duration, or a dash when unknown (figures). */
export const formatMinutes = (m: number | null) => (m === null ? '—' : formatDuration(m * 60_000));

/** Where the first-response target stands, in words, at `now`. */
export function targetText(t: Ticket, now = Date.now()): { text: string; late: boolean } {
  const due = Date.parse(t.firstResponseDueAt);
  if (t.firstResponseAt) {
    const onTime = Date.parse(t.firstResponseAt) <= due;
    return {
      text: `Première réponse le ${formatDateTime(t.firstResponseAt)}${onTime ? ', dans le délai' : ', après le délai'}.`,
      late: false,
    };
  }
  if (t.status === 'resolved') return { text: 'Demande résolue.', late: false };
  if (now > due)
    return {
      text: `Réponse attendue depuis le ${formatDateTime(t.firstResponseDueAt)} (retard de ${formatDuration(now - due)}).`,
      late: true,
    };
  return { text: `Réponse visée avant le ${formatDateTime(t.firstResponseDueAt)}, dans ${formatDuration(due - now)}.`, late: false };
}

/** Who handles the ticket, or where it waits. */
export function handlerText(t: Ticket): string {
  if (t.assignee) return `Prise en charge par ${t.assignee.displayName}`;
  if (t.status === 'open' && t.queuePosition)
    return t.queuePosition === 1 ? 'Première dans la file d’attente' : `${t.queuePosition}e dans la file d’attente`;
  return 'Pas encore prise en charge';
}

/** The message for any error a hotline action may meet (hub ack or REST). */
export const actionError = (err: unknown) => (err instanceof HubError ? err.message : errorMessage(err));

/** The name of a rating, 1 to 5. */
export const RATING_LABELS = ['', 'Pas du tout satisfait', 'Peu satisfait', 'Moyennement satisfait', 'Satisfait', 'Très satisfait'];

/** A small status line (role=status) when `text` is set. */
export const statusLine = (text: string) => (text ? html`<p class="fr-text--sm fr-mb-1w" role="status">${text}</p>` : nothing);
