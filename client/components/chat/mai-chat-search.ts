/**
 * <mai-chat-search>: the chat's search panel, over the messages of my channels
 * (this channel by default); a result opens its message in its channel.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { SearchHit } from '../../api/search.js';
import { apiContext } from '../../controllers/contexts.js';
import { PagedList } from '../../controllers/paged-list.js';
import { alertBox } from '../shared/fields.js';
import { announce } from '../shared/focus.js';
import { emptyLine, loadingLine, moreButton } from '../shared/list-states.js';
import { hitItem } from '../search/search-hit.js';

/** Container: `channelSlug`, `channelLabel` in; `mai-close` out (Échap or the close button). */
export class MaiChatSearch extends LitElement {
  static properties = {
    channelSlug: {},
    channelLabel: {},
    text: { state: true },
    here: { state: true },
    error: { state: true },
    searched: { state: true },
  };

  channelSlug = '';
  channelLabel = '';
  text = '';
  here = true;
  error = '';
  searched = '';
  private readonly api = new ContextConsumer(this, { context: apiContext });
  private readonly results = new PagedList<SearchHit>(
    this,
    (cursor) => this.api.value!.search.page('messages', this.searched, 'newest', (cursor as string | null) ?? null),
    (err) => (this.error = errorMessage(err)),
  );

  createRenderRoot() {
    return this;
  }

  firstUpdated(): void {
    this.querySelector<HTMLInputElement>('#chat-search-q')?.focus();
  }

  private async submit(e: Event) {
    e.preventDefault();
    const text = this.text.trim();
    if (!text) return;
    this.error = '';
    this.searched = this.here && this.channelSlug && !/(^|\s)dans:/i.test(text) ? `dans:#${this.channelSlug} ${text}` : text;
    if (await this.results.load()) {
      const n = this.results.items.length;
      announce(n ? `${n} message${n > 1 ? 's' : ''} trouvé${n > 1 ? 's' : ''}.` : 'Aucun message trouvé.');
    }
  }

  private close() {
    this.dispatchEvent(new CustomEvent('mai-close', { bubbles: true }));
  }

  render() {
    const { items, cursor, loading } = this.results;
    return html`<section class="mai-chat-search" aria-label="Rechercher dans les messages"
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.close()}>
      <form role="search" novalidate @submit=${this.submit}>
        <div class="fr-search-bar">
          <label class="fr-label" for="chat-search-q">Rechercher dans les messages</label>
          <input class="fr-input" id="chat-search-q" type="search" maxlength="300" placeholder="Mots, de:@nom, avant:2026-01-31"
            .value=${this.text} @input=${(e: Event) => (this.text = (e.target as HTMLInputElement).value)} />
          <button class="fr-btn" type="submit" title="Rechercher">Rechercher</button>
        </div>
        <div class="fr-checkbox-group fr-checkbox-group--sm fr-mt-1w">
          <input type="checkbox" id="chat-search-here" .checked=${this.here} @change=${(e: Event) => (this.here = (e.target as HTMLInputElement).checked)} />
          <label class="fr-label" for="chat-search-here">Seulement dans ${this.channelLabel}</label>
        </div>
      </form>
      ${this.error ? alertBox('error', this.error) : nothing}
      ${this.searched && !loading && !items.length && !this.error ? emptyLine('Aucun message trouvé.') : nothing}
      <ul class="mai-hit-list" aria-label="Messages trouvés">${items.map((h) => hitItem(h))}</ul>
      ${loading ? loadingLine('Recherche en cours…') : nothing}
      ${cursor && !loading ? moreButton('Afficher plus de messages', () => this.results.load(true)) : nothing}
      <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" type="button" @click=${this.close}>Fermer la recherche</button>
    </section>`;
  }
}

customElements.define('mai-chat-search', MaiChatSearch);
