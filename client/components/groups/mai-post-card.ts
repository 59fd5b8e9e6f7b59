/** <mai-post-card>: one post with its files, reactions and (when open) its comments. Leaf: properties in, events out. */
import { LitElement, html, nothing } from 'lit';
import type { Post, PostDetail, ReactionKind } from '../../api/groups.js';
import { renderPostBody, safeUrl } from './post-body.js';
import { POST_KIND_LABELS, fileSize, plural, when } from './labels.js';
import { askConfirmation } from '../shared/confirm-dialog.js';

/**
 * Events: `mai-react` `{ kind }`, `mai-toggle-comments`, `mai-comment`
 * `{ body, done(ok) }`, `mai-delete-comment` `{ id }`, `mai-delete-post`.
 */
export class MaiPostCard extends LitElement {
  static properties = {
    post: { attribute: false },
    detail: { attribute: false },
    meId: { type: Number },
    showGroup: { type: Boolean },
    canModerate: { type: Boolean },
    draft: { state: true },
    sending: { state: true },
  };

  post!: Post;
  detail: PostDetail | null = null;
  meId = 0;
  showGroup = false;
  canModerate = false;
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
          <div class="mai-post-body fr-text--sm">${renderPostBody(c.body)}</div>
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
        <span class="fr-tag fr-tag--sm">${POST_KIND_LABELS[p.kind]}</span>
        <a href=${`/membres/${p.author.id}`}>${p.author.displayName}</a>
        ${this.showGroup ? html` dans <a href=${`/groupes/${p.group.id}`}>${p.group.name}</a>` : nothing} · ${when(p.createdAt)}${p.editedAt ? ' · modifié' : ''}
      </p>
      <h3 class="fr-h5 fr-mb-1w" id=${`post-${p.id}-title`}>${p.title}</h3>
      <div class="mai-post-body">${renderPostBody(p.body)}</div>
      ${this.files()}
      <div class="mai-post-actions">
        ${this.reaction('like', 'J’aime', 'fr-icon-thumb-up-line')}
        ${this.reaction('recommend', 'Je recommande', 'fr-icon-star-line')}
        <button class="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-chat-3-line fr-btn--icon-left" type="button"
          aria-expanded=${this.detail ? 'true' : 'false'} @click=${() => this.fire('mai-toggle-comments')}>
          ${this.detail ? 'Masquer les commentaires' : `Commentaires (${p.commentCount})`}
        </button>
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
