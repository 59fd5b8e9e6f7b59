/** <mai-forgot-page> (/mot-de-passe-oublie): asks for a reset link; the answer is always neutral. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../api/messages.js';
import { apiContext } from '../controllers/contexts.js';
import { alertBox, focusFirstError, textField } from './fields.js';

/** Container: POST /api/auth/password-reset. */
export class MaiForgotPage extends LitElement {
  static properties = {
    email: { state: true },
    error: { state: true },
    formError: { state: true },
    busy: { state: true },
    sent: { state: true },
  };

  email = '';
  error = '';
  formError = '';
  busy = false;
  sent = false;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    this.formError = '';
    this.error = this.email.trim() ? '' : 'Saisissez votre adresse électronique.';
    if (this.error) {
      await this.updateComplete;
      focusFirstError(this);
      return;
    }
    this.busy = true;
    try {
      await this.api.value!.auth.requestPasswordReset(this.email.trim());
      this.sent = true;
    } catch (err) {
      this.formError = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<div class="fr-grid-row fr-grid-row--center">
      <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1 tabindex="-1">Mot de passe oublié</h1>
        ${this.sent
          ? html`${alertBox(
                'success',
                `Si un compte existe avec l'adresse ${this.email.trim()}, un courriel contenant un lien de réinitialisation vient de lui être envoyé. Ce lien ne peut servir qu'une fois.`,
                'Demande envoyée',
              )}
              <p><a class="fr-link" href="/connexion">Retour à la connexion</a></p>`
          : html`<p>Saisissez l'adresse électronique de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.</p>
              ${this.formError ? alertBox('error', this.formError) : nothing}
              <form
                novalidate
                aria-label="Demander un lien de réinitialisation"
                @submit=${this.onSubmit}
                @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)}
              >
                ${textField({
                  id: 'forgot-email',
                  name: 'email',
                  label: 'Adresse électronique',
                  hint: 'Format attendu : nom@domaine.fr',
                  type: 'email',
                  autocomplete: 'email',
                  value: this.email,
                  error: this.error,
                })}
                <button class="fr-btn" type="submit" ?disabled=${this.busy}>
                  ${this.busy ? 'Envoi en cours…' : 'Recevoir un lien'}
                </button>
              </form>
              <p class="fr-mt-4w"><a class="fr-link" href="/connexion">Retour à la connexion</a></p>`}
      </div>
    </div>`;
  }
}

customElements.define('mai-forgot-page', MaiForgotPage);
