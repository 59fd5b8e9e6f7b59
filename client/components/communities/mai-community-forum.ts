/**
 * <mai-community-forum>: the community's questions, answered or not; opening
 * one shows its answers, and its author (or a group manager) accepts one.
 * New questions are asked below. Container (API context).
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { Group, PostDetail } from '../../api/groups.js';
import type { ForumQuestion } from '../../api/communities.js';
import { apiContext } from '../../controllers/contexts.js';
import { noticeAlert, type Notice } from '../shared/fields.js';
import { emptyLine, loadingLine } from '../shared/list-states.js';
import { plural, when } from '../groups/labels.js';
import { renderPostBody } from '../groups/post-body.js';
import '../groups/mai-post-feed.js';

export class MaiCommunityForum extends LitElement {
  static properties = {
    group: { attribute: false },
    items: { state: true },
    open: { state: true },
    notice: { state: true },
  };

  group!: Group;
  items: ForumQuestion[] | null = null;
  open: PostDetail | null = null;
  notice: Notice | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.items = (await this.api.value!.communities.forum(this.group.id)).items;
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  private async toggle(q: ForumQuestion) {
    if (this.open?.id === q.postId) {
      this.open = null;
      return;
    }
    this.open = await this.api.value!.groups.post(q.postId);
  }

  private async accept(q: ForumQuestion, commentId: number | null) {
    try {
      await this.api.value!.communities.acceptAnswer(q.postId, commentId);
      this.notice = { kind: 'success', text: commentId ? 'Réponse acceptée.' : 'La réponse n’est plus marquée comme acceptée.' };
      await this.load();
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  private answers(q: ForumQuestion, d: PostDetail) {
    const canChoose = d.canEdit || d.canModerate;
    return html`<div class="fr-mt-1w">
      <div class="mai-post-body">${renderPostBody(d.body)}</div>
      ${d.comments.length ? nothing : html`<p class="mai-muted fr-text--sm">Pas encore de réponse : répondez depuis la question ci-dessous.</p>`}
      <ul>
        ${d.comments.map(
          (c) => html`<li class="mai-comment">
            <p class="fr-text--sm fr-mb-0"><strong>${c.author.displayName}</strong> · ${when(c.createdAt)}
              ${q.acceptedCommentId === c.id ? html`<span class="fr-badge fr-badge--sm fr-badge--success">Réponse acceptée</span>` : nothing}</p>
            <div class="mai-post-body fr-text--sm">${renderPostBody(c.body)}</div>
            ${
              canChoose
                ? q.acceptedCommentId === c.id
                  ? html`<button class="fr-btn fr-btn--sm fr-btn--tertiary" type="button" @click=${() => this.accept(q, null)}>Retirer l’acceptation</button>`
                  : html`<button class="fr-btn fr-btn--sm fr-btn--secondary" type="button" @click=${() => this.accept(q, c.id)}>Accepter cette réponse</button>`
                : nothing
            }
          </li>`,
        )}
      </ul>
    </div>`;
  }

  render() {
    const items = this.items;
    return html`<div aria-live="polite">${noticeAlert(this.notice)}</div>
      ${!items ? loadingLine('Chargement des questions…') : items.length ? nothing : emptyLine('Aucune question pour l’instant : posez la première.')}
      <ul class="mai-forum">
        ${(items ?? []).map(
          (q) => html`<li class="fr-mb-2w">
            <button class="fr-btn fr-btn--tertiary-no-outline" type="button" aria-expanded=${this.open?.id === q.postId ? 'true' : 'false'} @click=${() => this.toggle(q)}>
              ${q.title}
            </button>
            <span class="fr-badge fr-badge--sm ${q.acceptedCommentId ? 'fr-badge--success' : 'fr-badge--info'}">${q.acceptedCommentId ? 'Résolue' : 'En attente de réponse'}</span>
            <span class="fr-text--sm mai-muted">${q.author.displayName} · ${when(q.createdAt)} · ${plural(q.commentCount, 'réponse')}</span>
            ${this.open?.id === q.postId ? this.answers(q, this.open) : nothing}
          </li>`,
        )}
      </ul>
      <h3 class="fr-h5 fr-mt-4w">Poser une question, répondre</h3>
      <mai-post-feed .groupId=${this.group.id} .kind=${'question'} canPost ?canModerate=${!!this.group.canManage}></mai-post-feed>`;
  }
}

customElements.define('mai-community-forum', MaiCommunityForum);
