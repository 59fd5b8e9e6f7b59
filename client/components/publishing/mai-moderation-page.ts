/** <mai-moderation-page> (/moderation): submitted contents shown as they will look; publish, send back or reject with a comment. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { ModerationItem, Sector } from '../../../server/protocol/index.js';
import { apiContext, departmentsContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { alertBox, noticeAlert, textArea, withField, type Notice } from '../shared/fields.js';
import { emptyLine, loadingLine } from '../shared/list-states.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { focusAfter, focusErrorAlert } from '../shared/focus.js';
import { articleText, categoryFilterFields, publishedOn } from './article-view.js';

type Decision = 'publish' | 'return' | 'reject';
const DONE: Record<Decision, string> = { publish: 'publié', return: 'renvoyé à son auteur', reject: 'refusé' };

export class MaiModerationPage extends LitElement {
  static properties = {
    items: { state: true },
    failed: { state: true },
    notice: { state: true },
    comments: { state: true },
    errors: { state: true },
    busy: { state: true },
    filters: { state: true },
    sectors: { state: true },
  };

  /** The queue's filters (GET /api/moderation?department=&sector=). */
  filters = { department: '', sector: '' };
  sectors: Sector[] = [];
  private departments = new StoreController(this, departmentsContext);

  items: ModerationItem[] | null = null;
  failed = '';
  notice: Notice | null = null;
  comments: Record<string, string> = {};
  errors: Record<string, string> = {};
  busy = '';
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.departments.value?.load();
    void this.api.value!.articles.sectors().then(
      (r) => (this.sectors = r.items),
      () => undefined,
    );
    void this.load();
  }

  private async load() {
    try {
      this.items = (await this.api.value!.articles.queue(this.filters)).items;
    } catch (err) {
      this.failed = err instanceof ApiError && err.status === 403 ? 'Cette page est réservée aux modérateurs.' : errorMessage(err);
    }
  }

  private async decide(item: ModerationItem, decision: Decision) {
    const key = `${item.kind}-${item.id}`;
    const comment = (this.comments[key] ?? '').trim();
    if (decision !== 'publish' && comment.length < 3) {
      this.errors = { ...this.errors, [key]: 'Expliquez à l’auteur ce qui doit changer (au moins 3 caractères).' };
      return void focusAfter(this, `#moderation-comment-${key}`);
    }
    if (
      decision === 'reject' &&
      !(await askConfirmation({
        title: `Refuser « ${item.title} » ?`,
        body: 'L’auteur ne pourra plus le modifier ; il recevra votre commentaire.',
        confirmLabel: 'Refuser',
      }))
    )
      return;
    this.busy = key;
    this.notice = null;
    try {
      await this.api.value!.articles.decide(item.kind, item.id, { decision, comment });
      this.items = this.items!.filter((i) => !(i.kind === item.kind && i.id === item.id));
      this.notice = { kind: 'success', text: `« ${item.title} » est ${DONE[decision]}.` };
      void focusAfter(this, 'h1', this.notice.text);
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
      void focusErrorAlert(this);
    } finally {
      this.busy = '';
    }
  }

  render() {
    if (this.failed) return html`<h1 tabindex="-1">Modération</h1>${alertBox('error', this.failed)}`;
    if (!this.items) return loadingLine('Chargement de la file…');
    const filtered = !!(this.filters.department || this.filters.sector);
    return html`<h1 tabindex="-1">Modération</h1>
      ${noticeAlert(this.notice)}
      <form novalidate role="search" aria-label="Filtrer la file de modération" @submit=${(e: Event) => e.preventDefault()}
        @change=${(e: Event) => ((this.filters = withField(this.filters, e)), void this.load())}>
        <div class="fr-grid-row fr-grid-row--gutters">${categoryFilterFields('moderation', this.filters, this.departments.value?.items ?? [], this.sectors)}</div>
      </form>
      ${
        this.items.length
          ? html`<p>${this.items.length} contenu(s) attendent une décision, le plus ancien d’abord.</p>`
          : emptyLine(filtered ? 'Aucun contenu de ces catégories n’attend de décision.' : 'Aucun contenu n’attend de décision.')
      }
      <ul class="mai-plain-list">${this.items.map((i) => this.item(i))}</ul>`;
  }

  private item(i: ModerationItem) {
    const key = `${i.kind}-${i.id}`;
    const busy = this.busy === key;
    return html`<li class="mai-moderation-item">
      <p class="fr-text--sm">${i.kindLabel} de ${i.author.displayName}, soumis le ${publishedOn(i.submittedAt)}${i.republication ? ' — modification d’un contenu déjà publié' : ''}</p>
      ${articleText(i, { headingLevel: 2 })}
      <form novalidate aria-label=${`Décision sur « ${i.title} »`} @submit=${(e: Event) => (e.preventDefault(), void this.decide(i, 'publish'))}
        @input=${(e: Event) => (this.comments = { ...this.comments, [key]: (e.target as HTMLTextAreaElement).value })}>
        ${textArea({ id: `moderation-comment-${key}`, name: 'comment', label: 'Commentaire pour l’auteur', value: this.comments[key] ?? '', error: this.errors[key], optional: true, rows: 3, hint: 'Obligatoire pour renvoyer ou refuser.' })}
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li><button class="fr-btn" type="submit" ?disabled=${busy}>Publier</button></li>
          <li><button class="fr-btn fr-btn--secondary" type="button" ?disabled=${busy} @click=${() => this.decide(i, 'return')}>Renvoyer à l’auteur</button></li>
          <li><button class="fr-btn fr-btn--tertiary" type="button" ?disabled=${busy} @click=${() => this.decide(i, 'reject')}>Refuser</button></li>
        </ul>
      </form>
      ${nothing}
    </li>`;
  }
}

customElements.define('mai-moderation-page', MaiModerationPage);
