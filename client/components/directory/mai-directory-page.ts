/** <mai-directory-page> (/annuaire): the member directory, searched by name and filtered by place, role and employer. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { DirectoryFilters, Member } from '../../api/groups.js';
import { apiContext, departmentsContext, routerContext } from '../../controllers/contexts.js';
import { PagedList } from '../../controllers/paged-list.js';
import { StoreController } from '../../controllers/store-controller.js';
import { alertBox, selectField, textField, withField } from '../shared/fields.js';
import { departmentOptions } from '../accounts/account-fields.js';
import { emptyLine, moreButton } from '../shared/list-states.js';
import { ROLE_LABELS, ROLE_OPTIONS } from '../shared/labels.js';
import { directoryTabs } from './tabs.js';

/** Container over GET /api/directory. */
export class MaiDirectoryPage extends LitElement {
  static properties = {
    filters: { state: true },
    error: { state: true },
    regions: { state: true },
    searched: { state: true },
  };

  filters: Required<Omit<DirectoryFilters, 'cursor'>> = {
    q: '',
    departmentCode: '',
    regionCode: '',
    role: '',
    employer: '',
    professional: '',
  };
  error = '';
  regions: { code: string; name: string }[] = [];
  searched = false;
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });
  private departments = new StoreController(this, departmentsContext);
  private results = new PagedList<Member>(
    this,
    (cursor) => this.api.value!.groups.directory({ ...this.filters, cursor: cursor as string | null }),
    (err) => (this.error = errorMessage(err)),
  );

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.departments.value?.load();
    void this.api.value?.http
      .get<{ code: string; name: string }[]>('/api/regions')
      .then((r) => (this.regions = r))
      .catch(() => {});
    void this.search();
  }

  private async search(more = false) {
    this.error = '';
    if (await this.results.load(more)) this.searched = true;
  }

  private onFilter(e: Event) {
    this.filters = withField(this.filters, e);
  }

  private row(m: Member) {
    return html`<li class="mai-person-row">
      <div>
        <p class="fr-mb-0"><a href=${`/membres/${m.id}`}><strong>${m.displayName}</strong></a>
          ${m.role !== 'member' ? html`<span class="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">${ROLE_LABELS[m.role]}</span>` : nothing}
          ${m.professional ? html`<span class="fr-badge fr-badge--sm fr-badge--success fr-badge--no-icon">Professionnel</span>` : nothing}</p>
        <p class="fr-text--sm fr-mb-0 mai-muted">${[m.jobTitle, m.employer, this.departments.value?.label(m.departmentCode)].filter(Boolean).join(' · ')}</p>
      </div>
      <button class="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-chat-3-line fr-btn--icon-left" type="button" aria-label=${`Écrire à ${m.displayName}`}
        @click=${() => this.router.value?.navigate(`/discussions?dm=${m.id}`)}>Écrire</button>
    </li>`;
  }

  render() {
    const f = this.filters;
    const { items: members, cursor, loading } = this.results;
    const deps = (this.departments.value?.items ?? []).filter((d) => !f.regionCode || d.regionCode === f.regionCode);
    return html`<h1 tabindex="-1">Annuaire des membres</h1>
      ${directoryTabs('directory')}
      <form role="search" aria-label="Rechercher des membres" novalidate @input=${this.onFilter} @change=${this.onFilter}
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.search();
        }}>
        <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div class="fr-col-12 fr-col-md-4">${textField({ id: 'dir-q', name: 'q', label: 'Nom', type: 'search', value: f.q ?? '', optional: true, markOptional: false })}</div>
          <div class="fr-col-12 fr-col-md-4">${textField({ id: 'dir-employer', name: 'employer', label: 'Employeur', value: f.employer ?? '', optional: true, markOptional: false })}</div>
          <div class="fr-col-12 fr-col-md-4">${selectField({ id: 'dir-role', name: 'role', label: 'Rôle', value: f.role ?? '', optional: true, markOptional: false, placeholder: 'Tous', options: ROLE_OPTIONS })}</div>
          <div class="fr-col-12 fr-col-md-4">${selectField({ id: 'dir-region', name: 'regionCode', label: 'Région', value: f.regionCode ?? '', optional: true, markOptional: false, placeholder: 'Toutes', options: this.regions.map((r) => ({ value: r.code, label: r.name })) })}</div>
          <div class="fr-col-12 fr-col-md-4">${selectField({ id: 'dir-dep', name: 'departmentCode', label: 'Département', value: f.departmentCode ?? '', optional: true, markOptional: false, placeholder: 'Tous', options: departmentOptions(deps) })}</div>
          <div class="fr-col-12 fr-col-md-4">${selectField({ id: 'dir-professional', name: 'professional', label: 'Type de compte', value: f.professional ?? '', optional: true, markOptional: false, placeholder: 'Tous', options: [{ value: 'true', label: 'Professionnels uniquement' }] })}</div>
          <div class="fr-col-12 fr-col-md-4 fr-mb-3w"><button class="fr-btn" type="submit" ?disabled=${loading}>${loading ? 'Recherche en cours…' : 'Rechercher'}</button></div>
        </div>
      </form>
      ${this.error ? alertBox('error', this.error) : nothing}
      ${this.searched && !members.length && !loading ? emptyLine('Aucun membre ne correspond à ces critères.') : nothing}
      <ul class="mai-person-list" aria-label="Membres trouvés">${members.map((m) => this.row(m))}</ul>
      ${cursor ? moreButton('Afficher plus de membres', () => this.search(true), { loading, loadingLabel: 'Chargement…' }) : nothing}`;
  }
}

customElements.define('mai-directory-page', MaiDirectoryPage);
