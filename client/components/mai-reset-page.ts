/** <mai-reset-page> (/reinitialiser?token=…): choose a new password from the mailed link. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../api/http.js';
import { errorMessage } from '../api/messages.js';
import { apiContext, routerContext } from '../controllers/contexts.js';
import { checkPassword } from '../state/password-rules.js';
import { alertBox, focusFirstError } from './fields.js';
import './mai-password-field.js';

/** Container: POST /api/auth/password-reset/confirm. */
export class MaiResetPage extends LitElement {
  static properties = {
    password: { state: true },
    error: { state: true },
    formError: { state: true },
    busy: { state: true },
    done: { state: true },
  };

  password = '';
  error = '';
  formError = '';
  busy = false;
  done = false;
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });

  createRenderRoot() {
    return this;
  }

  private get token(): string {
    return this.router.value?.query.get('token') ?? '';
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    this.formError = '';
    if (!this.password) this.error = 'Choisissez un nouveau mot de passe.';
    else if (!checkPassword(this.password).every((r) => r.ok))
      this.error = 'Le mot de passe ne respecte pas toutes les règles ci-dessus.';
    else this.error = '';
    if (this.error) {
      await this.updateComplete;
      focusFirstError(this);
      return;
    }
    this.busy = true;
    try {
      await this.api.value!.auth.confirmPasswordReset(this.token, this.password);
      this.done = true;
    } catch (err) {
      const fieldError = err instanceof ApiError ? err.fieldErrors.password : undefined;
      if (fieldError) {
        this.error = fieldError;
        await this.updateComplete;
        focusFirstError(this);
      } else {
        this.formError = errorMessage(err);
      }
    } finally {
      this.busy = false;
    }
  }

  render() {
    let body;
    if (this.done) {
      body = html`${alertBox('success', 'Votre mot de passe a été modifié. Vos autres sessions ont été fermées.', 'Mot de passe modifié')}
        <p><a class="fr-btn" href="/connexion">Se connecter</a></p>`;
    } else if (!this.token) {
      body = html`${alertBox('error', 'Ce lien est incomplet. Copiez le lien entier reçu par courriel.')}
        <p><a class="fr-link" href="/mot-de-passe-oublie">Demander un nouveau lien</a></p>`;
    } else {
      body = html`${this.formError
          ? html`${alertBox('error', this.formError)}
              <p><a class="fr-link" href="/mot-de-passe-oublie">Demander un nouveau lien</a></p>`
          : nothing}
        <form
          novalidate
          aria-label="Choisir un nouveau mot de passe"
          @submit=${this.onSubmit}
          @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)}
        >
          <mai-password-field
            .inputId=${'reset-password'}
            .name=${'password'}
            .label=${'Nouveau mot de passe'}
            .autocomplete=${'new-password'}
            .value=${this.password}
            .error=${this.error}
            .rules=${checkPassword(this.password)}
          ></mai-password-field>
          <button class="fr-btn fr-mt-3w" type="submit" ?disabled=${this.busy}>
            ${this.busy ? 'Enregistrement en cours…' : 'Enregistrer le mot de passe'}
          </button>
        </form>`;
    }
    return html`<div class="fr-grid-row fr-grid-row--center">
      <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1 tabindex="-1">Nouveau mot de passe</h1>
        ${body}
      </div>
    </div>`;
  }
}

customElements.define('mai-reset-page', MaiResetPage);
