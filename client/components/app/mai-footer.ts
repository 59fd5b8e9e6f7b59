/** <mai-footer>: DSFR footer. */
import { LitElement, html } from 'lit';

const LINKS = [
  ['info.gouv.fr', 'https://www.info.gouv.fr'],
  ['service-public.fr', 'https://www.service-public.fr'],
  ['legifrance.gouv.fr', 'https://www.legifrance.gouv.fr'],
  ['data.gouv.fr', 'https://www.data.gouv.fr'],
];

/** Static leaf. */
export class MaiFooter extends LitElement {
  createRenderRoot() {
    return this;
  }

  render() {
    return html`<footer class="fr-footer" role="contentinfo" id="pied-de-page">
      <div class="fr-container">
        <div class="fr-footer__body">
          <div class="fr-footer__brand fr-enlarge-link">
            <a href="/" title="Retour à l'accueil — Maillage"><p class="fr-logo">République<br />Française</p></a>
          </div>
          <div class="fr-footer__content">
            <p class="fr-footer__content-desc">
              Maillage est l'espace de travail des réseaux professionnels du service public : discussions,
              groupes, documents, agenda et assistance.
            </p>
            <ul class="fr-footer__content-list">
              ${LINKS.map(
                ([label, href]) => html`<li class="fr-footer__content-item">
                  <a class="fr-footer__content-link" href=${href} target="_blank" rel="noopener external"
                    title=${`${label} — nouvelle fenêtre`}>${label}</a>
                </li>`,
              )}
            </ul>
          </div>
        </div>
        <div class="fr-footer__bottom">
          <ul class="fr-footer__bottom-list">
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/conditions">Conditions générales d'utilisation</a>
            </li>
            <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/aide">Aide</a></li>
            <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/mentions-legales">Mentions légales</a></li>
            <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/confidentialite">Données personnelles</a></li>
            <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/accessibilite">Accessibilité : non conforme</a></li>
          </ul>
          <div class="fr-footer__bottom-copy">
            <p>
              Sauf mention contraire, les contenus de ce site sont proposés sous
              <a href="https://github.com/etalab/licence-ouverte/blob/master/LO.md" target="_blank" rel="noopener external"
                title="licence etalab-2.0 — nouvelle fenêtre">licence etalab-2.0</a>
            </p>
          </div>
        </div>
      </div>
    </footer>`;
  }
}

customElements.define('mai-footer', MaiFooter);
