/**
 * <mai-resources-page> (/ressources): the network's library. Members see public
 * and pro resources, visitors public ones; every field filters, four orders
 * (date, title, application, popularity), page by page.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { ResourceApplication, ResourceSummary, Sector } from '../../../server/protocol/index.js';
import { apiContext, departmentsContext, sessionContext } from '../../controllers/contexts.js';
import { PagedList } from '../../controllers/paged-list.js';
import { StoreController } from '../../controllers/store-controller.js';
import { noticeAlert, selectField, textField, withField, type Notice } from '../shared/fields.js';
import { emptyLine, moreButton, srStatus } from '../shared/list-states.js';
import { focusAfter } from '../shared/focus.js';
import { accessBadge, publishedOn } from '../publishing/article-view.js';
import { FORMAT_OPTIONS, THEME_OPTIONS, TYPE_OPTIONS, resourceTags } from './resource-view.js';

const EMPTY = { q: '', type: '', format: '', theme: '', application: '', department: '', sector: '', access: '', sort: 'date' };
const SORTS = [
  { value: 'date', label: 'Les plus récentes' },
  { value: 'title', label: 'Titre (A → Z)' },
  { value: 'application', label: 'Application' },
  { value: 'popularity', label: 'Les plus consultées' },
];

export class MaiResourcesPage extends LitElement {
  static properties = { filters: { state: true }, notice: { state: true }, sectors: { state: true }, applications: { state: true } };

  filters = { ...EMPTY };
  notice: Notice | null = null;
  sectors: Sector[] = [];
  applications: ResourceApplication[] = [];
  private api = new ContextConsumer(this, { context: apiContext });
  private session = new StoreController(this, sessionContext);
  private departments = new StoreController(this, departmentsContext);
  private list = new PagedList<ResourceSummary>(
    this,
    (cursor) => this.api.value!.resources.list({ ...this.filters, cursor }, !!this.session.value?.user),
    (err) => (this.notice = { kind: 'error', text: errorMessage(err) }),
  );

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.departments.value?.load();
    void this.list.load();
    const api = this.api.value!;
    void api.articles.sectors().then(
      (r) => (this.sectors = r.items),
      () => undefined,
    );
    void api.resources.applications().then(
      (r) => (this.applications = r.items),
      () => undefined,
    );
  }

  private async apply(e: Event) {
    e.preventDefault();
    this.notice = null;
    if (await this.list.load()) void focusAfter(this, '#resources-results', `${this.list.items.length} ressource(s) affichée(s).`);
  }

  private select(
    id: string,
    name: keyof typeof EMPTY,
    label: string,
    options: { value: string; label: string }[],
    placeholder: string | null = 'Tous',
  ) {
    return html`<div class="fr-col-12 fr-col-sm-6 fr-col-md-3">
      ${selectField({ id, name, label, value: this.filters[name], optional: true, markOptional: false, placeholder: placeholder ?? undefined, options })}
    </div>`;
  }

  render() {
    const signedIn = !!this.session.value?.user;
    return html`<h1 tabindex="-1">Ressources</h1>
      <p>${signedIn ? 'Fiches atelier, tutoriels, outils et guides partagés par le réseau, publics et réservés aux membres.' : 'Fiches atelier, tutoriels, outils et guides partagés par le réseau Maillage.'}</p>
      ${
        signedIn
          ? html`<ul class="fr-btns-group fr-btns-group--inline-md">
            <li><a class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left" href="/ressources/nouvelle">Proposer une ressource</a></li>
            <li><a class="fr-btn fr-btn--tertiary" href="/mes-contenus">Mes contenus</a></li>
          </ul>`
          : nothing
      }
      ${noticeAlert(this.notice)}
      <form role="search" aria-label="Filtrer les ressources" novalidate
        @input=${(e: Event) => (this.filters = withField(this.filters, e))}
        @change=${(e: Event) => (this.filters = withField(this.filters, e))}
        @submit=${(e: Event) => this.apply(e)}>
        <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div class="fr-col-12 fr-col-md-6">${textField({ id: 'resources-q', name: 'q', label: 'Mots-clés', value: this.filters.q, optional: true, markOptional: false })}</div>
          ${this.select('resources-sort', 'sort', 'Trier par', SORTS, null)}
          ${this.select('resources-type', 'type', 'Type', TYPE_OPTIONS)}
          ${this.select('resources-format', 'format', 'Format', FORMAT_OPTIONS)}
          ${this.select('resources-theme', 'theme', 'Thème', THEME_OPTIONS)}
          ${this.select(
            'resources-application',
            'application',
            'Application',
            this.applications.map((a) => ({ value: String(a.id), label: a.name })),
            'Toutes',
          )}
          ${this.select(
            'resources-department',
            'department',
            'Département',
            (this.departments.value?.items ?? []).map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` })),
          )}
          ${this.select(
            'resources-sector',
            'sector',
            'Secteur',
            this.sectors.map((s) => ({ value: String(s.id), label: s.name })),
          )}
          ${
            signedIn
              ? this.select('resources-access', 'access', 'Accès', [
                  { value: 'public', label: 'Public' },
                  { value: 'pro', label: 'Réservé aux membres' },
                ])
              : nothing
          }
          <div class="fr-col-12 fr-col-md-3"><button class="fr-btn" type="submit">Filtrer</button></div>
        </div>
      </form>
      <div id="resources-results" tabindex="-1">
        ${this.list.loading ? srStatus('Chargement des ressources…') : nothing}
        ${!this.list.loading && !this.list.items.length ? emptyLine('Aucune ressource publiée ne correspond.') : nothing}
        <ul class="mai-plain-list fr-mt-2w">
          ${this.list.items.map(
            (r) => html`<li class="fr-card fr-enlarge-link fr-mb-2w">
              <div class="fr-card__body"><div class="fr-card__content">
                <h2 class="fr-card__title fr-h5"><a href=${`/ressources/${r.id}`}>${r.title}</a></h2>
                <p class="fr-card__desc mai-pre-line">${r.description}</p>
                <div class="fr-card__start">${accessBadge(r.access)} ${resourceTags(r)}</div>
                <p class="fr-card__detail">${r.author.displayName}, le ${publishedOn(r.publishedAt)} · ${r.opens} ouverture(s) · ${r.favorites} favori(s)</p>
              </div></div>
            </li>`,
          )}
        </ul>
      </div>
      ${this.list.cursor !== null ? moreButton('Afficher plus de ressources', () => this.list.load(true), { loading: this.list.loading }) : nothing}
      ${signedIn ? nothing : html`<p class="fr-mt-4w">Professionnel du réseau ? <a class="fr-link" href="/inscription">Créez votre compte</a> pour consulter aussi les ressources réservées aux membres.</p>`}`;
  }
}

customElements.define('mai-resources-page', MaiResourcesPage);
