/** The dates of an event with several, each with its places and my registration to it (the event page). */
import { html, nothing, type TemplateResult } from 'lit';
import type { AgendaEvent } from '../../api/events.js';
import { EVENT_STATUSES } from '../../api/workshops.js';
import { sessionPlaces, sessionWhen } from '../workshops/workshop-format.js';

/** What the list fires: register to, or leave, a date. */
export interface SessionActions {
  busy: boolean;
  register: (sessionId: number) => void;
  leave: (sessionId: number) => void;
}

export function sessionList(e: AgendaEvent, a: SessionActions): TemplateResult | typeof nothing {
  if (e.sessions.length < 2) return nothing;
  return html`<section class="fr-mt-4w" aria-labelledby="ev-sessions-title">
    <h2 id="ev-sessions-title" class="fr-h5">Dates</h2>
    <ul class="fr-raw-list" id="ev-sessions">
      ${e.sessions.map((s) => {
        const mine = e.mySessionRegistrations.find((m) => m.sessionId === s.id);
        const label = sessionWhen(s);
        return html`<li class="fr-mb-2w" id=${`ev-session-${s.id}`}>
          <p class="fr-mb-1w"><strong>${label}</strong> — ${sessionPlaces(s)}</p>
          ${
            mine
              ? html`<p class="fr-mb-1w">${mine.status === 'registered' ? 'Vous êtes inscrit(e).' : `Vous êtes sur la liste d’attente (n° ${mine.position}).`}</p>
                <button class="fr-btn fr-btn--secondary fr-btn--sm" type="button" ?disabled=${a.busy} @click=${() => a.leave(s.id)}>Me désinscrire du ${label}</button>`
              : s.registrationOpen && !e.cancelledAt
                ? html`<button class="fr-btn fr-btn--sm" type="button" ?disabled=${a.busy} @click=${() => a.register(s.id)}>M’inscrire le ${label}</button>`
                : nothing
          }
        </li>`;
      })}
    </ul>
  </section>`;
}

/** For organisers: where the event stands in moderation, the moderator's comment, the public page. */
export function publishingState(e: AgendaEvent): TemplateResult | typeof nothing {
  if (!e.canManage) return nothing;
  return html`<p class="fr-text--sm">
    Publication : <strong>${EVENT_STATUSES[e.status]}</strong> · ${e.access === 'public' ? 'Public' : 'Professionnels'}
    ${e.publicUrl ? html` · <a class="fr-link" href=${new URL(e.publicUrl, location.origin).pathname}>Page publique</a>` : nothing}
    · <a class="fr-link" href="/mes-evenements">Mes événements — inscriptions</a>
  </p>
  ${e.moderationComment ? html`<p class="fr-text--sm">Commentaire de la modération : ${e.moderationComment}</p>` : nothing}`;
}
