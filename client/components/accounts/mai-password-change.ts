/** <mai-password-change>: change my password from the profile (the current one is asked; my other sessions are signed out). */
import { html } from 'lit';
import type { Api } from '../../api/index.js';
import { checkPassword, passwordIsValid } from '../../state/password-rules.js';
import { withField } from '../shared/fields.js';
import { ProfileSectionForm } from './profile-section-form.js';
import './mai-password-field.js';

/** Container: `user` in (for the name rule); talks to the API itself. */
export class MaiPasswordChange extends ProfileSectionForm<{ currentPassword: string; newPassword: string }> {
  values = this.empty();

  protected empty() {
    return { currentPassword: '', newPassword: '' };
  }

  private names() {
    return { firstName: this.user?.firstName, lastName: this.user?.lastName };
  }

  protected check() {
    const errors: Record<string, string> = {};
    if (!this.values.currentPassword) errors.currentPassword = 'Saisissez votre mot de passe actuel.';
    if (!passwordIsValid(this.values.newPassword, this.names()))
      errors.newPassword = 'Le nouveau mot de passe ne respecte pas toutes les règles ci-dessous.';
    return errors;
  }

  protected async send(api: Api) {
    const { revokedSessions } = await api.me.changePassword(this.values.currentPassword, this.values.newPassword);
    return revokedSessions
      ? `Votre mot de passe a été changé. Vos ${revokedSessions} autre(s) session(s) ont été déconnectée(s).`
      : 'Votre mot de passe a été changé.';
  }

  render() {
    return html`<section class="fr-mt-6w" aria-labelledby="pw-change-title">
      <h2 id="pw-change-title" class="fr-h4">Changer mon mot de passe</h2>
      ${this.outcome()}
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
