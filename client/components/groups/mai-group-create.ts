/** <mai-group-create>: the form to create a group (animators, admins). Leaf: `busy`, `errors` in; `mai-group-create` out. */
import { LitElement, html, type PropertyValues } from 'lit';
import type { Visibility } from '../../api/groups.js';
import { radioGroup, textArea, textField } from '../shared/fields.js';
import { focusFirstInvalid } from '../shared/focus.js';
import { VISIBILITY_HINTS, VISIBILITY_LABELS } from './labels.js';

/** Fires `mai-group-create` `{ name, description, visibility }`. */
export class MaiGroupCreate extends LitElement {
  static properties = {
    busy: { type: Boolean },
    errors: { attribute: false },
    name: { state: true },
    description: { state: true },
    visibility: { state: true },
  };

  busy = false;
  errors: Record<string, string> = {};
  name = '';
  description = '';
  visibility: Visibility = 'public';

  createRenderRoot() {
    return this;
  }

  protected updated(changed: PropertyValues<this>): void {
    // Refused by the server: to the first field in error, what was typed still there.
    if (changed.has('errors') && Object.keys(this.errors).length) void focusFirstInvalid(this);
  }

  /** Empties the form after a successful creation. */
  reset() {
    this.name = '';
    this.description = '';
    this.visibility = 'public';
  }

  private onInput(e: Event) {
    const t = e.target as HTMLInputElement;
    if (t.name === 'name') this.name = t.value;
    if (t.name === 'description') this.description = t.value;
    if (t.name === 'visibility' && t.checked) this.visibility = t.value as Visibility;
  }

  private submit(e: Event) {
    e.preventDefault();
    this.dispatchEvent(
      new CustomEvent('mai-group-create', {
        bubbles: true,
        composed: true,
        detail: { name: this.name.trim(), description: this.description.trim() || null, visibility: this.visibility },
      }),
    );
  }

  render() {
    const options = (Object.keys(VISIBILITY_LABELS) as Visibility[]).map((v) => ({
      value: v,
      label: `${VISIBILITY_LABELS[v]} — ${VISIBILITY_HINTS[v]}`,
    }));
    return html`<form novalidate @input=${this.onInput} @change=${this.onInput} @submit=${this.submit}>
      ${textField({ id: 'group-name', name: 'name', label: 'Nom du groupe', value: this.name, error: this.errors.name, maxlength: 120 })}
      ${textArea({ id: 'group-description', name: 'description', label: 'Description', value: this.description, optional: true, error: this.errors.description, rows: 3, maxlength: 2000 })}
      ${radioGroup({ id: 'group-visibility', name: 'visibility', label: 'Visibilité', value: this.visibility, options, error: this.errors.visibility })}
      <button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Création en cours…' : 'Créer le groupe'}</button>
    </form>`;
  }
}

customElements.define('mai-group-create', MaiGroupCreate);
