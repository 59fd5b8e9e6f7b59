/**
 * <mai-event-edit-page> (/evenements/:id/modifier): the organisers (and
 * moderators) edit an event after its creation — its content with the
 * creation form's fields, its dates, its image and its attached files. Each
 * part saves on its own; the page keeps the event as the server last answered.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { apiContext } from '../../controllers/contexts.js';
import { errorMessage } from '../../api/messages.js';
import type { AgendaEvent } from '../../api/events.js';
import { EVENT_STATUSES } from '../../api/workshops.js';
import { alertBox } from '../shared/fields.js';
import { loadingLine } from '../shared/list-states.js';
import { setPageTitle } from '../../state/page-title.js';
import './mai-workshop-form-page.js';
import './mai-event-sessions-editor.js';
import './mai-event-media-editor.js';

export class MaiEventEditPage extends LitElement {
  static properties = {
    eventId: { type: Number },
    event: { state: true },
    error: { state: true },
  };
  eventId = 0;
  event: AgendaEvent | null = null;
  error = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private loadedFor = 0;

  createRenderRoot() {
    return this;
  }

  updated() {
    const api = this.api.value;
    if (!api || !this.eventId || this.loadedFor === this.eventId) return;
    this.loadedFor = this.eventId;
    api.events.get(this.eventId).then(
      (e) => {
        this.event = e;
        setPageTitle(`Modifier « ${e.title} »`);
      },
      (err) => (this.error = errorMessage(err)),
    );
  }

  private onSaved(e: CustomEvent<AgendaEvent>) {
    this.event = e.detail;
  }

  render() {
    const e = this.event;
    if (this.error) return html`<h1 tabindex="-1">Modifier un événement</h1>${alertBox('error', this.error)}`;
    if (!e) return loadingLine('Chargement de l’événement…');
    if (!e.canManage)
      return html`<h1 tabindex="-1">Modifier un événement</h1>
        ${alertBox('error', 'Seuls les organisateurs de cet événement et les modérateurs peuvent le modifier.')}
        <p><a class="fr-link" href=${`/evenements/${e.id}`}>Revenir à l’événement</a></p>`;
    return html`<div class="mai-event-edit" @mai-event-saved=${this.onSaved}>
      <h1 tabindex="-1">Modifier « ${e.title} »</h1>
      <p class="fr-text--sm">${e.group.name} · ${EVENT_STATUSES[e.status]}${e.cancelledAt ? ' · Annulé' : ''} ·
        <a class="fr-link" href=${`/evenements/${e.id}`}>Voir l’événement</a> ·
        <a class="fr-link" href=${`/mes-evenements#evenement-${e.id}`}>Mes événements — inscriptions</a></p>
      <p class="fr-text--sm">Chaque partie s’enregistre à part. Heures de Paris.</p>
      <mai-workshop-form-page .event=${e}></mai-workshop-form-page>
      ${e.cancelledAt ? nothing : html`<div class="fr-mt-6w"><mai-event-sessions-editor .event=${e}></mai-event-sessions-editor></div>`}
      <mai-event-media-editor .event=${e}></mai-event-media-editor>
    </div>`;
  }
}

customElements.define('mai-event-edit-page', MaiEventEditPage);
