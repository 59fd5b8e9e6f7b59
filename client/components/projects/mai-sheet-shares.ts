/**
 * <mai-sheet-shares>: the creator shares the sheet by e-mail and revokes at
 * any time. An address with a professional account has access at once; any
 * other is invited, and gets access once validated as professional.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html } from 'lit';
import type { SheetShare } from '../../../server/protocol/index.js';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import { apiContext } from '../../controllers/contexts.js';
import { noticeAlert, textField, type Notice } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';
import { askConfirmation } from '../shared/confirm-dialog.js';

export class MaiSheetShares extends LitElement {
  static properties = {
    sheetId: { type: Number },
    items: { state: true },
    email: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  sheetId = 0;
  items: SheetShare[] = [];
  email = '';
  error = '';
  notice: Notice | null = null;
  busy = false;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('sheetId') && this.sheetId) void this.load();
  }

  private async load() {
    try {
      this.items = (await this.api.value!.projectSheets.shares(this.sheetId)).items;
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  private async share(e: Event) {
    e.preventDefault();
    this.busy = true;
    this.error = '';
    this.notice = null;
    try {
      const s = await this.api.value!.projectSheets.share(this.sheetId, this.email);
      this.items = [...this.items, s];
      this.email = '';
      this.notice = {
        kind: 'success',
        text:
          s.status === 'active'
            ? `${s.person?.displayName ?? s.email} a maintenant accès à votre projet et en est averti(e).`
            : `Invitation envoyée à ${s.email} : l’accès sera ouvert dès que son compte professionnel sera validé.`,
      };
      void focusAfter(this, '#share-email', this.notice.text);
    } catch (err) {
      this.error =
        err instanceof ApiError ? (((err.details.fields as Record<string, string>) ?? {}).email ?? errorMessage(err)) : errorMessage(err);
      void focusAfter(this, '#share-email');
    } finally {
      this.busy = false;
    }
  }

  private async revoke(s: SheetShare) {
    const who = s.person?.displayName ?? s.email;
    const ok = await askConfirmation({
      title: 'Retirer l’accès ?',
      body: `${who} ne pourra plus lire ce projet ni son canevas.`,
      confirmLabel: 'Retirer l’accès',
    });
    if (!ok) return;
    try {
      await this.api.value!.projectSheets.revoke(this.sheetId, s.id);
      this.items = this.items.filter((x) => x.id !== s.id);
      this.notice = { kind: 'success', text: `${who} n’a plus accès à ce projet.` };
      void focusAfter(this, '#sheet-shares-title', this.notice.text);
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  render() {
    return html`<section class="fr-mt-4w" aria-labelledby="sheet-shares-title">
      <h2 id="sheet-shares-title" tabindex="-1">Professionnels qui vous accompagnent</h2>
      <p>Eux seuls, avec vous, voient cette fiche, son canevas, ses fichiers et ses commentaires.</p>
      ${noticeAlert(this.notice)}
      ${
        this.items.length
          ? html`<ul class="mai-plain-list" aria-label="Partages">
            ${this.items.map(
              (s) => html`<li class="fr-mb-1w">
                ${s.person?.displayName ?? s.email} <span class="mai-muted">(${s.email})</span>
                <span class="fr-badge fr-badge--sm ${s.status === 'active' ? 'fr-badge--success' : 'fr-badge--warning'}">${s.status === 'active' ? 'Accès ouvert' : 'Invitation envoyée'}</span>
                <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" type="button" aria-label=${`Retirer l’accès de ${s.person?.displayName ?? s.email}`} @click=${() => this.revoke(s)}>Retirer l’accès</button>
              </li>`,
            )}
          </ul>`
          : html`<p class="fr-text--sm mai-muted">Vous n’avez partagé ce projet avec personne.</p>`
      }
      <form novalidate @submit=${this.share} @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)}>
        ${textField({ id: 'share-email', name: 'email', label: 'Adresse e-mail du professionnel', type: 'email', autocomplete: 'off', value: this.email, error: this.error || undefined })}
        <button class="fr-btn fr-btn--secondary" type="submit" ?disabled=${this.busy}>${this.busy ? 'Partage…' : 'Partager'}</button>
      </form>
    </section>`;
  }
}

customElements.define('mai-sheet-shares', MaiSheetShares);
