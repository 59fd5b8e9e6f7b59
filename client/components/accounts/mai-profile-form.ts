/** <mai-profile-form>: edit own profile fields; fires only what changed. */
import { LitElement, html, type PropertyValues } from 'lit';
import type { ProfilePatch } from '../../api/me.js';
import type { Department, User } from '../../../server/protocol/index.js';
import { requiredErrors } from '../../state/form-checks.js';
import { civilityRow, departmentRow, workRows } from './account-fields.js';
import { fieldRow, focusErrors, focusFirstError, textArea, textRows, withField } from '../shared/fields.js';

const FIELDS = ['civility', 'firstName', 'lastName', 'departmentCode', 'phone', 'employer', 'jobTitle', 'city', 'bio'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
const NULLABLE: Field[] = ['civility', 'phone', 'employer', 'jobTitle', 'city', 'bio'];

function fromUser(u: User | null): Values {
  const v = {} as Values;
  for (const f of FIELDS) v[f] = (u?.[f] as string | null | undefined) ?? '';
  return v;
}

/** Leaf: `user`, `departments`, `busy`, `errors` in; `mai-profile-save` `{ patch }` out. */
export class MaiProfileForm extends LitElement {
  static properties = {
    user: { attribute: false },
    departments: { attribute: false },
    busy: { type: Boolean },
    errors: { attribute: false },
    values: { state: true },
    localErrors: { state: true },
  };

  user: User | null = null;
  departments: Department[] = [];
  busy = false;
  errors: Record<string, string> = {};
  values: Values = fromUser(null);
  localErrors: Record<string, string> = {};

  createRenderRoot() {
    return this;
  }

  willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('user')) return;
    // Keep unsaved edits when only another field of the user changed (e.g. the photo).
    const old = changed.get('user') as User | null | undefined;
    const dirty = JSON.stringify(this.values) !== JSON.stringify(fromUser(old ?? null));
    if (!dirty || old?.id !== this.user?.id) this.values = fromUser(this.user);
  }

  updated(changed: PropertyValues<this>) {
    if (changed.has('errors') && Object.keys(this.errors).length) focusFirstError(this);
  }

  /** Drops edits and shows the user as stored (called by the container after a save). */
  resetFromUser() {
    this.values = fromUser(this.user);
    this.localErrors = {};
  }

  private onInput(e: Event) {
    this.values = withField(this.values, e);
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    const v = this.values;
    const errors = requiredErrors(v, [
      ['firstName', 'Saisissez votre prénom.'],
      ['lastName', 'Saisissez votre nom.'],
      ['departmentCode', 'Choisissez votre département.'],
    ]);
    this.localErrors = errors;
    if (await focusErrors(this, errors)) return;
    const before = fromUser(this.user);
    const patch: Record<string, string | null> = {};
    for (const f of FIELDS) {
      const value = f === 'bio' ? v[f] : v[f].trim();
      if (value !== before[f]) patch[f] = value === '' && NULLABLE.includes(f) ? null : value;
    }
    this.dispatchEvent(new CustomEvent('mai-profile-save', { detail: { patch: patch as ProfilePatch }, bubbles: true }));
  }

  render() {
    const v = this.values;
    const err = { ...this.errors, ...this.localErrors };
    const field = textRows('profile', v, err);
    return html`<form novalidate aria-label="Modifier mon profil" @input=${this.onInput} @change=${this.onInput} @submit=${this.onSubmit}>
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend"><h2 class="fr-h4 fr-mb-0">Mes informations</h2></legend>
        ${civilityRow('profile', v.civility, err.civility)}
        ${field('firstName', 'Prénom', { autocomplete: 'given-name' })}
        ${field('lastName', 'Nom', { autocomplete: 'family-name' })}
        ${departmentRow({ prefix: 'profile', value: v.departmentCode, error: err.departmentCode, placeholder: 'Sélectionnez votre département', departments: this.departments })}
        ${workRows(field)}
        ${fieldRow(
          textArea({
            id: 'profile-bio',
            name: 'bio',
            label: 'Présentation',
            hint: 'Quelques mots sur vos missions, visibles des autres membres.',
            optional: true,
            rows: 5,
            value: v.bio,
            error: err.bio,
          }),
        )}
      </fieldset>
      <button class="fr-btn" type="submit" ?disabled=${this.busy}>
        ${this.busy ? 'Enregistrement en cours…' : 'Enregistrer les modifications'}
      </button>
    </form>`;
  }
}

customElements.define('mai-profile-form', MaiProfileForm);
