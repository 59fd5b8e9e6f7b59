/** <mai-not-found-page>: any unknown path (and pages the user may not see). */
import { LitElement, html } from 'lit';

/** Static page. */
export class MaiNotFoundPage extends LitElement {
  createRenderRoot() {
    return this;
  }

  render() {
    return html`<h1 tabindex="-1">Page non trouvée</h1>
      <p class="fr-text--lead">La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.</p>
      <p>
        Si vous avez tapé l'adresse web dans le navigateur, vérifiez qu'elle est correcte. Si vous avez
        suivi un lien, il est peut-être périmé.
      </p>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><a class="fr-btn" href="/">Page d'accueil</a></li>
      </ul>`;
  }
}

customElements.define('mai-not-found-page', MaiNotFoundPage);
