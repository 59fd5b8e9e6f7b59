/** <mai-composer>: the message field. Enter sends, Shift+Enter goes to a new line. */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { Message } from '../../api/chat.js';

/** The server's limit. */
export const MAX_BODY = 10_000;

/**
 * Leaf: `channelId`, `channelName`, `replyTo`, `notice`, `disabled` in;
 * `mai-send` `{ body, replyToId }`, `mai-typing` and `mai-cancel-reply` out.
 */
export class MaiComposer extends LitElement {
  static properties = {
    channelId: { type: Number },
    channelName: {},
    replyTo: { attribute: false },
    notice: {},
    disabled: { type: Boolean },
    length: { state: true },
  };

  channelId: number | null = null;
  channelName = '';
  replyTo: Message | null = null;
  notice = '';
  disabled = false;
  length = 0;
  /** Drafts per channel, so switching channels does not lose what was typed. */
  private drafts = new Map<number, string>();

  createRenderRoot() {
    return this;
  }

  private get area(): HTMLTextAreaElement | null {
    return this.querySelector('textarea');
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('channelId')) {
      const previous = changed.get('channelId') as number | null | undefined;
      if (previous != null && this.area) this.drafts.set(previous, this.area.value);
    }
  }

  protected updated(changed: PropertyValues<this>): void {
    const area = this.area;
    if (!area) return;
    if (changed.has('channelId') && this.channelId !== null) {
      area.value = this.drafts.get(this.channelId) ?? '';
      this.length = area.value.length;
    }
    // Choosing "Répondre" puts the caret in the field.
    if (changed.has('replyTo') && this.replyTo) area.focus();
  }

  /** Focuses the field (after a channel switch, for instance). */
  focusField(): void {
    this.area?.focus();
  }

  private send() {
    const area = this.area;
    if (!area || this.disabled) return;
    const body = area.value;
    if (!body.trim() || body.length > MAX_BODY) return;
    this.dispatchEvent(new CustomEvent('mai-send', { detail: { body, replyToId: this.replyTo?.id ?? null }, bubbles: true }));
    area.value = '';
    this.length = 0;
    if (this.channelId !== null) this.drafts.delete(this.channelId);
  }

  private onKeydown(e: KeyboardEvent) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.send();
    } else if (e.key === 'Escape' && this.replyTo) {
      e.preventDefault();
      this.dispatchEvent(new CustomEvent('mai-cancel-reply', { bubbles: true }));
    }
  }

  private onInput() {
    this.length = this.area?.value.length ?? 0;
    if (this.length) this.dispatchEvent(new CustomEvent('mai-typing', { bubbles: true }));
  }

  render() {
    const over = this.length > MAX_BODY;
    return html`<form class="mai-chat-composer" @submit=${(e: Event) => {
      e.preventDefault();
      this.send();
    }}>
      ${this.notice ? html`<p class="fr-text--sm fr-mb-1w mai-muted">${this.notice}</p>` : nothing}
      ${
        this.replyTo
          ? html`<div class="mai-chat-composer__reply">
            <p class="fr-text--sm fr-mb-0">En réponse à <strong>${this.replyTo.author.displayName}</strong> :
              ${this.replyTo.body.length > 120 ? `${this.replyTo.body.slice(0, 120)}…` : this.replyTo.body}</p>
            <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-close-line fr-btn--icon-left" type="button"
              @click=${() => this.dispatchEvent(new CustomEvent('mai-cancel-reply', { bubbles: true }))}>Annuler la réponse</button>
          </div>`
          : nothing
      }
      <div class="mai-chat-composer__row">
        <div class="fr-input-group fr-mb-0 mai-chat-composer__field ${over ? 'fr-input-group--error' : ''}">
          <label class="fr-label fr-sr-only" for="mai-composer-input">Écrire dans ${this.channelName}</label>
          <textarea class="fr-input" id="mai-composer-input" rows="2" placeholder="Écrire dans ${this.channelName}"
            aria-describedby="mai-composer-hint" ?disabled=${this.disabled} @keydown=${this.onKeydown} @input=${this.onInput}></textarea>
          <p class="fr-hint-text fr-text--xs fr-mt-1v" id="mai-composer-hint">
            ${
              over
                ? html`<span class="fr-error-text fr-mt-0">Message trop long : ${this.length} caractères sur ${MAX_BODY}.</span>`
                : 'Entrée pour envoyer, Maj+Entrée pour aller à la ligne. **gras**, *italique*, `code`, liens.'
            }
          </p>
        </div>
        <button class="fr-btn fr-icon-send-plane-fill fr-btn--icon-left" type="submit" ?disabled=${this.disabled || over}>Envoyer</button>
      </div>
    </form>`;
  }
}

customElements.define('mai-composer', MaiComposer);
