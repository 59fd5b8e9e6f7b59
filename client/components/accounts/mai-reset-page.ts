/** <mai-reset-page> (/reinitialiser?token=…): choose a new password from the mailed link. */
import { ContextConsumer } from '@lit/context';
import { html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import { apiContext, routerContext } from '../../controllers/contexts.js';
import { checkPassword, passwordIsValid } from '../../state/password-rules.js';
import { newPasswordField } from './account-fields.js';
import { alertBox, focusErrors } from '../shared/fields.js';
import { MaiFormPage, centredPage } from '../shared/form-page.js';

/** Container: POST /api/auth/password-reset/confirm. */
export class MaiResetPage extends MaiFormPage {
  static properties = {
    password: { state: true },
    error: { state: true },
    done: { state: true },
  };

  password = '';
  error = '';
  done = false;
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });

  private get token(): string {
    return this.router.value?.query.get('token') ?? '';
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    if (!this.password) this.error = 'Choisissez un nouveau mot de passe.';
    else if (!passwordIsValid(this.password)) this.error = 'Le mot de passe ne respecte pas toutes les règles ci-dessus.';
    else this.error = '';
    await this.submit(
      { password: this.error },
      async () => {
        await this.api.value!.auth.confirmPasswordReset(this.token, this.password);
        this.done = true;
      },
      async (err) => {
        const fieldError = err instanceof ApiError ? err.fieldErrors.password : undefined;
        if (fieldError) {
          this.error = fieldError;
          await focusErrors(this, { password: fieldError });
        } else {
          this.formError = errorMessage(err);
        }
      },
    );
  }

  private form() {
    return html`${
      this.formError
        ? html`${alertBox('error', this.formError)}
            <p><a class="fr-link" href="/mot-de-passe-oublie">Demander un nouveau lien</a></p>`
        : nothing
    }
      <form
        novalidate
        aria-label="Choisir un nouveau mot de passe"
        @submit=${this.onSubmit}
        @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)}
      >
        ${newPasswordField({ id: 'reset-password', label: 'Nouveau mot de passe', value: this.password, error: this.error, rules: checkPassword(this.password) })}
        <button class="fr-btn fr-mt-3w" type="submit" ?disabled=${this.busy}>
          ${this.busy ? 'Enregistrement en cours…' : 'Enregistrer le mot de passe'}
        </button>
      </form>`;
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
      body = this.form();
    }
    return centredPage('Nouveau mot de passe', body);
  }
}

customElements.define('mai-reset-page', MaiResetPage);
