/** <mai-contacts-page> (/contacts): placeholder until the feature lands. */
import { LitElement } from 'lit';
import { placeholderPage } from './placeholder.js';

/** Title and callout only. */
export class MaiContactsPage extends LitElement {
  createRenderRoot() {
    return this;
  }

  render() {
    return placeholderPage('Contacts', "Les personnes avec qui vous partagez un groupe ou un salon, leur présence en ligne, et l'annuaire des membres.");
  }
}

customElements.define('mai-contacts-page', MaiContactsPage);
