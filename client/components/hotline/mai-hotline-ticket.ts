/** <mai-hotline-ticket> (/hotline/<id>): one request: where it stands, its conversation; staff actions and notes. */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { ApiError } from '../../api/http.js';
import type { User } from '../../../server/protocol/index.js';
import { ClockController } from '../../controllers/clock-controller.js';
import type { HotlineStore } from '../../state/hotline-store.js';
import { alertBox, noticeAlert, type Notice } from '../shared/fields.js';
import { WatchStore } from './watch-store.js';
import { actionError, formatDateTime, handlerText, statusBadge, targetText } from './format.js';
import { loadingLine } from '../shared/list-states.js';
import { focusAfter } from '../shared/focus.js';
import './mai-hotline-conversation.js';
import './mai-hotline-notes.js';
import './mai-hotline-rating.js';
import './mai-hotline-staff-actions.js';

/** Container over the hotline store: `ticketId` and the signed-in `user` in. */
export class MaiHotlineTicket extends LitElement {
  static properties = {
    store: { attribute: false },
    ticketId: { type: Number },
    user: { attribute: false },
    loadError: { state: true },
    busy: { state: true },
    notice: { state: true },
  };

  store!: HotlineStore;
  protected readonly watcher = new WatchStore(this);
  ticketId = 0;
  user!: User;
  loadError = '';
  busy = false;
  notice: Notice | null = null;
  private clock = new ClockController(this);

  createRenderRoot() {
    return this;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.store?.clearDetail();
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ticketId') && this.ticketId) void this.load();
  }

  private async load() {
    this.loadError = '';
    this.notice = null;
    try {
      await this.store.loadDetail(this.ticketId);
    } catch (err) {
      this.loadError = err instanceof ApiError && err.status === 404 ? 'Cette demande est introuvable.' : actionError(err);
    }
  }

  private get staff(): boolean {
    return this.user.role === 'hotline' || this.user.role === 'admin';
  }

  /**
   * Runs one action with progress and a notice; the store updates the ticket from the ack. The notice
   * then has the focus: the button pressed is gone or disabled, and the notice says what changed.
   */
  private async run(action: () => Promise<unknown>, done: string) {
    this.busy = true;
    this.notice = null;
    let ok = false;
    try {
      await action();
      this.notice = { kind: 'success', text: done };
      ok = true;
    } catch (err) {
      this.notice = { kind: 'error', text: actionError(err) };
    } finally {
      this.busy = false;
    }
    void focusAfter(this, '.mai-hotline-notice');
    return ok;
  }

  private memberPart() {
    const t = this.store.detail!.ticket;
    if (t.status !== 'resolved') return nothing;
    const canReopen = t.reopenableUntil !== null && Date.parse(t.reopenableUntil) > this.clock.now;
    return html`<section class="fr-col-12 fr-mt-1w" aria-labelledby="hotline-after-title">
      <h2 id="hotline-after-title" class="fr-h5">Votre avis sur la réponse</h2>
      <mai-hotline-rating .rating=${t.rating} .busy=${this.busy}
        @mai-hotline-rate=${(e: CustomEvent<{ score: number; comment: string }>) =>
          this.run(() => this.store.rate(t.id, e.detail.score, e.detail.comment), 'Merci pour votre évaluation.')}></mai-hotline-rating>
      ${
        canReopen
          ? html`<p class="fr-mt-2w">Le problème n’est pas réglé ? Vous pouvez rouvrir la demande jusqu’au ${formatDateTime(t.reopenableUntil!)}.</p>
            <button class="fr-btn fr-btn--secondary" type="button" ?disabled=${this.busy}
              @click=${() => this.run(() => this.store.reopen(t.id), 'La demande est rouverte.')}>Rouvrir la demande</button>`
          : nothing
      }
    </section>`;
  }

