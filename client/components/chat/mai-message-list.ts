/** <mai-message-list>: the virtualized message list, kept at the bottom for new messages, older ones loaded on scroll. */
import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Message, PresenceStatus } from '../../api/chat.js';
import type { OutboxEntry } from '../../state/outbox.js';
import './mai-message.js';
import type { MessagePermissions } from './mai-message.js';

/** One row of the list. */
export type ListItem =
  | { kind: 'start'; key: string; label: string }
  | { kind: 'day'; key: string; label: string }
  | { kind: 'new'; key: string; label: string }
  | {
      kind: 'message';
      key: string;
      message: Message;
      parent: Message | null | undefined;
      permissions: MessagePermissions;
      mentionsMe: boolean;
      authorStatus: PresenceStatus | undefined;
    }
  | { kind: 'pending'; key: string; entry: OutboxEntry; parent: Message | undefined };

type Pin = { pin: { index: number; block: 'start' | 'center' | 'end' } | null };

/** Distance from the bottom (px) under which the reader counts as "at the last message". */
const BOTTOM_SLACK = 48;

/**
 * Leaf: `items`, `channelId`, `label`, `hasOlder`, `loadingOlder`, `editingId`, `me`, `myName`,
 * `announcement` in; `mai-load-older` and `mai-at-bottom` `{ atBottom }` out (plus the
 * message events of <mai-message>, which bubble through).
 */
export class MaiMessageList extends LitElement {
  static properties = {
    items: { attribute: false },
    channelId: { type: Number },
    label: {},
    hasOlder: { type: Boolean },
    loadingOlder: { type: Boolean },
    editingId: { type: Number },
    me: {},
    myId: { type: Number },
    myName: {},
    announcement: {},
    targetId: { type: Number },
    atBottom: { state: true },
  };

  items: ListItem[] = [];
  channelId: number | null = null;
  label = 'Messages';
  hasOlder = false;
  loadingOlder = false;
  editingId: number | null = null;
  me = '';
  myId: number | null = null;
  myName = '';
  announcement = '';
  /** The message a search result opened (marked). */
  targetId: number | null = null;
  atBottom = true;
  /** Same object until we mean to move the view: a new one re-pins the virtualizer. */
  private layout: Pin = { pin: null };
  private firstVisible = 0;

  createRenderRoot() {
    return this;
  }

