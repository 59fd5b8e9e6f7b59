/** <mai-organisation-requests-page> (/admin/organisations): the admins' queue of access requests: accept, or refuse with a reason. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { OrganisationRequest } from '../../../server/protocol/index.js';
import { organisationTypeLabel } from '../../../server/protocol/organisation-catalog.js';
import { apiContext } from '../../controllers/contexts.js';
import { noticeAlert, selectField, textArea, type Notice } from '../shared/fields.js';
import { emptyLine, loadingLine } from '../shared/list-states.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { focusAfter, focusErrorAlert } from '../shared/focus.js';

const STATUS_OPTIONS = [
  { value: 'pending', label: 'En attente' },
  { value: 'accepted', label: 'Acceptées' },
  { value: 'refused', label: 'Refusées' },
];

export class MaiOrganisationRequestsPage extends LitElement {
  static properties = {
    status: { state: true },
    items: { state: true },
    loading: { state: true },
    notice: { state: true },
    refusing: { state: true },
    reason: { state: true },
    reasonError: { state: true },
    busyId: { state: true },
  };

  status: OrganisationRequest['status'] = 'pending';
  items: OrganisationRequest[] = [];
  loading = false;
  notice: Notice | null = null;
  /** The request whose refusal reason is being typed. */
  refusing = 0;
  reason = '';
  reasonError = '';
  busyId = 0;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.loading = true;
    try {
      this.items = (await this.api.value!.organisations.queue(this.status)).items;
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    } finally {
      this.loading = false;
    }
  }

  private async accept(r: OrganisationRequest) {
    const ok = await askConfirmation({
      title: `Accepter « ${r.name} » ?`,
      body: `L’organisation sera créée et ${r.requester.firstName} ${r.requester.lastName} en deviendra gestionnaire : un lien pour choisir son mot de passe lui sera envoyé.`,
      confirmLabel: 'Accepter la demande',
    });
    if (!ok) return;
    await this.decide(
      r,
      () => this.api.value!.organisations.accept(r.id),
      `La demande de « ${r.name} » est acceptée ; un courriel a été envoyé à ${r.requester.email}.`,
    );
  }

  private async refuse(r: OrganisationRequest) {
    if (this.reason.trim().length < 5) {
      this.reasonError = 'Indiquez le motif du refus (au moins 5 caractères) : il sera envoyé au demandeur.';
      await focusAfter(this, `#refuse-reason-${r.id}`);
      return;
    }
    await this.decide(
      r,
      () => this.api.value!.organisations.refuse(r.id, this.reason.trim()),
      `La demande de « ${r.name} » est refusée ; le motif a été envoyé.`,
    );
  }

  private async decide(r: OrganisationRequest, call: () => Promise<OrganisationRequest>, done: string) {
    this.notice = null;
    this.busyId = r.id;
    try {
      await call();
      this.items = this.items.filter((x) => x.id !== r.id);
      this.refusing = 0;
      this.reason = '';
      this.reasonError = '';
      this.notice = { kind: 'success', text: done };
      void focusAfter(this, 'h1', done);
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
      void focusErrorAlert(this);
    } finally {
      this.busyId = 0;
    }
  }

  private card(r: OrganisationRequest) {
    const busy = this.busyId === r.id;
    return html`<li class="fr-card fr-card--no-arrow fr-mb-2w">
      <div class="fr-card__body"><div class="fr-card__content">
        <h2 class="fr-card__title fr-h5">${r.name}</h2>
        <p class="fr-card__desc">${organisationTypeLabel(r.type)} — ${r.commune.name} (${r.commune.departmentCode})</p>
        <dl class="mai-definitions">
          <dt>Demandeur</dt><dd>${r.requester.firstName} ${r.requester.lastName}, ${r.requester.function} — ${r.requester.email}</dd>
          ${r.siret ? html`<dt>SIRET</dt><dd>${r.siret}</dd>` : nothing}
          ${r.website ? html`<dt>Site web</dt><dd>${r.website}</dd>` : nothing}
          ${r.contactEmail || r.contactPhone ? html`<dt>Contact</dt><dd>${[r.contactEmail, r.contactPhone].filter(Boolean).join(' — ')}</dd>` : nothing}
          ${r.services ? html`<dt>Nos services</dt><dd class="mai-pre-line">${r.services}</dd>` : nothing}
          <dt>Reçue le</dt><dd>${new Date(r.createdAt).toLocaleDateString('fr-FR')}</dd>
          ${r.reason ? html`<dt>Motif du refus</dt><dd>${r.reason}</dd>` : nothing}
        </dl>
        ${r.status === 'pending' ? this.actions(r, busy) : nothing}
      </div></div>
    </li>`;
  }

  private actions(r: OrganisationRequest, busy: boolean) {
    if (this.refusing === r.id) {
      return html`<form novalidate aria-label=${`Refuser la demande de ${r.name}`} @submit=${(e: Event) => (e.preventDefault(), void this.refuse(r))}>
        ${textArea({ id: `refuse-reason-${r.id}`, name: 'reason', label: 'Motif du refus (envoyé au demandeur)', value: this.reason, error: this.reasonError, rows: 3 })}
        <ul class="fr-btns-group fr-btns-group--inline-sm">
          <li><button class="fr-btn" type="submit" ?disabled=${busy}>Confirmer le refus</button></li>
          <li><button class="fr-btn fr-btn--secondary" type="button" @click=${() => ((this.refusing = 0), void focusAfter(this, `#refuse-${r.id}`))}>Annuler</button></li>
        </ul>
      </form>`;
    }
    return html`<ul class="fr-btns-group fr-btns-group--inline-sm">
      <li><button class="fr-btn" type="button" ?disabled=${busy} @click=${() => this.accept(r)}>Accepter</button></li>
      <li><button class="fr-btn fr-btn--secondary" id=${`refuse-${r.id}`} type="button" ?disabled=${busy}
        @click=${() => ((this.refusing = r.id), (this.reason = ''), (this.reasonError = ''), void focusAfter(this, `#refuse-reason-${r.id}`))}>Refuser…</button></li>
    </ul>`;
  }

  render() {
    return html`<h1 tabindex="-1">Demandes d’accès des organisations</h1>
      ${noticeAlert(this.notice)}
      <form novalidate role="search" aria-label="Filtrer les demandes" @change=${(e: Event) => ((this.status = (e.target as HTMLSelectElement).value as OrganisationRequest['status']), void this.load())}>
        ${selectField({ id: 'orgreq-status', name: 'status', label: 'Demandes', value: this.status, options: STATUS_OPTIONS })}
      </form>
      <div @input=${(e: Event) => ((e.target as HTMLElement).matches('textarea') ? (this.reason = (e.target as HTMLTextAreaElement).value) : null)}>
        ${this.loading ? loadingLine('Chargement des demandes…') : nothing}
        ${!this.loading && !this.items.length ? emptyLine('Aucune demande.') : nothing}
        <ul class="mai-plain-list">${this.items.map((r) => this.card(r))}</ul>
      </div>`;
  }
}

customElements.define('mai-organisation-requests-page', MaiOrganisationRequestsPage);
