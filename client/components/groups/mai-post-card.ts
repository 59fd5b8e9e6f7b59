/** <mai-post-card>: one post with its files, reactions and (when open) its comments. Leaf: properties in, events out. */
import '../favorites/mai-favorite-button.js';
import '../polls/mai-poll.js';
import { LitElement, html, nothing } from 'lit';
import type { Post, PostDetail, ReactionKind } from '../../api/groups.js';
import { renderPostBody, safeUrl } from './post-body.js';
import { POST_KIND_LABELS, fileSize, plural, when } from './labels.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import './mai-post-edit.js';

/**
 * Events: `mai-react` `{ kind }`, `mai-toggle-comments`, `mai-comment`
 * `{ body, done(ok) }`, `mai-delete-comment` `{ id }`, `mai-delete-post`, `mai-edit-post` `{ title, body, done(ok) }`,
 * `mai-edit-comment` `{ id, body, done(ok) }`. `isNew` flags a post published since my last visit.
 */
export class MaiPostCard extends LitElement {
  static properties = {
    post: { attribute: false },
    detail: { attribute: false },
    meId: { type: Number },
    showGroup: { type: Boolean },
    canModerate: { type: Boolean },
    isNew: { type: Boolean },
    editing: { state: true },
    draft: { state: true },
    sending: { state: true },
  };

  post!: Post;
  detail: PostDetail | null = null;
  meId = 0;
  showGroup = false;
  canModerate = false;
  isNew = false;
  /** `post`, a comment's id, or null. */
  editing: 'post' | number | null = null;
  draft = '';
  sending = false;

  createRenderRoot() {
    return this;
  }

  private fire(name: string, detail: Record<string, unknown> = {}) {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
  }

  private sendComment(e: Event) {
    e.preventDefault();
    const body = this.draft.trim();
    if (!body || this.sending) return;
    this.sending = true;
    this.fire('mai-comment', {
      body,
      done: (ok: boolean) => {
        this.sending = false;
        if (ok) this.draft = '';
      },
    });
  }

  private saveEdit(e: CustomEvent<{ title: string; body: string; done: () => void }>, commentId?: number) {
    e.stopPropagation();
    const { title, body, done } = e.detail;
    const after = (ok: boolean) => {
      done();
      if (ok) this.editing = null;
    };
    if (commentId) this.fire('mai-edit-comment', { id: commentId, body, done: after });
    else this.fire('mai-edit-post', { title, body, done: after });
  }

  private editButton(what: 'post' | number, label: string) {
    return html`<button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-edit-line fr-btn--icon-left" type="button"
      @click=${() => (this.editing = what)}>${label}</button>`;
  }

  private reaction(kind: ReactionKind, label: string, icon: string) {
    const mine = this.post.myReactions?.includes(kind) ?? false;
    const n = this.post.reactions[kind];
    return html`<button class="fr-btn fr-btn--sm fr-btn--icon-left ${icon} ${mine ? '' : 'fr-btn--tertiary'}" type="button"
      aria-pressed=${mine ? 'true' : 'false'} @click=${() => this.fire('mai-react', { kind })}>
      ${label} <span class="mai-count" aria-label=${plural(n, 'réaction')}>${n}</span>
    </button>`;
  }

  private files() {
    const p = this.post;
    return html`${
      p.image
        ? html`<p class="mai-post-image"><img src=${p.image.url} alt=${`Illustration : ${p.image.filename}`} loading="lazy" /></p>`
        : nothing
    }
      ${
        p.attachments.length
          ? html`<ul class="mai-post-files" aria-label="Fichiers joints">
            ${p.attachments.map(
              (
                a,
              ) => html`<li><a class="fr-link fr-icon-file-download-line fr-link--icon-left" href=${`${a.url}?download`} download=${a.filename}>
              ${a.filename}<span class="fr-hint-text">${a.mimeType} · ${fileSize(a.size)}</span></a></li>`,
            )}
          </ul>`
          : nothing
      }
      ${
        p.linkUrl && safeUrl(p.linkUrl)
          ? html`<p><a class="fr-link fr-icon-external-link-line fr-link--icon-right" href=${safeUrl(p.linkUrl)!} target="_blank" rel="noopener noreferrer nofollow">${p.linkUrl}</a></p>`
          : nothing
      }`;
  }

