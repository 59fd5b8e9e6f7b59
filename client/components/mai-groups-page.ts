/** <mai-groups-page> (/groupes): placeholder until the feature lands. */
import { LitElement } from 'lit';
import { placeholderPage } from './placeholder.js';

/** Title and callout only. */
export class MaiGroupsPage extends LitElement {
  createRenderRoot() {
    return this;
  }

  render() {
    return placeholderPage('Groupes', "Les groupes dont vous êtes membre et l'annuaire des groupes publics et modérés, avec leurs publications, leurs membres et leurs demandes d'adhésion.");
  }
}

customElements.define('mai-groups-page', MaiGroupsPage);
