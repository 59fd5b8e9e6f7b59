/** <mai-directory-page> (/annuaire): the member directory, searched by name and filtered by place, role and employer. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { DirectoryFilters, Member } from '../../api/groups.js';
import { apiContext, departmentsContext, routerContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { alertBox, fieldValue, selectField, textField } from '../fields.js';
import { ROLE_LABELS, ROLE_OPTIONS } from '../labels.js';
import { directoryTabs } from './tabs.js';

/** Container over GET /api/directory. */
export class MaiDirectoryPage extends LitElement {
  static properties = {
    filters: { state: true },
    members: { state: true },
    cursor: { state: true },
    loading: { state: true },
    error: { state: true },
    regions: { state: true },
    searched: { state: true },
  };

  filters: Required<Omit<DirectoryFilters, 'cursor'>> = { q: '', departmentCode: '', regionCode: '', role: '', employer: '' };
  members: Member[] = [];
  cursor: string | number | null = null;
  loading = false;
  error = '';
  regions: { code: string; name: string }[] = [];
  searched = false;
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });
  private departments = new StoreController(this, departmentsContext);

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.departments.value?.load();
    void this.api.value?.http.get<{ code: string; name: string }[]>('/api/regions').then((r) => (this.regions = r)).catch(() => {});
    void this.search();
  }

  private async search(more = false) {
    this.loading = true;
    this.error = '';
    try {
      const page = await this.api.value!.groups.directory({ ...this.filters, cursor: more ? (this.cursor as string) : null });
      this.members = more ? [...this.members, ...page.items] : page.items;
      this.cursor = page.nextCursor;
      this.searched = true;
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.loading = false;
    }
  }

  private onFilter(e: Event) {
    const kv = fieldValue(e);
    if (kv) this.filters = { ...this.filters, [kv[0]]: String(kv[1]) };
  }

  private row(m: Member) {
    return html`<li class="mai-person-row">
      <div>
        <p class="fr-mb-0"><a href=${`/membres/${m.id}`}><strong>${m.displayName}</strong></a>
          ${m.role !== 'member' ? html`<span class="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">${ROLE_LABELS[m.role]}</span>` : nothing}</p>
        <p class="fr-text--sm fr-mb-0 mai-muted">${[m.jobTitle, m.employer, this.departments.value?.label(m.departmentCode)].filter(Boolean).join(' · ')}</p>
      </div>
      <button class="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-chat-3-line fr-btn--icon-left" type="button" aria-label=${`Écrire à ${m.displayName}`}
        @click=${() => this.router.value?.navigate(`/discussions?dm=${m.id}`)}>Écrire</button>
    </li>`;
  }

  render() {
    const f = this.filters;
    const deps = (this.departments.value?.items ?? [])
      .filter((d) => !f.regionCode || d.regionCode === f.regionCode)
      .map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }));
    return html`<h1 tabindex="-1">Annuaire des membres</h1>
      ${directoryTabs('directory')}
      <form role="search" aria-label="Rechercher des membres" novalidate @input=${this.onFilter} @change=${this.onFilter}
        @submit=${(e: Event) => { e.preventDefault(); void this.search(); }}>
        <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div class="fr-col-12 fr-col-md-4">${textField({ id: 'dir-q', name: 'q', label: 'Nom', type: 'search', value: f.q ?? '', optional: true, markOptional: false })}</div>
          <div class="fr-col-12 fr-col-md-4">${textField({ id: 'dir-employer', name: 'employer', label: 'Employeur', value: f.employer ?? '', optional: true, markOptional: false })}</div>
          <div class="fr-col-12 fr-col-md-4">${selectField({ id: 'dir-role', name: 'role', label: 'Rôle', value: f.role ?? '', optional: true, markOptional: false, placeholder: 'Tous', options: ROLE_OPTIONS })}</div>
          <div class="fr-col-12 fr-col-md-4">${selectField({ id: 'dir-region', name: 'regionCode', label: 'Région', value: f.regionCode ?? '', optional: true, markOptional: false, placeholder: 'Toutes', options: this.regions.map((r) => ({ value: r.code, label: r.name })) })}</div>
          <div class="fr-col-12 fr-col-md-4">${selectField({ id: 'dir-dep', name: 'departmentCode', label: 'Département', value: f.departmentCode ?? '', optional: true, markOptional: false, placeholder: 'Tous', options: deps })}</div>
          <div class="fr-col-12 fr-col-md-4 fr-mb-3w"><button class="fr-btn" type="submit" ?disabled=${this.loading}>${this.loading ? 'Recherche en cours…' : 'Rechercher'}</button></div>
        </div>
      </form>
      ${this.error ? alertBox('error', this.error) : nothing}
      ${this.searched && !this.members.length && !this.loading ? html`<p class="mai-muted">Aucun membre ne correspond à ces critères.</p>` : nothing}
      <ul class="mai-person-list" aria-label="Membres trouvés">${this.members.map((m) => this.row(m))}</ul>
      ${this.cursor
        ? html`<button class="fr-btn fr-btn--secondary" type="button" ?disabled=${this.loading} @click=${() => this.search(true)}>${this.loading ? 'Chargement…' : 'Afficher plus de membres'}</button>`
        : nothing}`;
  }
}

customElements.define('mai-directory-page', MaiDirectoryPage);
