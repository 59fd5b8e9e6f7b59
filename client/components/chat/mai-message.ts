/** <mai-message>: one message (or one waiting in the outbox) with its reply quote, states and actions. */
import { LitElement, html, nothing } from 'lit';
import type { Message, PresenceStatus } from '../../api/chat.js';
import type { OutboxEntry } from '../../state/outbox.js';
import { fullLabel, hubErrorText, timeLabel } from './format.js';
import { renderMarkdown } from './markdown.js';
import { presenceDot } from './presence-dot.js';
import './mai-message-menu.js';
import './mai-emoji-picker.js';
import { filesPart, reactionsPart, threadPart } from './message-parts.js';
import { fileSizeLabel } from './file-labels.js';
import type { MaiMessageMenu, MenuAction } from './mai-message-menu.js';

/** How long a finger stays on a message to open its menu (ms). */
const LONG_PRESS_MS = 500;

/** Options of the per-message actions. */
export interface MessagePermissions {
  canEdit: boolean;
  canDelete: boolean;
  canPin: boolean;
}

const NO_PERMISSIONS: MessagePermissions = { canEdit: false, canDelete: false, canPin: false };

/**
 * Leaf: `message` or `pending` (an outbox entry), `parent` (quoted message; undefined when not loaded),
 * `permissions`, `editing`, `me`, `myId`, `authorName`, `authorStatus`, `mentionsMe` in; `mai-reply`, `mai-edit`,
 * `mai-edit-save`, `mai-edit-cancel`, `mai-delete`, `mai-pin`, `mai-retry`, `mai-discard`, `mai-react`
 * `{ messageId, emoji, on }` and `mai-open-thread` `{ messageId }` out.
 */
export class MaiMessage extends LitElement {
  static properties = {
    message: { attribute: false },
    pending: { attribute: false },
    parent: { attribute: false },
    permissions: { attribute: false },
    editing: { type: Boolean },
    me: {},
    myId: { type: Number },
    authorName: {},
    authorStatus: {},
    mentionsMe: { type: Boolean },
    target: { type: Boolean },
  };

  /** The message a search result opened: marked, and focusable so the focus can land on it. */
  target = false;

  message: Message | null = null;
  pending: OutboxEntry | null = null;
  parent: Message | null | undefined = null;
  permissions: MessagePermissions = NO_PERMISSIONS;
  editing = false;
  me = '';
  myId: number | null = null;
  authorName = '';
  authorStatus: PresenceStatus | undefined = undefined;
  mentionsMe = false;

  createRenderRoot() {
    return this;
  }

  protected updated(changed: Map<string, unknown>) {
    // Keyboard users land in the editor, caret at the end.
    if (changed.has('editing') && this.editing) {
      const area = this.querySelector<HTMLTextAreaElement>('textarea');
      area?.focus();
      area?.setSelectionRange(area.value.length, area.value.length);
    }
  }

