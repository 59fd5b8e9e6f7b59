/** <mai-resource-page> (/ressources/:id): a published resource, its file or link (counted), a star for members. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { ResourceSummary } from '../../../server/protocol/index.js';
import { apiContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { alertBox } from '../shared/fields.js';
import { loadingLine } from '../shared/list-states.js';
import { accessBadge, publishedOn } from '../publishing/article-view.js';
import '../favorites/mai-favorite-button.js';
import './mai-resource-recommend.js';
import { openLabel, resourceTags } from './resource-view.js';

export class MaiResourcePage extends LitElement {
  static properties = { resourceId: { type: Number }, resource: { state: true }, missing: { state: true }, failed: { state: true } };

  resourceId = 0;
  resource: ResourceSummary | null = null;
  missing = false;
  failed = '';
  private api = new ContextConsumer(this, { context: apiContext });
  private session = new StoreController(this, sessionContext);

  createRenderRoot() {
    return this;
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('resourceId') && this.resourceId) void this.load();
  }

  private async load() {
    try {
      this.resource = await this.api.value!.resources.read(this.resourceId, !!this.session.value?.user);
      document.title = `${this.resource.title} — Maillage`;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        this.missing = true;
        document.title = 'Page non trouvée — Maillage';
      } else this.failed = errorMessage(err);
    }
  }

  /** The count moves at once: the opening itself goes to the server through the link. */
  private opened() {
    if (this.resource) this.resource = { ...this.resource, opens: this.resource.opens + 1 };
  }

  render() {
    const user = this.session.value?.user;
    if (this.missing) {
      return html`<h1 tabindex="-1">Page non trouvée</h1>
        <p>Cette ressource n’existe pas, n’est plus publiée, ou elle est réservée aux membres du réseau.</p>
        <p><a class="fr-link" href="/ressources">Toutes les ressources</a>${user ? nothing : html` — <a class="fr-link" href="/connexion">Se connecter</a>`}</p>`;
    }
    if (this.failed) return html`<h1 tabindex="-1">Ressource</h1>${alertBox('error', this.failed)}`;
    const r = this.resource;
    if (!r) return loadingLine('Chargement de la ressource…');
    const external = r.format !== 'file';
    return html`<nav class="fr-breadcrumb" aria-label="vous êtes ici :"><ol class="fr-breadcrumb__list">
        <li><a class="fr-breadcrumb__link" href="/ressources">Ressources</a></li>
        <li><a class="fr-breadcrumb__link" aria-current="page">${r.title}</a></li>
      </ol></nav>
      <article class="mai-article">
        <h1 tabindex="-1">${r.title}</h1>
        <p class="mai-article__meta">${accessBadge(r.access)} <span class="fr-text--sm">${r.author.displayName}, le ${publishedOn(r.publishedAt)}</span></p>
        ${resourceTags(r)}
        <p class="mai-pre-line">${r.description}</p>
        ${external && r.url ? html`<p class="fr-text--sm">Adresse : ${r.url}</p>` : nothing}
        <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
          <li><a class="fr-btn ${external ? 'fr-icon-external-link-line' : 'fr-icon-download-line'}" href=${r.openUrl}
            target=${external ? '_blank' : '_self'} rel="noopener noreferrer" ?download=${!external} @click=${this.opened}
            title=${external ? `${openLabel(r)} — nouvelle fenêtre` : openLabel(r)}>${openLabel(r)}</a></li>
          ${user ? html`<li><mai-favorite-button kind="resource" .targetId=${r.id} .label=${r.title}></mai-favorite-button></li>` : nothing}
          ${user?.id === r.author.id ? html`<li><a class="fr-btn fr-btn--secondary" href=${`/ressources/${r.id}/modifier`}>Modifier</a></li>` : nothing}
        </ul>
        <p class="fr-text--sm mai-muted">${r.opens} ouverture(s) · ${r.favorites} membre(s) l’ont en favori</p>
        ${r.sourceDocument ? html`<p class="fr-text--sm">Versée depuis <a class="fr-link" href=${`/documents/${r.sourceDocument.id}`}>un document de groupe</a>.</p>` : nothing}
      </article>
      ${user ? html`<mai-resource-recommend .resourceId=${r.id}></mai-resource-recommend>` : nothing}`;
  }
}

customElements.define('mai-resource-page', MaiResourcePage);