  private get scroller(): LitVirtualizer | null {
    return this.querySelector('lit-virtualizer');
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('items') && !changed.has('channelId')) return;
    const before = (changed.get('items') as ListItem[] | undefined) ?? [];
    const last = this.items.length - 1;
    if (changed.has('channelId') || !before.length) {
      this.atBottom = true;
      this.firstVisible = 0;
      this.layout = { pin: last >= 0 ? { index: last, block: 'end' } : null };
      return;
    }
    const oldFirstKey = before.find((i) => i.kind !== 'start')?.key;
    const shift = oldFirstKey ? this.items.findIndex((i) => i.key === oldFirstKey) - before.findIndex((i) => i.key === oldFirstKey) : 0;
    if (shift > 0) {
      // Older messages were added above: keep the message that was at the top where it was.
      this.layout = { pin: { index: Math.min(last, this.firstVisible + shift), block: 'start' } };
    } else if (this.atBottom && last >= 0 && this.items[last]!.key !== before[before.length - 1]?.key) {
      this.layout = { pin: { index: last, block: 'end' } };
    }
  }

  protected async updated(changed: PropertyValues<this>): Promise<void> {
    // A pin keeps re-applying itself while item sizes are measured, and would then hold the view
    // against the reader's own scrolling: release it once the layout has settled.
    const pinned = this.layout;
    if (!pinned.pin || !changed.has('items')) return;
    // layoutComplete rejects ("disconnected") when the list leaves the page meanwhile: nothing to release then.
    const settled = await (this.scroller?.layoutComplete ?? Promise.resolve()).then(
      () => true,
      () => false,
    );
    if (!settled) return;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    if (this.layout === pinned) {
      this.layout = { pin: null };
      this.requestUpdate();
    }
  }

  private onScroll() {
    const el = this.scroller;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK;
    if (atBottom !== this.atBottom) {
      this.atBottom = atBottom;
      this.dispatchEvent(new CustomEvent('mai-at-bottom', { detail: { atBottom }, bubbles: true }));
    }
  }

  private onVisibility(e: Event) {
    const { first } = e as unknown as { first: number };
    this.firstVisible = Math.max(0, first);
    if (first <= 1 && this.hasOlder && !this.loadingOlder) this.dispatchEvent(new CustomEvent('mai-load-older', { bubbles: true }));
  }

  /** To a row by its key, at the top of the view ("Aller au premier message non lu"). */
  scrollToKey(key: string): boolean {
    const index = this.items.findIndex((i) => i.key === key);
    if (index < 0) return false;
    this.layout = { pin: { index, block: 'start' } };
    this.requestUpdate();
    return true;
  }

  /** Back to the last message (the "Derniers messages" button). */
  scrollToEnd(): void {
    if (!this.items.length) return;
    this.layout = { pin: { index: this.items.length - 1, block: 'end' } };
    this.atBottom = true;
    this.dispatchEvent(new CustomEvent('mai-at-bottom', { detail: { atBottom: true }, bubbles: true }));
  }

  /** Brings a held message to the middle of the view and focuses it; answers whether it was there. */
  async revealMessage(messageId: number): Promise<boolean> {
    const index = this.items.findIndex((i) => i.kind === 'message' && i.message.id === messageId);
    if (index < 0) return false;
    const pinned: Pin = { pin: { index, block: 'center' } };
    this.layout = pinned;
    this.requestUpdate();
    await this.updateComplete;
    await (this.scroller?.layoutComplete ?? Promise.resolve()).catch(() => {});
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    if (this.layout === pinned) {
      this.layout = { pin: null };
      this.requestUpdate();
    }
    const el = this.querySelector<HTMLElement>(`.mai-msg[data-message-id="${messageId}"]`);
    el?.focus();
    return !!el;
  }

  /** The virtualizer may still ask for rows of a longer list it held a moment ago: such a row has no key and renders nothing. */
  private keyOf = (item: ListItem | undefined) => item?.key ?? '';

  private renderItem = (item: ListItem | undefined) => {
    switch (item?.kind) {
      case undefined:
        return nothing;
      case 'start':
        return html`<p class="mai-list-start">${item.label}</p>`;
      case 'new':
        return html`<div class="mai-new-line" role="separator" aria-label=${item.label}><span>${item.label}</span></div>`;
      case 'day':
        return html`<div class="mai-day" role="separator" aria-label=${item.label}><span>${item.label}</span></div>`;
      case 'pending':
        return html`<mai-message .pending=${item.entry} .parent=${item.parent} .me=${this.me} .authorName=${this.myName}></mai-message>`;
      case 'message':
        return html`<mai-message .message=${item.message} .parent=${item.parent} .permissions=${item.permissions}
          .editing=${this.editingId === item.message.id} .me=${this.me} .myId=${this.myId} .mentionsMe=${item.mentionsMe} .target=${this.targetId === item.message.id}
          .authorStatus=${item.authorStatus}></mai-message>`;
    }
  };

  render() {
    return html`<div class="mai-list">
      ${this.loadingOlder ? html`<p class="mai-list__loading fr-text--sm" role="status">Chargement des messages plus anciens…</p>` : nothing}
      ${keyed(
        this.channelId,
        html`<lit-virtualizer scroller class="mai-list__scroller" tabindex="0" role="region" aria-label=${this.label}
        .items=${this.items} .keyFunction=${this.keyOf} .renderItem=${this.renderItem} .layout=${this.layout}
        @scroll=${this.onScroll} @visibilityChanged=${this.onVisibility}></lit-virtualizer>`,
      )}
      ${
        this.atBottom
          ? nothing
          : html`<button class="fr-btn fr-btn--sm fr-btn--secondary fr-icon-arrow-down-line fr-btn--icon-left mai-list__end" type="button"
            @click=${() => this.scrollToEnd()}>Derniers messages</button>`
      }
      <p class="fr-sr-only" aria-live="polite">${this.announcement}</p>
    </div>`;
  }
}

customElements.define('mai-message-list', MaiMessageList);
