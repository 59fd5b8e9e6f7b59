/** <mai-password-field>: DSFR password input with "Afficher" toggle and optional live rules. */
import { LitElement, html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { PasswordRule } from '../../state/password-rules.js';

/** Leaf: properties in; the inner input's native `input` event bubbles to the form. */
export class MaiPasswordField extends LitElement {
  static properties = {
    // Properties only (no attributes): the host must not carry name="password" next to its input.
    inputId: { attribute: false },
    name: { attribute: false },
    label: { attribute: false },
    value: { attribute: false },
    autocomplete: { attribute: false },
    error: { attribute: false },
    rules: { attribute: false },
    shown: { state: true },
  };

  inputId = 'password';
  name = 'password';
  label = 'Mot de passe';
  value = '';
  autocomplete = 'current-password';
  error = '';
  rules: PasswordRule[] | null = null;
  shown = false;

  createRenderRoot() {
    return this;
  }

  render() {
    const id = this.inputId;
    const describedBy = [this.rules ? `${id}-rules` : '', this.error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="fr-input-group ${this.error ? 'fr-input-group--error' : ''}"><div class="fr-password">
      <label class="fr-label" for=${id}>${this.label}</label>
      <div class="fr-input-wrap">
        <input
          class="fr-password__input fr-input ${this.error ? 'fr-input--error' : ''}"
          id=${id}
          name=${this.name}
          type=${this.shown ? 'text' : 'password'}
          autocomplete=${this.autocomplete}
          .value=${live(this.value)}
          required
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
        />
      </div>
      ${this.error ? html`<p class="fr-error-text" id=${`${id}-error`}>${this.error}</p>` : nothing}
      ${
        this.rules
          ? html`<div class="fr-messages-group mai-password-rules" id=${`${id}-rules`} aria-live="polite">
            <p class="fr-message">Votre mot de passe doit contenir :</p>
            ${this.rules.map(
              (r) => html`<p class="fr-message ${r.ok ? 'fr-message--valid' : 'fr-message--info'}">
                ${r.label}<span class="fr-sr-only">${r.ok ? ' : respecté' : ' : non respecté'}</span>
              </p>`,
            )}
          </div>`
          : nothing
      }
      <div class="fr-password__checkbox fr-checkbox-group fr-checkbox-group--sm">
        <input
          id=${`${id}-show`}
          type="checkbox"
          aria-label="Afficher le mot de passe"
          .checked=${this.shown}
          @input=${(e: Event) => e.stopPropagation()}
          @change=${(e: Event) => {
            e.stopPropagation();
            this.shown = (e.target as HTMLInputElement).checked;
          }}
        />
        <label class="fr-password__checkbox fr-label" for=${`${id}-show`}>Afficher</label>
      </div>
    </div></div>`;
  }
}

customElements.define('mai-password-field', MaiPasswordField);

declare global {
  interface HTMLElementTagNameMap {
    'mai-password-field': MaiPasswordField;
  }
}
