/** <mai-agenda-page> (/agenda): placeholder until the feature lands. */
import { LitElement } from 'lit';
import { placeholderPage } from './placeholder.js';

/** Title and callout only. */
export class MaiAgendaPage extends LitElement {
  createRenderRoot() {
    return this;
  }

  render() {
    return placeholderPage('Agenda', "Les événements de vos groupes et ceux auxquels vous êtes invité, avec l'inscription, la liste d'attente et l'export vers votre calendrier.");
  }
}

customElements.define('mai-agenda-page', MaiAgendaPage);
