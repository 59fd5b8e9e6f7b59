/** <mai-hotline-categories> (/hotline/categories, admins): add, rename, archive or restore request categories. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html } from 'lit';
import { hotlineApi, type HotlineCategory } from '../../api/hotline.js';
import { apiContext } from '../../controllers/contexts.js';
import type { HotlineStore } from '../../state/hotline-store.js';
import { noticeAlert, type Notice } from '../shared/fields.js';
import { actionError } from './format.js';

/** Container over /api/hotline/categories; the store reloads so the request form offers the new list. */
export class MaiHotlineCategories extends LitElement {
  static properties = {
    store: { attribute: false },
    items: { state: true },
    names: { state: true },
    newName: { state: true },
    busy: { state: true },
    notice: { state: true },
  };

  store!: HotlineStore;
  items: HotlineCategory[] = [];
  names: Record<number, string> = {};
  newName = '';
  busy = false;
  notice: Notice | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    void this.run(async () => {}, '');
  }

  private get rest() {
    return hotlineApi(this.api.value!.http);
  }

  /** Runs a change, then reloads the list (archived ones included). */
  private async run(change: () => Promise<unknown>, done: string) {
    this.busy = true;
    this.notice = null;
    try {
      await change();
      this.items = await this.rest.categories(true);
      this.names = Object.fromEntries(this.items.map((c) => [c.id, c.name]));
      if (done) {
        this.notice = { kind: 'success', text: done };
        void this.store?.reload();
      }
    } catch (err) {
      this.notice = { kind: 'error', text: actionError(err) };
    } finally {
      this.busy = false;
    }
  }

  private add(e: Event) {
    e.preventDefault();
    const name = this.newName.trim();
    if (!name) return;
    void this.run(() => this.rest.createCategory(name), `Catégorie « ${name} » ajoutée.`).then(() => {
      if (this.notice?.kind === 'success') this.newName = '';
    });
  }

  render() {
    return html`${noticeAlert(this.notice)}
      <div class="fr-table fr-table--layout-fixed">
        <table>
          <caption>Catégories proposées aux membres</caption>
          <thead><tr><th scope="col">Nom</th><th scope="col">État</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            ${this.items.map(
              (c) => html`<tr>
              <td>
                <label class="fr-sr-only" for=${`cat-${c.id}`}>Nom de la catégorie ${c.name}</label>
                <input class="fr-input" id=${`cat-${c.id}`} maxlength="80" .value=${this.names[c.id] ?? c.name}
                  @input=${(e: Event) => (this.names = { ...this.names, [c.id]: (e.target as HTMLInputElement).value })} />
              </td>
              <td>${c.archived ? html`<span class="fr-badge fr-badge--sm">Archivée</span>` : html`<span class="fr-badge fr-badge--sm fr-badge--success">Proposée</span>`}</td>
              <td>
                <div class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                  <button class="fr-btn fr-btn--sm fr-btn--secondary" type="button" ?disabled=${this.busy || (this.names[c.id] ?? c.name).trim() === c.name}
                    @click=${() => this.run(() => this.rest.updateCategory(c.id, { name: this.names[c.id]!.trim() }), 'Catégorie renommée.')}>Renommer</button>
                  <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="button" ?disabled=${this.busy}
                    @click=${() => this.run(() => this.rest.updateCategory(c.id, { archived: !c.archived }), c.archived ? 'Catégorie rétablie.' : 'Catégorie archivée.')}>
                    ${c.archived ? 'Rétablir' : 'Archiver'}</button>
                </div>
              </td>
            </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <form class="fr-mt-3w mai-hotline-narrow" @submit=${this.add} aria-label="Ajouter une catégorie">
        <div class="fr-input-group">
          <label class="fr-label" for="cat-new">Nouvelle catégorie</label>
          <input class="fr-input" id="cat-new" maxlength="80" .value=${this.newName} @input=${(e: Event) => (this.newName = (e.target as HTMLInputElement).value)} />
        </div>
        <button class="fr-btn fr-btn--sm" type="submit" ?disabled=${this.busy || this.newName.trim().length < 2}>Ajouter</button>
      </form>`;
  }
}

customElements.define('mai-hotline-categories', MaiHotlineCategories);
