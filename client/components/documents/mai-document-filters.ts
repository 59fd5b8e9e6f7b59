/** <mai-document-filters>: search (title, description, file name), type and sort of a bank. */
import { LitElement, html, nothing } from 'lit';
import type { DocumentSort, DocumentType } from '../../api/documents.js';
import { TYPE_FILTERS } from './format.js';

/** Leaf: fires `mai-filter` with what changed: `q` (after a short pause in typing), `type`, `sort`, `groupId`. */
export class MaiDocumentFilters extends LitElement {
  static properties = {
    q: {},
    type: {},
    sort: {},
    idPrefix: {},
    groups: { attribute: false },
    groupId: { attribute: false },
  };

  q = '';
  type: DocumentType | '' = '';
  sort: DocumentSort = 'date';
  idPrefix = 'docs';
  /** In "my documents": the groups to filter by (none: no group filter). */
  groups: { id: number; name: string }[] = [];
  groupId: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  createRenderRoot() {
    return this;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.timer) clearTimeout(this.timer);
  }

  private fire(detail: Record<string, string | number | null>) {
    this.dispatchEvent(new CustomEvent('mai-filter', { detail, bubbles: true }));
  }

  private onSearch(e: Event) {
    const q = (e.target as HTMLInputElement).value;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire({ q }), 300);
  }

  render() {
    const p = this.idPrefix;
    const withGroups = this.groups.length > 1;
    return html`<form class="mai-doc-filters ${withGroups ? 'mai-doc-filters--groups' : ''}" role="search" aria-label="Rechercher dans les documents"
      @submit=${(e: Event) => {
        e.preventDefault();
        if (this.timer) clearTimeout(this.timer);
        this.fire({ q: (this.querySelector(`#${p}-q`) as HTMLInputElement).value });
      }}>
      ${
        withGroups
          ? html`<div class="fr-select-group">
            <label class="fr-label" for=${`${p}-group`}>Groupe</label>
            <select class="fr-select" id=${`${p}-group`} @change=${(e: Event) => this.fire({ groupId: Number((e.target as HTMLSelectElement).value) || null })}>
              <option value="">Tous mes groupes</option>
              ${this.groups.map((g) => html`<option value=${g.id} ?selected=${g.id === this.groupId}>${g.name}</option>`)}
            </select>
          </div>`
          : nothing
      }
      <div class="fr-input-group">
        <label class="fr-label" for=${`${p}-q`}>Rechercher<span class="fr-hint-text">Titre, description ou nom du fichier</span></label>
        <input class="fr-input" type="search" id=${`${p}-q`} name="q" .value=${this.q} maxlength="100" @input=${this.onSearch} />
      </div>
      <div class="fr-select-group">
        <label class="fr-label" for=${`${p}-type`}>Type</label>
        <select class="fr-select" id=${`${p}-type`} @change=${(e: Event) => this.fire({ type: (e.target as HTMLSelectElement).value })}>
          ${TYPE_FILTERS.map((t) => html`<option value=${t.value} ?selected=${t.value === this.type}>${t.label}</option>`)}
        </select>
      </div>
      <div class="fr-select-group">
        <label class="fr-label" for=${`${p}-sort`}>Trier par</label>
        <select class="fr-select" id=${`${p}-sort`} @change=${(e: Event) => this.fire({ sort: (e.target as HTMLSelectElement).value })}>
          <option value="date" ?selected=${this.sort === 'date'}>Date</option>
          <option value="title" ?selected=${this.sort === 'title'}>Titre</option>
        </select>
      </div>
    </form>`;
  }
}

customElements.define('mai-document-filters', MaiDocumentFilters);
