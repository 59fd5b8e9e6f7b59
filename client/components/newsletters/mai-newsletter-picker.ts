/**
 * <mai-newsletter-picker>: the contents an animator may add to a newsletter
 * (every registered kind: articles, events…), searchable. Leaf: `candidates`
 * and `chosen` in; `mai-picker-search` { q } and `mai-picker-add` { item } out.
 */
import { LitElement, html, nothing } from 'lit';
import type { NewsletterItem } from '../../api/newsletters.js';
import { textField } from '../shared/fields.js';

const key = (i: { kind: string; id: number }) => `${i.kind}:${i.id}`;

export class MaiNewsletterPicker extends LitElement {
  static properties = {
    candidates: { attribute: false },
    chosen: { attribute: false },
    loading: { type: Boolean },
    q: { state: true },
  };

  candidates: NewsletterItem[] = [];
  chosen: NewsletterItem[] = [];
  loading = false;
  q = '';

  createRenderRoot() {
    return this;
  }

  private search(e: Event) {
    e.preventDefault();
    this.dispatchEvent(new CustomEvent('mai-picker-search', { detail: { q: this.q.trim() }, bubbles: true }));
  }

  private add(item: NewsletterItem) {
    this.dispatchEvent(new CustomEvent('mai-picker-add', { detail: { item }, bubbles: true }));
  }

  render() {
    const taken = new Set(this.chosen.map(key));
    const offered = this.candidates.filter((c) => !taken.has(key(c)));
    return html`<form novalidate role="search" aria-label="Chercher un contenu à ajouter" @submit=${this.search}
        @input=${(e: Event) => (this.q = (e.target as HTMLInputElement).value)}>
        ${textField({ id: 'newsletter-content-q', name: 'q', label: 'Chercher un article ou un événement', value: this.q, optional: true, markOptional: false })}
        <button class="fr-btn fr-btn--secondary fr-btn--sm" type="submit">Chercher</button>
      </form>
      <p class="fr-sr-only" role="status">${this.loading ? 'Recherche en cours…' : `${offered.length} contenus proposés`}</p>
      ${
        offered.length
          ? html`<ul class="mai-newsletter-candidates">
              ${offered.map(
                (c) => html`<li class="fr-mb-1w">
                  <span class="fr-badge fr-badge--sm fr-badge--no-icon">${c.kindLabel}</span> <strong>${c.title}</strong>
                  ${c.when ? html`<span class="fr-text--sm"> — ${c.when}</span>` : nothing}
                  <button class="fr-btn fr-btn--sm fr-btn--tertiary fr-ml-1w" type="button" @click=${() => this.add(c)}>
                    Ajouter<span class="fr-sr-only"> « ${c.title} »</span>
                  </button>
                </li>`,
              )}
            </ul>`
          : html`<p>${this.loading ? 'Recherche…' : 'Aucun contenu publié ne correspond.'}</p>`
      }`;
  }
}

customElements.define('mai-newsletter-picker', MaiNewsletterPicker);
