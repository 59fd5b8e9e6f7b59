/**
 * <mai-sheet-page> (/projets/:id): one project sheet. Its creator edits it,
 * attaches files and shares it; the professionals it is shared with read
 * it (with what changed since their last visit) and comment. Followed live:
 * new comments appear, a new version reloads, a revocation closes the page.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import type { ProjectSheet, SheetBody, SheetComment } from '../../../server/protocol/index.js';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import { apiContext, hubContext } from '../../controllers/contexts.js';
import { noticeAlert, type Notice } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';
import { loadingLine } from '../shared/list-states.js';
import { NEEDS, SIZES, STAGES, labelOf } from './labels.js';
import { followSheet } from './sheet-live.js';
import type { MaiSheetComments } from './mai-sheet-comments.js';
import './mai-sheet-comments.js';
import './mai-sheet-shares.js';
import './mai-sheet-files.js';
import './mai-sheet-form.js';

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });

export class MaiSheetPage extends LitElement {
  static properties = {
    sheetId: { type: Number },
    sheet: { state: true },
    comments: { state: true },
    gone: { state: true },
    editing: { state: true },
    notice: { state: true },
    errors: { state: true },
    busy: { state: true },
    commentError: { state: true },
  };

  sheetId = 0;
  sheet: ProjectSheet | null = null;
  comments: SheetComment[] = [];
  gone = false;
  editing = false;
  notice: Notice | null = null;
  errors: Record<string, string> = {};
  busy = '';
  commentError = '';
  private api = new ContextConsumer(this, { context: apiContext });
  private hub = new ContextConsumer(this, { context: hubContext });
  private stop: (() => void) | null = null;

  createRenderRoot() {
    return this;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stop?.();
    this.stop = null;
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('sheetId')) {
      this.stop?.();
      this.sheet = null;
      this.gone = false;
      void this.load(true);
      this.stop = followSheet(this.hub.value, this.sheetId, {
        comment: (c) => {
          if (c.postitId === null && !this.comments.some((x) => x.id === c.id)) this.comments = [...this.comments, c];
        },
        updated: () => void this.load(false),
        revoked: () => {
          this.gone = true;
          this.sheet = null;
        },
        reload: () => void this.load(false),
      });
    }
  }

  private async load(first: boolean) {
    const api = this.api.value!.projectSheets;
    try {
      const [sheet, comments] = await Promise.all([api.get(this.sheetId), api.comments(this.sheetId)]);
      this.sheet = sheet;
      this.comments = comments.items.filter((c) => c.postitId === null);
      // What was just shown counts as seen: the next visit shows what changes after it.
      await api.visit(this.sheetId);
      if (first) void focusAfter(this, 'h1');
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) this.gone = true;
      else this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  private async save(e: CustomEvent<SheetBody>) {
    this.busy = 'save';
    this.errors = {};
    try {
      this.sheet = await this.api.value!.projectSheets.update(this.sheetId, e.detail);
      this.editing = false;
      this.notice = { kind: 'success', text: `Fiche enregistrée (version ${this.sheet.version}).` };
      void focusAfter(this, 'h1', this.notice.text);
    } catch (err) {
      this.errors = err instanceof ApiError ? ((err.details.fields as Record<string, string>) ?? {}) : {};
      this.notice = { kind: 'error', text: errorMessage(err) };
    } finally {
      this.busy = '';
    }
  }

  private async comment(e: CustomEvent<{ subject?: string; body: string }>) {
    const form = e.target as MaiSheetComments;
    this.busy = 'comment';
    this.commentError = '';
    try {
      const c = await this.api.value!.projectSheets.comment(this.sheetId, e.detail);
      if (!this.comments.some((x) => x.id === c.id)) this.comments = [...this.comments, c];
      form.reset();
      void focusAfter(this, `[data-comment-id="${c.id}"]`, 'Commentaire publié.');
    } catch (err) {
      this.commentError = errorMessage(err);
      void focusAfter(this, '#sheet-comment-subject, #sheet-comment-body');
    } finally {
      this.busy = '';
    }
  }

  render() {
    if (this.gone)
      return html`<h1 tabindex="-1">Fiche projet introuvable</h1>
        <p>Cette fiche n’existe pas ou ne vous est pas (ou plus) partagée.</p>
        <p><a class="fr-link" href="/projets">Retour aux projets</a></p>`;
    const s = this.sheet;
    if (!s) return html`${noticeAlert(this.notice)}${loadingLine('Chargement de la fiche…')}`;
    const owner = s.myRole === 'owner';
    return html`<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
        <ol class="fr-breadcrumb__list">
          <li><a class="fr-breadcrumb__link" href="/projets">${owner ? 'Mes projets' : 'Mes accompagnements'}</a></li>
          <li><a class="fr-breadcrumb__link" aria-current="page">${s.title}</a></li>
        </ol>
      </nav>
      <h1 tabindex="-1">${s.title}</h1>
      <p class="mai-muted">Projet de ${s.owner.displayName} · version ${s.version}, mise à jour le ${when.format(new Date(s.updatedAt))}</p>
      ${noticeAlert(this.notice)}
      ${this.changesBox(s)}
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><a class="fr-btn fr-icon-layout-grid-line fr-btn--icon-left" href=${`/projets/${s.id}/canevas`}>Ouvrir le canevas</a></li>
        ${
          owner && !this.editing
            ? html`<li><button class="fr-btn fr-btn--secondary fr-icon-edit-line fr-btn--icon-left" type="button" @click=${() => ((this.editing = true), void focusAfter(this, '#sheet-title'))}>Modifier la fiche</button></li>`
            : nothing
        }
      </ul>
      ${
        this.editing
          ? html`<h2>Modifier la fiche</h2>
            <mai-sheet-form .sheet=${s} .errors=${this.errors} ?busy=${this.busy === 'save'} @mai-save=${this.save}></mai-sheet-form>
            <button class="fr-btn fr-btn--tertiary fr-mt-2w" type="button" @click=${() => ((this.editing = false), void focusAfter(this, 'h1'))}>Annuler</button>`
          : this.details(s)
      }
      <mai-sheet-files .sheetId=${s.id} ?owner=${owner}></mai-sheet-files>
      ${owner ? html`<mai-sheet-shares .sheetId=${s.id}></mai-sheet-shares>` : nothing}
      <h2 id="sheet-comments">Commentaires</h2>
      <mai-sheet-comments idPrefix="sheet-comment" withSubject .comments=${this.comments} ?busy=${this.busy === 'comment'} error=${this.commentError}
        @mai-comment=${this.comment}></mai-sheet-comments>`;
  }

  private changesBox(s: ProjectSheet) {
    if (s.myRole !== 'professional') return nothing;
    if (s.firstVisit)
      return html`<div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w"><p>Première visite : toute la fiche est nouvelle pour vous.</p></div>`;
    if (!s.changes.length && !s.unread) return nothing;
    return html`<div class="fr-alert fr-alert--info fr-mb-3w" role="status">
      <h2 class="fr-alert__title">Depuis votre dernière visite${s.lastVisitAt ? ` (${when.format(new Date(s.lastVisitAt))})` : ''}</h2>
      ${s.unread ? html`<p>${s.unread} nouvelle${s.unread > 1 ? 's' : ''} contribution${s.unread > 1 ? 's' : ''}.</p>` : nothing}
      ${
        s.changes.length
          ? html`<ul>${s.changes.map((c) => html`<li><strong>${c.label}</strong> : « ${c.before} » → « ${c.after} »</li>`)}</ul>`
          : nothing
      }
    </div>`;
  }

  private details(s: ProjectSheet) {
    const row = (label: string, value: string | null | undefined) =>
      html`<dt class="fr-text--bold">${label}</dt><dd class="fr-mb-2w mai-pre">${value || '—'}</dd>`;
    return html`<dl class="mai-sheet-details">
      ${row('Résumé', s.summary)} ${row('Étape', labelOf(STAGES, s.stage))} ${row('Secteur', s.sectorName)}
      ${row('Département', s.departmentCode)} ${row('Commune', s.communeName)} ${row('Taille du projet', labelOf(SIZES, s.projectSize))}
      ${row('Forme juridique envisagée', s.legalForm)} ${row('Besoins', s.needs.map((n) => labelOf(NEEDS, n)).join(', '))}
      ${row('Description', s.description)}
    </dl>`;
  }
}

customElements.define('mai-sheet-page', MaiSheetPage);
