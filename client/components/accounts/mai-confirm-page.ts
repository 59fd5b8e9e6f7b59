/** <mai-confirm-page> (/confirmer?token=…): activates an account from the mailed link. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html } from 'lit';
import { errorMessage } from '../../api/messages.js';
import { apiContext, routerContext } from '../../controllers/contexts.js';
import { alertBox } from '../shared/fields.js';
import { centredPage } from '../shared/form-page.js';
import { loadingLine } from '../shared/list-states.js';

/** Container: posts the token once on load. */
export class MaiConfirmPage extends LitElement {
  static properties = {
    state: { state: true },
    message: { state: true },
  };

  state: 'working' | 'done' | 'error' = 'working';
  message = '';
  private started = false;
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    if (!this.started) void this.confirm();
  }

  private async confirm() {
    this.started = true;
    const token = this.router.value?.query.get('token');
    if (!token) {
      this.state = 'error';
      this.message = 'Ce lien est incomplet. Copiez le lien entier reçu par courriel.';
      return;
    }
    try {
      await this.api.value!.auth.confirm(token);
      this.state = 'done';
    } catch (err) {
      this.state = 'error';
      this.message = errorMessage(err);
    }
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
