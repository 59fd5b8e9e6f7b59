/** <mai-register-page> (/inscription): account creation, then "check your mailbox". */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import type { RegisterInput } from '../api/auth.js';
import { ApiError } from '../api/http.js';
import { errorMessage } from '../api/messages.js';
import type { Civility } from '../api/types.js';
import { apiContext, departmentsContext } from '../controllers/contexts.js';
import { StoreController } from '../controllers/store-controller.js';
import { USERNAME_HINT, USERNAME_PATTERN, checkPassword } from '../state/password-rules.js';
import { alertBox, fieldValue, focusFirstError, radioGroup, selectField, textField } from './fields.js';
import './mai-password-field.js';

const EMPTY = {
  civility: '',
  firstName: '',
  lastName: '',
  username: '',
  email: '',
  departmentCode: '',
  phone: '',
  employer: '',
  jobTitle: '',
  city: '',
  password: '',
};
type Values = typeof EMPTY;
const REQUIRED: [keyof Values, string][] = [
  ['firstName', 'Saisissez votre prénom.'],
  ['lastName', 'Saisissez votre nom.'],
  ['username', "Choisissez un nom d'utilisateur."],
  ['email', 'Saisissez votre adresse électronique.'],
  ['departmentCode', 'Choisissez votre département.'],
  ['password', 'Choisissez un mot de passe.'],
];

/** Container: validates on the client, posts the registration, shows server field errors. */
export class MaiRegisterPage extends LitElement {
  static properties = {
    values: { state: true },
    errors: { state: true },
    formError: { state: true },
    busy: { state: true },
    sentTo: { state: true },
  };

