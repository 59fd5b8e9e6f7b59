/**
 * <mai-news-page> (/actualites): published articles, the public home for
 * visitors (public ones only) and the list of every published article for
 * members; filters by département and sector.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import type { ArticleFilters } from '../../api/articles.js';
import { errorMessage } from '../../api/messages.js';
import type { ArticleSummary, Sector } from '../../../server/protocol/index.js';
import { apiContext, departmentsContext, sessionContext } from '../../controllers/contexts.js';
import { PagedList } from '../../controllers/paged-list.js';
import { StoreController } from '../../controllers/store-controller.js';
import { noticeAlert, selectField, textField, withField, type Notice } from '../shared/fields.js';
import { emptyLine, moreButton } from '../shared/list-states.js';
import { accessBadge, categoryTags, publishedOn } from './article-view.js';
import './mai-article-page.js';

export class MaiNewsPage extends LitElement {
  static properties = { filters: { state: true }, notice: { state: true }, sectors: { state: true } };

  filters: Required<Pick<ArticleFilters, 'q' | 'department'>> & { sector: string } = { q: '', department: '', sector: '' };
  notice: Notice | null = null;
  sectors: Sector[] = [];
  private api = new ContextConsumer(this, { context: apiContext });
  private session = new StoreController(this, sessionContext);
  private departments = new StoreController(this, departmentsContext);
  private list = new PagedList<ArticleSummary>(
    this,
    (cursor) => this.api.value!.articles.list({ ...this.filters, cursor }, !!this.session.value?.user),
    (err) => (this.notice = { kind: 'error', text: errorMessage(err) }),
  );

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.departments.value?.load();
    void this.list.load();
    void this.api.value!.articles.sectors().then(
      (r) => (this.sectors = r.items),
      () => undefined,
    );
  }

  render() {
    const f = this.filters;
    const signedIn = !!this.session.value?.user;
    return html`<h1 tabindex="-1">Actualités</h1>
      <p>${signedIn ? 'Les articles publiés par le réseau, publics et réservés aux membres.' : 'Les articles publiés par le réseau Maillage.'}</p>
      ${
        signedIn
          ? html`<ul class="fr-btns-group fr-btns-group--inline-md">
            <li><a class="fr-btn fr-btn--secondary fr-icon-edit-line fr-btn--icon-left" href="/mes-contenus/nouveau">Écrire un article</a></li>
            <li><a class="fr-btn fr-btn--tertiary" href="/mes-contenus">Mes contenus</a></li>
            <li><a class="fr-btn fr-btn--tertiary" href="/moderation">Modération</a></li>
          </ul>`
          : nothing
      }
      ${noticeAlert(this.notice)}
      <form role="search" aria-label="Filtrer les articles" novalidate
        @input=${(e: Event) => (this.filters = withField(this.filters, e))}
        @change=${(e: Event) => (this.filters = withField(this.filters, e))}
        @submit=${(e: Event) => (e.preventDefault(), void this.list.load())}>
        <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div class="fr-col-12 fr-col-md-4">${textField({ id: 'news-q', name: 'q', label: 'Mots-clés', value: f.q, optional: true, markOptional: false })}</div>
          <div class="fr-col-12 fr-col-md-3">
            ${selectField({
              id: 'news-department',
              name: 'department',
              label: 'Département',
              value: f.department,
              optional: true,
              markOptional: false,
              placeholder: 'Tous',
              options: (this.departments.value?.items ?? []).map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` })),
            })}
          </div>
          <div class="fr-col-12 fr-col-md-3">
            ${selectField({
              id: 'news-sector',
              name: 'sector',
              label: 'Secteur',
              value: f.sector,
              optional: true,
              markOptional: false,
              placeholder: 'Tous',
              options: this.sectors.map((s) => ({ value: String(s.id), label: s.name })),
            })}
          </div>
          <div class="fr-col-12 fr-col-md-2"><button class="fr-btn" type="submit">Filtrer</button></div>
        </div>
      </form>
      ${!this.list.loading && !this.list.items.length ? emptyLine('Aucun article publié ne correspond.') : nothing}
      <ul class="mai-plain-list fr-mt-2w">
        ${this.list.items.map(
          (a) => html`<li class="fr-card fr-enlarge-link fr-mb-2w">
            <div class="fr-card__body"><div class="fr-card__content">
              <h2 class="fr-card__title fr-h5"><a href=${`/actualites/${a.id}`}>${a.title}</a></h2>
              <p class="fr-card__desc">${a.summary}</p>
              <div class="fr-card__start">${accessBadge(a.access)} ${categoryTags(a.departmentCodes, a.sectors)}</div>
              <p class="fr-card__detail">${a.author.displayName}, le ${publishedOn(a.publishedAt)}</p>
            </div></div>
          </li>`,
        )}
      </ul>
      ${this.list.cursor !== null ? moreButton('Afficher plus d’articles', () => this.list.load(true), { loading: this.list.loading }) : nothing}
      ${signedIn ? nothing : html`<p class="fr-mt-4w">Professionnel du service public ? <a class="fr-link" href="/inscription">Créez votre compte</a> pour lire aussi les articles réservés aux membres.</p>`}`;
  }
}

customElements.define('mai-news-page', MaiNewsPage);
