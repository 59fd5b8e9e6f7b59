/** Small shared pieces of the agenda screens: badges for an event's state and my registration. */
import { html, nothing, type TemplateResult } from 'lit';
import type { AgendaEvent } from '../../api/events.js';
import { countLabel } from '../../state/events-store.js';

/** « Inscrit(e) », « Liste d'attente (n° 3) », « Invité(e) », « Annulé ». */
export function eventBadges(e: AgendaEvent): TemplateResult {
  const r = e.myRegistration;
  return html`${e.cancelledAt ? html`<p class="fr-badge fr-badge--sm fr-badge--error">Annulé</p>` : nothing}
  ${r?.status === 'registered' ? html`<p class="fr-badge fr-badge--sm fr-badge--success">Inscrit(e)</p>` : nothing}
  ${r?.status === 'waitlisted' ? html`<p class="fr-badge fr-badge--sm fr-badge--warning">Liste d’attente (n° ${r.position})</p>` : nothing}
  ${e.invited && !r ? html`<p class="fr-badge fr-badge--sm fr-badge--info">Invité(e)</p>` : nothing}`;
}

/** « 19/50 inscrits · 3 en attente ». */
export function countsText(e: AgendaEvent): string {
  return `${countLabel(e)}${e.waitlistCount ? ` · ${e.waitlistCount} en attente` : ''}`;
}

/** Where: the place, or « En visio ». */
export const placeText = (e: AgendaEvent) => e.location ?? (e.videoUrl ? 'En visioconférence' : '');
