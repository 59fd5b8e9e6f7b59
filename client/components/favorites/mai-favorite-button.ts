/** <mai-favorite-button>: keeps a post or a document in « Mes favoris », or drops it (a toggle, `aria-pressed`). */
import { LitElement, html, nothing } from 'lit';
import type { FavoriteKind } from '../../api/favorites.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { FavoritesStore } from '../../state/favorites-store.js';
import { announce } from '../shared/focus.js';
import { favoritesContext } from './context.js';

/** Container: `kind`, `targetId`, `label` (what it is, for the accessible name) in; reads the favourites store. */
export class MaiFavoriteButton extends LitElement {
  static properties = { kind: {}, targetId: { type: Number }, label: {}, busy: { state: true }, error: { state: true } };

  kind: FavoriteKind = 'post';
  targetId = 0;
  label = '';
  busy = false;
  error = '';
  private readonly store = new StoreController<FavoritesStore>(this, favoritesContext);

  createRenderRoot() {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    void this.updateComplete.then(() => this.store.value?.load());
  }

  private async toggle(on: boolean) {
    this.busy = true;
    this.error = '';
    try {
      await this.store.value!.set(this.kind, this.targetId, on);
      announce(on ? 'Ajouté à vos favoris.' : 'Retiré de vos favoris.');
    } catch {
      this.error = 'Le favori n’a pas pu être enregistré. Réessayez.';
    } finally {
      this.busy = false;
    }
  }

  render() {
    const store = this.store.value;
    if (!store) return nothing;
    const on = store.has(this.kind, this.targetId);
    return html`<button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline ${on ? 'fr-icon-star-fill' : 'fr-icon-star-line'} fr-btn--icon-left"
        type="button" aria-pressed=${on ? 'true' : 'false'} ?disabled=${this.busy || store.status !== 'ready'}
        title=${this.label ? `Favori : ${this.label}` : 'Favori'} @click=${() => this.toggle(!on)}>Favori</button>
      ${this.error ? html`<p class="fr-error-text" role="alert">${this.error}</p>` : nothing}`;
  }
}

customElements.define('mai-favorite-button', MaiFavoriteButton);
