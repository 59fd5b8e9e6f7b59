/** <mai-my-contents-page> (/mes-contenus): everything I wrote, by status, with "Modifier"; `/mes-contenus/nouveau` and `/mes-contenus/:id` open the editor. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { ArticleDraft, ContentStatus, Sector } from '../../../server/protocol/index.js';
import { apiContext, departmentsContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { PagedList } from '../../controllers/paged-list.js';
import { noticeAlert, selectField, withField, type Notice } from '../shared/fields.js';
import { emptyLine, moreButton } from '../shared/list-states.js';
import { STATUS_LABELS, accessBadge, categoryFilterFields, statusBadge } from './article-view.js';
import '../resources/mai-my-resources.js';
import './mai-article-editor.js';

export class MaiMyContentsPage extends LitElement {
  static properties = { filters: { state: true }, notice: { state: true }, sectors: { state: true } };

  filters = { status: '' as ContentStatus | '', department: '', sector: '' };
  notice: Notice | null = null;
  sectors: Sector[] = [];
  private api = new ContextConsumer(this, { context: apiContext });
  private departments = new StoreController(this, departmentsContext);
  private list = new PagedList<ArticleDraft>(
    this,
    (cursor) => this.api.value!.articles.mine({ ...this.filters, cursor }),
    (err) => (this.notice = { kind: 'error', text: errorMessage(err) }),
  );

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.departments.value?.load();
    void this.api.value!.articles.sectors().then(
      (r) => (this.sectors = r.items),
      () => undefined,
    );
    void this.list.load();
  }

  render() {
    return html`<h1 tabindex="-1">Mes contenus</h1>
      <ul class="fr-btns-group fr-btns-group--inline-sm">
        <li><a class="fr-btn fr-icon-edit-line fr-btn--icon-left" href="/mes-contenus/nouveau">Écrire un article</a></li>
        <li><a class="fr-btn fr-btn--secondary fr-icon-calendar-line fr-btn--icon-left" href="/mes-evenements">Mes événements (statut et inscriptions)</a></li>
      </ul>
      ${noticeAlert(this.notice)}
      <form novalidate role="search" aria-label="Filtrer mes contenus"
        @change=${(e: Event) => ((this.filters = withField(this.filters, e)), void this.list.load())} @submit=${(e: Event) => e.preventDefault()}>
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-4">
            ${selectField({
              id: 'mine-status',
              name: 'status',
              label: 'État',
              value: this.filters.status,
              optional: true,
              markOptional: false,
              placeholder: 'Tous',
              options: (Object.keys(STATUS_LABELS) as ContentStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] })),
            })}
          </div>
          ${categoryFilterFields('mine', this.filters, this.departments.value?.items ?? [], this.sectors)}
        </div>
      </form>
      ${!this.list.loading && !this.list.items.length ? emptyLine('Aucun contenu.') : nothing}
      <div class="fr-table mai-table-scroll" tabindex="0" role="region" aria-label="Mes contenus">
        <table>
          <caption class="fr-sr-only">Mes contenus</caption>
          <thead><tr><th scope="col">Titre</th><th scope="col">Type</th><th scope="col">État</th><th scope="col">Action</th></tr></thead>
          <tbody>
            ${this.list.items.map(
              (a) => html`<tr>
                <td>${a.title}${a.published && a.status !== 'published' ? html`<br /><span class="fr-text--xs">Version en ligne : « ${a.published.title} »</span>` : nothing}
                  ${a.moderationComment && a.status !== 'published' ? html`<br /><span class="fr-text--xs">Commentaire du modérateur : ${a.moderationComment}</span>` : nothing}</td>
                <td>Article ${accessBadge(a.access)}</td>
                <td>${statusBadge(a.status)}</td>
                <td>${a.status === 'rejected' ? nothing : html`<a class="fr-link" href=${`/mes-contenus/${a.id}`}>Modifier<span class="fr-sr-only"> « ${a.title} »</span></a>`}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.list.cursor !== null ? moreButton('Afficher plus', () => this.list.load(true), { loading: this.list.loading }) : nothing}
      <mai-my-resources .status=${this.filters.status}></mai-my-resources>`;
  }
}

customElements.define('mai-my-contents-page', MaiMyContentsPage);
