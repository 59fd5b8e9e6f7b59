/** <mai-legal-notice-page> (/mentions-legales): publisher, hosting, licence and accessibility of the service. */
import { LitElement, html } from 'lit';

/** Static page. */
export class MaiLegalNoticePage extends LitElement {
  createRenderRoot() {
    return this;
  }

  render() {
    return html`<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-lg-10">
      <h1 tabindex="-1">Mentions légales</h1>
      <h2>Éditeur</h2>
      <p>
        Cette instance de Maillage est éditée par l’organisme public qui l’exploite pour son réseau professionnel ; son
        directeur ou sa directrice est directeur ou directrice de la publication.
      </p>
      <h2>Hébergement</h2>
      <p>Le service est hébergé sur l’infrastructure choisie par l’organisme exploitant, en France.</p>
      <h2>Logiciel</h2>
      <p>
        Maillage est un logiciel libre publié sous licence AGPL-3.0-or-later. Sauf mention contraire, les contenus éditoriaux
        du site sont proposés sous licence etalab-2.0.
      </p>
      <h2>Données personnelles</h2>
      <p>Voir la <a href="/confidentialite">politique de confidentialité</a>.</p>
    </div></div>`;
  }
}

customElements.define('mai-legal-notice-page', MaiLegalNoticePage);
