/** <mai-organisations-page> (/organisations): the directory of organisations, searchable by name or service and by type. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { OrganisationSearch } from '../../api/organisations.js';
import { errorMessage } from '../../api/messages.js';
import type { MyOrganisation, OrganisationSummary } from '../../../server/protocol/index.js';
import { organisationTypeLabel } from '../../../server/protocol/organisation-catalog.js';
import { apiContext } from '../../controllers/contexts.js';
import { PagedList } from '../../controllers/paged-list.js';
import { noticeAlert, selectField, textField, withField, type Notice } from '../shared/fields.js';
import { emptyLine, moreButton } from '../shared/list-states.js';
import { TYPE_OPTIONS } from './organisation-fields.js';
import './mai-organisation-page.js';
import './mai-organisation-members-page.js';

export class MaiOrganisationsPage extends LitElement {
  static properties = { filters: { state: true }, notice: { state: true }, mine: { state: true } };

  filters: Required<Omit<OrganisationSearch, 'cursor'>> = { q: '', type: '' };
  notice: Notice | null = null;
  mine: MyOrganisation | null = null;
  private api = new ContextConsumer(this, { context: apiContext });
  private list = new PagedList<OrganisationSummary>(
    this,
    (cursor) => this.api.value!.organisations.search({ ...this.filters, cursor }),
    (err) => (this.notice = { kind: 'error', text: errorMessage(err) }),
  );

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.list.load();
    void this.api.value!.organisations.mine().then(
      (r) => (this.mine = r.organisation),
      () => undefined,
    );
  }

  render() {
    const f = this.filters;
    return html`<h1 tabindex="-1">Annuaire des organisations</h1>
      ${
        this.mine
          ? html`<p>
            Votre organisation : <a class="fr-link" href=${`/organisations/${this.mine.id}`}>${this.mine.name}</a>
            ${this.mine.managesMembers ? html` — <a class="fr-link" href=${`/organisations/${this.mine.id}/membres`}>Gérer les membres</a>` : nothing}
          </p>`
          : nothing
      }
      ${noticeAlert(this.notice)}
      <form role="search" aria-label="Rechercher une organisation" novalidate
        @input=${(e: Event) => (this.filters = withField(this.filters, e))}
        @change=${(e: Event) => (this.filters = withField(this.filters, e))}
        @submit=${(e: Event) => (e.preventDefault(), void this.list.load())}>
        <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div class="fr-col-12 fr-col-md-6">
            ${textField({ id: 'org-q', name: 'q', label: 'Nom ou service', value: f.q, optional: true, markOptional: false })}
          </div>
          <div class="fr-col-12 fr-col-md-4">
            ${selectField({ id: 'org-type', name: 'type', label: 'Type', value: f.type, options: TYPE_OPTIONS, placeholder: 'Tous les types', optional: true, markOptional: false })}
          </div>
          <div class="fr-col-12 fr-col-md-2"><button class="fr-btn" type="submit">Rechercher</button></div>
        </div>
      </form>
      <p class="fr-sr-only" role="status">${this.list.loading ? '' : `${this.list.items.length} organisation(s) affichée(s).`}</p>
      ${!this.list.loading && !this.list.items.length ? emptyLine('Aucune organisation ne correspond.') : nothing}
      <ul class="mai-plain-list fr-mt-2w">${this.list.items.map((o) => this.line(o))}</ul>
      ${this.list.cursor !== null ? moreButton('Afficher plus d’organisations', () => this.list.load(true), { loading: this.list.loading }) : nothing}
      <p class="fr-mt-4w fr-text--sm">Votre organisation n’y est pas ? <a class="fr-link" href="/demande-organisation">Demander son accès</a></p>`;
  }

  private line(o: OrganisationSummary): TemplateResult {
    return html`<li class="fr-card fr-card--horizontal fr-enlarge-link fr-mb-2w">
      <div class="fr-card__body"><div class="fr-card__content">
        <h2 class="fr-card__title fr-h6"><a href=${`/organisations/${o.id}`}>${o.name}</a></h2>
        <p class="fr-card__desc">${organisationTypeLabel(o.type)} — ${o.commune.name} (${o.commune.departmentCode}) — ${o.memberCount} membre${o.memberCount > 1 ? 's' : ''}</p>
      </div></div>
    </li>`;
  }
}

customElements.define('mai-organisations-page', MaiOrganisationsPage);
