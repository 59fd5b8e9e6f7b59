/** <mai-member-page> (/membres/:id): a member's public profile, their groups, and a button to write to them. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { MemberProfile } from '../../api/groups.js';
import { apiContext, departmentsContext, routerContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { alertBox } from '../shared/fields.js';
import { ROLE_LABELS, initials } from '../shared/labels.js';
import { GROUP_ROLE_LABELS, VISIBILITY_LABELS } from '../groups/labels.js';
import { loadingLine } from '../shared/list-states.js';
import { setPageTitle } from '../../state/page-title.js';

/** Container: `userId` in (from the path). */
export class MaiMemberPage extends LitElement {
  static properties = {
    userId: { type: Number },
    profile: { state: true },
    status: { state: true },
    error: { state: true },
  };

  userId = 0;
  profile: MemberProfile | null = null;
  status: 'loading' | 'ready' | 'missing' | 'error' = 'loading';
  error = '';
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });
  private session = new StoreController(this, sessionContext);
  private departments = new StoreController(this, departmentsContext);

  createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: PropertyValues<this>) {
    if (changed.has('userId')) void this.load();
  }

  private async load() {
    this.status = 'loading';
    void this.departments.value?.load();
    try {
      this.profile = await this.api.value!.groups.profile(this.userId);
      this.status = 'ready';
      setPageTitle(this.profile.displayName);
    } catch (err) {
      this.status = err instanceof ApiError && (err.status === 404 || err.status === 400) ? 'missing' : 'error';
      this.error = errorMessage(err);
    }
  }

  render() {
    if (this.status === 'loading') return loadingLine('Chargement du profil…');
    if (this.status === 'missing')
      return html`<h1 tabindex="-1">Membre introuvable</h1><p><a class="fr-link" href="/annuaire">Retour à l’annuaire</a></p>`;
    if (this.status === 'error' || !this.profile) return html`<h1 tabindex="-1">Profil</h1>${alertBox('error', this.error)}`;
    const p = this.profile;
    const me = this.session.value?.user?.id === p.id;
    const facts: [string, string | null][] = [
      ['Fonction', p.jobTitle],
      ['Employeur', p.employer],
      ['Département', this.departments.value?.label(p.departmentCode) || p.departmentCode],
      ['Ville', p.city],
      ['Rôle', p.role !== 'member' ? ROLE_LABELS[p.role] : null],
      ['Compte', p.professional ? 'Professionnel (validé par le réseau)' : null],
    ];
    return html`<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :"><ol class="fr-breadcrumb__list">
        <li><a class="fr-breadcrumb__link" href="/annuaire">Annuaire des membres</a></li>
        <li><a class="fr-breadcrumb__link" aria-current="page">${p.displayName}</a></li></ol></nav>
      <div class="mai-member-head">
        ${p.avatarUrl ? html`<img class="mai-avatar" src=${p.avatarUrl} alt="" width="80" height="80" />` : html`<span class="mai-avatar" aria-hidden="true">${initials(p.firstName, p.lastName)}</span>`}
        <div>
          <h1 tabindex="-1" class="fr-mb-1v">${p.displayName}</h1>
          <p class="mai-muted">@${p.username}${p.isContact ? ' · dans vos contacts' : ''}</p>
        </div>
      </div>
      <dl class="mai-facts">${facts.filter(([, v]) => v).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
      ${p.bio ? html`<h2 class="fr-h5">Présentation</h2><p class="mai-pre-line">${p.bio}</p>` : nothing}
      ${
        me
          ? html`<p><a class="fr-btn fr-btn--secondary" href="/profil">Modifier mon profil</a></p>`
          : html`<p><button class="fr-btn fr-icon-chat-3-line fr-btn--icon-left" type="button" @click=${() => this.router.value?.navigate(`/discussions?dm=${p.id}`)}>Écrire à ${p.firstName}</button></p>`
      }
      <h2 class="fr-h5">Groupes</h2>
      ${
        p.groups.length
          ? html`<ul>${p.groups.map((g) => html`<li><a href=${`/groupes/${g.id}`}>${g.name}</a> <span class="mai-muted fr-text--sm">(${VISIBILITY_LABELS[g.visibility]}${g.role !== 'member' ? ` · ${GROUP_ROLE_LABELS[g.role].toLowerCase()}` : ''})</span></li>`)}</ul>`
          : html`<p class="mai-muted">Aucun groupe visible.</p>`
      }`;
  }
}

customElements.define('mai-member-page', MaiMemberPage);
