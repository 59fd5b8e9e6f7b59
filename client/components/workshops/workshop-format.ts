/** Shared pieces of the workshop screens: dates in Paris time, the place, the categories, a session's places. */
import { html, nothing, type TemplateResult } from 'lit';
import type { PublicEvent } from '../../api/events.js';
import { EVENT_PRICES, EVENT_TYPES, PROJECT_SIZES } from '../../api/workshops.js';
import type { AgendaSession } from '../../../server/protocol/agenda-workshops.js';

const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' });
const hour = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', timeStyle: 'short' });

/** « jeudi 10 décembre 2026 à 14:00 – 16:00 ». */
export const sessionWhen = (s: Pick<AgendaSession, 'startsAt' | 'endsAt'>) =>
  `${day.format(new Date(s.startsAt))} – ${hour.format(new Date(s.endsAt))}`;

/** « 2 places restantes », « Complet : liste d’attente », « Annulée »… */
export function sessionPlaces(s: AgendaSession): string {
  if (s.status === 'cancelled') return `Annulée${s.cancelReason ? ` : ${s.cancelReason}` : ''}`;
  if (!s.registrationOpen) return 'Inscriptions closes';
  if (s.capacity === null) return 'Places disponibles';
  const left = s.capacity - s.registeredCount;
  if (left > 0) return `${left} place${left > 1 ? 's' : ''} restante${left > 1 ? 's' : ''} sur ${s.capacity}`;
  return `Complet : inscription sur liste d’attente (${s.waitlistCount} en attente)`;
}

/** The address in one line. */
export const addressText = (e: PublicEvent) =>
  [e.placeName, e.street, [e.postalCode, e.commune?.name].filter(Boolean).join(' ')].filter(Boolean).join(', ');

/** The categories as DSFR tags. */
export function categoryTags(e: PublicEvent): TemplateResult {
  const tags = [
    e.eventType ? EVENT_TYPES[e.eventType] : null,
    e.price ? EVENT_PRICES[e.price] : null,
    e.projectSize ? PROJECT_SIZES[e.projectSize] : null,
    ...e.sectors.map((s) => s.name),
    ...e.departmentCodes.map((d) => `Département ${d}`),
  ].filter((t): t is string => !!t);
  return tags.length
    ? html`<ul class="fr-tags-group">${tags.map((t) => html`<li><p class="fr-tag fr-tag--sm">${t}</p></li>`)}</ul>`
    : html`${nothing}`;
}

/** The practical information: place, online link, contact, files. */
export function practical(e: PublicEvent): TemplateResult {
  const c = e.contact;
  return html`<dl class="mai-facts">
    ${addressText(e) ? html`<dt>Lieu</dt><dd>${addressText(e)}</dd>` : nothing}
    ${e.videoUrl ? html`<dt>En ligne</dt><dd><a href=${e.videoUrl} rel="noopener noreferrer" target="_blank">${e.videoUrl}</a></dd>` : nothing}
    ${
      c.name || c.email || c.phone || c.website
        ? html`<dt>Contact</dt><dd>${c.name ?? ''} ${c.email ? html`<a href=${`mailto:${c.email}`}>${c.email}</a>` : nothing} ${c.phone ?? ''}
          ${c.website ? html`<a href=${c.website} rel="noopener noreferrer" target="_blank">Site internet</a>` : nothing}</dd>`
        : nothing
    }
    ${
      e.files.length
        ? html`<dt>Documents</dt><dd><ul>${e.files.map((f) => html`<li><a href=${f.url} download>${f.title}</a> (${Math.ceil(f.size / 1024)} Ko)</li>`)}</ul></dd>`
        : nothing
    }
  </dl>`;
}