  private fire(name: string, detail: Record<string, unknown>) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
  }

  private quote(replyToId: number | null) {
    if (!replyToId) return nothing;
    const p = this.parent;
    if (!p) return html`<p class="mai-msg__quote">En réponse à un message plus ancien</p>`;
    const excerpt = p.deletedAt ? 'Message supprimé' : p.body.length > 140 ? `${p.body.slice(0, 140)}…` : p.body;
    return html`<p class="mai-msg__quote"><span class="fr-sr-only">En réponse à </span><strong>${p.author.displayName}</strong> : ${excerpt}</p>`;
  }

  private onEditKey(e: KeyboardEvent, id: number) {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.fire('mai-edit-cancel', { messageId: id });
    } else if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.save(id, e.target as HTMLTextAreaElement);
    }
  }

  private save(id: number, area: HTMLTextAreaElement | null) {
    const body = area?.value.trim() ?? '';
    if (body) this.fire('mai-edit-save', { messageId: id, body });
  }

  private editor(m: Message) {
    const id = `mai-edit-${m.id}`;
    return html`<form class="mai-msg__edit" @submit=${(e: Event) => {
      e.preventDefault();
      this.save(m.id, this.querySelector('textarea'));
    }}>
      <label class="fr-label fr-sr-only" for=${id}>Modifier le message</label>
      <textarea class="fr-input" id=${id} rows="2" maxlength="10000" .value=${m.body} @keydown=${(e: KeyboardEvent) => this.onEditKey(e, m.id)}></textarea>
      <div class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mt-1w">
        <button class="fr-btn fr-btn--sm" type="submit">Enregistrer</button>
        <button class="fr-btn fr-btn--sm fr-btn--secondary" type="button" @click=${() => this.fire('mai-edit-cancel', { messageId: m.id })}>Annuler</button>
      </div>
    </form>`;
  }

  private actions(m: Message) {
    if (m.deletedAt) return nothing;
    const p = this.permissions;
    const a = (label: string, icon: string, event: string, detail: Record<string, unknown>): MenuAction => ({ label, icon, event, detail });
    const list = [
      a('Répondre', 'fr-icon-reply-line', 'mai-reply', { messageId: m.id }),
      ...(p.canEdit ? [a('Modifier', 'fr-icon-edit-line', 'mai-edit', { messageId: m.id })] : []),
      ...(p.canPin
        ? [a(m.pinnedAt ? 'Désépingler' : 'Épingler', 'fr-icon-bookmark-line', 'mai-pin', { messageId: m.id, pinned: !m.pinnedAt })]
        : []),
      a('Fil de discussion', 'fr-icon-discuss-line', 'mai-open-thread', { messageId: m.replyToId ?? m.id }),
      a('Marquer comme non lu', 'fr-icon-mail-unread-line', 'mai-mark-unread', { messageId: m.id }),
      // Last, so End reaches it: the destructive action.
      ...(p.canDelete ? [a('Supprimer', 'fr-icon-delete-line', 'mai-delete', { messageId: m.id })] : []),
    ];
    return html`<div class="mai-msg__actions">
      <mai-emoji-picker label="Réagir" @mai-pick=${(e: CustomEvent<{ emoji: string }>) => this.react(m, e.detail.emoji, true)}></mai-emoji-picker>
      <mai-message-menu .actions=${list} label=${`Actions sur le message de ${m.author.displayName}`}></mai-message-menu>
    </div>`;
  }

  private react(m: Message, emoji: string, on: boolean) {
    this.fire('mai-react', { messageId: m.id, emoji, on });
  }

  private pressTimer: ReturnType<typeof setTimeout> | undefined;

  /** A finger held on the message opens its menu (the "…" button does the same by tap or keyboard). */
  private onPointerDown(e: PointerEvent) {
    if (e.pointerType !== 'touch' || (e.target as HTMLElement).closest('button, a, textarea, mai-message-menu')) return;
    clearTimeout(this.pressTimer);
    this.pressTimer = setTimeout(() => void this.querySelector<MaiMessageMenu>('mai-message-menu')?.show(), LONG_PRESS_MS);
  }

  private cancelPress() {
    clearTimeout(this.pressTimer);
  }

  private renderPending(e: OutboxEntry) {
    const failed = e.state === 'failed';
    return html`<article class="mai-msg mai-msg--mine mai-msg--pending" data-client-msg-id=${e.clientMsgId}>
      <div class="mai-msg__head"><span class="mai-msg__author">${this.authorName || 'Moi'}</span></div>
      ${this.quote(e.replyToId)}
      ${e.body ? html`<div class="mai-msg__body">${renderMarkdown(e.body, { me: this.me })}</div>` : nothing}
      ${
        e.files?.length
          ? html`<ul class="mai-msg__files">${e.files.map((f) => html`<li class="mai-msg__file">${f.filename} <span class="fr-text--xs mai-muted">${fileSizeLabel(f.size)}</span></li>`)}</ul>`
          : nothing
      }
      ${
        failed
          ? html`<div class="mai-msg__failed">
            <p class="fr-error-text fr-mt-0">Non envoyé : ${hubErrorText(e.error)}</p>
            <div class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
              <button class="fr-btn fr-btn--sm" type="button" @click=${() => this.fire('mai-retry', { clientMsgId: e.clientMsgId })}>Réessayer</button>
              <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="button" @click=${() => this.fire('mai-discard', { clientMsgId: e.clientMsgId })}>Abandonner</button>
            </div>
          </div>`
          : html`<p class="mai-msg__status fr-text--xs">envoi…</p>`
      }
    </article>`;
  }

  render() {
    if (this.pending) return this.renderPending(this.pending);
    const m = this.message;
    if (!m) return nothing;
    const deleted = !!m.deletedAt;
    return html`<article class="mai-msg ${this.mentionsMe ? 'mai-msg--mention' : ''} ${m.pinnedAt ? 'mai-msg--pinned' : ''} ${this.target ? 'mai-msg--target' : ''}"
      tabindex=${this.target ? '-1' : nothing} data-message-id=${m.id} data-seq=${m.seq} @pointerdown=${this.onPointerDown} @pointerup=${this.cancelPress}
      @pointercancel=${this.cancelPress} @pointermove=${this.cancelPress}>
      <div class="mai-msg__head">
        ${presenceDot(this.authorStatus)}
        <span class="mai-msg__author">${m.author.displayName}</span>
        <time class="mai-msg__time" datetime=${m.createdAt} title=${fullLabel(m.createdAt)}>${timeLabel(m.createdAt)}</time>
        ${m.editedAt && !deleted ? html`<span class="mai-msg__edited fr-text--xs" title=${fullLabel(m.editedAt)}>(modifié)</span>` : nothing}
        ${m.pinnedAt && !deleted ? html`<span class="fr-tag fr-tag--sm fr-icon-bookmark-line fr-tag--icon-left">Épinglé</span>` : nothing}
      </div>
      ${this.quote(m.replyToId)}
      ${
        deleted
          ? html`<p class="mai-msg__deleted">Message supprimé</p>`
          : this.editing
            ? this.editor(m)
            : html`${m.body ? html`<div class="mai-msg__body">${renderMarkdown(m.body, { me: this.me })}</div>` : nothing}${filesPart(m.files ?? [])}`
      }
      ${deleted ? nothing : reactionsPart(m.id, m.reactions ?? [], this.myId, (emoji, on) => this.react(m, emoji, on))}
      ${deleted ? nothing : threadPart(m.thread ?? null, () => this.fire('mai-open-thread', { messageId: m.id }))}
      ${this.editing ? nothing : this.actions(m)}
    </article>`;
  }
}

customElements.define('mai-message', MaiMessage);
