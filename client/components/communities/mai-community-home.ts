/**
 * <mai-community-home>: a community's page: its menu (entries with content or
 * where I may add some), then the chosen section. Opening it records my visit;
 * what was published after the previous one is flagged « Nouveau ».
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { Group } from '../../api/groups.js';
import type { CommunityHome, CommunitySection } from '../../api/communities.js';
import { apiContext } from '../../controllers/contexts.js';
import { loadingLine, retryAlert } from '../shared/list-states.js';
import { plural } from '../groups/labels.js';
import { SECTION_LABELS, sectionHref } from './labels.js';
import '../groups/mai-post-feed.js';
import '../agenda/mai-agenda-view.js';
import './mai-community-links.js';
import './mai-community-references.js';
import './mai-community-forum.js';
import './mai-subgroups.js';

/** Container: `group`, `section` in; `extra` (the group's own tabs: members, discussion…) listed after the menu, `ownContent` shown for them. */
export class MaiCommunityHome extends LitElement {
  static properties = {
    group: { attribute: false },
    section: {},
    extra: { attribute: false },
    ownContent: { attribute: false },
    home: { state: true },
    previousVisit: { state: true },
    error: { state: true },
  };

  group!: Group;
  section = 'accueil';
  extra: { href: string; label: string; current: boolean }[] = [];
  /** The group's own tab (members, documents…) when one of `extra` is open. */
  ownContent: unknown = null;
  home: CommunityHome | null = null;
  previousVisit: string | null = null;
  error = '';
  private visited = 0;
  /** The news since the previous visit, counted when the group was opened. */
  private news = 0;
  private loading: Promise<void> | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: PropertyValues<this>) {
    if (changed.has('group') && this.group && this.home?.groupId !== this.group.id) void this.load();
  }

  /** Reloads the menu's counts (after a link, a sub-group or a reference changed). */
  load(): Promise<void> {
    // One load at a time: two would race with the visit they record.
    this.loading ??= this.read().finally(() => (this.loading = null));
    return this.loading;
  }

  private async read() {
    const api = this.api.value!.communities;
    this.error = '';
    try {
      // The home counts the news since my last visit, so it is read before this visit is recorded; that
      // count and the previous visit are then kept while I browse the sections (once per opening).
      const home = await api.home(this.group.id);
      if (this.visited !== this.group.id && this.group.myStatus === 'member') {
        this.visited = this.group.id;
        this.news = home.sections.find((s) => s.id === 'actualites')?.newCount ?? 0;
        this.previousVisit = (await api.visit(this.group.id)).previousVisitAt;
      }
      this.home = {
        ...home,
        sections: home.sections.map((s) => (s.id === 'actualites' && this.visited === home.groupId ? { ...s, newCount: this.news } : s)),
      };
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private menu(h: CommunityHome) {
    const g = this.group;
    return html`<nav class="fr-sidemenu mai-community-menu" aria-labelledby="community-menu-title">
      <div class="fr-sidemenu__inner">
        <p class="fr-sidemenu__title" id="community-menu-title">Rubriques de la communauté</p>
        <ul class="fr-sidemenu__list">
          ${h.sections.map(
            (s) => html`<li class="fr-sidemenu__item ${s.id === this.section ? 'fr-sidemenu__item--active' : ''}">
              <a class="fr-sidemenu__link" href=${sectionHref(g.id, s.id)} aria-current=${s.id === this.section ? 'page' : nothing}>
                ${SECTION_LABELS[s.id]}
                ${s.newCount ? html`<span class="fr-badge fr-badge--sm fr-badge--new fr-ml-1v">${plural(s.newCount, 'nouveau', 'nouveaux')}</span>` : nothing}
              </a>
            </li>`,
          )}
          ${this.extra.map(
            (x) => html`<li class="fr-sidemenu__item ${x.current ? 'fr-sidemenu__item--active' : ''}">
              <a class="fr-sidemenu__link" href=${x.href} aria-current=${x.current ? 'page' : nothing}>${x.label}</a>
            </li>`,
          )}
        </ul>
      </div>
    </nav>`;
  }

  private welcome(h: CommunityHome) {
    const news = h.sections.find((s) => s.id === 'actualites');
    const g = this.group;
    return html`<h2 class="fr-h4">Accueil</h2>
      ${
        news?.newCount
          ? html`<p><a class="fr-link" href=${sectionHref(g.id, 'actualites')}>${plural(news.newCount, 'nouvelle publication', 'nouvelles publications')} depuis votre dernière visite</a></p>`
          : h.isMember
            ? html`<p class="mai-muted">Rien de nouveau depuis votre dernière visite.</p>`
            : nothing
      }
      <ul class="mai-community-summary">
        ${h.sections
          .filter((s) => s.id !== 'accueil')
          .map(
            (s) =>
              html`<li><a href=${sectionHref(g.id, s.id)}>${SECTION_LABELS[s.id]}</a> <span class="mai-muted">(${s.count})</span></li>`,
          )}
      </ul>
      ${h.subgroups.length ? html`<h3 class="fr-h6">Ses groupes</h3><mai-subgroups .parent=${g} .items=${h.subgroups} compact></mai-subgroups>` : nothing}
      ${h.links.length ? html`<h3 class="fr-h6">Liens utiles</h3><mai-community-links .groupId=${g.id} .items=${h.links} readonly></mai-community-links>` : nothing}`;
  }

  private content(h: CommunityHome) {
    const g = this.group;
    const known = h.sections.some((s) => s.id === this.section);
    const section = (known ? this.section : 'accueil') as CommunitySection;
    switch (section) {
      case 'actualites':
        return html`<h2 class="fr-h4">Actualités</h2>
          <mai-post-feed .groupId=${g.id} .newSince=${this.previousVisit} canPost ?canModerate=${!!g.canManage}></mai-post-feed>`;
      case 'experiences':
        return html`<h2 class="fr-h4">Partage d’expériences</h2>
          <mai-post-feed .groupId=${g.id} .kind=${'experience'} .newSince=${this.previousVisit} canPost ?canModerate=${!!g.canManage}></mai-post-feed>`;
      case 'forum':
        return html`<h2 class="fr-h4">Forum</h2><mai-community-forum .group=${g}></mai-community-forum>`;
      case 'references':
        return html`<h2 class="fr-h4">Documents de référence</h2><mai-community-references .groupId=${g.id} ?canEdit=${h.canManage}></mai-community-references>`;
      case 'agenda':
        return html`<h2 class="fr-h4">Agenda</h2><mai-agenda-view .groupId=${g.id} ?canCreate=${!!g.canManage}></mai-agenda-view>`;
      case 'groupes':
        return html`<h2 class="fr-h4">Groupes de la communauté</h2>
          <mai-subgroups .parent=${g} .items=${h.subgroups} ?canCreate=${!!g.canManage} @mai-subgroups-changed=${() => this.load()}></mai-subgroups>`;
      case 'liens':
        return html`<h2 class="fr-h4">Liens utiles</h2>
          <mai-community-links .groupId=${g.id} .items=${h.links} ?readonly=${!h.canManage} @mai-links-changed=${() => this.load()}></mai-community-links>`;
      default:
        return this.welcome(h);
    }
  }

  render() {
    if (this.error && !this.home) return retryAlert(this.error, () => this.load());
    const h = this.home;
    if (!h) return loadingLine('Chargement de la communauté…');
    return html`<div class="fr-grid-row fr-grid-row--gutters">
      <div class="fr-col-12 fr-col-md-4">${this.menu(h)}</div>
      <div class="fr-col-12 fr-col-md-8">${this.ownContent ?? this.content(h)}</div>
    </div>`;
  }
}

customElements.define('mai-community-home', MaiCommunityHome);
