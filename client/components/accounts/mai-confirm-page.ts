/** <mai-confirm-page> (/confirmer?token=…): activates an account from the mailed link. */
import { html } from 'lit';
import type { Api } from '../../api/index.js';
import { alertBox } from '../shared/fields.js';
import { centredPage } from '../shared/form-page.js';
import { loadingLine } from '../shared/list-states.js';
import { TokenLinkPage } from '../shared/token-link-page.js';

export class MaiConfirmPage extends TokenLinkPage {
  protected async redeem(api: Api, token: string) {
    await api.auth.confirm(token);
  }

  render() {
    return centredPage(
      'Confirmation de votre adresse',
      this.state === 'working'
        ? loadingLine('Confirmation en cours…')
        : this.state === 'done'
          ? html`${alertBox('success', 'Votre adresse est confirmée et votre compte est activé.', 'Compte activé')}
              <p><a class="fr-btn" href="/connexion">Se connecter</a></p>`
          : html`${alertBox('error', this.message, 'La confirmation a échoué')}
              <p>
                Si votre lien a expiré, utilisez « Mot de passe oublié » avec la même adresse : le lien
                que vous recevrez vous permettra de choisir un mot de passe et activera votre compte.
              </p>
              <ul class="fr-btns-group fr-btns-group--inline-md">
                <li><a class="fr-btn" href="/mot-de-passe-oublie">Recevoir un nouveau lien</a></li>
                <li><a class="fr-btn fr-btn--secondary" href="/connexion">Se connecter</a></li>
              </ul>`,
      'fr-col-12 fr-col-md-8',
    );
  }
}

customElements.define('mai-confirm-page', MaiConfirmPage);
