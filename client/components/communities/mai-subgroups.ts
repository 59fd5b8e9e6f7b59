/**
 * <mai-subgroups>: the groups inside a community, each with its join button
 * (joining follows the parent's rule: be a member of the community first),
 * and for its managers the form to create one. Container (API context).
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { Group, Visibility } from '../../api/groups.js';
import { apiContext, routerContext } from '../../controllers/contexts.js';
import { noticeAlert, type Notice } from '../shared/fields.js';
import { focusAfter, focusErrorAlert } from '../shared/focus.js';
import { emptyLine } from '../shared/list-states.js';
import '../groups/mai-group-card.js';
import '../groups/mai-group-create.js';

/** `parent`, `items`, `canCreate`, `compact` in; `mai-subgroups-changed` out. */
export class MaiSubgroups extends LitElement {
  static properties = {
    parent: { attribute: false },
    items: { attribute: false },
    canCreate: { type: Boolean },
    compact: { type: Boolean },
    busy: { state: true },
    creating: { state: true },
    errors: { state: true },
    notice: { state: true },
  };

  parent!: Group;
  items: Group[] = [];
  canCreate = false;
  compact = false;
  busy = new Set<number>();
  creating = false;
  errors: Record<string, string> = {};
  notice: Notice | null = null;
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });

  createRenderRoot() {
    return this;
  }

  private changed() {
    this.dispatchEvent(new CustomEvent('mai-subgroups-changed', { bubbles: true, composed: true }));
  }

  private async act(e: CustomEvent<{ groupId: number; motive?: string | null }>, what: 'join' | 'leave' | 'accept' | 'decline') {
    e.stopPropagation();
    const api = this.api.value!.groups;
    const id = e.detail.groupId;
    const g = this.items.find((x) => x.id === id);
    this.busy = new Set([...this.busy, id]);
    this.notice = null;
    try {
      if (what === 'join') {
        const { status } = await api.join(id, e.detail.motive);
        this.notice = {
          kind: 'success',
          text: status === 'pending' ? `Votre demande pour « ${g?.name} » est envoyée.` : `Vous êtes membre de « ${g?.name} ».`,
        };
      } else if (what === 'leave') await api.leave(id);
      else await api[what](id);
      const fresh = await api.get(id);
      this.items = this.items.map((x) => (x.id === id ? fresh : x));
      this.changed();
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
      void focusErrorAlert(this);
    } finally {
      this.busy = new Set([...this.busy].filter((x) => x !== id));
    }
  }

  private async create(e: CustomEvent<{ name: string; description: string | null; visibility: Visibility }>) {
    e.stopPropagation();
    this.creating = true;
    this.errors = {};
    try {
      const g = await this.api.value!.groups.create({ ...e.detail, parentId: this.parent.id });
      this.changed();
      this.router.value?.navigate(`/groupes/${g.id}`);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      if (Object.keys(fields).length) this.errors = fields;
      else {
        this.notice = { kind: 'error', text: errorMessage(err) };
        void focusErrorAlert(this);
      }
    } finally {
      this.creating = false;
    }
  }

  render() {
    const closed = this.parent.myStatus !== 'member';
    return html`<div aria-live="polite">${noticeAlert(this.notice)}</div>
      ${closed && this.items.length ? html`<p class="mai-muted">Pour rejoindre un de ces groupes, devenez d’abord membre de « ${this.parent.name} ».</p>` : nothing}
      ${this.items.length ? nothing : emptyLine('Aucun groupe dans cette communauté pour l’instant.')}
      <ul class="mai-card-list" @mai-join=${(e: CustomEvent) => this.act(e, 'join')} @mai-leave=${(e: CustomEvent) => this.act(e, 'leave')}
        @mai-accept=${(e: CustomEvent) => this.act(e, 'accept')} @mai-decline=${(e: CustomEvent) => this.act(e, 'decline')}>
        ${this.items.map((g) => html`<li><mai-group-card .group=${g} ?busy=${this.busy.has(g.id)}></mai-group-card></li>`)}
      </ul>
      ${
        this.canCreate && !this.compact
          ? html`<details class="fr-mt-3w" @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && void focusAfter(this, '#group-name')}>
              <summary class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left">Créer un groupe dans la communauté</summary>
              <div class="fr-mt-2w"><mai-group-create ?busy=${this.creating} .errors=${this.errors} @mai-group-create=${this.create}></mai-group-create></div>
            </details>`
          : nothing
      }`;
  }
}

customElements.define('mai-subgroups', MaiSubgroups);
