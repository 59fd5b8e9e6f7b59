/** <mai-admin-user-create>: the admin's form to create an active account. */
import { LitElement, html } from 'lit';
import type { AdminCreateUserInput } from '../api/admin-users.js';
import type { Department, Role } from '../api/types.js';
import { USERNAME_HINT, USERNAME_PATTERN, checkPassword } from '../state/password-rules.js';
import { checkbox, fieldValue, focusFirstError, selectField, textField } from './fields.js';
import { ROLE_OPTIONS } from './labels.js';
import './mai-password-field.js';

const EMPTY = { email: '', firstName: '', lastName: '', username: '', departmentCode: '', role: 'member', password: '' };
type Values = typeof EMPTY;
const REQUIRED: [keyof Values, string][] = [
  ['firstName', 'Saisissez le prénom.'],
  ['lastName', 'Saisissez le nom.'],
  ['username', "Saisissez le nom d'utilisateur."],
  ['email', "Saisissez l'adresse électronique."],
  ['departmentCode', 'Choisissez le département.'],
  ['password', 'Choisissez un mot de passe.'],
];

/** Leaf: fires `mai-user-create` `{ input }`; the container calls `reset()` on success. */
export class MaiAdminUserCreate extends LitElement {
  static properties = {
    departments: { attribute: false },
    busy: { type: Boolean },
    errors: { attribute: false },
    values: { state: true },
    chatOnly: { state: true },
    localErrors: { state: true },
  };

  departments: Department[] = [];
  busy = false;
  errors: Record<string, string> = {};
  values: Values = { ...EMPTY };
  chatOnly = false;
  localErrors: Record<string, string> = {};

  createRenderRoot() {
    return this;
  }

  /** Empties the form. */
  reset() {
    this.values = { ...EMPTY };
    this.chatOnly = false;
    this.localErrors = {};
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('errors') && Object.keys(this.errors).length) focusFirstError(this);
  }

  private onInput(e: Event) {
    const kv = fieldValue(e);
    if (!kv) return;
    if (kv[0] === 'chatOnly') this.chatOnly = Boolean(kv[1]);
    else this.values = { ...this.values, [kv[0]]: String(kv[1]) };
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    const v = this.values;
    const errors: Record<string, string> = {};
    for (const [f, message] of REQUIRED) if (!v[f].trim()) errors[f] = message;
    if (v.username.trim() && !USERNAME_PATTERN.test(v.username.trim().toLowerCase())) {
      errors.username = `Nom d'utilisateur invalide : ${USERNAME_HINT}`;
    }
    if (v.password && !checkPassword(v.password, v).every((r) => r.ok)) {
      errors.password = 'Le mot de passe ne respecte pas toutes les règles.';
    }
    this.localErrors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      focusFirstError(this);
      return;
    }
    const input: AdminCreateUserInput = {
      email: v.email.trim(),
      password: v.password,
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      username: v.username.trim(),
      departmentCode: v.departmentCode,
      role: v.role as Role,
      chatOnly: this.chatOnly,
    };
    this.dispatchEvent(new CustomEvent('mai-user-create', { detail: { input }, bubbles: true }));
  }

  render() {
    const v = this.values;
    const err = { ...this.errors, ...this.localErrors };
    const field = (name: keyof Values, label: string, extra: Record<string, unknown> = {}) =>
      html`<div class="fr-fieldset__element">
        ${textField({ id: `create-${name}`, name, label, value: v[name], error: err[name], ...extra })}
      </div>`;
    return html`<form novalidate aria-label="Créer un compte" @input=${this.onInput} @change=${this.onInput} @submit=${this.onSubmit}>
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend">Le compte est créé actif, sans courriel de confirmation. Tous les champs sont obligatoires.</legend>
        ${field('firstName', 'Prénom', { autocomplete: 'off' })}
        ${field('lastName', 'Nom', { autocomplete: 'off' })}
        ${field('username', "Nom d'utilisateur", { autocomplete: 'off', hint: USERNAME_HINT })}
        ${field('email', 'Adresse électronique', { type: 'email', autocomplete: 'off' })}
        <div class="fr-fieldset__element">
          ${selectField({
            id: 'create-departmentCode',
            name: 'departmentCode',
            label: 'Département',
            value: v.departmentCode,
            error: err.departmentCode,
            placeholder: 'Sélectionnez un département',
            options: this.departments.map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` })),
          })}
        </div>
        <div class="fr-fieldset__element">
          ${selectField({ id: 'create-role', name: 'role', label: 'Rôle', value: v.role, error: err.role, options: ROLE_OPTIONS })}
        </div>
        <div class="fr-fieldset__element">
          ${checkbox({
            id: 'create-chatOnly',
            name: 'chatOnly',
            label: 'Accès aux discussions uniquement',
            hint: 'Pour les coordinateurs et partenaires invités.',
            checked: this.chatOnly,
            error: err.chatOnly,
          })}
        </div>
        <div class="fr-fieldset__element">
          <mai-password-field
            .inputId=${'create-password'}
            .name=${'password'}
            .label=${'Mot de passe provisoire'}
            .autocomplete=${'new-password'}
            .value=${v.password}
            .error=${err.password ?? ''}
            .rules=${checkPassword(v.password, v)}
          ></mai-password-field>
        </div>
      </fieldset>
      <button class="fr-btn" type="submit" ?disabled=${this.busy}>
        ${this.busy ? 'Création en cours…' : 'Créer le compte'}
      </button>
    </form>`;
  }
}

customElements.define('mai-admin-user-create', MaiAdminUserCreate);
