/** <mai-agenda-page> (/agenda): my calendar — events of my groups and those I am invited to — and my iCal feed. */
import { LitElement, html } from 'lit';
import './mai-agenda-view.js';
import './mai-calendar-feed.js';
import '../booking/mai-my-appointments.js';
import { helpLink } from '../shared/help-link.js';
import { HELP_TOPICS } from '../help/guides.js';

/** Page: title, the calendar (month or list), the subscription address. */
export class MaiAgendaPage extends LitElement {
  createRenderRoot() {
    return this;
  }

  render() {
    return html`<h1 tabindex="-1">Agenda</h1>
      <p>${helpLink(HELP_TOPICS.agenda, 'l’agenda')}</p>
      <p class="mai-muted">Les événements de vos groupes et ceux auxquels vous êtes invité(e).</p>
      <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
        <li><a class="fr-btn fr-btn--secondary" href="/evenements/nouveau">Proposer un événement</a></li>
        <li><a class="fr-btn fr-btn--secondary" href="/mes-evenements">Mes événements — inscriptions</a></li>
        <li><a class="fr-btn fr-btn--tertiary" href="/evenements-publics">Événements publics</a></li>
      </ul>
      <mai-agenda-view .groupId=${null}></mai-agenda-view>
      <mai-my-appointments></mai-my-appointments>
      <mai-calendar-feed></mai-calendar-feed>`;
  }
}

customElements.define('mai-agenda-page', MaiAgendaPage);
