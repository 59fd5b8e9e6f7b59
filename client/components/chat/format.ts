/** French dates and small labels of the chat (day separators, times, presence). */
import type { PresenceStatus } from '../../api/chat.js';

const dayFormat = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });
const fullFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short' });

/** Local calendar day of a date, as `YYYY-MM-DD` (the key of day separators). */
export function dayKey(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "Aujourd'hui", "Hier", or "lundi 23 novembre 2026". */
export function dayLabel(iso: string, now = new Date()): string {
  const key = dayKey(iso);
  if (key === dayKey(now)) return "Aujourd'hui";
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (key === dayKey(yesterday)) return 'Hier';
  const label = dayFormat.format(new Date(iso));
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** "14:05". */
export function timeLabel(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** "lundi 23 novembre 2026 à 14:05" (title of a time). */
export function fullLabel(iso: string): string {
  return fullFormat.format(new Date(iso));
}

/** French name of a presence status. */
export const PRESENCE_LABELS: Record<PresenceStatus, string> = {
  online: 'En ligne',
  away: 'Absent',
  dnd: 'Ne pas déranger',
  offline: 'Hors ligne',
};

/** "Julie Martin écrit…", "Julie et Thomas écrivent…", "3 personnes écrivent…". */
export function typingLabel(names: string[]): string {
  if (!names.length) return '';
  if (names.length === 1) return `${names[0]} écrit…`;
  if (names.length === 2) return `${names[0]} et ${names[1]} écrivent…`;
  return `${names.length} personnes écrivent…`;
}

/** French text for a refused send or action (the server's message otherwise). */
export function hubErrorText(err: unknown): string {
  const e = err as { code?: string; message?: string; details?: { retryAfterSeconds?: number } };
  switch (e?.code) {
    case 'rate_limited': {
      const s = e.details?.retryAfterSeconds;
      return s
        ? `Vous envoyez trop de messages. Réessayez dans ${s} seconde${s > 1 ? 's' : ''}.`
        : 'Vous envoyez trop de messages. Patientez un instant.';
    }
    case 'announce_only':
      return 'Seuls les animateurs et les administrateurs peuvent écrire dans ce salon d’annonces.';
    case 'forbidden':
      return e.message || 'Vous n’avez pas le droit de faire cela.';
    case 'disconnected':
    case 'timeout':
      return 'Connexion interrompue. Nouvel essai automatique dès la reconnexion.';
    default:
      return e?.message || 'Une erreur est survenue.';
  }
}
