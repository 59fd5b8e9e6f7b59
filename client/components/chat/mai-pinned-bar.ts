/** <mai-pinned-bar>: the pinned messages of the channel, at its top. */
import { LitElement, html, nothing } from 'lit';
import type { Message } from '../../api/chat.js';
import { fullLabel } from './format.js';
import { renderMarkdown, renderMarkdownLine } from './markdown.js';

/** Leaf: `pins` (newest first), `canUnpin`, `me` in; `mai-pin` `{ messageId, pinned: false }` out. */
export class MaiPinnedBar extends LitElement {
  static properties = {
    pins: { attribute: false },
    canUnpin: { type: Boolean },
    me: {},
    open: { state: true },
  };

  pins: Message[] = [];
  canUnpin = false;
  me = '';
  open = false;

  createRenderRoot() {
    return this;
  }

  private unpin(messageId: number) {
    this.dispatchEvent(new CustomEvent('mai-pin', { detail: { messageId, pinned: false }, bubbles: true }));
  }

  render() {
    if (!this.pins.length) return nothing;
    const [latest] = this.pins;
    const n = this.pins.length;
    return html`<section class="mai-pinned" aria-label="Messages épinglés">
      <div class="mai-pinned__row">
        <span class="fr-icon-bookmark-line mai-pinned__icon" aria-hidden="true"></span>
        <div class="mai-pinned__latest">
          <strong>${latest!.author.displayName}</strong> :
          <span class="mai-pinned__excerpt">${renderMarkdownLine(latest!.body, { me: this.me })}</span>
        </div>
        <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" type="button" aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="mai-pinned-list" @click=${() => (this.open = !this.open)}>
          ${this.open ? 'Masquer' : n > 1 ? `Voir les ${n} messages épinglés` : 'Voir'}
        </button>
      </div>
      ${
        this.open
          ? html`<ul class="mai-pinned__list" id="mai-pinned-list">
            ${this.pins.map(
              (m) => html`<li class="mai-pinned__item">
                <p class="fr-text--xs fr-mb-1v">${m.author.displayName} · épinglé le ${fullLabel(m.pinnedAt ?? m.createdAt)}</p>
                <div class="mai-msg__body">${renderMarkdown(m.body, { me: this.me })}</div>
                ${
                  this.canUnpin
                    ? html`<button class="fr-btn fr-btn--sm fr-btn--tertiary" type="button" @click=${() => this.unpin(m.id)}>Désépingler</button>`
                    : nothing
                }
              </li>`,
            )}
          </ul>`
          : nothing
      }
    </section>`;
  }
}

customElements.define('mai-pinned-bar', MaiPinnedBar);
