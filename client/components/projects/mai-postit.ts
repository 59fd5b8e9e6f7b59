/**
 * <mai-postit>: one post-it of the canvas. Leaf: `postit`, `owner`, `first`,
 * `last`, `comments` (its thread), `busy` in; events out: `mai-postit-edit`
 * {text}, `mai-postit-move` {block, position}, `mai-postit-delete`,
 * `mai-postit-comment` {body}. Every action is a button (keyboard and touch);
 * dragging is an extra the canvas handles.
 */
import { LitElement, html, nothing } from 'lit';
import type { CanvasBlock, Postit, SheetComment } from '../../../server/protocol/index.js';
import { BLOCKS } from './labels.js';
import type { MaiSheetComments } from './mai-sheet-comments.js';
import './mai-sheet-comments.js';

export class MaiPostit extends LitElement {
  static properties = {
    postit: { attribute: false },
    owner: { type: Boolean },
    first: { type: Boolean },
    last: { type: Boolean },
    comments: { attribute: false },
    busy: { type: Boolean },
    commentError: { type: String },
    mode: { state: true },
    draft: { state: true },
  };

  postit!: Postit;
  owner = false;
  first = false;
  last = false;
  comments: SheetComment[] = [];
  busy = false;
  commentError = '';
  /** What is open under the text: nothing, the edit form, the move form or the thread. */
  mode: '' | 'edit' | 'move' | 'thread' = '';
  draft = '';

  createRenderRoot() {
    return this;
  }

  private fire(name: string, detail: unknown = {}) {
    this.dispatchEvent(new CustomEvent(name, { detail: { postit: this.postit, ...(detail as object) }, bubbles: true, composed: true }));
  }

  /** Closes what is open (after a save) and puts the focus back on the post-it's own button. */
  done(focus: 'edit' | 'move' | 'thread' | 'text' = 'text') {
    this.mode = focus === 'thread' ? 'thread' : '';
    void this.updateComplete.then(() => {
      const target =
        focus === 'text'
          ? this.querySelector<HTMLElement>('.mai-postit__text')
          : this.querySelector<HTMLElement>(`[data-action="${focus}"]`);
      target?.focus();
    });
  }

  resetComment() {
    this.querySelector<MaiSheetComments>('mai-sheet-comments')?.reset();
  }

  private open(mode: 'edit' | 'move' | 'thread') {
    this.mode = this.mode === mode ? '' : mode;
    this.draft = this.postit.text;
    void this.updateComplete.then(() =>
      this.querySelector<HTMLElement>(mode === 'edit' ? 'textarea' : mode === 'move' ? 'select' : 'mai-sheet-comments textarea')?.focus(),
    );
  }

  render() {
    const p = this.postit;
    const label = BLOCKS.find((b) => b.value === p.block)?.label ?? '';
    const short = p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text;
    return html`<p class="mai-postit__text mai-pre" tabindex="-1">${p.text}</p>
      <div class="mai-postit__actions">
        ${
          this.owner
            ? html`<button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" type="button" data-action="edit" aria-expanded=${this.mode === 'edit'} aria-label=${`Modifier le post-it « ${short} »`} @click=${() => this.open('edit')}>Modifier</button>
              <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-arrow-up-line fr-btn--icon-left" type="button" data-action="up" ?disabled=${this.first || this.busy} aria-label=${`Monter le post-it « ${short} »`} @click=${() => this.fire('mai-postit-move', { block: p.block, position: p.position - 1, focus: 'up' })}>Monter</button>
              <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-arrow-down-line fr-btn--icon-left" type="button" data-action="down" ?disabled=${this.last || this.busy} aria-label=${`Descendre le post-it « ${short} »`} @click=${() => this.fire('mai-postit-move', { block: p.block, position: p.position + 1, focus: 'down' })}>Descendre</button>
              <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" type="button" data-action="move" aria-expanded=${this.mode === 'move'} aria-label=${`Déplacer le post-it « ${short} » vers un autre bloc`} @click=${() => this.open('move')}>Déplacer…</button>
              <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" type="button" data-action="delete" aria-label=${`Supprimer le post-it « ${short} »`} @click=${() => this.fire('mai-postit-delete')}>Supprimer</button>`
            : nothing
        }
        <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-discuss-line fr-btn--icon-left" type="button" data-action="thread" aria-expanded=${this.mode === 'thread'} aria-label=${`Commentaires du post-it « ${short} » (${p.commentCount})`} @click=${() => this.open('thread')}>Commentaires (${p.commentCount})</button>
      </div>
      ${
        this.mode === 'edit'
          ? html`<form @submit=${(e: Event) => (e.preventDefault(), this.fire('mai-postit-edit', { text: this.draft }))}>
            <label class="fr-label" for=${`postit-edit-${p.id}`}>Texte du post-it</label>
            <textarea class="fr-input" id=${`postit-edit-${p.id}`} rows="3" maxlength="500" .value=${this.draft} @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}></textarea>
            <button class="fr-btn fr-btn--sm fr-mt-1w" type="submit" ?disabled=${this.busy}>Enregistrer</button>
            <button class="fr-btn fr-btn--sm fr-btn--tertiary fr-mt-1w" type="button" @click=${() => this.done('edit')}>Annuler</button>
          </form>`
          : nothing
      }
      ${
        this.mode === 'move'
          ? html`<form @submit=${(e: Event) => {
              e.preventDefault();
              const block = (this.querySelector('select') as HTMLSelectElement).value as CanvasBlock;
              this.fire('mai-postit-move', { block, position: 10_000, focus: 'move' });
            }}>
            <label class="fr-label" for=${`postit-move-${p.id}`}>Déplacer vers le bloc (actuellement : ${label})</label>
            <select class="fr-select" id=${`postit-move-${p.id}`}>
              ${BLOCKS.filter((b) => b.value !== p.block).map((b) => html`<option value=${b.value}>${b.label}</option>`)}
            </select>
            <button class="fr-btn fr-btn--sm fr-mt-1w" type="submit" ?disabled=${this.busy}>Déplacer</button>
            <button class="fr-btn fr-btn--sm fr-btn--tertiary fr-mt-1w" type="button" @click=${() => this.done('move')}>Annuler</button>
          </form>`
          : nothing
      }
      ${
        this.mode === 'thread'
          ? html`<mai-sheet-comments idPrefix=${`postit-${p.id}`} .comments=${this.comments} ?busy=${this.busy} error=${this.commentError}
            @mai-comment=${(e: CustomEvent<{ body: string }>) => (e.stopPropagation(), this.fire('mai-postit-comment', { body: e.detail.body }))}></mai-sheet-comments>`
          : nothing
      }`;
  }
}

customElements.define('mai-postit', MaiPostit);
