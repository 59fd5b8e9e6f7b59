/** <mai-hotline-page> (/hotline): placeholder until the feature lands. */
import { LitElement } from 'lit';
import { placeholderPage } from './placeholder.js';

/** Title and callout only. */
export class MaiHotlinePage extends LitElement {
  createRenderRoot() {
    return this;
  }

  render() {
    return placeholderPage('Hotline', "Vos demandes d'assistance : ouvrir un ticket, échanger avec l'équipe de la hotline et suivre son traitement.");
  }
}

customElements.define('mai-hotline-page', MaiHotlinePage);