  values: Values = { ...EMPTY };
  errors: Record<string, string> = {};
  formError = '';
  busy = false;
  sentTo = '';
  private api = new ContextConsumer(this, { context: apiContext });
  private departments = new StoreController(this, departmentsContext);

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.departments.value?.load();
  }

  private onInput(e: Event) {
    const kv = fieldValue(e);
    if (kv) this.values = { ...this.values, [kv[0]]: String(kv[1]) };
  }

  private validate(): Record<string, string> {
    const v = this.values;
    const errors: Record<string, string> = {};
    for (const [field, message] of REQUIRED) if (!v[field].trim()) errors[field] = message;
    if (v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) {
      errors.email = 'Le format attendu est nom@domaine.fr.';
    }
    if (v.username.trim() && !USERNAME_PATTERN.test(v.username.trim().toLowerCase())) {
      errors.username = `Nom d'utilisateur invalide : ${USERNAME_HINT}`;
    }
    if (v.password && !checkPassword(v.password, v).every((r) => r.ok)) {
      errors.password = 'Le mot de passe ne respecte pas toutes les règles ci-dessus.';
    }
    return errors;
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    this.formError = '';
    this.errors = this.validate();
    if (Object.keys(this.errors).length) {
      await this.updateComplete;
      focusFirstError(this);
      return;
    }
    const v = this.values;
    const input: RegisterInput = {
      email: v.email.trim(),
      password: v.password,
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      username: v.username.trim(),
      departmentCode: v.departmentCode,
    };
    if (v.civility) input.civility = v.civility as Civility;
    for (const k of ['phone', 'employer', 'jobTitle', 'city'] as const) if (v[k].trim()) input[k] = v[k].trim();
    this.busy = true;
    try {
      await this.api.value!.auth.register(input);
      this.sentTo = input.email;
      await this.updateComplete;
      this.querySelector<HTMLElement>('h1')?.focus();
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      this.errors = fields;
      this.formError = Object.keys(fields).length
        ? 'Le formulaire contient des erreurs : corrigez les champs signalés.'
        : errorMessage(err);
      await this.updateComplete;
      focusFirstError(this);
    } finally {
      this.busy = false;
    }
  }

  private renderSent() {
    return html`<h1 tabindex="-1">Vérifiez votre messagerie</h1>
      <div class="fr-alert fr-alert--success fr-mb-3w" role="status">
        <h2 class="fr-alert__title">Votre demande d'inscription est enregistrée</h2>
        <p>Un lien de confirmation a été envoyé à l'adresse ${this.sentTo}.</p>
      </div>
      <p>
        Ouvrez ce message et cliquez sur le lien pour activer votre compte. Si vous ne le trouvez pas,
        pensez à regarder dans vos courriers indésirables.
      </p>
      <p><a class="fr-link" href="/connexion">Aller à la page de connexion</a></p>`;
  }

  render() {
    if (this.sentTo) return html`<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-8">${this.renderSent()}</div></div>`;
    const v = this.values;
    const deps = this.departments.value;
    const err = this.errors;
    const field = (name: keyof Values, label: string, extra: Record<string, unknown> = {}) =>
      html`<div class="fr-fieldset__element">
        ${textField({ id: `register-${name}`, name, label, value: v[name], error: err[name], ...extra })}
      </div>`;
    return html`<div class="fr-grid-row fr-grid-row--center">
      <div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1 tabindex="-1">Créer un compte</h1>
        <p class="fr-text--sm">Sauf mention contraire, tous les champs sont obligatoires.</p>
        ${this.formError ? alertBox('error', this.formError) : nothing}
        ${deps?.status === 'error' ? alertBox('error', 'La liste des départements n’a pas pu être chargée. Rechargez la page.') : nothing}
        <form novalidate @input=${this.onInput} @change=${this.onInput} @submit=${this.onSubmit} aria-label="Créer un compte">
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Votre identité</h2></legend>
            <div class="fr-fieldset__element">
              ${radioGroup({
                id: 'register-civility',
                name: 'civility',
                label: 'Civilité',
                optional: true,
                value: v.civility,
                error: err.civility,
                options: [
                  { value: 'mme', label: 'Madame' },
                  { value: 'm', label: 'Monsieur' },
                ],
              })}
            </div>
            ${field('firstName', 'Prénom', { autocomplete: 'given-name' })}
            ${field('lastName', 'Nom', { autocomplete: 'family-name' })}
            ${field('username', "Nom d'utilisateur", { autocomplete: 'username', hint: `Visible des autres membres, par exemple camille.martin. ${USERNAME_HINT}` })}
            ${field('email', 'Adresse électronique', { type: 'email', autocomplete: 'email', hint: 'Format attendu : nom@domaine.fr' })}
          </fieldset>
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Votre activité</h2></legend>
            <div class="fr-fieldset__element">
              ${selectField({
                id: 'register-departmentCode',
                name: 'departmentCode',
                label: 'Département',
                value: v.departmentCode,
                error: err.departmentCode,
                placeholder: deps?.status === 'ready' ? 'Sélectionnez votre département' : 'Chargement des départements…',
                options: (deps?.items ?? []).map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` })),
              })}
            </div>
            ${field('employer', 'Employeur', { optional: true, autocomplete: 'organization' })}
            ${field('jobTitle', 'Fonction', { optional: true, autocomplete: 'organization-title' })}
            ${field('city', 'Commune', { optional: true, autocomplete: 'address-level2' })}
            ${field('phone', 'Téléphone', { optional: true, type: 'tel', autocomplete: 'tel', hint: 'Format attendu : 01 22 33 44 55' })}
          </fieldset>
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Votre mot de passe</h2></legend>
            <div class="fr-fieldset__element">
              <mai-password-field
                .inputId=${'register-password'}
                .name=${'password'}
                .label=${'Mot de passe'}
                .autocomplete=${'new-password'}
                .value=${v.password}
                .error=${err.password ?? ''}
                .rules=${checkPassword(v.password, v)}
              ></mai-password-field>
            </div>
          </fieldset>
          <button class="fr-btn" type="submit" ?disabled=${this.busy}>
            ${this.busy ? 'Création du compte en cours…' : 'Créer mon compte'}
          </button>
        </form>
        <p class="fr-mt-4w">Vous avez déjà un compte ? <a class="fr-link" href="/connexion">Se connecter</a></p>
      </div>
    </div>`;
  }
}

customElements.define('mai-register-page', MaiRegisterPage);
