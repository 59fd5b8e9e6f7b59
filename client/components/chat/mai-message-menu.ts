/**
 * <mai-message-menu>: the "…" menu of a message (Répondre, Modifier, Épingler, Supprimer). One button,
 * reachable by touch (tap, or a long press on the message) and by keyboard (Entrée opens, flèches move,
 * Échap closes and gives the focus back to the button); it never covers the author or the time.
 */
import { LitElement, html, nothing } from 'lit';

/** One entry: the event fired when chosen, with its detail. */
export interface MenuAction {
  label: string;
  icon: string;
  event: string;
  detail: Record<string, unknown>;
}

let counter = 0;

/** Leaf: `actions`, `label` (the accessible name of the button) in; fires the chosen action's event (bubbles). */
export class MaiMessageMenu extends LitElement {
  static properties = {
    actions: { attribute: false },
    label: {},
    open: { state: true },
  };

  actions: MenuAction[] = [];
  label = 'Actions sur le message';
  open = false;
  private readonly menuId = `mai-msg-menu-${++counter}`;
  private readonly onOutside = (e: Event) => {
    if (!this.contains(e.target as Node)) this.close(false);
  };

  createRenderRoot() {
    return this;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onOutside, true);
  }

  private get toggle(): HTMLButtonElement | null {
    return this.querySelector('.mai-msg-menu__toggle');
  }

  private items(): HTMLButtonElement[] {
    return [...this.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  }

  /** Opens the menu with the focus on its first entry. */
  async show(): Promise<void> {
    this.open = true;
    document.addEventListener('pointerdown', this.onOutside, true);
    await this.updateComplete;
    this.items()[0]?.focus();
  }

  private close(refocus: boolean) {
    if (!this.open) return;
    this.open = false;
    document.removeEventListener('pointerdown', this.onOutside, true);
    if (refocus) this.toggle?.focus();
  }

  private choose(a: MenuAction) {
    // The button keeps the focus, so a confirmation modal opened by the action returns to it.
    this.close(true);
    this.dispatchEvent(new CustomEvent(a.event, { detail: a.detail, bubbles: true }));
  }

  private onKey(e: KeyboardEvent) {
    const items = this.items();
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const move = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === 'Escape') this.close(true);
    else if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Tab') return this.close(false);
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  render() {
    if (!this.actions.length) return nothing;
    return html`<div class="mai-msg-menu" @keydown=${this.onKey}>
      <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-more-fill mai-msg-menu__toggle" type="button"
        title=${this.label} aria-label=${this.label} aria-haspopup="menu" aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.menuId} @click=${() => (this.open ? this.close(true) : void this.show())}></button>
      ${
        this.open
          ? html`<ul class="mai-msg-menu__list" role="menu" id=${this.menuId} aria-label=${this.label}>
            ${this.actions.map(
              (a) => html`<li role="none"><button role="menuitem" type="button" tabindex="-1"
              class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline ${a.icon} fr-btn--icon-left" @click=${() => this.choose(a)}>${a.label}</button></li>`,
            )}
          </ul>`
          : nothing
      }
    </div>`;
  }
}

customElements.define('mai-message-menu', MaiMessageMenu);
