/** <mai-avatar>: a user's photo, or their initials when there is none. */
import { LitElement, html } from 'lit';

/** Leaf. Decorative by default (alt=""): the name is always written next to it. */
export class MaiAvatar extends LitElement {
  static properties = {
    src: {},
    initials: {},
    size: { type: Number },
  };

  src: string | null = null;
  initials = '';
  size = 96;

  createRenderRoot() {
    return this;
  }

  render() {
    const style = `width:${this.size}px;height:${this.size}px;font-size:${Math.round(this.size / 2.6)}px`;
    return this.src
      ? html`<img class="mai-avatar" src=${this.src} alt="" style=${style} />`
      : html`<span class="mai-avatar mai-avatar--initials" aria-hidden="true" style=${style}>${this.initials}</span>`;
  }
}

customElements.define('mai-avatar', MaiAvatar);
