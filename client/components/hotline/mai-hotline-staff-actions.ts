/** <mai-hotline-staff-actions>: claim, transfer, resolve (with a note) or reopen a ticket. */
import { LitElement, html, nothing } from 'lit';
import type { HotlineAgent, Ticket } from '../../api/hotline.js';
import { actionError } from './format.js';
import { askConfirmation } from '../shared/confirm-dialog.js';

const PRESENCE: Record<HotlineAgent['status'], string> = {
  online: 'en ligne',
  away: 'absent',
  dnd: 'ne pas déranger',
  offline: 'hors ligne',
};

/** Leaf: `ticket` in; `mai-hotline-claim`, `-transfer` {toUserId, name}, `-resolve` {note}, `-reopen` out. */
export class MaiHotlineStaffActions extends LitElement {
  static properties = {
    ticket: { attribute: false },
    userId: { type: Number },
    busy: { type: Boolean },
    loadAgents: { attribute: false },
    agents: { state: true },
    agentsError: { state: true },
    toUserId: { state: true },
    note: { state: true },
  };

  ticket!: Ticket;
  userId = 0;
  busy = false;
  loadAgents: () => Promise<HotlineAgent[]> = async () => [];
  agents: HotlineAgent[] | null = null;
  agentsError = '';
  toUserId = '';
  note = '';

  createRenderRoot() {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.loadAgents().then(
      (a) => (this.agents = a),
      (err) => (this.agentsError = actionError(err)),
    );
  }

  private fire(name: string, detail: unknown = {}) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private transfer(e: Event) {
    e.preventDefault();
    const agent = this.agents?.find((a) => String(a.id) === this.toUserId);
    if (agent) this.fire('mai-hotline-transfer', { toUserId: agent.id, name: agent.displayName });
  }

  private async resolve(e: Event) {
    e.preventDefault();
    const ok = await askConfirmation({
      title: 'Résoudre cette demande ?',
      body: 'Le demandeur est prévenu et reçoit la note de résolution ; il pourra rouvrir la demande pendant quelques jours.',
      confirmLabel: 'Résoudre la demande',
    });
    // The note is cleared only once the resolution is stored: on a failure it is still there.
    if (ok) this.fire('mai-hotline-resolve', { note: this.note.trim(), done: () => (this.note = '') });
  }

  render() {
    const t = this.ticket;
    if (t.status === 'resolved') {
      return html`<div class="fr-btns-group fr-btns-group--inline fr-mb-3w">
        <button class="fr-btn fr-btn--secondary" type="button" ?disabled=${this.busy} @click=${() => this.fire('mai-hotline-reopen')}>Rouvrir la demande</button>
      </div>`;
    }
    const others = (this.agents ?? []).filter((a) => a.id !== t.assignee?.id);
    return html`<div class="fr-grid-row fr-grid-row--gutters fr-mb-2w mai-hotline-actions">
      <div class="fr-col-12 fr-col-md-3">
        ${
          t.assignee?.id === this.userId
            ? html`<p class="fr-text--sm fr-mb-0">Vous traitez cette demande.</p>`
            : html`<button class="fr-btn" type="button" ?disabled=${this.busy || !!t.assignee} @click=${() => this.fire('mai-hotline-claim')}
              title=${t.assignee ? 'Déjà prise en charge : utilisez le transfert' : ''}>Prendre en charge</button>`
        }
      </div>
      <form class="fr-col-12 fr-col-md-4" @submit=${this.transfer} aria-label="Transférer la demande">
        <div class="fr-select-group fr-mb-1w">
          <label class="fr-label" for="hotline-transfer-to">Transférer à</label>
          <select class="fr-select" id="hotline-transfer-to" .value=${this.toUserId} ?disabled=${!this.agents}
            @change=${(e: Event) => (this.toUserId = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.toUserId === ''}>${this.agents ? 'Choisir un agent' : 'Chargement…'}</option>
            ${others.map((a) => html`<option value=${String(a.id)}>${a.displayName} (${PRESENCE[a.status]})</option>`)}
          </select>
          ${this.agentsError ? html`<p class="fr-error-text">${this.agentsError}</p>` : nothing}
        </div>
        <button class="fr-btn fr-btn--secondary fr-btn--sm" type="submit" ?disabled=${this.busy || !this.toUserId}>Transférer</button>
      </form>
      <form class="fr-col-12 fr-col-md-5" @submit=${this.resolve} aria-label="Résoudre la demande">
        <div class="fr-input-group fr-mb-1w">
          <label class="fr-label" for="hotline-resolution">Note de résolution <span class="fr-hint-text">Visible par le demandeur.</span></label>
          <textarea class="fr-input" id="hotline-resolution" rows="2" maxlength="2000" .value=${this.note}
            @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        <button class="fr-btn fr-btn--secondary fr-btn--sm fr-icon-check-line fr-btn--icon-left" type="submit" ?disabled=${this.busy}>Résoudre</button>
      </form>
    </div>`;
  }
}

customElements.define('mai-hotline-staff-actions', MaiHotlineStaffActions);