  private comments() {
    const d = this.detail;
    if (!d) return nothing;
    const id = `comment-${this.post.id}`;
    return html`<section class="mai-comments" aria-label="Commentaires">
      ${d.comments.length ? nothing : html`<p class="mai-muted fr-text--sm">Aucun commentaire pour l’instant.</p>`}
      <ul>
        ${d.comments.map(
          (c) => html`<li class="mai-comment">
          <p class="fr-text--sm fr-mb-0"><a href=${`/membres/${c.author.id}`}><strong>${c.author.displayName}</strong></a> · ${when(c.createdAt)}${c.editedAt ? ' · modifié' : ''}</p>
          ${
            this.editing === c.id
              ? html`<mai-post-edit prefix=${`comment-edit-${c.id}`} .body=${c.body} @mai-edit-save=${(e: CustomEvent) => this.saveEdit(e, c.id)}
                  @mai-edit-cancel=${() => (this.editing = null)}></mai-post-edit>`
              : html`<div class="mai-post-body fr-text--sm">${renderPostBody(c.body)}</div>`
          }
          ${c.author.id === this.meId && this.editing !== c.id ? this.editButton(c.id, 'Modifier le commentaire') : nothing}
          ${
            c.author.id === this.meId || d.canModerate
              ? html`<button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" type="button" @click=${() => this.fire('mai-delete-comment', { id: c.id })}>Supprimer le commentaire</button>`
              : nothing
          }
        </li>`,
        )}
      </ul>
      <form @submit=${this.sendComment}>
        <div class="fr-input-group">
          <label class="fr-label" for=${id}>Votre commentaire</label>
          <textarea class="fr-input" id=${id} rows="2" maxlength="5000" .value=${this.draft}
            @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        <button class="fr-btn fr-btn--sm" type="submit" ?disabled=${this.sending || !this.draft.trim()}>${this.sending ? 'Envoi…' : 'Commenter'}</button>
      </form>
    </section>`;
  }

  render() {
    const p = this.post;
    if (!p) return nothing;
    const canDelete = p.author.id === this.meId || this.canModerate || !!this.detail?.canDelete;
    return html`<article class="mai-post" aria-labelledby=${`post-${p.id}-title`}>
      <p class="fr-text--sm fr-mb-1v mai-muted">
        ${this.isNew ? html`<span class="fr-badge fr-badge--sm fr-badge--new fr-mr-1v">Nouveau</span>` : nothing}
        <span class="fr-tag fr-tag--sm">${POST_KIND_LABELS[p.kind]}</span>
        <a href=${`/membres/${p.author.id}`}>${p.author.displayName}</a>
        ${this.showGroup ? html` dans <a href=${`/groupes/${p.group.id}`}>${p.group.name}</a>` : nothing} · ${when(p.createdAt)}${p.editedAt ? ' · modifié' : ''}
      </p>
      <h3 class="fr-h5 fr-mb-1w" id=${`post-${p.id}-title`}>${p.title}</h3>
      ${
        this.editing === 'post'
          ? html`<mai-post-edit prefix=${`post-edit-${p.id}`} withTitle .title=${p.title} .body=${p.body}
              @mai-edit-save=${(e: CustomEvent) => this.saveEdit(e)} @mai-edit-cancel=${() => (this.editing = null)}></mai-post-edit>`
          : html`<div class="mai-post-body">${renderPostBody(p.body)}</div>`
      }
      ${p.kind === 'poll' ? html`<mai-poll .postId=${p.id}></mai-poll>` : nothing}
      ${this.files()}
      <div class="mai-post-actions">
        ${this.reaction('like', 'J’aime', 'fr-icon-thumb-up-line')}
        ${this.reaction('recommend', 'Je recommande', 'fr-icon-star-line')}
        <button class="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-chat-3-line fr-btn--icon-left" type="button"
          aria-expanded=${this.detail ? 'true' : 'false'} @click=${() => this.fire('mai-toggle-comments')}>
          ${this.detail ? 'Masquer les commentaires' : `Commentaires (${p.commentCount})`}
        </button>
        <mai-favorite-button kind="post" .targetId=${p.id} .label=${p.title}></mai-favorite-button>
        ${p.author.id === this.meId && this.editing !== 'post' ? this.editButton('post', 'Modifier') : nothing}
        ${
          canDelete
            ? html`<button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-delete-line fr-btn--icon-left" type="button"
              @click=${async () => (await askConfirmation({ title: 'Supprimer cette publication ?', body: 'La publication et ses commentaires seront supprimés.', confirmLabel: 'Supprimer' })) && this.fire('mai-delete-post')}>Supprimer</button>`
            : nothing
        }
      </div>
      ${this.comments()}
    </article>`;
  }
}

customElements.define('mai-post-card', MaiPostCard);
