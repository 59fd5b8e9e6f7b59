/**
 * <mai-commune-field>: type a postal code or a name, pick a commune from the
 * list (ARIA 1.2 combobox: arrows move, Enter picks, Escape closes). Fires
 * `mai-commune` with `{ commune }` (null when the text no longer matches).
 */
import { LitElement, html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CommuneView, ReportsApi } from '../../api/reports.js';

export class MaiCommuneField extends LitElement {
  static properties = {
    api: { attribute: false },
    label: { type: String },
    value: { attribute: false },
    error: { type: String },
    options: { state: true },
    active: { state: true },
    open: { state: true },
    text: { state: true },
  };

  /** Anything with the reports API's `communes` search (the organisation forms use the public one). */
  api: Pick<ReportsApi, 'communes'> | null = null;
  label = "Commune de l'accompagnement";
  value: CommuneView | null = null;
  error = '';
  private options: CommuneView[] = [];
  private active = -1;
  private open = false;
  private text = '';
  private abort: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  createRenderRoot() {
    return this;
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('value') && this.value && !this.open) this.text = this.describe(this.value);
  }

  private describe(c: CommuneView) {
    return `${c.name} (${c.postalCodes[0] ?? c.departmentCode})`;
  }

  private onInput(e: Event) {
    this.text = (e.target as HTMLInputElement).value;
    if (this.value) this.pick(null);
    clearTimeout(this.timer);
    if (this.text.trim().length < 2) {
      this.options = [];
      this.open = false;
      return;
    }
    // A short pause, so typing a postal code sends one request and not five.
    this.timer = setTimeout(() => void this.search(this.text.trim()), 150);
  }

  private async search(q: string) {
    this.abort?.abort();
    this.abort = new AbortController();
    try {
      const { items } = await this.api!.communes(q, this.abort.signal);
      this.options = items;
      this.active = items.length ? 0 : -1;
      this.open = true;
    } catch {
      /* aborted or offline: the list stays as it was */
    }
  }

  private pick(c: CommuneView | null) {
    this.value = c;
    if (c) {
      this.text = this.describe(c);
      this.open = false;
    }
    this.dispatchEvent(new CustomEvent('mai-commune', { detail: { commune: c }, bubbles: true, composed: true }));
  }

  private onKey(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!this.options.length) return;
      e.preventDefault();
      this.open = true;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.options.length) % this.options.length;
    } else if (e.key === 'Enter' && this.open && this.active >= 0) {
      e.preventDefault();
      this.pick(this.options[this.active]!);
    } else if (e.key === 'Escape' && this.open) {
      e.preventDefault();
      this.open = false;
    }
  }

  render() {
    const expanded = this.open && this.options.length > 0;
    const activeId = expanded && this.active >= 0 ? `mai-commune-opt-${this.active}` : undefined;
    return html`<div class="fr-input-group mai-commune ${this.error ? 'fr-input-group--error' : ''}">
      <label class="fr-label" for="mai-commune-input"
        >${this.label}<span class="fr-hint-text">Tapez le code postal ou le nom, puis choisissez dans la liste (flèches et Entrée).</span></label
      >
      <input
        id="mai-commune-input"
        class="fr-input ${this.error ? 'fr-input--error' : ''}"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls="mai-commune-list"
        aria-activedescendant=${ifDefined(activeId)}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.error ? 'mai-commune-error' : undefined)}
        .value=${this.text}
        @input=${this.onInput}
        @keydown=${this.onKey}
        @blur=${() => setTimeout(() => (this.open = false), 150)}
      />
      <ul id="mai-commune-list" role="listbox" aria-label="Communes" class="mai-commune__list" ?hidden=${!expanded}>
        ${this.options.map(
          (c, i) => html`<li
            id="mai-commune-opt-${i}"
            role="option"
            aria-selected=${i === this.active ? 'true' : 'false'}
            class=${i === this.active ? 'mai-commune__option--active' : ''}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => this.pick(c)}
          >
            ${c.name} <span class="mai-muted">${c.postalCodes.join(', ')}</span>
          </li>`,
        )}
      </ul>
      <p class="fr-sr-only" aria-live="polite">${this.open ? `${this.options.length} commune(s) proposée(s).` : nothing}</p>
      ${this.error ? html`<p class="fr-error-text" id="mai-commune-error">${this.error}</p>` : nothing}
    </div>`;
  }
}

customElements.define('mai-commune-field', MaiCommuneField);
