/** <mai-favorites-page> (`/favoris`): « Mes favoris », the posts and documents I keep at hand, newest kept first. */
import { LitElement, html, nothing } from 'lit';
import type { Favorite } from '../../api/favorites.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { FavoritesStore } from '../../state/favorites-store.js';
import { errorMessage } from '../../api/messages.js';
import { focusAfter } from '../shared/focus.js';
import { emptyLine, loadingLine, retryAlert } from '../shared/list-states.js';
import { fullLabel } from '../chat/format.js';
import { favoritesContext } from './context.js';

const KIND_LABELS = { post: 'Publication', document: 'Document', resource: 'Ressource' } as const;

/** Container over the favourites store (read afresh when the page opens). */
export class MaiFavoritesPage extends LitElement {
  static properties = { busy: { state: true } };

  busy = '';
  private readonly store = new StoreController<FavoritesStore>(this, favoritesContext);

  createRenderRoot() {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    void this.updateComplete.then(() => this.store.value?.load(true));
  }

  private async drop(f: Favorite) {
    this.busy = `${f.kind}:${f.id}`;
    try {
      await this.store.value!.set(f.kind, f.id, false);
      void focusAfter(this, 'h1', `« ${f.title} » retiré de vos favoris.`);
    } finally {
      this.busy = '';
    }
  }

  private row(f: Favorite) {
    return html`<li class="mai-hit">
      <p class="mai-hit__title fr-mb-0"><span class="fr-tag fr-tag--sm">${KIND_LABELS[f.kind]}</span> <a href=${f.href}>${f.title}</a></p>
      <p class="fr-text--xs fr-mb-1v mai-muted">${f.context} · gardé le ${fullLabel(f.savedAt)}</p>
      <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-star-fill fr-btn--icon-left" type="button"
        ?disabled=${this.busy === `${f.kind}:${f.id}`} aria-label=${`Retirer « ${f.title} » de mes favoris`} @click=${() => this.drop(f)}>Retirer</button>
    </li>`;
  }

  render() {
    const s = this.store.value;
    if (!s) return nothing;
    return html`<h1 tabindex="-1">Mes favoris</h1>
      <p>Les publications et documents que vous gardez sous la main : le bouton « Favori » de chacun les ajoute ici.</p>
      ${s.status === 'error' ? retryAlert(errorMessage(s.error), () => s.load(true)) : nothing}
      ${s.status === 'loading' ? loadingLine('Chargement de vos favoris…') : nothing}
      ${s.status === 'ready' && !s.items.length ? emptyLine('Vous n’avez pas encore de favori.') : nothing}
      <ul class="mai-hit-list" aria-label="Mes favoris">${s.items.map((f) => this.row(f))}</ul>`;
  }
}

customElements.define('mai-favorites-page', MaiFavoritesPage);
