/** <mai-account-types-page> (/admin/types-de-compte): the account types offered at sign-up, and the accounts waiting for their type's validation. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { AccountType, AccountTypeRequest } from '../../../server/protocol/index.js';
import { apiContext } from '../../controllers/contexts.js';
import { checkbox, noticeAlert, textArea, textField, withField, type Notice } from '../shared/fields.js';
import { emptyLine } from '../shared/list-states.js';
import { focusAfter, focusErrorAlert } from '../shared/focus.js';

const EMPTY = { key: '', label: '', needsValidation: 'false' };

export class MaiAccountTypesPage extends LitElement {
  static properties = {
    types: { state: true },
    requests: { state: true },
    notice: { state: true },
    values: { state: true },
    errors: { state: true },
    refusing: { state: true },
    reason: { state: true },
    reasonError: { state: true },
  };

  types: AccountType[] = [];
  requests: AccountTypeRequest[] = [];
  notice: Notice | null = null;
  values = { ...EMPTY };
  errors: Record<string, string> = {};
  refusing = 0;
  reason = '';
  reasonError = '';
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    const fail = (err: unknown) => (this.notice = { kind: 'error', text: errorMessage(err) });
    void this.api.value!.accountTypes.list().then((r) => (this.types = r.items), fail);
    void this.api.value!.accountTypes.requests().then((r) => (this.requests = r.items), fail);
  }

  private get calls() {
    return this.api.value!.accountTypes;
  }

  private async act(run: () => Promise<string>, focus: string) {
    this.notice = null;
    try {
      this.notice = { kind: 'success', text: await run() };
      void focusAfter(this, focus, this.notice.text);
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
      void focusErrorAlert(this);
    }
  }

  private async add(e: Event) {
    e.preventDefault();
    const v = this.values;
    this.errors = {};
    try {
      const t = await this.calls.add({ key: v.key.trim(), label: v.label.trim(), needsValidation: v.needsValidation === 'true' });
      this.types = [...this.types, t];
      this.values = { ...EMPTY };
      this.notice = { kind: 'success', text: `Le type « ${t.label} » est ajouté.` };
      void focusAfter(this, '#type-key', this.notice.text);
    } catch (err) {
      this.errors = err instanceof ApiError ? err.fieldErrors : {};
      this.notice = { kind: 'error', text: Object.keys(this.errors).length ? 'Le formulaire contient des erreurs.' : errorMessage(err) };
      void focusErrorAlert(this);
    }
  }

  private toggle(t: AccountType) {
    void this.act(async () => {
      const u = await this.calls.change(t.key, { needsValidation: !t.needsValidation });
      this.types = this.types.map((x) => (x.key === t.key ? u : x));
      return u.needsValidation ? `« ${u.label} » est désormais soumis à validation.` : `« ${u.label} » n’est plus soumis à validation.`;
    }, `#type-toggle-${t.key}`);
  }

  private decide(r: AccountTypeRequest, accept: boolean) {
    if (!accept && this.reason.trim().length < 5) {
      this.reasonError = 'Indiquez le motif du refus (au moins 5 caractères) : il sera envoyé par courriel.';
      return void focusAfter(this, `#type-reason-${r.userId}`);
    }
    void this.act(async () => {
      if (accept) await this.calls.accept(r.userId);
      else await this.calls.refuse(r.userId, this.reason.trim());
      this.requests = this.requests.filter((x) => x.userId !== r.userId);
      this.refusing = 0;
      this.reason = '';
      this.reasonError = '';
      return accept
        ? `${r.displayName} est désormais « ${r.requestedLabel} ».`
        : `La demande de ${r.displayName} est refusée ; le motif lui a été envoyé.`;
    }, 'h1');
  }

  render() {
    const v = this.values;
    return html`<h1 tabindex="-1">Types de compte</h1>
      ${noticeAlert(this.notice)}
      <h2 class="fr-h4">Comptes à valider (${this.requests.length})</h2>
      ${this.requests.length ? nothing : emptyLine('Aucune demande en attente.')}
      <ul class="mai-plain-list">${this.requests.map((r) => this.request(r))}</ul>
      <h2 class="fr-h4 fr-mt-4w">Types proposés à l’inscription</h2>
      <div class="fr-table mai-table-scroll" tabindex="0" role="region" aria-label="Types de compte">
        <table>
          <caption class="fr-sr-only">Types de compte</caption>
          <thead><tr><th scope="col">Code</th><th scope="col">Libellé</th><th scope="col">Validation</th><th scope="col">Action</th></tr></thead>
          <tbody>${this.types.map(
            (t) => html`<tr><td>${t.key}</td><td>${t.label}</td><td>${t.needsValidation ? 'Sur validation' : 'Immédiat'}</td>
              <td><button class="fr-btn fr-btn--tertiary fr-btn--sm" id=${`type-toggle-${t.key}`} type="button" @click=${() => this.toggle(t)}>
                ${t.needsValidation ? 'Ne plus demander de validation' : 'Demander une validation'}<span class="fr-sr-only"> pour ${t.label}</span></button></td></tr>`,
          )}</tbody>
        </table>
      </div>
      <form class="fr-mt-3w" novalidate aria-label="Ajouter un type de compte" @submit=${this.add}
        @input=${(e: Event) => (this.values = withField(this.values, e))} @change=${(e: Event) => (this.values = withField(this.values, e))}>
        ${textField({ id: 'type-key', name: 'key', label: 'Code', value: v.key, error: this.errors.key, hint: 'Lettres minuscules sans accent, chiffres ou « _ », par exemple elu_local.' })}
        ${textField({ id: 'type-label', name: 'label', label: 'Libellé', value: v.label, error: this.errors.label })}
        ${checkbox({ id: 'type-needsValidation', name: 'needsValidation', label: 'Validé par un administrateur', checked: v.needsValidation === 'true' })}
        <button class="fr-btn" type="submit">Ajouter le type</button>
      </form>
      <p class="fr-text--sm fr-mt-2w">Ce que chaque type permet (écrire, publier sans modération, recommander) est fixé par la plateforme ; un nouveau type a les droits d’un membre.</p>`;
  }

  private request(r: AccountTypeRequest) {
    return html`<li class="mai-moderation-item">
      <p><strong>${r.displayName}</strong> — ${r.email}${r.employer ? `, ${r.employer}` : ''}${r.jobTitle ? ` (${r.jobTitle})` : ''} — département ${r.departmentCode}</p>
      <p>
        Demande : <strong>${r.requestedLabel}</strong>${r.currentType !== 'membre' || this.types.length ? html` — type actuel : ${this.types.find((t) => t.key === r.currentType)?.label ?? r.currentType}` : nothing}
        <span class="fr-text--sm"> (le ${new Date(r.createdAt).toLocaleDateString('fr-FR')})</span>
      </p>
      ${
        this.refusing === r.userId
          ? html`<form novalidate aria-label=${`Refuser la demande de ${r.displayName}`} @submit=${(e: Event) => (e.preventDefault(), this.decide(r, false))}
            @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}>
            ${textArea({ id: `type-reason-${r.userId}`, name: 'reason', label: 'Motif du refus (envoyé par courriel)', value: this.reason, error: this.reasonError, rows: 3 })}
            <button class="fr-btn" type="submit">Confirmer le refus</button>
          </form>`
          : html`<ul class="fr-btns-group fr-btns-group--inline-sm">
            <li><button class="fr-btn" type="button" @click=${() => this.decide(r, true)}>Valider<span class="fr-sr-only"> ${r.displayName}</span></button></li>
            <li><button class="fr-btn fr-btn--secondary" type="button" @click=${() => ((this.refusing = r.userId), void focusAfter(this, `#type-reason-${r.userId}`))}>Refuser…<span class="fr-sr-only"> ${r.displayName}</span></button></li>
          </ul>`
      }
    </li>`;
  }
}

customElements.define('mai-account-types-page', MaiAccountTypesPage);
