/** <mai-emoji-picker>: "Réagir": a quick row of frequent emoji, then search and every emoji by group (French names). */
import { LitElement, html, nothing } from 'lit';
import { loadEmojiData, quickEmoji, rememberEmoji, searchEmoji, type EmojiData, type EmojiEntry } from './emoji-data.js';

let counter = 0;

/** Leaf: `label` in; `mai-pick` `{ emoji }` out. Échap closes and gives the focus back to the button. */
export class MaiEmojiPicker extends LitElement {
  static properties = {
    label: {},
    open: { state: true },
    data: { state: true },
    failed: { state: true },
    query: { state: true },
    group: { state: true },
  };

  label = 'Réagir';
  open = false;
  data: EmojiData | null = null;
  failed = false;
  query = '';
  group = 0;
  private readonly uid = `mai-emoji-${++counter}`;

  createRenderRoot() {
    return this;
  }

  private toggle() {
    this.open = !this.open;
    if (!this.open) return;
    this.query = '';
    void loadEmojiData().then(
      (d) => ((this.data = d), (this.failed = false)),
      () => (this.failed = true),
    );
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('.mai-emoji__quick button')?.focus());
  }

  private close() {
    this.open = false;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('.mai-emoji__toggle')?.focus());
  }

  private pick(emoji: string) {
    rememberEmoji(emoji);
    this.dispatchEvent(new CustomEvent('mai-pick', { detail: { emoji }, bubbles: true }));
    this.close();
  }

  private onKeydown(e: KeyboardEvent) {
    if (e.key === 'Escape' && this.open) {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    }
  }

  private nameOf(emoji: string): string {
    return this.data?.emoji.find((x) => x[0] === emoji)?.[1] ?? emoji;
  }

  private grid(list: EmojiEntry[]) {
    return html`<div class="mai-emoji__grid">
      ${list.map(([e, name]) => html`<button type="button" class="mai-emoji__btn" title=${name} aria-label=${name} @click=${() => this.pick(e)}>${e}</button>`)}
    </div>`;
  }

  private panel() {
    const d = this.data;
    const found = d && this.query.trim() ? searchEmoji(d, this.query) : null;
    return html`<div class="mai-emoji__panel" role="dialog" aria-label="Choisir une réaction" @keydown=${this.onKeydown}>
      <div class="mai-emoji__quick" role="group" aria-label="Réactions fréquentes">
        ${quickEmoji().map((e) => html`<button type="button" class="mai-emoji__btn" aria-label=${this.nameOf(e)} title=${this.nameOf(e)} @click=${() => this.pick(e)}>${e}</button>`)}
      </div>
      <div class="fr-input-group fr-mb-1w">
        <label class="fr-label fr-text--sm" for=${`${this.uid}-q`}>Rechercher un émoji</label>
        <input class="fr-input" id=${`${this.uid}-q`} type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      </div>
      ${
        this.failed
          ? html`<p class="fr-error-text fr-mt-0">La liste des émojis n’a pas pu être chargée.</p>`
          : !d
            ? html`<p role="status" class="fr-text--sm">Chargement des émojis…</p>`
            : found
              ? html`<p class="fr-sr-only" role="status">${found.length} émoji${found.length > 1 ? 's' : ''} trouvé${found.length > 1 ? 's' : ''}</p>
                ${found.length ? this.grid(found) : html`<p class="fr-text--sm">Aucun émoji ne correspond.</p>`}`
              : html`<div class="fr-select-group fr-mb-1w">
                  <label class="fr-label fr-text--sm" for=${`${this.uid}-g`}>Catégorie</label>
                  <select class="fr-select" id=${`${this.uid}-g`} @change=${(e: Event) => (this.group = Number((e.target as HTMLSelectElement).value))}>
                    ${d.groups.map((g) => html`<option value=${g.id} ?selected=${g.id === this.group}>${g.name}</option>`)}
                  </select>
                </div>
                ${this.grid(d.emoji.filter((x) => x[2] === this.group))}`
      }
      <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" @click=${() => this.close()}>Fermer</button>
    </div>`;
  }

  render() {
    return html`<div class="mai-emoji" @keydown=${this.onKeydown}>
      <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline mai-emoji__toggle" aria-expanded=${this.open ? 'true' : 'false'}
        title=${this.label} @click=${() => this.toggle()}><span aria-hidden="true">🙂</span><span class="fr-sr-only">${this.label}</span></button>
      ${this.open ? this.panel() : nothing}
    </div>`;
  }
}

customElements.define('mai-emoji-picker', MaiEmojiPicker);
