/** <mai-suggestions-page> (`/suggestions`): the network's suggestion box: propose, support, sort and filter; admins decide. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { Suggestion, SuggestionStatus } from '../../api/polls.js';
import { apiContext } from '../../controllers/contexts.js';
import { SuggestionsStore, type SuggestionFilter, type SuggestionSort } from '../../state/suggestions-store.js';
import { alertBox, selectField, textArea, textField } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';
import { emptyLine, loadingLine, moreButton, retryAlert } from '../shared/list-states.js';
import { STATUS_LABELS } from './labels.js';
import './mai-suggestion-item.js';

/** Container: its own store over the API context. */
export class MaiSuggestionsPage extends LitElement {
  static properties = {
    draftTitle: { state: true },
    body: { state: true },
    formError: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  draftTitle = '';
  body = '';
  formError = '';
  notice = '';
  busy = 0;
  private api = new ContextConsumer(this, { context: apiContext });
  private store: SuggestionsStore | null = null;
  private readonly onChange = () => this.requestUpdate();

  createRenderRoot() {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    void this.updateComplete.then(() => this.open());
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.store?.removeEventListener('change', this.onChange);
  }

  private async open() {
    if (this.store || !this.api.value) return;
    this.store = new SuggestionsStore(this.api.value);
    this.store.addEventListener('change', this.onChange);
    await this.store.load();
    // A notification's link (?id=) leads to its suggestion.
    const wanted = Number(new URLSearchParams(location.search).get('id'));
    if (wanted && this.store.items.some((x) => x.id === wanted)) await focusAfter(this, `#sug-${wanted}-title`);
  }

  private async propose(e: Event) {
    e.preventDefault();
    const s = this.store!;
    this.formError = !this.draftTitle.trim()
      ? 'Donnez un titre à votre suggestion.'
      : !this.body.trim()
        ? 'Décrivez votre suggestion.'
        : '';
    if (this.formError) {
      await focusAfter(this, !this.draftTitle.trim() ? '#sug-new-title' : '#sug-new-body');
      return;
    }
    const created = await s.propose(this.draftTitle.trim(), this.body.trim());
    if (!created) {
      this.formError = errorMessage(s.error);
      await focusAfter(this, '#sug-form-error');
      return;
    }
    this.draftTitle = '';
    this.body = '';
    await focusAfter(this, `#sug-${created.id}-title`, 'Votre suggestion est publiée.');
  }

  private async act(sug: Suggestion, call: () => Promise<boolean>, said: string, focus: string) {
    this.busy = sug.id;
    this.notice = '';
    const ok = await call();
    this.busy = 0;
    if (!ok) this.notice = errorMessage(this.store!.error);
    await focusAfter(this, ok ? focus : '#sug-notice', ok ? said : undefined);
    return ok;
  }

  private form() {
    return html`<form class="fr-mb-4w" novalidate aria-labelledby="sug-new" @submit=${this.propose}
      @input=${(e: Event) => {
        const t = e.target as HTMLInputElement;
        if (t.name === 'title') this.draftTitle = t.value;
        if (t.name === 'body') this.body = t.value;
      }}>
      <h2 class="fr-h4" id="sug-new">Proposer une amélioration</h2>
      ${textField({ id: 'sug-new-title', name: 'title', label: 'Titre', value: this.draftTitle, maxlength: 200 })}
      ${textArea({ id: 'sug-new-body', name: 'body', label: 'Votre suggestion', value: this.body, rows: 4, maxlength: 5000, hint: 'Le besoin, et ce qui changerait pour le réseau.' })}
      <div id="sug-form-error" tabindex="-1">${this.formError ? alertBox('error', this.formError) : nothing}</div>
      <button class="fr-btn" type="submit">Proposer</button>
    </form>`;
  }

  private filters(s: SuggestionsStore) {
    const n = s.counts;
    const total = n.open + n.planned + n.done + n.declined;
    // The words typed are kept in the store as they are typed: the field is bound with live(), so a list that
    // arrives mid-typing would otherwise put back the last words searched.
    return html`<div class="fr-grid-row fr-grid-row--gutters" @input=${(e: Event) => {
      const t = e.target as HTMLInputElement;
      if (t.name === 'q') s.q = t.value;
    }} @change=${(e: Event) => {
      const t = e.target as HTMLSelectElement;
      if (t.name === 'sort') void s.setView(t.value as SuggestionSort, s.filter);
      if (t.name === 'filter') void s.setView(s.sort, t.value as SuggestionFilter);
      if (t.name === 'q') void s.setView(s.sort, s.filter, t.value);
    }}>
      <div class="fr-col-12">${textField({ id: 'sug-q', name: 'q', label: 'Rechercher dans les suggestions', value: s.q, optional: true, markOptional: false, type: 'search' })}</div>
      <div class="fr-col-12 fr-col-md-6">${selectField({
        id: 'sug-sort',
        name: 'sort',
        label: 'Trier par',
        value: s.sort,
        options: [
          { value: 'votes', label: 'Les plus soutenues' },
          { value: 'date', label: 'Les plus récentes' },
        ],
      })}</div>
      <div class="fr-col-12 fr-col-md-6">${selectField({
        id: 'sug-filter',
        name: 'filter',
        label: 'Statut',
        value: s.filter,
        options: [
          { value: 'all', label: `Toutes (${total})` },
          ...(Object.keys(STATUS_LABELS) as SuggestionStatus[]).map((k) => ({ value: k, label: `${STATUS_LABELS[k]}s (${n[k]})` })),
        ],
      })}</div>
    </div>`;
  }

  render() {
    const s = this.store;
    return html`<h1 tabindex="-1">Suggestions</h1>
      <p>Proposez ce qui améliorerait le réseau et soutenez les idées des autres membres : l’équipe d’animation indique ce qui est prévu, réalisé ou écarté, et pourquoi.</p>
      ${this.form()}
      <h2 class="fr-h4">Les suggestions du réseau</h2>
      ${s ? this.filters(s) : nothing}
      <div id="sug-notice" tabindex="-1" aria-live="polite">${this.notice ? alertBox('error', this.notice) : nothing}</div>
      ${!s || (s.status === 'loading' && !s.items.length) ? loadingLine('Chargement des suggestions…') : nothing}
      ${s?.status === 'error' && !s.items.length ? retryAlert(errorMessage(s.error), () => s.load()) : nothing}
      ${s?.status === 'ready' && !s.items.length ? emptyLine('Aucune suggestion ici pour l’instant.') : nothing}
      <ul class="mai-post-list" aria-label="Suggestions">
        ${(s?.items ?? []).map(
          (x) => html`<li><mai-suggestion-item .suggestion=${x} ?canDecide=${s!.canDecide} ?busy=${this.busy === x.id}
            @mai-vote=${(e: CustomEvent<{ on: boolean }>) =>
              this.act(
                x,
                () => s!.vote(x.id, e.detail.on),
                e.detail.on ? 'Votre soutien est compté.' : 'Votre soutien est retiré.',
                `#sug-${x.id}-title`,
              )}
            @mai-decide=${async (e: CustomEvent<{ status: SuggestionStatus; reason: string; done: (ok: boolean) => void }>) =>
              e.detail.done(
                await this.act(
                  x,
                  () => s!.decide(x.id, e.detail.status, e.detail.reason),
                  `Statut : ${STATUS_LABELS[e.detail.status]}.`,
                  `#sug-${x.id}-title`,
                ),
              )}
            @mai-remove=${() => this.act(x, () => s!.remove(x.id), 'La suggestion est supprimée.', 'h1')}
          ></mai-suggestion-item></li>`,
        )}
      </ul>
      ${s?.cursor ? moreButton('Suggestions suivantes', () => s.load(true), { loading: s.status === 'loading', loadingLabel: 'Chargement…' }) : nothing}`;
  }
}

customElements.define('mai-suggestions-page', MaiSuggestionsPage);
