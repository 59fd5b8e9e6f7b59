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
import type { CommunitySection } from '../../api/communities.js';
import { sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import '../communities/mai-community-home.js';
import '../communities/mai-group-gear.js';
import '../communities/mai-group-settings.js';

export type GroupTab = 'fil' | 'membres' | 'documents' | 'agenda' | 'demandes' | 'parametres' | CommunitySection;
/** A community's own sections (its menu), besides the group's tabs. */
export const COMMUNITY_TABS = ['accueil', 'actualites', 'references', 'experiences', 'forum', 'groupes', 'liens'];

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
  private session = new StoreController(this, sessionContext);

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

  private onChanged = (e: CustomEvent<{ text?: string } | null>) => {
    if (e.detail?.text) this.notice = { kind: 'success', text: e.detail.text };
    void this.load();
  };

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
    if (this.canSettle(g)) items.push(['parametres', `${base}/parametres`, 'Paramètres']);
    return html`<nav class="mai-tabs" aria-label="Rubriques du groupe">
      <ul>${items.map(([tab, href, label]) => html`<li><a href=${href} aria-current=${tab === this.tab ? 'page' : nothing}>${label}</a></li>`)}</ul>
    </nav>`;
  }

  /** Group managers, and the network's animators (who may make it a community). */
  private canSettle(g: Group) {
    return !!g.canManage || this.animator();
  }

  private animator() {
    return ['animator', 'admin'].includes(this.session.value?.user?.role ?? '');
  }

  /** A community: its menu, then the group's own tabs (discussion, members, documents…). */
  private community(g: Group) {
    const base = `/groupes/${g.id}`;
    // The group's own tabs are for its members; a manager or animator outside it keeps the settings.
    const own: [string, string, string][] =
      g.myStatus === 'member'
        ? [
            ['discussion', g.channelId ? `/discussions/${g.channelId}` : base, 'Discussion'],
            ['membres', `${base}/membres`, 'Membres'],
            ['documents', `${base}/documents`, 'Tous les documents'],
          ]
        : [];
    if (g.canManage) own.push(['demandes', `${base}/demandes`, 'Demandes et invitations']);
    if (this.canSettle(g)) own.push(['parametres', `${base}/parametres`, 'Paramètres']);
    const section = this.tab === 'fil' ? 'accueil' : this.tab;
    const isOwn = own.some(([t]) => t === section);
    return html`<mai-community-home .group=${g} .section=${section} .ownContent=${isOwn ? this.content(g) : null}
      .extra=${own.map(([t, href, label]) => ({ href, label, current: t === section }))}></mai-community-home>`;
  }

  private content(g: Group) {
    switch (this.tab) {
      case 'parametres':
        return this.canSettle(g)
          ? html`<mai-group-settings .group=${g} ?canEditCommunity=${this.canSettle(g)}></mai-group-settings>`
          : nothing;
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
      ${g.pictureUrl ? html`<img class="mai-group-picture" src=${g.pictureUrl} alt="" width="96" height="96" />` : nothing}
      <h1 tabindex="-1">${g.name}</h1>
      <p class="mai-muted">${VISIBILITY_LABELS[g.visibility]} · ${plural(g.memberCount, 'membre')}</p>
      ${g.description ? html`<p>${g.description}</p>` : nothing}
      <div aria-live="polite">${noticeAlert(this.notice)}</div>
      ${
        member
          ? html`<div class="fr-mb-2w" @mai-leave=${() => this.act('leave')}><mai-group-gear .group=${g}></mai-group-gear></div>
            <div @mai-group-changed=${this.onChanged}>${g.isCommunity ? this.community(g) : html`${this.tabs(g)}${this.content(g)}`}</div>`
          : g.isCommunity || this.canSettle(g)
            ? html`<div class="fr-mb-4w" @mai-join=${(e: CustomEvent) => this.act('join', e.detail.motive)} @mai-leave=${() => this.act('leave')}
              @mai-accept=${() => this.act('accept')} @mai-decline=${() => this.act('decline')}>
              <mai-group-card .group=${g} ?busy=${this.busy}></mai-group-card>
            </div>
            <div @mai-group-changed=${this.onChanged}>
              ${
                g.isCommunity
                  ? this.community(g)
                  : this.tab === 'parametres'
                    ? this.content(g)
                    : html`<p><a class="fr-link fr-icon-settings-5-line fr-link--icon-left" href=${`/groupes/${g.id}/parametres`}>Paramètres du groupe</a></p>`
              }
            </div>`
            : html`<div class="fr-mb-4w" @mai-join=${(e: CustomEvent) => this.act('join', e.detail.motive)} @mai-leave=${() => this.act('leave')}
              @mai-accept=${() => this.act('accept')} @mai-decline=${() => this.act('decline')}>
              <mai-group-card .group=${g} ?busy=${this.busy}></mai-group-card>
            </div>
            <p class="mai-muted">Le fil, la discussion et les membres du groupe sont réservés à ses membres.</p>`
      }`;
  }
}

customElements.define('mai-group-page', MaiGroupPage);
