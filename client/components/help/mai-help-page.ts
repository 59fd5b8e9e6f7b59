/**
 * <mai-help-page> (/aide): the help centre. The guides per role (static, guides.ts) and the FAQ
 * (GET /api/help/faq) with a search as you type; admins add, change and remove questions in place.
 * `/aide#<id>` (the "?" links of the screens, `#faq-<id>`) scrolls to that part and focuses it.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import type { FaqEntry } from '../../api/help.js';
import { errorMessage } from '../../api/messages.js';
import { apiContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { renderMarkdown } from '../chat/markdown.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { announce, focusAfter } from '../shared/focus.js';
import { loadingLine, retryAlert } from '../shared/list-states.js';
import { byCategory, filterFaq } from './faq-filter.js';
import { GUIDES } from './guides.js';
import './mai-faq-editor.js';

export class MaiHelpPage extends LitElement {
  static properties = {
    entries: { state: true },
    status: { state: true },
    loadError: { state: true },
    query: { state: true },
    editing: { state: true },
  };

  entries: FaqEntry[] = [];
  status: 'loading' | 'ready' | 'error' = 'loading';
  loadError = '';
  query = '';
  /** The entry being edited, 'new' for the add form, null when none. */
  editing: FaqEntry | 'new' | null = null;
  private api = new ContextConsumer(this, { context: apiContext });
  private session = new StoreController(this, sessionContext);
  private jumped = false;

  createRenderRoot() {
    return this;
  }

  /** A link to another part of this page (the summary, a FAQ entry's address): open it and focus it too. */
  private onHashChange = () => void this.jumpToHash();

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    void this.load();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private get isAdmin(): boolean {
    return this.session.value?.user?.role === 'admin';
  }

  private async load() {
    this.status = 'loading';
    try {
      this.entries = (await this.api.value!.help.faq()).items;
      this.status = 'ready';
    } catch (err) {
      this.loadError = errorMessage(err);
      this.status = 'error';
    }
    if (!this.jumped) {
      this.jumped = true;
      await this.jumpToHash();
    }
  }

  /** The part named by the address's #fragment: opened (a FAQ entry), scrolled to and focused. */
  private async jumpToHash() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    await this.updateComplete;
    const target = this.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
    if (!target) return;
    if (target instanceof HTMLDetailsElement) target.open = true;
    const focusable = target instanceof HTMLDetailsElement ? target.querySelector<HTMLElement>('summary') : target;
    await focusAfter(this, () => focusable);
    target.scrollIntoView({ block: 'start' });
  }

  private onSearch(e: Event) {
    this.query = (e.target as HTMLInputElement).value;
    const n = filterFaq(this.entries, this.query).length;
    announce(
      this.query.trim() ? (n ? `${n} question${n > 1 ? 's' : ''} trouvée${n > 1 ? 's' : ''}.` : 'Aucune question ne correspond.') : '',
    );
  }

  private startEdit(entry: FaqEntry | 'new') {
    this.editing = entry;
  }

  private async onSaved(e: CustomEvent<{ entry: FaqEntry; created: boolean }>) {
    const { entry, created } = e.detail;
    this.editing = null;
    this.query = '';
    await this.load();
    await focusAfter(this, `#faq-${entry.id} summary`, created ? 'Question ajoutée.' : 'Question enregistrée.');
  }

  private async onCancel(opener: string) {
    this.editing = null;
    await focusAfter(this, opener);
  }

  private async removeEntry(entry: FaqEntry) {
    const ok = await askConfirmation({
      title: 'Supprimer cette question ?',
      body: `« ${entry.question} » disparaîtra de la foire aux questions et des suggestions de la hotline.`,
      confirmLabel: 'Supprimer la question',
    });
    if (!ok) return;
    try {
      await this.api.value!.help.remove(entry.id);
      await this.load();
      await focusAfter(this, '#faq', 'Question supprimée.');
    } catch (err) {
      announce(errorMessage(err));
    }
  }

  private renderGuides() {
    return html`<h2 id="guides">Bien démarrer, selon votre rôle</h2>
      ${GUIDES.map(
        (g) => html`<section class="fr-mb-6w" id=${g.id} aria-labelledby=${`${g.id}-title`}>
          <h3 id=${`${g.id}-title`}>Guide : ${g.role}</h3>
          <p>${g.intro}</p>
          ${g.sections.map(
            (s) => html`<h4 class="fr-h6" id=${s.id ?? nothing}>${s.title}</h4>
              <ol>
                ${s.steps.map((step) => html`<li>${step}</li>`)}
              </ol>`,
          )}
        </section>`,
      )}`;
  }

  private renderEntry(e: FaqEntry) {
    if (this.editing !== 'new' && this.editing?.id === e.id) {
      return html`<mai-faq-editor
        .entry=${e}
        .categories=${[...new Set(this.entries.map((x) => x.category))]}
        @mai-faq-saved=${this.onSaved}
        @mai-faq-cancel=${() => this.onCancel(`#faq-${e.id} summary`)}
      ></mai-faq-editor>`;
    }
    return html`<details class="mai-faq-entry" id=${`faq-${e.id}`}>
      <summary>${e.question}</summary>
      <div class="mai-faq-answer">${renderMarkdown(e.answer)}</div>
      ${
        this.isAdmin
          ? html`<ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
            <li>
              <button class="fr-btn fr-btn--secondary fr-icon-edit-line fr-btn--icon-left" type="button" @click=${() => this.startEdit(e)}>
                Modifier<span class="fr-sr-only"> la question « ${e.question} »</span>
              </button>
            </li>
            <li>
              <button class="fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left" type="button" @click=${() => this.removeEntry(e)}>
                Supprimer<span class="fr-sr-only"> la question « ${e.question} »</span>
              </button>
            </li>
          </ul>`
          : nothing
      }
    </details>`;
  }

  private renderFaq() {
    const shown = filterFaq(this.entries, this.query);
    return html`<h2 id="faq" tabindex="-1">Foire aux questions</h2>
      <div class="fr-input-group mai-faq-search">
        <label class="fr-label" for="faq-search"
          >Rechercher dans la foire aux questions<span class="fr-hint-text">Les résultats s’affichent pendant la frappe.</span></label
        >
        <input class="fr-input" id="faq-search" type="search" autocomplete="off" .value=${this.query} @input=${this.onSearch} />
      </div>
      ${
        this.isAdmin && this.editing !== 'new'
          ? html`<button class="fr-btn fr-icon-add-line fr-btn--icon-left fr-mb-3w" id="faq-add" type="button" @click=${() => this.startEdit('new')}>
            Ajouter une question
          </button>`
          : nothing
      }
      ${
        this.editing === 'new'
          ? html`<mai-faq-editor
            .entry=${null}
            .categories=${[...new Set(this.entries.map((x) => x.category))]}
            @mai-faq-saved=${this.onSaved}
            @mai-faq-cancel=${() => this.onCancel('#faq-add')}
          ></mai-faq-editor>`
          : nothing
      }
      ${this.status === 'loading' ? loadingLine('Chargement de la foire aux questions…') : nothing}
      ${this.status === 'error' ? retryAlert(this.loadError, () => this.load()) : nothing}
      ${
        this.status === 'ready' && !shown.length
          ? html`<p>
            ${this.query.trim() ? 'Aucune question ne correspond à votre recherche.' : 'La foire aux questions est encore vide.'}
            Vous ne trouvez pas ? <a href="/hotline">Posez votre question à la hotline</a>.
          </p>`
          : nothing
      }
      ${byCategory(shown).map(
        ([category, items]) => html`<h3 class="fr-h5 fr-mt-4w">${category}</h3>
          ${items.map((e) => this.renderEntry(e))}`,
      )}`;
  }

  render() {
    return html`<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-lg-10">
      <h1 tabindex="-1">Centre d’aide</h1>
      <p>Les guides pour bien démarrer selon votre rôle, et les réponses aux questions les plus fréquentes.</p>
      <nav class="fr-summary fr-mb-4w" aria-labelledby="aide-sommaire">
        <p class="fr-summary__title" id="aide-sommaire">Sommaire</p>
        <ol class="fr-summary__list">
          <li><a class="fr-summary__link" href="#faq">Foire aux questions</a></li>
          ${GUIDES.map((g) => html`<li><a class="fr-summary__link" href=${`#${g.id}`}>Guide : ${g.role}</a></li>`)}
        </ol>
      </nav>
      ${this.renderFaq()} ${this.renderGuides()}
    </div></div>`;
  }
}

customElements.define('mai-help-page', MaiHelpPage);