  render() {
    if (this.loadError) {
      return html`<h1 tabindex="-1">Demande introuvable</h1>${alertBox('error', this.loadError)}<p><a href="/hotline">Revenir à la hotline</a></p>`;
    }
    const d = this.store.detail;
    if (!d || d.ticket.id !== this.ticketId) return loadingLine('Chargement de la demande…');
    const t = d.ticket;
    const target = targetText(t, this.clock.now);
    return html`<p class="fr-mb-1w"><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/hotline">${this.staff ? 'File des demandes' : 'Mes demandes'}</a></p>
      <h1 tabindex="-1" class="fr-h3">Demande n° ${t.id} : ${t.subject}</h1>
      <p class="mai-hotline-status" data-status=${t.status}>${statusBadge(t.status)} <span class="fr-ml-1w" data-handler>${handlerText(t)}</span></p>
      <ul class="fr-text--sm mai-hotline-facts">
        <li>Ouverte le ${formatDateTime(t.createdAt)}${this.staff ? ` par ${t.requester.displayName}${t.departmentCode ? ` (dép. ${t.departmentCode})` : ''}` : ''}</li>
        ${t.category ? html`<li>Catégorie : ${t.category.name}</li>` : nothing}
        <li class=${target.late ? 'mai-hotline-late' : ''}>${target.text}</li>
        ${t.resolvedAt ? html`<li>Résolue le ${formatDateTime(t.resolvedAt)}</li>` : nothing}
      </ul>
      ${t.resolutionNote ? html`<div class="fr-callout fr-mb-2w"><p class="fr-callout__title fr-h6">Résolution</p><p class="fr-callout__text fr-text--sm mai-pre">${t.resolutionNote}</p></div>` : nothing}
      <div class="mai-hotline-notice" tabindex="-1">${noticeAlert(this.notice)}</div>
      ${
        this.staff
          ? html`<mai-hotline-staff-actions .ticket=${t} .userId=${this.user.id} .busy=${this.busy} .loadAgents=${() => this.store.agents()}
            @mai-hotline-claim=${() => this.run(() => this.store.claim(t.id), 'Vous avez pris la demande en charge.')}
            @mai-hotline-transfer=${(e: CustomEvent<{ toUserId: number; name: string }>) =>
              this.run(() => this.store.transfer(t.id, e.detail.toUserId), `Demande transférée à ${e.detail.name}.`)}
            @mai-hotline-resolve=${async (e: CustomEvent<{ note: string; done: () => void }>) => {
              if (await this.run(() => this.store.resolve(t.id, e.detail.note), 'La demande est résolue.')) e.detail.done();
            }}
            @mai-hotline-reopen=${() => this.run(() => this.store.reopen(t.id), 'La demande est rouverte.')}></mai-hotline-staff-actions>`
          : nothing
      }
      <div class="fr-grid-row fr-grid-row--gutters">
        <section class="fr-col-12 ${this.staff ? 'fr-col-lg-7' : ''}" aria-labelledby="hotline-conv-title">
          <h2 id="hotline-conv-title" class="fr-h5">Échanges</h2>
          <mai-hotline-conversation .channelId=${t.channelId} .userId=${this.user.id} .requesterId=${t.requester.id}></mai-hotline-conversation>
        </section>
        ${
          this.staff
            ? html`<section class="fr-col-12 fr-col-lg-5" aria-labelledby="hotline-notes-title">
              <h2 id="hotline-notes-title" class="fr-h5">Notes internes <span class="fr-badge fr-badge--sm fr-badge--warning">invisibles du demandeur</span></h2>
              <mai-hotline-notes .notes=${d.notes ?? []} .history=${d.history ?? []}
                @mai-hotline-note=${async (e: CustomEvent<{ body: string; done: () => void }>) => {
                  if (await this.run(() => this.store.note(t.id, e.detail.body), 'Note ajoutée.')) e.detail.done();
                }}></mai-hotline-notes>
            </section>`
            : this.memberPart()
        }
      </div>`;
  }
}

customElements.define('mai-hotline-ticket', MaiHotlineTicket);
