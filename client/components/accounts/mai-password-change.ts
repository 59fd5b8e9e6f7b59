/** <mai-password-change>: change my password from the profile (the current one is asked; my other sessions are signed out). */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { User } from '../../../server/protocol/index.js';
import { apiContext } from '../../controllers/contexts.js';
import { checkPassword, passwordIsValid } from '../../state/password-rules.js';
import { alertBox, withField } from '../shared/fields.js';
import { focusAfter, focusFirstInvalid } from '../shared/focus.js';
import './mai-password-field.js';

/** Container: `user` in (for the name rule); talks to the API itself. */
export class MaiPasswordChange extends LitElement {
  static properties = {
    user: { attribute: false },
    values: { state: true },
    errors: { state: true },
    formError: { state: true },
    done: { state: true },
    busy: { state: true },
  };

  user: User | null = null;
  values = { currentPassword: '', newPassword: '' };
  errors: Record<string, string> = {};
  formError = '';
  done = '';
  busy = false;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  private names() {
    return { firstName: this.user?.firstName, lastName: this.user?.lastName };
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    this.done = '';
    this.formError = '';
    const errors: Record<string, string> = {};
    if (!this.values.currentPassword) errors.currentPassword = 'Saisissez votre mot de passe actuel.';
    if (!passwordIsValid(this.values.newPassword, this.names()))
      errors.newPassword = 'Le nouveau mot de passe ne respecte pas toutes les règles ci-dessous.';
    this.errors = errors;
    if (Object.keys(errors).length) return void focusFirstInvalid(this);
    this.busy = true;
    try {
      const { revokedSessions } = await this.api.value!.me.changePassword(this.values.currentPassword, this.values.newPassword);
      this.values = { currentPassword: '', newPassword: '' };
      this.done = revokedSessions
        ? `Votre mot de passe a été changé. Vos ${revokedSessions} autre(s) session(s) ont été déconnectée(s).`
        : 'Votre mot de passe a été changé.';
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      if (Object.keys(fields).length) this.errors = fields;
      else this.formError = errorMessage(err);
    } finally {
      this.busy = false;
    }
    // Success: the confirmation; failure: the field at fault (what was typed is kept), else the alert.
    if (this.done) void focusAfter(this, '.mai-password-change__done');
    else void focusFirstInvalid(this, this.formError ? '' : undefined);
  }

  render() {
    return html`<section class="fr-mt-6w" aria-labelledby="pw-change-title">
      <h2 id="pw-change-title" class="fr-h4">Changer mon mot de passe</h2>
      <div class="mai-password-change__done" tabindex="-1">${this.done ? alertBox('success', this.done) : nothing}</div>
      ${this.formError ? alertBox('error', this.formError) : nothing}
      <form novalidate aria-labelledby="pw-change-title" @input=${(e: Event) => (this.values = withField(this.values, e))} @submit=${this.onSubmit}>
        <p class="fr-text--sm">Vos autres sessions (autres navigateurs, téléphone) seront déconnectées ; celle-ci reste ouverte.</p>
        <mai-password-field .inputId=${'pw-current'} .name=${'currentPassword'} .label=${'Mot de passe actuel'}
          .autocomplete=${'current-password'} .value=${this.values.currentPassword} .error=${this.errors.currentPassword ?? ''}></mai-password-field>
        <mai-password-field .inputId=${'pw-new'} .name=${'newPassword'} .label=${'Nouveau mot de passe'}
          .autocomplete=${'new-password'} .value=${this.values.newPassword} .error=${this.errors.newPassword ?? ''}
          .rules=${checkPassword(this.values.newPassword, this.names())}></mai-password-field>
        <button class="fr-btn fr-mt-2w" type="submit" ?disabled=${this.busy}>${this.busy ? 'Enregistrement…' : 'Changer mon mot de passe'}</button>
      </form>
    </section>`;
  }
}

customElements.define('mai-password-change', MaiPasswordChange);
