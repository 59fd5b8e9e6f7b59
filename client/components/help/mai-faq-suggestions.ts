/**
 * <mai-faq-suggestions>: while a member types the subject of a hotline request, the FAQ entries that
 * share words with it (GET /api/help/faq?q=, the best first), each one opening in place. Container:
 * asks the server 300 ms after the last keystroke, drops an answer that a newer query overtook, and
 * says how many it found in a polite live region (only when that number changes).
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { FaqEntry } from '../../api/help.js';
import { apiContext } from '../../controllers/contexts.js';
import { renderMarkdown } from '../chat/markdown.js';

const DELAY_MS = 300;

export class MaiFaqSuggestions extends LitElement {
  static properties = {
    query: { type: String },
    items: { state: true },
  };

  /** What the member typed so far. */
  query = '';
  items: FaqEntry[] = [];
  private api = new ContextConsumer(this, { context: apiContext });
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: AbortController | null = null;

  createRenderRoot() {
    return this;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer) clearTimeout(this.timer);
    this.inflight?.abort();
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('query')) return;
    if (this.timer) clearTimeout(this.timer);
    const q = this.query.trim();
    if (q.length < 3) {
      this.inflight?.abort();
      this.items = [];
      return;
    }
    this.timer = setTimeout(() => void this.fetch(q), DELAY_MS);
  }

  private async fetch(q: string) {
    this.inflight?.abort();
    const controller = new AbortController();
    this.inflight = controller;
    try {
      const { items } = await this.api.value!.help.suggest(q, 3, controller.signal);
      if (!controller.signal.aborted) this.items = items;
    } catch {
      // Suggestions are a help, not a step: a failure simply shows none.
      if (!controller.signal.aborted) this.items = [];
    }
  }

  render() {
    const n = this.items.length;
    return html`<div class="mai-faq-suggestions">
      <p class="fr-sr-only" role="status">${n ? `${n} réponse${n > 1 ? 's' : ''} de la foire aux questions ${n > 1 ? 'peuvent' : 'peut'} vous aider.` : ''}</p>
      ${
        n
          ? html`<div class="fr-callout fr-mb-3w">
            <p class="fr-callout__title fr-h6" id="faq-suggestions-title">Ces réponses peuvent vous aider</p>
            <ul class="mai-faq-suggestions__list" aria-labelledby="faq-suggestions-title">
              ${this.items.map(
                (e) => html`<li>
                  <details class="mai-faq-entry">
                    <summary>${e.question}</summary>
                    <div class="mai-faq-answer">${renderMarkdown(e.answer)}</div>
                    <p class="fr-text--sm"><a href=${`/aide#faq-${e.id}`}>Voir dans le centre d’aide</a></p>
                  </details>
                </li>`,
              )}
            </ul>
            <p class="fr-text--sm fr-mb-0">Votre réponse n’y est pas ? Continuez votre demande ci-dessous.</p>
          </div>`
          : nothing
      }
    </div>`;
  }
}

customElements.define('mai-faq-suggestions', MaiFaqSuggestions);
