/**
 * <mai-signup-rules-page> (/admin/inscriptions): the e-mail domains allowed to
 * sign up (one per line; none: open to every address). Accounts created by an
 * admin or an organisation are not bound by it.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import { apiContext } from '../../controllers/contexts.js';
import { fieldRow, noticeAlert, textArea, type Notice } from '../shared/fields.js';
import { focusAfter, focusErrorAlert } from '../shared/focus.js';

const DOMAIN = /^@?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The lines of the text area, trimmed and lower-cased, empty ones left out. */
const linesOf = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);

export class MaiSignupRulesPage extends LitElement {
  static properties = {
    text: { state: true },
    saved: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  text = '';
  /** The list in force (as the server answered it last). */
  saved: string[] = [];
  error = '';
  notice: Notice | null = null;
  busy = false;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.api.value!.signupRules.get().then(
      (r) => ((this.saved = r.allowedDomains), (this.text = r.allowedDomains.join('\n'))),
      (err) => (this.notice = { kind: 'error', text: errorMessage(err) }),
    );
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    this.notice = null;
    const lines = linesOf(this.text);
    const bad = lines.filter((l) => !DOMAIN.test(l));
    this.error = bad.length ? `Ces lignes ne sont pas des noms de domaine : ${bad.join(', ')}. Exemple attendu : mairie-exemple.fr.` : '';
    if (this.error) return void focusAfter(this, '#signup-domains');
    this.busy = true;
    try {
      const r = await this.api.value!.signupRules.set(lines);
      this.saved = r.allowedDomains;
      this.text = r.allowedDomains.join('\n');
      this.notice = {
        kind: 'success',
        text: r.allowedDomains.length
          ? `Les inscriptions sont désormais réservées aux adresses ${r.allowedDomains.map((d) => `@${d}`).join(', ')}.`
          : 'Les inscriptions sont ouvertes à toutes les adresses.',
      };
      void focusAfter(this, '.fr-alert--success', this.notice.text);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      const field = Object.entries(fields).find(([k]) => k.startsWith('allowedDomains'));
      if (field) {
        this.error = `${field[1]} (ligne ${Number(field[0].split('.')[1] ?? 0) + 1})`;
        void focusAfter(this, '#signup-domains');
      } else {
        this.notice = { kind: 'error', text: errorMessage(err) };
        void focusErrorAlert(this);
      }
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<h1 tabindex="-1">Règles d’inscription</h1>
      ${noticeAlert(this.notice)}
      <p>
        Actuellement :
        <strong>${this.saved.length ? `inscriptions réservées aux adresses ${this.saved.map((d) => `@${d}`).join(', ')}` : 'inscriptions ouvertes à toutes les adresses'}</strong>.
      </p>
      <form novalidate aria-label="Domaines autorisés" @submit=${this.onSubmit}
        @input=${(e: Event) => ((this.text = (e.target as HTMLTextAreaElement).value), (this.error = ''))}>
        ${fieldRow(
          textArea({
            id: 'signup-domains',
            name: 'allowedDomains',
            label: 'Domaines autorisés à s’inscrire (un par ligne)',
            value: this.text,
            error: this.error,
            rows: 6,
            optional: true,
            hint: 'Par exemple mairie-exemple.fr. Un domaine vaut aussi pour ses sous-domaines (gouv.fr couvre interieur.gouv.fr). Laissez vide pour accepter toutes les adresses. Les comptes créés par un administrateur ou une organisation ne sont pas concernés.',
          }),
        )}
        <button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Enregistrement…' : 'Enregistrer'}</button>
      </form>`;
  }
}

customElements.define('mai-signup-rules-page', MaiSignupRulesPage);
