/** <mai-invitation-page> (/activer?token=…): someone whose account was created for them chooses their first password. */
import { ContextConsumer } from '@lit/context';
import { html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import { apiContext, routerContext } from '../../controllers/contexts.js';
import { checkPassword, passwordIsValid } from '../../state/password-rules.js';
import { newPasswordField } from '../accounts/account-fields.js';
import { alertBox, focusErrors } from '../shared/fields.js';
import { MaiFormPage, centredPage } from '../shared/form-page.js';

export class MaiInvitationPage extends MaiFormPage {
  static properties = { password: { state: true }, error: { state: true }, email: { state: true } };

  password = '';
  error = '';
  email = '';
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });

  private get token(): string {
    return this.router.value?.query.get('token') ?? '';
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    if (!this.password) this.error = 'Choisissez un mot de passe.';
    else if (!passwordIsValid(this.password)) this.error = 'Le mot de passe ne respecte pas toutes les règles ci-dessus.';
    else this.error = '';
    await this.submit(
      { password: this.error },
      async () => {
        const { user } = await this.api.value!.organisations.acceptInvitation(this.token, this.password);
        this.email = user.email;
        await this.updateComplete;
        this.querySelector<HTMLElement>('h1')?.focus();
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

  render() {
    if (this.email) {
      return centredPage(
        'Votre compte est activé',
        html`${alertBox('success', `Vous pouvez vous connecter avec l’adresse ${this.email} et ce mot de passe.`, 'Mot de passe enregistré')}
          <p><a class="fr-btn" href="/connexion">Se connecter</a></p>`,
      );
    }
    if (!this.token)
      return centredPage('Activer votre compte', alertBox('error', 'Ce lien est incomplet. Copiez le lien entier reçu par courriel.'));
    return centredPage(
      'Activer votre compte',
      html`<p>Votre compte Maillage a été créé pour vous. Choisissez votre mot de passe pour l’activer.</p>
        ${this.formError ? alertBox('error', this.formError) : nothing}
        <form novalidate aria-label="Choisir votre mot de passe" @submit=${this.onSubmit} @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)}>
          ${newPasswordField({ id: 'invitation-password', label: 'Mot de passe', value: this.password, error: this.error, rules: checkPassword(this.password) })}
          <button class="fr-btn fr-mt-3w" type="submit" ?disabled=${this.busy}>${this.busy ? 'Enregistrement en cours…' : 'Activer mon compte'}</button>
        </form>`,
    );
  }
}

customElements.define('mai-invitation-page', MaiInvitationPage);
