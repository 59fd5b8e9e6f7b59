/**
 * <mai-search-page> (`/recherche?q=&type=&tri=`): the results of the one
 * search, every type at once (the first five of each) or one type page by page.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { SearchHit, SearchOverview, SearchSort, SearchType } from '../../api/search.js';
import { apiContext, routerContext } from '../../controllers/contexts.js';
import { PagedList } from '../../controllers/paged-list.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { Router } from '../../state/router.js';
import { alertBox } from '../shared/fields.js';
import { emptyLine, loadingLine, moreButton } from '../shared/list-states.js';
import { announce } from '../shared/focus.js';
import { hitItem, SEARCH_TYPE_LABELS } from './search-hit.js';

const TYPES = Object.keys(SEARCH_TYPE_LABELS) as SearchType[];

/** Container over GET /api/search and GET /api/search/:type; the address holds the query (back and forward work). */
export class MaiSearchPage extends LitElement {
  static properties = {
    text: { state: true },
    overview: { state: true },
    loading: { state: true },
    error: { state: true },
  };

  /** What is typed in the box (kept as typed on an error). */
  text = '';
  overview: SearchOverview | null = null;
  loading = false;
  error = '';
  private readonly api = new ContextConsumer(this, { context: apiContext });
  private readonly router = new StoreController<Router>(this, routerContext);
  private searched = '';
  private readonly results = new PagedList<SearchHit>(
    this,
    (cursor) => this.api.value!.search.page(this.type!, this.q, this.sort, (cursor as string | null) ?? null),
    (err) => (this.error = errorMessage(err)),
  );

  createRenderRoot() {
    return this;
  }

  private get q(): string {
    return this.router.value?.query.get('q')?.trim() ?? '';
  }

  private get type(): SearchType | null {
    const t = this.router.value?.query.get('type') as SearchType | null;
    return t && TYPES.includes(t) ? t : null;
  }

  private get sort(): SearchSort {
    return this.router.value?.query.get('tri') === 'recent' ? 'newest' : 'relevance';
  }

  /** Searches again whenever the address changes (a submit, a tab, back/forward). */
  protected willUpdate(): void {
    const key = `${this.q}|${this.type}|${this.sort}`;
    if (!this.router.value || key === this.searched) return;
    this.searched = key;
    this.text = this.q;
    void this.load();
  }

  private async load(): Promise<void> {
    this.error = '';
    this.overview = null;
    if (!this.q) return;
    if (this.type) {
      if (await this.results.load())
        announce(this.results.items.length ? `${this.results.items.length} résultats affichés.` : 'Aucun résultat.');
      return;
    }
    this.loading = true;
    try {
      this.overview = await this.api.value!.search.overview(this.q, this.sort);
      const n = this.overview.sections.reduce((x, s) => x + s.items.length, 0);
      announce(n ? `${n} résultats affichés.` : 'Aucun résultat.');
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.loading = false;
    }
  }

  private href(o: { q?: string; type?: SearchType | null; sort?: SearchSort }): string {
    const p = new URLSearchParams({ q: o.q ?? this.q });
    const type = o.type === undefined ? this.type : o.type;
    if (type) p.set('type', type);
    if ((o.sort ?? this.sort) === 'newest') p.set('tri', 'recent');
    return `/recherche?${p}`;
  }

  private submit(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const sort = (form.elements.namedItem('tri') as HTMLSelectElement).value === 'recent' ? 'newest' : 'relevance';
    this.router.value?.navigate(this.href({ q: this.text.trim(), sort }));
  }

  private form() {
    return html`<form role="search" aria-label="Rechercher dans Maillage" class="mai-search-form" novalidate @submit=${this.submit}>
      <div class="fr-search-bar">
        <label class="fr-label" for="search-q">Rechercher</label>
        <input class="fr-input" id="search-q" name="q" type="search" maxlength="300" placeholder="Rechercher" .value=${this.text}
          aria-describedby="search-help" @input=${(e: Event) => (this.text = (e.target as HTMLInputElement).value)} />
        <button class="fr-btn" type="submit" title="Rechercher">Rechercher</button>
      </div>
      <div class="fr-select-group">
        <label class="fr-label" for="search-sort">Trier par</label>
        <select class="fr-select" id="search-sort" name="tri" .value=${this.sort === 'newest' ? 'recent' : 'pertinence'}
          @change=${(e: Event) => this.router.value?.navigate(this.href({ sort: (e.target as HTMLSelectElement).value === 'recent' ? 'newest' : 'relevance' }))}>
          <option value="pertinence" ?selected=${this.sort === 'relevance'}>Pertinence</option>
          <option value="recent" ?selected=${this.sort === 'newest'}>Plus récents</option>
        </select>
      </div>
    </form>
    <p class="fr-hint-text mai-search-help" id="search-help">
      Dans les messages : <code>de:@nom</code>, <code>dans:#salon</code>, <code>avant:2026-03-31</code>, <code>après:01/01/2026</code>.
    </p>`;
  }

  private tabs() {
    const types = this.overview?.sections.map((s) => s.type) ?? TYPES;
    return html`<nav class="mai-tabs" aria-label="Types de résultats">
      <ul>
        <li><a href=${this.href({ type: null })} aria-current=${this.type ? nothing : 'page'}>Tout</a></li>
        ${types.map((t) => html`<li><a href=${this.href({ type: t })} aria-current=${this.type === t ? 'page' : nothing}>${SEARCH_TYPE_LABELS[t]}</a></li>`)}
      </ul>
    </nav>`;
  }

  private sections() {
    if (this.loading) return loadingLine('Recherche en cours…');
    const sections = this.overview?.sections.filter((s) => s.items.length) ?? [];
    if (this.overview && !sections.length) return emptyLine(`Aucun résultat pour « ${this.q} ».`);
    return sections.map(
      (s) => html`<section class="fr-mb-4w" aria-labelledby=${`search-${s.type}`}>
        <h2 class="fr-h5" id=${`search-${s.type}`}>${SEARCH_TYPE_LABELS[s.type]}</h2>
        <ul class="mai-hit-list">${s.items.map((h) => hitItem(h))}</ul>
        ${s.hasMore ? html`<p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href=${this.href({ type: s.type })}>Tous les résultats : ${SEARCH_TYPE_LABELS[s.type].toLowerCase()}</a></p>` : nothing}
      </section>`,
    );
  }

  private onePage() {
    const { items, cursor, loading } = this.results;
    return html`<h2 class="fr-h5">${SEARCH_TYPE_LABELS[this.type!]}</h2>
      ${!loading && !items.length && !this.error ? emptyLine(`Aucun résultat pour « ${this.q} ».`) : nothing}
      <ul class="mai-hit-list">${items.map((h) => hitItem(h))}</ul>
      ${loading ? loadingLine('Recherche en cours…') : nothing}
      ${cursor && !loading ? moreButton('Afficher plus de résultats', () => this.results.load(true)) : nothing}`;
  }

  render() {
    return html`<h1 tabindex="-1">Recherche</h1>
      ${this.form()}
      ${this.error ? alertBox('error', this.error) : nothing}
      ${this.q ? html`${this.tabs()}${this.type ? this.onePage() : this.sections()}` : emptyLine('Tapez un ou plusieurs mots : messages, publications, documents, ressources, événements, groupes et personnes.')}`;
  }
}

customElements.define('mai-search-page', MaiSearchPage);
