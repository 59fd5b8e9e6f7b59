/**
 * <mai-newsletter-editor>: compose a newsletter (title, intro, themes,
 * contents), save the draft, preview it as subscribers will receive it, send
 * a test to myself, then send. Every action saves the draft first.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { InterestTheme, NewsletterIssue, NewsletterItem, NewsletterPreview } from '../../api/newsletters.js';
import { apiContext } from '../../controllers/contexts.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { checkbox, noticeAlert, textArea, textField, type Notice } from '../shared/fields.js';
import { focusAfter, focusFirstInvalid } from '../shared/focus.js';
import './mai-newsletter-picker.js';

export class MaiNewsletterEditor extends LitElement {
  static properties = {
    issue: { attribute: false },
    themes: { state: true },
    heading: { state: true },
    intro: { state: true },
    themeIds: { state: true },
    items: { state: true },
    candidates: { state: true },
    searching: { state: true },
    preview: { state: true },
    errors: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  issue: NewsletterIssue | null = null;
  themes: InterestTheme[] = [];
  heading = '';
  intro = '';
  themeIds: number[] = [];
  items: NewsletterItem[] = [];
  candidates: NewsletterItem[] = [];
  searching = false;
  preview: NewsletterPreview | null = null;
  errors: Record<string, string> = {};
  notice: Notice | null = null;
  busy = '';
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.issue) {
      this.heading = this.issue.title;
      this.intro = this.issue.intro;
      this.themeIds = this.issue.themes.map((t) => t.id);
      this.items = this.issue.items;
    }
    const api = this.api.value!;
    void api.interests.themes().then(
      (r) => (this.themes = r.items),
      (err) => (this.notice = { kind: 'error', text: errorMessage(err) }),
    );
    void this.search('');
  }

  private async search(q: string) {
    this.searching = true;
    try {
      this.candidates = (await this.api.value!.newsletters.contents(q)).items;
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    } finally {
      this.searching = false;
    }
  }

  private move(i: number, by: number) {
    const list = [...this.items];
    const [it] = list.splice(i, 1);
    list.splice(i + by, 0, it!);
    this.items = list;
    void focusAfter(this, `#newsletter-item-${it!.kind}-${it!.id} .mai-move-${by < 0 ? 'up' : 'down'}`);
  }

  /** Saves the draft (creating it the first time); answers its id, or null with the errors shown. */
  private async save(): Promise<number | null> {
    this.errors = {};
    if (this.heading.trim().length < 3) this.errors = { title: 'Saisissez un titre (3 caractères au moins).' };
    if (Object.keys(this.errors).length) {
      await focusFirstInvalid(this);
      return null;
    }
    const input = {
      title: this.heading.trim(),
      intro: this.intro.trim(),
      themeIds: this.themeIds,
      items: this.items.map((i) => ({ kind: i.kind, id: i.id })),
    };
    const api = this.api.value!.newsletters;
    try {
      this.issue = this.issue ? await api.update(this.issue.id, input) : await api.create(input);
      if (location.pathname !== `/lettres/${this.issue.id}`) history.replaceState(null, '', `/lettres/${this.issue.id}`);
      return this.issue.id;
    } catch (err) {
      this.errors = err instanceof ApiError ? (err.fieldErrors as Record<string, string>) : {};
      this.notice = { kind: 'error', text: errorMessage(err) };
      await focusAfter(this, '.mai-newsletter-notice');
      return null;
    }
  }

  private async act(what: string, run: (id: number) => Promise<string | void>) {
    this.busy = what;
    this.notice = null;
    try {
      const id = await this.save();
      if (id === null) return;
      const text = await run(id);
      if (text) {
        this.notice = { kind: 'success', text };
        void focusAfter(this, '.mai-newsletter-notice');
      }
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
      void focusAfter(this, '.mai-newsletter-notice');
    } finally {
      this.busy = '';
    }
  }

  private onSave = () => this.act('save', async () => 'Le brouillon est enregistré.');
  private onPreview = () =>
    this.act('preview', async (id) => {
      this.preview = await this.api.value!.newsletters.preview(id);
      void focusAfter(this, '#newsletter-preview-title');
    });
  private onTest = () =>
    this.act('test', async (id) => `Un courriel de test a été envoyé à ${(await this.api.value!.newsletters.test(id)).to}.`);
  private onSend = () =>
    this.act('send', async (id) => {
      const { recipients } = await this.api.value!.newsletters.preview(id);
      const ok = await askConfirmation({
        title: 'Envoyer la lettre ?',
        body: `Elle partira à ${recipients} abonné${recipients > 1 ? 's' : ''} des thèmes choisis et ne pourra plus être modifiée.`,
        confirmLabel: 'Envoyer maintenant',
      });
      if (!ok) return;
      await this.api.value!.newsletters.send(id);
      // The page shows the issue and its sending progress from now on.
      this.dispatchEvent(new CustomEvent('mai-newsletter-sent', { detail: { id }, bubbles: true }));
    });

  private renderItems() {
    if (!this.items.length) return html`<p>Aucun contenu pour l’instant : ajoutez-en depuis la liste ci-dessous.</p>`;
    return html`<ol>
      ${this.items.map(
        (it, i) => html`<li id=${`newsletter-item-${it.kind}-${it.id}`} class="fr-mb-1w">
          <span class="fr-badge fr-badge--sm fr-badge--no-icon">${it.kindLabel}</span> <strong>${it.title}</strong>
          <span class="fr-btns-group--inline-sm">
            <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline mai-move-up" type="button" ?disabled=${i === 0} @click=${() => this.move(i, -1)}>Monter<span class="fr-sr-only"> « ${it.title} »</span></button>
            <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline mai-move-down" type="button" ?disabled=${i === this.items.length - 1} @click=${() => this.move(i, 1)}>Descendre<span class="fr-sr-only"> « ${it.title} »</span></button>
            <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" type="button"
              @click=${() => ((this.items = this.items.filter((x) => x !== it)), void focusAfter(this, '#newsletter-content-q'))}>Retirer<span class="fr-sr-only"> « ${it.title} »</span></button>
          </span>
        </li>`,
      )}
    </ol>`;
  }

  private renderPreview(p: NewsletterPreview) {
    return html`<section class="fr-mt-4w" aria-labelledby="newsletter-preview-title">
      <h2 id="newsletter-preview-title" tabindex="-1">Aperçu</h2>
      <p><strong>Objet :</strong> ${p.subject}</p>
      <p>Destinataires si vous l’envoyez maintenant : <strong>${p.recipients}</strong> abonné${p.recipients > 1 ? 's' : ''}.</p>
      <iframe class="mai-newsletter-preview" title="Aperçu de la lettre telle qu’elle sera reçue" sandbox="" srcdoc=${p.html}
        style="width:100%;min-height:480px;border:1px solid var(--border-default-grey)"></iframe>
      <details class="fr-mt-2w"><summary>Version texte</summary><pre style="white-space:pre-wrap">${p.text}</pre></details>
    </section>`;
  }

  render() {
    const busy = !!this.busy;
    return html`<form novalidate aria-label="Composer la lettre" @submit=${(e: Event) => (e.preventDefault(), this.onSave())}
        @input=${(e: Event) => {
          const t = e.target as HTMLInputElement;
          if (t.name === 'title') this.heading = t.value;
          if (t.name === 'intro') this.intro = t.value;
        }}>
        ${textField({ id: 'newsletter-title', name: 'title', label: 'Titre', value: this.heading, error: this.errors.title, maxlength: 200 })}
        ${textArea({ id: 'newsletter-intro', name: 'intro', label: 'Texte d’introduction', value: this.intro, error: this.errors.intro, optional: true, rows: 6, hint: 'Séparez les paragraphes par une ligne vide.' })}
        <fieldset class="fr-fieldset" id="newsletter-themes">
          <legend class="fr-fieldset__legend">Thèmes<span class="fr-hint-text">Les abonnés d’au moins un de ces thèmes la recevront.</span></legend>
          ${this.themes.map(
            (t) =>
              html`<div class="fr-fieldset__element" @change=${(e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                this.themeIds = on ? [...this.themeIds, t.id] : this.themeIds.filter((x) => x !== t.id);
              }}>${checkbox({ id: `newsletter-theme-${t.id}`, name: `theme-${t.id}`, label: t.label, checked: this.themeIds.includes(t.id), error: this.errors.themeIds })}</div>`,
          )}
        </fieldset>
        <h2 class="fr-h5">Contenus de la lettre</h2>
        ${this.renderItems()}
        <div class="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
          <button class="fr-btn fr-btn--secondary" type="submit" ?disabled=${busy}>${this.busy === 'save' ? 'Enregistrement…' : 'Enregistrer le brouillon'}</button>
          <button class="fr-btn fr-btn--secondary" type="button" ?disabled=${busy} @click=${this.onPreview}>${this.busy === 'preview' ? 'Préparation…' : 'Aperçu'}</button>
          <button class="fr-btn fr-btn--secondary" type="button" ?disabled=${busy} @click=${this.onTest}>${this.busy === 'test' ? 'Envoi du test…' : 'M’envoyer un test'}</button>
          <button class="fr-btn" type="button" ?disabled=${busy} @click=${this.onSend}>${this.busy === 'send' ? 'Envoi…' : 'Envoyer la lettre'}</button>
        </div>
      </form>
      <div class="mai-newsletter-notice" tabindex="-1">${noticeAlert(this.notice)}</div>
      ${this.preview ? this.renderPreview(this.preview) : nothing}
      <section class="fr-mt-4w" aria-labelledby="newsletter-picker-title">
        <h2 class="fr-h5" id="newsletter-picker-title">Ajouter des contenus publiés</h2>
        <mai-newsletter-picker .candidates=${this.candidates} .chosen=${this.items} ?loading=${this.searching}
          @mai-picker-search=${(e: CustomEvent<{ q: string }>) => this.search(e.detail.q)}
          @mai-picker-add=${(e: CustomEvent<{ item: NewsletterItem }>) => {
            this.items = [...this.items, e.detail.item];
            void focusAfter(this, '#newsletter-content-q', `« ${e.detail.item.title} » ajouté à la lettre.`);
          }}></mai-newsletter-picker>
      </section>`;
  }
}

customElements.define('mai-newsletter-editor', MaiNewsletterEditor);
