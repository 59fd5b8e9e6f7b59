/** <mai-forgot-page> (/mot-de-passe-oublie): asks for a reset link; the answer is always neutral. */
import { ContextConsumer } from '@lit/context';
import { html, nothing } from 'lit';
import { apiContext } from '../../controllers/contexts.js';
import { alertBox, textField } from '../shared/fields.js';
import { MaiFormPage, centredPage } from '../shared/form-page.js';

/** Container: POST /api/auth/password-reset. */
export class MaiForgotPage extends MaiFormPage {
  static properties = {
    email: { state: true },
    error: { state: true },
    sent: { state: true },
  };

  email = '';
  error = '';
  sent = false;
  private api = new ContextConsumer(this, { context: apiContext });

  private async onSubmit(e: Event) {
    e.preventDefault();
    this.error = this.email.trim() ? '' : 'Saisissez votre adresse électronique.';
    await this.submit({ email: this.error }, async () => {
      await this.api.value!.auth.requestPasswordReset(this.email.trim());
      this.sent = true;
    });
  }

  render() {
    return centredPage(
      'Mot de passe oublié',
      this.sent
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
            <p class="fr-mt-4w"><a class="fr-link" href="/connexion">Retour à la connexion</a></p>`,
    );
  }
}

customElements.define('mai-forgot-page', MaiForgotPage);
