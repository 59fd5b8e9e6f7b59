/** <mai-agenda-page> (/agenda): my calendar — events of my groups and those I am invited to — and my iCal feed. */
import { LitElement, html } from 'lit';
import './mai-agenda-view.js';
import './mai-calendar-feed.js';

/** Page: title, the calendar (month or list), the subscription address. */
export class MaiAgendaPage extends LitElement {
  createRenderRoot() {
    return this;
  }

  render() {
    return html`<h1 tabindex="-1">Agenda</h1>
      <p class="mai-muted">Les événements de vos groupes et ceux auxquels vous êtes invité(e).</p>
      <mai-agenda-view .groupId=${null}></mai-agenda-view>
      <mai-calendar-feed></mai-calendar-feed>`;
  }
}

customElements.define('mai-agenda-page', MaiAgendaPage);
