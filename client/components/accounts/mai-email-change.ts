/** <mai-email-change>: change my e-mail address from the profile (password asked; the change waits for the link mailed to the new address). */
import { html } from 'lit';
import type { Api } from '../../api/index.js';
import { textField, withField } from '../shared/fields.js';
import { ProfileSectionForm } from './profile-section-form.js';
import './mai-password-field.js';

export class MaiEmailChange extends ProfileSectionForm<{ email: string; password: string }> {
  values = this.empty();

  protected empty() {
    return { email: '', password: '' };
  }

  protected check() {
    const errors: Record<string, string> = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this.values.email.trim())) errors.email = 'Le format attendu est nom@domaine.fr.';
    if (!this.values.password) errors.password = 'Saisissez votre mot de passe.';
    return errors;
  }

  protected async send(api: Api) {
    const { email } = await api.me.changeEmail(this.values.email.trim(), this.values.password);
    return `Un lien de confirmation a été envoyé à ${email}. Votre adresse changera quand vous l’ouvrirez ; votre adresse actuelle a reçu un avis.`;
  }

  render() {
    return html`<section class="fr-mt-6w" aria-labelledby="email-change-title">
      <h2 id="email-change-title" class="fr-h4">Changer mon adresse électronique</h2>
      <p class="fr-text--sm">Adresse actuelle : ${this.user?.email ?? ''}</p>
      ${this.outcome()}
      <form novalidate aria-labelledby="email-change-title" @input=${(e: Event) => (this.values = withField(this.values, e))} @submit=${this.onSubmit}>
        ${textField({ id: 'email-new', name: 'email', label: 'Nouvelle adresse électronique', type: 'email', autocomplete: 'email', value: this.values.email, error: this.errors.email })}
        <mai-password-field .inputId=${'email-password'} .name=${'password'} .label=${'Mot de passe actuel'}
          .autocomplete=${'current-password'} .value=${this.values.password} .error=${this.errors.password ?? ''}></mai-password-field>
        <button class="fr-btn fr-mt-2w" type="submit" ?disabled=${this.busy}>${this.busy ? 'Envoi…' : 'Changer mon adresse'}</button>
      </form>
    </section>`;
  }
}

customElements.define('mai-email-change', MaiEmailChange);
