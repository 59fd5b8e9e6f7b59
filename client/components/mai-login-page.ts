/** <mai-login-page> (/connexion): e-mail and password sign-in. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../api/messages.js';
import { routerContext, sessionContext } from '../controllers/contexts.js';
import { StoreController } from '../controllers/store-controller.js';
import { safeNext } from '../state/router.js';
import { alertBox, fieldValue, focusFirstError, textField } from './fields.js';
import './mai-password-field.js';

/** Container: signs in through the session store, then goes to `next` or home. */
export class MaiLoginPage extends LitElement {
  static properties = {
    values: { state: true },
    errors: { state: true },
    formError: { state: true },
    busy: { state: true },
  };

  values = { email: '', password: '' };
  errors: Record<string, string> = {};
  formError = '';
  busy = false;
  private session = new StoreController(this, sessionContext);
  private router = new ContextConsumer(this, { context: routerContext });

  createRenderRoot() {
    return this;
  }

  private onInput(e: Event) {
    const kv = fieldValue(e);
    if (kv) this.values = { ...this.values, [kv[0]]: String(kv[1]) };
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!this.values.email.trim()) errors.email = 'Saisissez votre adresse électronique.';
    if (!this.values.password) errors.password = 'Saisissez votre mot de passe.';
    this.errors = errors;
    this.formError = '';
    if (Object.keys(errors).length) {
      await this.updateComplete;
      focusFirstError(this);
      return;
    }
    this.busy = true;
    try {
      await this.session.value!.login(this.values.email.trim(), this.values.password);
      const next = safeNext(this.router.value?.query.get('next'));
      this.router.value?.navigate(next ?? '/', { replace: true });
    } catch (err) {
      this.formError = errorMessage(err);
      this.values = { ...this.values, password: '' };
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<div class="fr-grid-row fr-grid-row--center">
      <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1 tabindex="-1">Connexion à Maillage</h1>
        ${this.formError ? alertBox('error', this.formError) : nothing}
        <form novalidate @input=${this.onInput} @submit=${this.onSubmit} aria-label="Se connecter">
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend">
              <h2 class="fr-h5 fr-mb-1w">Se connecter avec son compte</h2>
            </legend>
            <div class="fr-fieldset__element">
              <p class="fr-text--sm fr-mb-0">Tous les champs sont obligatoires.</p>
            </div>
            <div class="fr-fieldset__element">
              ${textField({
                id: 'login-email',
                name: 'email',
                label: 'Adresse électronique',
                hint: 'Format attendu : nom@domaine.fr',
                type: 'email',
                autocomplete: 'username',
                value: this.values.email,
                error: this.errors.email,
              })}
            </div>
            <div class="fr-fieldset__element">
              <mai-password-field
                .inputId=${'login-password'}
                .name=${'password'}
                .label=${'Mot de passe'}
                .autocomplete=${'current-password'}
                .value=${this.values.password}
                .error=${this.errors.password ?? ''}
              ></mai-password-field>
              <p class="fr-mt-2w"><a class="fr-link" href="/mot-de-passe-oublie">Mot de passe oublié ?</a></p>
            </div>
          </fieldset>
          <button class="fr-btn" type="submit" ?disabled=${this.busy}>
            ${this.busy ? 'Connexion en cours…' : 'Se connecter'}
          </button>
        </form>
        <hr class="fr-mt-4w" />
        <h2 class="fr-h5">Vous n'avez pas de compte ?</h2>
        <ul class="fr-btns-group">
          <li><a class="fr-btn fr-btn--secondary" href="/inscription">Créer un compte</a></li>
        </ul>
      </div>
    </div>`;
  }
}

customElements.define('mai-login-page', MaiLoginPage);
