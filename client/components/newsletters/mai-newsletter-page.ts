/**
 * <mai-newsletter-page> (/lettres/:id, /lettres/nouvelle): a draft opens in
 * the editor (composers); a sent issue reads as in the mail, with its figures
 * for composers (refreshed while it is being sent: long work shows progress).
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { NewsletterIssue } from '../../api/newsletters.js';
import { apiContext } from '../../controllers/contexts.js';
import { alertBox } from '../shared/fields.js';
import { loadingLine } from '../shared/list-states.js';
import { focusAfter } from '../shared/focus.js';
import './mai-newsletter-editor.js';

const dateFmt = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });

export class MaiNewsletterPage extends LitElement {
  static properties = {
    issueId: { type: Number },
    issue: { state: true },
    error: { state: true },
    retryNotice: { state: true },
    busy: { state: true },
  };

  /** 0: a new issue. */
  issueId = 0;
  issue: NewsletterIssue | null = null;
  error = '';
  /** What the second round for the failed deliveries gave (said over the figures). */
  retryNotice: { kind: 'error' | 'success'; text: string } | null = null;
  busy = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.issueId) void this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.timer) clearTimeout(this.timer);
  }

  private async load() {
    try {
      this.issue = await this.api.value!.newsletters.get(this.issueId);
      if (this.issue.status === 'sending' && this.isConnected) this.timer = setTimeout(() => void this.load(), 2000);
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private async onSent(e: CustomEvent<{ id: number }>) {
    this.issueId = e.detail.id;
    await this.load();
    void focusAfter(this, 'h1');
  }

  /** Sends again to the people whose mail failed; the progress shows as for the first round. */
  private async retry(failed: number) {
    this.busy = true;
    this.retryNotice = null;
    try {
      this.issue = await this.api.value!.newsletters.retry(this.issueId);
      this.retryNotice = { kind: 'success', text: `Nouvel envoi lancé pour ${failed} destinataire${failed > 1 ? 's' : ''}.` };
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.load(), 2000);
    } catch (err) {
      this.retryNotice = { kind: 'error', text: errorMessage(err) };
    } finally {
      this.busy = false;
    }
    await focusAfter(this, '#newsletter-retry-notice');
  }

  private renderFigures(i: NewsletterIssue) {
    const f = i.figures;
    if (!f) return nothing;
    const done = f.sent + f.failed;
    return html`<section class="fr-mb-4w" aria-labelledby="newsletter-figures-title">
      <h2 class="fr-h5" id="newsletter-figures-title">Envoi</h2>
      ${
        i.status === 'sending'
          ? html`<p role="status">Envoi en cours : ${done} sur ${f.recipients}.</p>
        <progress max=${f.recipients} value=${done} style="width:100%">${done} sur ${f.recipients}</progress>`
          : html`<p role="status">Envoi terminé.</p>`
      }
      <div id="newsletter-retry-notice" tabindex="-1">${this.retryNotice ? alertBox(this.retryNotice.kind, this.retryNotice.text) : nothing}</div>
      <div class="fr-table fr-table--no-caption"><table>
        <caption>Chiffres de l’envoi</caption>
        <thead><tr><th scope="col">Destinataires</th><th scope="col">Envoyés</th><th scope="col">Échecs</th><th scope="col">En attente</th></tr></thead>
        <tbody><tr><td>${f.recipients}</td><td>${f.sent}</td><td>${f.failed}</td><td>${f.pending}</td></tr></tbody>
      </table></div>
      ${
        i.status === 'sent' && f.failed > 0
          ? html`<button type="button" class="fr-btn fr-btn--secondary" ?disabled=${this.busy} @click=${() => this.retry(f.failed)}>
              Renvoyer aux ${f.failed} destinataire${f.failed > 1 ? 's' : ''} en échec
            </button>`
          : nothing
      }
    </section>`;
  }

  private renderIssue(i: NewsletterIssue) {
    return html`<h1 tabindex="-1">${i.title}</h1>
      <p class="fr-text--sm">${i.sentAt ? `Envoyée le ${dateFmt.format(new Date(i.sentAt))}` : i.status === 'sending' ? 'Envoi en cours' : 'Brouillon'}
        ${i.themes.length ? html` · Thèmes : ${i.themes.map((t) => t.label).join(', ')}` : nothing}</p>
      ${this.renderFigures(i)}
      ${i.intro.split(/\n{2,}/).map((p) => html`<p style="white-space:pre-line">${p}</p>`)}
      <ul class="fr-raw-list">
        ${i.items.map(
          (it) => html`<li class="fr-mb-3w">
            <p class="fr-text--sm fr-mb-0">${it.kindLabel}${it.when ? ` · ${it.when}` : ''}</p>
            <h2 class="fr-h5 fr-mb-1v"><a href=${it.href}>${it.title}</a></h2>
            ${it.summary ? html`<p>${it.summary}</p>` : nothing}
          </li>`,
        )}
      </ul>`;
  }

  render() {
    const back = html`<p class="fr-mb-2w"><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/lettres">Lettres d’information</a></p>`;
    if (this.error) return html`${back}<h1 tabindex="-1">Lettre d’information</h1>${alertBox('error', this.error)}`;
    if (!this.issueId)
      return html`${back}<h1 tabindex="-1">Nouvelle lettre d’information</h1><mai-newsletter-editor @mai-newsletter-sent=${this.onSent}></mai-newsletter-editor>`;
    if (!this.issue) return html`${back}${loadingLine('Chargement de la lettre…')}`;
    if (this.issue.canEdit) {
      return html`${back}<h1 tabindex="-1">Modifier la lettre (brouillon)</h1><mai-newsletter-editor .issue=${this.issue} @mai-newsletter-sent=${this.onSent}></mai-newsletter-editor>`;
    }
    return html`${back}${this.renderIssue(this.issue)}`;
  }
}

customElements.define('mai-newsletter-page', MaiNewsletterPage);
