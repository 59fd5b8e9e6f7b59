/**
 * <mai-sheet-canvas> (/projets/:id/canevas): the nine blocks of the business
 * model canvas. The creator adds, edits, moves (between blocks or up and
 * down) and deletes post-its with buttons — keyboard and touch alike — or by
 * dragging them; everyone the sheet is shared with comments in each
 * post-it's thread. Followed live: the canvas and threads update as others act.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { CanvasBlock, Postit, ProjectSheet, SheetComment } from '../../../server/protocol/index.js';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import { apiContext, hubContext } from '../../controllers/contexts.js';
import { noticeAlert, type Notice } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { loadingLine } from '../shared/list-states.js';
import { BLOCKS } from './labels.js';
import { followSheet } from './sheet-live.js';
import type { MaiPostit } from './mai-postit.js';
import './mai-postit.js';

type PostitEvent<T = object> = CustomEvent<{ postit: Postit } & T>;

export class MaiSheetCanvas extends LitElement {
  static properties = {
    sheetId: { type: Number },
    sheet: { state: true },
    postits: { state: true },
    comments: { state: true },
    gone: { state: true },
    notice: { state: true },
    busy: { state: true },
    drafts: { state: true },
  };

  sheetId = 0;
  sheet: ProjectSheet | null = null;
  postits: Postit[] = [];
  comments: SheetComment[] = [];
  gone = false;
  notice: Notice | null = null;
  busy = false;
  drafts: Record<string, string> = {};
  private api = new ContextConsumer(this, { context: apiContext });
  private hub = new ContextConsumer(this, { context: hubContext });
  private stop: (() => void) | null = null;
  private dragged: number | null = null;
  /**
   * Canvas reads and changes started since the page opened, and the one whose canvas is shown. A canvas is shown only
   * if its request started after the shown one's: a request started later reads a later state, so an answer or a read
   * that comes back late never puts back an older canvas (live events carry copies that can arrive out of order with
   * the answers to this page's own changes, so they trigger a read instead of being shown).
   */
  private begun = 0;
  private applied = 0;

  createRenderRoot() {
    return this;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stop?.();
    this.stop = null;
  }

  willUpdate(changed: Map<string, unknown>) {
    if (!changed.has('sheetId')) return;
    this.stop?.();
    void this.load(true);
    this.stop = followSheet(this.hub.value, this.sheetId, {
      canvas: () => void this.readLive(),
      comment: (c) => {
        if (c.postitId !== null && !this.comments.some((x) => x.id === c.id)) this.comments = [...this.comments, c];
      },
      revoked: () => (this.gone = true),
      reload: () => void this.load(false),
    });
  }

  /**
   * Someone's change, live. Re-ordering moves post-its in the DOM, and a moved node loses the focus: it is put back
   * on the same control (the same node, or the same action of the same post-it if it was drawn anew), so a keyboard
   * user is not thrown to the top of the page.
   */
  private async readLive() {
    const seq = ++this.begun;
    let postits: Postit[];
    try {
      postits = (await this.api.value!.projectSheets.canvas(this.sheetId)).postits;
    } catch {
      return; // the next change, or the reload after a reconnection, reads it again
    }
    const active = document.activeElement as HTMLElement | null;
    const holder = active?.closest<MaiPostit>('mai-postit');
    const id = holder && this.contains(holder) ? Number(holder.dataset.postitId) : null;
    if (!this.show(seq, postits)) return;
    if (id === null || !active) return;
    await this.updateComplete;
    if (document.activeElement && document.activeElement !== document.body) return;
    if (active.isConnected) return active.focus();
    const el = this.postitEl(id);
    const same = active.dataset.action ? el?.querySelector<HTMLButtonElement>(`[data-action="${active.dataset.action}"]`) : null;
    (same && !same.disabled ? same : el?.querySelector<HTMLElement>('.mai-postit__text'))?.focus();
  }

  /** Shows the canvas of request `seq` unless a later-started one is shown already; answers whether it did. */
  private show(seq: number, postits: Postit[]): boolean {
    if (seq < this.applied) return false;
    this.applied = seq;
    this.postits = postits;
    return true;
  }

  private async load(first: boolean) {
    const api = this.api.value!.projectSheets;
    const seq = ++this.begun;
    try {
      const [sheet, canvas, comments] = await Promise.all([api.get(this.sheetId), api.canvas(this.sheetId), api.comments(this.sheetId)]);
      this.sheet = sheet;
      this.show(seq, canvas.postits);
      // Comments only ever arrive: the read's and those that came live meanwhile.
      const read = comments.items.filter((c) => c.postitId !== null);
      this.comments = [...read, ...this.comments.filter((c) => !read.some((x) => x.id === c.id))].sort((a, b) => a.id - b.id);
      // The title gets the focus on arrival, unless the person has already started on the canvas.
      if (first && !this.contains(document.activeElement)) void focusAfter(this, 'h1');
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) this.gone = true;
      else this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  private inBlock(block: CanvasBlock) {
    return this.postits.filter((p) => p.block === block).sort((a, b) => a.position - b.position);
  }

  private postitEl(id: number) {
    return this.querySelector<MaiPostit>(`mai-postit[data-postit-id="${id}"]`);
  }

  /** Runs one change; on failure the message is shown and the canvas read again (someone else may have changed it). */
  private async act(run: () => Promise<void>) {
    this.busy = true;
    this.notice = null;
    try {
      await run();
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
      void focusAfter(this, '.fr-alert--error');
      void this.load(false);
    } finally {
      this.busy = false;
    }
  }

  private add(e: Event, block: CanvasBlock) {
    e.preventDefault();
    const text = (this.drafts[block] ?? '').trim();
    if (!text) {
      this.notice = { kind: 'error', text: 'Écrivez le texte du post-it avant de l’ajouter.' };
      void focusAfter(this, `#add-${block}`);
      return;
    }
    void this.act(async () => {
      const seq = ++this.begun;
      const r = await this.api.value!.projectSheets.addPostit(this.sheetId, { block, text });
      this.show(seq, r.canvas.postits);
      this.drafts = { ...this.drafts, [block]: '' };
      void focusAfter(this, `#add-${block}`, `Post-it ajouté dans ${BLOCKS.find((b) => b.value === block)!.label}.`);
    });
  }

  private edit(e: PostitEvent<{ text: string }>) {
    const { postit, text } = e.detail;
    void this.act(async () => {
      const seq = ++this.begun;
      this.show(seq, (await this.api.value!.projectSheets.editPostit(this.sheetId, postit.id, { text })).postits);
      this.postitEl(postit.id)?.done('edit');
    });
  }

  private move(e: PostitEvent<{ block: CanvasBlock; position: number; focus?: string }>) {
    const { postit, block, position, focus } = e.detail;
    const pressed = document.activeElement;
    void this.act(async () => {
      const seq = ++this.begun;
      const answer = (await this.api.value!.projectSheets.movePostit(this.sheetId, postit.id, block, Math.max(0, position))).postits;
      this.show(seq, answer);
      // From the answer: a later read may be shown instead, without this post-it if someone deleted it meanwhile.
      const moved = answer.find((p) => p.id === postit.id)!;
      const label = BLOCKS.find((b) => b.value === moved.block)!.label;
      await this.updateComplete;
      const el = this.postitEl(postit.id);
      if (el) el.mode = '';
      // Up and down keep the focus on the same button (pressed again, it moves again) unless it is now disabled.
      const button = focus === 'up' || focus === 'down' ? el?.querySelector<HTMLButtonElement>(`[data-action="${focus}"]`) : null;
      void focusAfter(
        this,
        () => {
          // The person may have gone on while the answer came (this move's live echo often lands first): the focus
          // is only moved if it is still on the control pressed or on this post-it, or was lost with the re-render.
          const now = document.activeElement;
          if (now && now !== document.body && now !== pressed && !el?.contains(now)) return null;
          return button && !button.disabled ? button : el?.querySelector<HTMLElement>('.mai-postit__text');
        },
        `Post-it déplacé : ${label}, position ${moved.position + 1}.`,
      );
    });
  }

  private async removePostit(e: PostitEvent) {
    const { postit } = e.detail;
    const ok = await askConfirmation({
      title: 'Supprimer ce post-it ?',
      body: `« ${postit.text.slice(0, 60)} » et son fil de commentaires seront supprimés.`,
      confirmLabel: 'Supprimer le post-it',
    });
    if (!ok) return;
    void this.act(async () => {
      const seq = ++this.begun;
      this.show(seq, (await this.api.value!.projectSheets.removePostit(this.sheetId, postit.id)).postits);
      void focusAfter(this, `#add-${postit.block}`, 'Post-it supprimé.');
    });
  }

  private comment(e: PostitEvent<{ body: string }>) {
    const { postit, body } = e.detail;
    void this.act(async () => {
      const c = await this.api.value!.projectSheets.comment(this.sheetId, { postitId: postit.id, body });
      if (!this.comments.some((x) => x.id === c.id)) this.comments = [...this.comments, c];
      const el = this.postitEl(postit.id);
      el?.resetComment();
      void focusAfter(this, () => el?.querySelector<HTMLElement>(`[data-comment-id="${c.id}"]`), 'Commentaire publié.');
    });
  }

  private drop(e: DragEvent, block: CanvasBlock) {
    e.preventDefault();
    const id = this.dragged;
    this.dragged = null;
    if (!id) return;
    const postit = this.postits.find((p) => p.id === id);
    if (!postit) return;
    // Dropped on a post-it: before it; on the block itself: at the end.
    const target = (e.target as HTMLElement).closest<HTMLElement>('mai-postit');
    const before = target ? this.postits.find((p) => p.id === Number(target.dataset.postitId)) : undefined;
    const position = before ? before.position : 10_000;
    this.move(new CustomEvent('mai-postit-move', { detail: { postit, block, position } }));
  }

  render() {
    if (this.gone)
      return html`<h1 tabindex="-1">Canevas introuvable</h1>
        <p>Ce projet n’existe pas ou ne vous est pas (ou plus) partagé.</p>
        <p><a class="fr-link" href="/projets">Retour aux projets</a></p>`;
    const s = this.sheet;
    if (!s) return html`${noticeAlert(this.notice)}${loadingLine('Chargement du canevas…')}`;
    const owner = s.myRole === 'owner';
    return html`<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
        <ol class="fr-breadcrumb__list">
          <li><a class="fr-breadcrumb__link" href="/projets">${owner ? 'Mes projets' : 'Mes accompagnements'}</a></li>
          <li><a class="fr-breadcrumb__link" href=${`/projets/${s.id}`}>${s.title}</a></li>
          <li><a class="fr-breadcrumb__link" aria-current="page">Canevas</a></li>
        </ol>
      </nav>
      <h1 tabindex="-1">Canevas du projet « ${s.title} »</h1>
      <p>${
        owner
          ? 'Ajoutez vos idées en post-its dans les neuf blocs. Les boutons de chaque post-it le modifient, le montent, le descendent ou le déplacent vers un autre bloc ; vous pouvez aussi le glisser.'
          : 'Lisez le canevas et commentez chaque post-it dans son fil.'
      }</p>
      ${noticeAlert(this.notice)}
      <div class="mai-canvas">
        ${BLOCKS.map((b) => {
          const items = this.inBlock(b.value);
          return html`<section class="mai-canvas__block mai-canvas__block--${b.value}" aria-labelledby=${`block-${b.value}`}
            @dragover=${(e: DragEvent) => owner && e.preventDefault()} @drop=${(e: DragEvent) => owner && this.drop(e, b.value)}>
            <h2 class="fr-h6 fr-mb-1v" id=${`block-${b.value}`}>${b.label} <span class="fr-text--xs mai-muted">(${items.length})</span></h2>
            <p class="fr-text--xs mai-muted fr-mb-1w">${b.hint}</p>
            <ol class="mai-plain-list" aria-labelledby=${`block-${b.value}`}>
              ${repeat(
                items,
                (p) => p.id,
                (p, i) => html`<li>
                  <mai-postit class="mai-postit mai-postit--${p.color}" data-postit-id=${p.id} draggable=${owner ? 'true' : 'false'}
                    @dragstart=${() => (this.dragged = p.id)}
                    .postit=${p} ?owner=${owner} ?first=${i === 0} ?last=${i === items.length - 1} ?busy=${this.busy}
                    .comments=${this.comments.filter((c) => c.postitId === p.id)}
                    @mai-postit-edit=${this.edit} @mai-postit-move=${this.move} @mai-postit-delete=${this.removePostit} @mai-postit-comment=${this.comment}></mai-postit>
                </li>`,
              )}
            </ol>
            ${
              owner
                ? html`<form class="mai-canvas__add" novalidate @submit=${(e: Event) => this.add(e, b.value)}>
                  <label class="fr-label" for=${`add-${b.value}`}>Nouveau post-it — ${b.label}</label>
                  <textarea class="fr-input" id=${`add-${b.value}`} rows="2" maxlength="500" .value=${this.drafts[b.value] ?? ''}
                    @input=${(e: Event) => (this.drafts = { ...this.drafts, [b.value]: (e.target as HTMLTextAreaElement).value })}></textarea>
                  <button class="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w fr-icon-add-line fr-btn--icon-left" type="submit" ?disabled=${this.busy}>Ajouter</button>
                </form>`
                : nothing
            }
          </section>`;
        })}
      </div>`;
  }
}

customElements.define('mai-sheet-canvas', MaiSheetCanvas);
