/** <mai-my-resources>: the resources I proposed, in "Mes contenus" (same status filter as the articles), with "Modifier". */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { ContentStatus, ResourceDraft } from '../../../server/protocol/index.js';
import { apiContext } from '../../controllers/contexts.js';
import { PagedList } from '../../controllers/paged-list.js';
import { noticeAlert, type Notice } from '../shared/fields.js';
import { emptyLine, moreButton } from '../shared/list-states.js';
import { accessBadge, statusBadge } from '../publishing/article-view.js';
import { typeLabel } from './resource-view.js';

export class MaiMyResources extends LitElement {
  static properties = { status: {}, notice: { state: true } };

  status: ContentStatus | '' = '';
  notice: Notice | null = null;
  private api = new ContextConsumer(this, { context: apiContext });
  private list = new PagedList<ResourceDraft>(
    this,
    (cursor) => this.api.value!.resources.mine({ status: this.status, cursor }),
    (err) => (this.notice = { kind: 'error', text: errorMessage(err) }),
  );

  createRenderRoot() {
    return this;
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('status')) void this.list.load();
  }

  render() {
    return html`<h2 class="fr-h4 fr-mt-6w" id="my-resources-title">Mes ressources</h2>
      <p><a class="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left" href="/ressources/nouvelle">Proposer une ressource</a></p>
      ${noticeAlert(this.notice)}
      ${!this.list.loading && !this.list.items.length ? emptyLine('Aucune ressource.') : nothing}
      ${
        this.list.items.length
          ? html`<div class="fr-table mai-table-scroll" tabindex="0" role="region" aria-labelledby="my-resources-title">
            <table>
              <caption class="fr-sr-only">Mes ressources</caption>
              <thead><tr><th scope="col">Titre</th><th scope="col">Type</th><th scope="col">État</th><th scope="col">Action</th></tr></thead>
              <tbody>
                ${this.list.items.map(
                  (r) => html`<tr>
                    <td>${r.published ? html`<a href=${`/ressources/${r.id}`}>${r.title}</a>` : r.title}${r.published && r.status !== 'published' ? html`<br /><span class="fr-text--xs">Version en ligne : « ${r.published.title} »</span>` : nothing}
                      ${r.moderationComment && r.status !== 'published' ? html`<br /><span class="fr-text--xs">Commentaire du modérateur : ${r.moderationComment}</span>` : nothing}</td>
                    <td>${typeLabel(r.type)} ${accessBadge(r.access)}</td>
                    <td>${statusBadge(r.status)}</td>
                    <td>${r.status === 'rejected' ? nothing : html`<a class="fr-link" href=${`/ressources/${r.id}/modifier`}>Modifier<span class="fr-sr-only"> « ${r.title} »</span></a>`}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
          : nothing
      }
      ${this.list.cursor !== null ? moreButton('Afficher plus de ressources', () => this.list.load(true), { loading: this.list.loading }) : nothing}`;
  }
}

customElements.define('mai-my-resources', MaiMyResources);
