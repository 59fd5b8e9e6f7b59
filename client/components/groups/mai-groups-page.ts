/** <mai-groups-page> (/groupes, /groupes/annuaire, /groupes/fil): my groups and invitations, the group directory, my feed. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { Visibility } from '../../api/groups.js';
import { apiContext, routerContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { GroupsStore } from '../../state/groups-store.js';
import { alertBox, noticeAlert, type Notice } from '../shared/fields.js';
import { emptyLine, loadingLine, moreButton, retryAlert } from '../shared/list-states.js';
import type { MaiGroupCreate } from './mai-group-create.js';
import './mai-group-card.js';
import './mai-group-create.js';
import { focusAfter, focusErrorAlert } from '../shared/focus.js';
import './mai-post-feed.js';
import './mai-group-page.js';
import '../communities/mai-group-suggestions.js';
import { COMMUNITY_TABS } from './mai-group-page.js';
import { helpLink } from '../shared/help-link.js';
import { HELP_TOPICS } from '../help/guides.js';

export type GroupsView = 'mine' | 'directory' | 'feed';

const TABS: { view: GroupsView; href: string; label: string }[] = [
  { view: 'mine', href: '/groupes', label: 'Mes groupes' },
  { view: 'directory', href: '/groupes/annuaire', label: 'Annuaire des groupes' },
  { view: 'feed', href: '/groupes/fil', label: 'Mon fil' },
];

/** Container over a GroupsStore built from the API context. */
export class MaiGroupsPage extends LitElement {
  static properties = {
    view: {},
    q: { state: true },
    showCreate: { state: true },
    creating: { state: true },
    createErrors: { state: true },
    notice: { state: true },
  };

