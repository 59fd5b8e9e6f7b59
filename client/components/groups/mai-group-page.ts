/** <mai-group-page> (/groupes/:id[/onglet]): one group, with its tabs (Fil, Discussion, Membres, Documents, Agenda, Demandes). */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { Group } from '../../api/groups.js';
import { apiContext, routerContext } from '../../controllers/contexts.js';
import { noticeAlert, type Notice } from '../shared/fields.js';
import { loadingLine, retryAlert } from '../shared/list-states.js';
import { VISIBILITY_LABELS, plural } from './labels.js';
import './mai-group-card.js';
import './mai-group-members.js';
import './mai-group-requests.js';
import './mai-post-feed.js';
import '../documents/mai-document-bank.js';
import '../agenda/mai-agenda-view.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { setPageTitle } from '../../state/page-title.js';

export type GroupTab = 'fil' | 'membres' | 'documents' | 'agenda' | 'demandes';

/** Container: `groupId` and `tab` in (from the path). */
export class MaiGroupPage extends LitElement {
  static properties = {
    groupId: { type: Number },
    tab: {},
    group: { state: true },
    status: { state: true },
    error: { state: true },
    busy: { state: true },
    notice: { state: true },
  };

  groupId = 0;
  tab: GroupTab = 'fil';
  group: Group | null = null;
  status: 'loading' | 'ready' | 'missing' | 'error' = 'loading';
  error = '';
  busy = false;
  notice: Notice | null = null;
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });

  createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: PropertyValues<this>) {
    if (changed.has('groupId')) void this.load();
  }

  private async load() {
    this.status = this.group?.id === this.groupId ? 'ready' : 'loading';
    try {
      this.group = await this.api.value!.groups.get(this.groupId);
      this.status = 'ready';
      setPageTitle(this.group.name);
    } catch (err) {
      this.status = err instanceof ApiError && err.status === 404 ? 'missing' : 'error';
      this.error = errorMessage(err);
    }
  }

  private async act(what: 'join' | 'leave' | 'accept' | 'decline', motive?: string | null) {
    const api = this.api.value!.groups;
    this.busy = true;
    this.notice = null;
    try {
      if (what === 'join') {
        const { status } = await api.join(this.groupId, motive);
        this.notice = {
          kind: 'success',
          text: status === 'pending' ? 'Votre demande est envoyée aux responsables du groupe.' : 'Vous êtes membre du groupe.',
        };
      } else if (what === 'leave') {
        if (
          this.group?.myStatus === 'member' &&
          !(await askConfirmation({
            title: 'Quitter le groupe ?',
            body: `Quitter le groupe « ${this.group.name} » ?`,
            confirmLabel: 'Quitter le groupe',
          }))
        )
          return;
        await api.leave(this.groupId);
      } else {
        await api[what](this.groupId);
      }
      if (what === 'decline' && this.group?.visibility === 'private') {
        this.router.value?.navigate('/groupes');
        return;
      }
      await this.load();
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    } finally {
      this.busy = false;
    }
  }

  private tabs(g: Group) {
    const base = `/groupes/${g.id}`;
    const items: [GroupTab | 'discussion', string, string][] = [
      ['fil', base, 'Fil'],
      ['discussion', g.channelId ? `/discussions/${g.channelId}` : base, 'Discussion'],
      ['membres', `${base}/membres`, 'Membres'],
      ['documents', `${base}/documents`, 'Documents'],
      ['agenda', `${base}/agenda`, 'Agenda'],
    ];
    if (g.canManage) items.push(['demandes', `${base}/demandes`, 'Demandes et invitations']);
    return html`<nav class="mai-tabs" aria-label="Rubriques du groupe">
      <ul>${items.map(([tab, href, label]) => html`<li><a href=${href} aria-current=${tab === this.tab ? 'page' : nothing}>${label}</a></li>`)}</ul>
    </nav>`;
  }

  private content(g: Group) {
    switch (this.tab) {
      case 'membres':
        return html`<mai-group-members .group=${g}></mai-group-members>`;
      case 'demandes':
        return g.canManage ? html`<mai-group-requests .group=${g}></mai-group-requests>` : nothing;
      case 'documents':
        return html`<h2 class="fr-h4">Documents du groupe</h2><mai-document-bank .groupId=${g.id}></mai-document-bank>`;
      case 'agenda':
        return html`<h2 class="fr-h4">Agenda du groupe</h2><mai-agenda-view .groupId=${g.id} ?canCreate=${!!g.canManage}></mai-agenda-view>`;
      default:
        return html`<mai-post-feed .groupId=${g.id} canPost ?canModerate=${!!g.canManage}></mai-post-feed>`;
    }
  }

  render() {
    if (this.status === 'loading') return loadingLine('Chargement du groupe…');
    if (this.status === 'missing') {
      return html`<h1 tabindex="-1">Groupe introuvable</h1>
        <p>Ce groupe n’existe pas ou n’est pas visible pour vous.</p><p><a class="fr-link" href="/groupes/annuaire">Voir l’annuaire des groupes</a></p>`;
    }
    if (this.status === 'error' || !this.group) {
      return html`<h1 tabindex="-1">Groupe</h1>${retryAlert(this.error, () => this.load(), { primary: true })}`;
    }
    const g = this.group;
    const member = g.myStatus === 'member';
    return html`<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
        <ol class="fr-breadcrumb__list">
          <li><a class="fr-breadcrumb__link" href="/groupes">Groupes</a></li>
          ${g.parent ? html`<li><a class="fr-breadcrumb__link" href=${`/groupes/${g.parent.id}`}>${g.parent.name}</a></li>` : nothing}
          <li><a class="fr-breadcrumb__link" aria-current="page">${g.name}</a></li>
        </ol>
      </nav>
      <h1 tabindex="-1">${g.name}</h1>
      <p class="mai-muted">${VISIBILITY_LABELS[g.visibility]} · ${plural(g.memberCount, 'membre')}</p>
      ${g.description ? html`<p>${g.description}</p>` : nothing}
      <div aria-live="polite">${noticeAlert(this.notice)}</div>
      ${
        member
          ? html`${this.tabs(g)}<div @mai-group-changed=${() => this.load()}>${this.content(g)}</div>
            <p class="fr-mt-6w"><button class="fr-btn fr-btn--tertiary fr-btn--sm" type="button" ?disabled=${this.busy} @click=${() => this.act('leave')}>Quitter le groupe</button></p>`
          : html`<div class="fr-mb-4w" @mai-join=${(e: CustomEvent) => this.act('join', e.detail.motive)} @mai-leave=${() => this.act('leave')}
              @mai-accept=${() => this.act('accept')} @mai-decline=${() => this.act('decline')}>
              <mai-group-card .group=${g} ?busy=${this.busy}></mai-group-card>
            </div>
            <p class="mai-muted">Le fil, la discussion et les membres du groupe sont réservés à ses membres.</p>`
      }`;
  }
}

customElements.define('mai-group-page', MaiGroupPage);
