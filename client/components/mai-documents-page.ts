/** <mai-documents-page> (/documents): placeholder until the feature lands. */
import { LitElement } from 'lit';
import { placeholderPage } from './placeholder.js';

/** Title and callout only. */
export class MaiDocumentsPage extends LitElement {
  createRenderRoot() {
    return this;
  }

  render() {
    return placeholderPage('Documents', "Les banques de documents de vos groupes : recherche, tri par date ou par titre, dépôt et téléchargement de fichiers.");
  }
}

customElements.define('mai-documents-page', MaiDocumentsPage);