  view: GroupsView = 'mine';
  q = '';
  showCreate = false;
  creating = false;
  createErrors: Record<string, string> = {};
  notice: Notice | null = null;
  private api = new ContextConsumer(this, { context: apiContext });
  private session = new StoreController(this, sessionContext);
  private router = new ContextConsumer(this, { context: routerContext });
  private store: StoreController<GroupsStore> | null = null;

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    if (!this.store && this.api.value) this.store = new StoreController(this, new GroupsStore(this.api.value));
    void this.store?.value?.loadMine();
  }

  protected willUpdate(changed: PropertyValues<this>) {
    const s = this.store?.value;
    if (changed.has('view') && this.view === 'directory' && s && s.directoryStatus === 'idle') void s.search('');
  }

  private async act(e: CustomEvent<{ groupId: number; motive?: string | null }>, what: 'join' | 'leave' | 'accept' | 'decline') {
    const s = this.store!.value!;
    const g = s.find(e.detail.groupId);
    this.notice = null;
    const ok = what === 'join' ? await s.join(e.detail.groupId, e.detail.motive) : await s[what](e.detail.groupId);
    if (!ok) {
      this.notice = { kind: 'error', text: errorMessage(s.error) };
      void focusErrorAlert(this);
      return;
    }
    const after = s.find(e.detail.groupId);
    const name = g?.name ?? 'le groupe';
    const texts = {
      join:
        after?.myStatus === 'pending'
          ? `Votre demande pour « ${name} » est envoyée à ses responsables.`
          : `Vous êtes membre de « ${name} ».`,
      leave: g?.myStatus === 'pending' ? `Votre demande pour « ${name} » est annulée.` : `Vous avez quitté « ${name} ».`,
      accept: `Bienvenue dans « ${name} ».`,
      decline: `Invitation à « ${name} » refusée.`,
    };
    this.notice = { kind: 'success', text: texts[what] };
  }

  private toggleCreate = () => {
    this.showCreate = !this.showCreate;
    // Opening the form: the name is typed next.
    if (this.showCreate) void focusAfter(this, '#group-name');
  };

  private async onCreate(e: CustomEvent<{ name: string; description: string | null; visibility: Visibility }>) {
    this.creating = true;
    this.createErrors = {};
    const group = await this.store!.value!.create(e.detail);
    this.creating = false;
    if (group) {
      this.querySelector<MaiGroupCreate>('mai-group-create')?.reset();
      this.showCreate = false;
      this.router.value?.navigate(`/groupes/${group.id}`);
      return;
    }
    const err = this.store!.value!.error;
    const fields = err instanceof ApiError ? err.fieldErrors : {};
    if (Object.keys(fields).length) this.createErrors = fields;
    else {
      this.notice = { kind: 'error', text: errorMessage(err) };
      void focusErrorAlert(this);
    }
  }

  private cards(groups: ReturnType<GroupsStore['find']>[], empty: string) {
    const s = this.store!.value!;
    if (!groups.length) return emptyLine(empty);
    return html`<ul class="mai-card-list" @mai-join=${(e: CustomEvent) => this.act(e, 'join')} @mai-leave=${(e: CustomEvent) => this.act(e, 'leave')}
      @mai-accept=${(e: CustomEvent) => this.act(e, 'accept')} @mai-decline=${(e: CustomEvent) => this.act(e, 'decline')}>
      ${groups.map((g) => html`<li><mai-group-card .group=${g} ?busy=${s.busy.has(g!.id)}></mai-group-card></li>`)}
    </ul>`;
  }

  /** My groups, each sub-group listed under its community when I am in that community too. */
  private nested(groups: ReturnType<GroupsStore['find']>[], empty: string) {
    const s = this.store!.value!;
    const mine = groups.filter((g) => !!g);
    const ids = new Set(mine.map((g) => g!.id));
    const top = mine.filter((g) => !g!.parentId || !ids.has(g!.parentId));
    if (!top.length) return emptyLine(empty);
    const card = (g: NonNullable<(typeof mine)[number]>) => html`<mai-group-card .group=${g} ?busy=${s.busy.has(g.id)}></mai-group-card>`;
    return html`<ul class="mai-card-list" @mai-join=${(e: CustomEvent) => this.act(e, 'join')} @mai-leave=${(e: CustomEvent) => this.act(e, 'leave')}
      @mai-accept=${(e: CustomEvent) => this.act(e, 'accept')} @mai-decline=${(e: CustomEvent) => this.act(e, 'decline')}>
      ${top.map((g) => {
        const children = mine.filter((c) => c!.parentId === g!.id);
        return html`<li>${card(g!)}${
          children.length
            ? html`<ul class="mai-card-list mai-card-list--nested" aria-label=${`Groupes de ${g!.name}`}>${children.map((c) => html`<li>${card(c!)}</li>`)}</ul>`
            : nothing
        }</li>`;
      })}
    </ul>`;
  }

  private mine() {
    const s = this.store!.value!;
    if (s.mineStatus === 'loading') return loadingLine('Chargement de vos groupes…');
    if (s.mineStatus === 'error') return retryAlert(errorMessage(s.error), () => s.loadMine());
    const pending = s.mine.filter((g) => g.myStatus === 'pending');
    const staff = ['animator', 'admin'].includes(this.session.value?.user?.role ?? '');
    return html`${
      s.invitations.length
        ? html`<section aria-labelledby="groups-invitations"><h2 id="groups-invitations" class="fr-h4">Invitations</h2>${this.cards(s.invitations, '')}</section>`
        : nothing
    }
      <section aria-labelledby="groups-mine">
        <h2 id="groups-mine" class="fr-h4">Mes groupes</h2>
        ${this.nested(s.memberOf, 'Vous n’êtes membre d’aucun groupe pour l’instant. Parcourez l’annuaire des groupes pour en rejoindre.')}
      </section>
      ${pending.length ? html`<section aria-labelledby="groups-pending"><h2 id="groups-pending" class="fr-h4">Demandes en attente</h2>${this.cards(pending, '')}</section>` : nothing}
      ${staff ? this.createSection() : nothing}`;
  }

  private createSection() {
    return html`<section class="fr-mt-4w" aria-labelledby="group-create-title">
      <h2 id="group-create-title" class="fr-h4">Créer un groupe</h2>
      <button class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left" type="button" aria-expanded=${this.showCreate ? 'true' : 'false'}
        aria-controls="group-create" @click=${this.toggleCreate}>${this.showCreate ? 'Masquer le formulaire' : 'Nouveau groupe'}</button>
      <div id="group-create" class="fr-mt-3w" ?hidden=${!this.showCreate}>
        <mai-group-create ?busy=${this.creating} .errors=${this.createErrors} @mai-group-create=${this.onCreate}></mai-group-create>
      </div>
    </section>`;
  }

  private directory() {
    const s = this.store!.value!;
    const loading = s.directoryStatus === 'loading';
    return html`<mai-group-suggestions></mai-group-suggestions>
      <form role="search" class="fr-mb-3w" aria-label="Rechercher un groupe" @submit=${(e: Event) => {
        e.preventDefault();
        void s.search(this.q);
      }}>
        <div class="fr-search-bar">
          <label class="fr-label" for="groups-q">Rechercher un groupe</label>
          <input class="fr-input" id="groups-q" type="search" placeholder="Nom ou thème du groupe" .value=${this.q}
            @input=${(e: Event) => (this.q = (e.target as HTMLInputElement).value)} />
          <button class="fr-btn" type="submit" title="Rechercher">Rechercher</button>
        </div>
      </form>
      <h2 class="fr-sr-only">Groupes trouvés</h2>
      ${s.directoryStatus === 'error' ? alertBox('error', errorMessage(s.error)) : this.cards(s.directory, loading ? '' : 'Aucun groupe ne correspond à cette recherche.')}
      ${loading ? loadingLine('Recherche en cours…') : nothing}
      ${s.directoryCursor && !loading ? moreButton('Afficher plus de groupes', () => s.search(s.query, true)) : nothing}`;
  }

  render() {
    const s = this.store?.value;
    if (!s) return nothing;
    return html`<h1 tabindex="-1">Groupes</h1>
      <p>${helpLink(HELP_TOPICS.groups, 'les groupes')}</p>
      <nav class="mai-tabs" aria-label="Rubriques des groupes">
        <ul>${TABS.map((t) => html`<li><a href=${t.href} aria-current=${t.view === this.view ? 'page' : nothing}>${t.label}</a></li>`)}</ul>
      </nav>
      <div aria-live="polite">${noticeAlert(this.notice)}</div>
      ${this.view === 'mine' ? this.mine() : this.view === 'directory' ? this.directory() : html`<mai-post-feed .groupId=${null}></mai-post-feed>`}`;
  }
}

customElements.define('mai-groups-page', MaiGroupsPage);

/** /groupes/… : a number opens that group (`/groupes/12/membres`), `annuaire` and `fil` the other views. */
export function groupsRoute(params: string[]) {
  const [first, tab] = params;
  if (first && /^\d+$/.test(first)) {
    const known = ['fil', 'membres', 'documents', 'agenda', 'demandes', 'parametres', ...COMMUNITY_TABS];
    return html`<mai-group-page .groupId=${Number(first)} .tab=${known.includes(tab ?? '') ? tab : 'fil'}></mai-group-page>`;
  }
  return html`<mai-groups-page .view=${first === 'annuaire' ? 'directory' : first === 'fil' ? 'feed' : 'mine'}></mai-groups-page>`;
}
