/** <mai-channel-browser>: the thematic channels, to join or leave. */
import { LitElement, html, nothing } from 'lit';
import type { Channel } from '../../api/chat.js';
import { fold } from '../../state/channels-store.js';

/** Leaf: `channels`, `busyId`, `error` in; `mai-join` / `mai-leave` `{ channelId }` out. */
export class MaiChannelBrowser extends LitElement {
  static properties = {
    channels: { attribute: false },
    busyId: { type: Number },
    error: {},
    filter: { state: true },
  };

  channels: Channel[] = [];
  busyId: number | null = null;
  error = '';
  filter = '';

  createRenderRoot() {
    return this;
  }

  private fire(name: 'mai-join' | 'mai-leave', channelId: number) {
    this.dispatchEvent(new CustomEvent(name, { detail: { channelId }, bubbles: true }));
  }

  private row(c: Channel) {
    const busy = this.busyId === c.id;
    return html`<li class="mai-browser__item">
      <div>
        <h3 class="fr-h6 fr-mb-1v">
          ${c.joined ? html`<a href="/discussions/${c.id}">${c.name}</a>` : c.name}
          ${c.joined ? html`<span class="fr-badge fr-badge--sm fr-badge--success fr-ml-1w">Rejoint</span>` : nothing}
        </h3>
        ${c.description ? html`<p class="fr-text--sm fr-mb-0">${c.description}</p>` : nothing}
      </div>
      ${c.joined
        ? html`<button class="fr-btn fr-btn--sm fr-btn--secondary" type="button" ?disabled=${busy}
            @click=${() => this.fire('mai-leave', c.id)}>${busy ? 'Un instant…' : 'Quitter'}<span class="fr-sr-only"> ${c.name}</span></button>`
        : html`<button class="fr-btn fr-btn--sm" type="button" ?disabled=${busy}
            @click=${() => this.fire('mai-join', c.id)}>${busy ? 'Un instant…' : 'Rejoindre'}<span class="fr-sr-only"> ${c.name}</span></button>`}
    </li>`;
  }

  render() {
    const needle = fold(this.filter.trim());
    const shown = this.channels.filter((c) => !needle || fold(`${c.name} ${c.description ?? ''}`).includes(needle));
    return html`<div class="mai-browser">
      <h1 tabindex="-1" class="fr-h3">Salons thématiques</h1>
      <p>Rejoignez les salons qui vous intéressent ; vous pouvez les quitter à tout moment.</p>
      <div class="fr-input-group">
        <label class="fr-label" for="mai-browser-filter">Filtrer les salons</label>
        <input class="fr-input" id="mai-browser-filter" type="search" .value=${this.filter}
          @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
      </div>
      <div role="alert">${this.error ? html`<div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w"><p>${this.error}</p></div>` : nothing}</div>
      ${shown.length
        ? html`<ul class="mai-browser__list">${shown.map((c) => this.row(c))}</ul>`
        : html`<p>Aucun salon thématique ne correspond.</p>`}
    </div>`;
  }
}

customElements.define('mai-channel-browser', MaiChannelBrowser);
