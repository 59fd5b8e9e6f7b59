/** <mai-email-confirm-page> (/confirmer-adresse?token=…): the new address confirms an e-mail change. */
import { html } from 'lit';
import type { Api } from '../../api/index.js';
import { alertBox } from '../shared/fields.js';
import { centredPage } from '../shared/form-page.js';
import { loadingLine } from '../shared/list-states.js';
import { TokenLinkPage } from '../shared/token-link-page.js';

export class MaiEmailConfirmPage extends TokenLinkPage {
  protected async redeem(api: Api, token: string) {
    const { user } = await api.me.confirmEmail(token);
    return `Votre adresse est désormais ${user.email}. Utilisez-la pour vous connecter.`;
  }

  render() {
    return centredPage(
      'Confirmation de votre nouvelle adresse',
      this.state === 'working'
        ? loadingLine('Confirmation en cours…')
        : this.state === 'done'
          ? html`${alertBox('success', this.message, 'Adresse changée')}<p><a class="fr-btn" href="/profil">Mon profil</a></p>`
          : html`${alertBox('error', this.message, 'La confirmation a échoué')}<p><a class="fr-link" href="/profil">Refaire la demande depuis mon profil</a></p>`,
    );
  }
}

customElements.define('mai-email-confirm-page', MaiEmailConfirmPage);
