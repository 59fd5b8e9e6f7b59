/**
 * <mai-projects-page> (/projets): « Mes projets » for a créateur (their sheets
 * and a new one), « Mes accompagnements » for a professional (the sheets
 * shared with them, unread contributions first); /projets/nouveau,
 * /projets/:id (the sheet) and /projets/:id/canevas (its canvas).
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { ProjectSheetSummary, SheetBody, User } from '../../../server/protocol/index.js';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import { apiContext, routerContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { noticeAlert, type Notice } from '../shared/fields.js';
import { emptyLine, loadingLine } from '../shared/list-states.js';
import { focusAfter } from '../shared/focus.js';
import { STAGES, labelOf } from './labels.js';
import './mai-sheet-form.js';
import './mai-sheet-page.js';
import './mai-sheet-canvas.js';

/** Account types that keep sheets, and those that accompany (server: access/account-types.ts). */
export const keepsSheets = (u: User | null | undefined) => u?.accountType === 'createur';
export const accompanies = (u: User | null | undefined) => u?.accountType === 'professionnel' || u?.accountType === 'animateur_territorial';

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

/** One line of a list of sheets. */
function sheetLine(s: ProjectSheetSummary, showOwner: boolean): TemplateResult {
  return html`<li class="fr-mb-2w">
    <p class="fr-mb-0">
      <a class="fr-link" href=${`/projets/${s.id}`}>${s.title}</a>
      <span class="fr-tag fr-tag--sm fr-ml-1w">${labelOf(STAGES, s.stage)}</span>
      ${s.unread ? html`<span class="fr-badge fr-badge--sm fr-badge--new fr-ml-1w">${s.unread} contribution${s.unread > 1 ? 's' : ''} non lue${s.unread > 1 ? 's' : ''}</span>` : nothing}
      ${s.changed ? html`<span class="fr-badge fr-badge--sm fr-badge--info fr-ml-1w">Modifié depuis votre visite</span>` : nothing}
    </p>
    <p class="fr-text--sm fr-mb-0 mai-muted">${showOwner ? `${s.owner.displayName} · ` : ''}mis à jour le ${when.format(new Date(s.updatedAt))}</p>
  </li>`;
}

export class MaiProjectsPage extends LitElement {
  static properties = {
    params: { attribute: false },
    mine: { state: true },
    shared: { state: true },
    notice: { state: true },
    busy: { state: true },
    errors: { state: true },
  };

  params: string[] = [];
  mine: ProjectSheetSummary[] | null = null;
  shared: ProjectSheetSummary[] | null = null;
  notice: Notice | null = null;
  busy = false;
  errors: Record<string, string> = {};
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });
  private session = new StoreController(this, sessionContext);

  createRenderRoot() {
    return this;
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('params') && this.params.length === 0) void this.load();
  }

  private async load() {
    const api = this.api.value!;
    try {
      const [mine, shared] = await Promise.all([api.projectSheets.mine(), api.projectSheets.accompaniments()]);
      this.mine = mine.items;
      // Unread contributions first, then the latest changed.
      this.shared = [...shared.items].sort((a, b) => Number(b.unread > 0) - Number(a.unread > 0));
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  private async create(e: CustomEvent<SheetBody>) {
    this.busy = true;
    this.errors = {};
    try {
      const sheet = await this.api.value!.projectSheets.create(e.detail);
      this.router.value?.navigate(`/projets/${sheet.id}`);
    } catch (err) {
      this.errors = err instanceof ApiError ? ((err.details.fields as Record<string, string>) ?? {}) : {};
      this.notice = { kind: 'error', text: errorMessage(err) };
      if (!Object.keys(this.errors).length) void focusAfter(this, '.fr-alert--error');
    } finally {
      this.busy = false;
    }
  }

  render() {
    const [first, second] = this.params;
    if (first === 'nouveau')
      return html`<h1 tabindex="-1">Nouvelle fiche projet</h1>
        <p>Décrivez votre projet : vous pourrez ensuite remplir son canevas et le partager avec les professionnels qui vous accompagnent.</p>
        ${noticeAlert(this.notice)}
        <mai-sheet-form .errors=${this.errors} ?busy=${this.busy} submitLabel="Créer la fiche" @mai-save=${this.create}></mai-sheet-form>`;
    if (first && second === 'canevas') return html`<mai-sheet-canvas .sheetId=${Number(first) || 0}></mai-sheet-canvas>`;
    if (first) return html`<mai-sheet-page .sheetId=${Number(first) || 0}></mai-sheet-page>`;
    return this.lists();
  }

  private lists() {
    const user = this.session.value?.user;
    const creator = keepsSheets(user);
    const pro = accompanies(user);
    return html`<h1 tabindex="-1">${creator ? 'Mes projets' : pro ? 'Mes accompagnements' : 'Projets de création'}</h1>
      ${noticeAlert(this.notice)}
      ${
        creator
          ? html`<p>Vos fiches projet et leurs canevas ne sont visibles que par vous et les professionnels avec qui vous les partagez.</p>
            <p><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/projets/nouveau">Nouvelle fiche projet</a></p>
            ${this.mine === null ? loadingLine('Chargement de vos projets…') : this.mine.length ? html`<ul class="mai-plain-list" aria-label="Mes projets">${this.mine.map((s) => sheetLine(s, false))}</ul>` : emptyLine('Vous n’avez pas encore de fiche projet.')}`
          : nothing
      }
      ${
        pro || (this.shared?.length ?? 0) > 0
          ? html`${creator ? html`<h2>Mes accompagnements</h2>` : nothing}
            <p>Les projets que des créateurs vous ont partagés.</p>
            ${this.shared === null ? loadingLine('Chargement…') : this.shared.length ? html`<ul class="mai-plain-list" aria-label="Mes accompagnements">${this.shared.map((s) => sheetLine(s, true))}</ul>` : emptyLine('Aucun projet ne vous a encore été partagé.')}`
          : nothing
      }
      ${
        !creator && !pro
          ? html`<p>Les fiches projet sont réservées aux comptes « créateur d’entreprise », et leur accompagnement aux comptes professionnels validés. Vous pouvez demander ce type de compte depuis <a href="/profil">votre profil</a>.</p>`
          : nothing
      }
      <p><a class="fr-link fr-icon-compass-3-line fr-link--icon-left" href="/orientation">Trouver les ateliers et ressources pour mon projet</a></p>`;
  }
}

customElements.define('mai-projects-page', MaiProjectsPage);
