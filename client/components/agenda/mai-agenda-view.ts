/** <mai-agenda-view>: a month of events (mine, or a group's) as a calendar or a list, kept live; organisers create events. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import { apiContext, routerContext, sessionContext } from '../../controllers/contexts.js';
import { LiveStoreController } from '../../controllers/live-store-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { AgendaStore } from '../../state/events-store.js';
import { addMonths, gridRange, monthLabel } from '../../state/calendar.js';
import { alertBox, noticeAlert, type Notice } from '../shared/fields.js';
import { srStatus } from '../shared/list-states.js';
import type { EventSave } from './mai-event-form.js';
import './mai-calendar-month.js';
import './mai-event-form.js';
import { focusAfter, focusErrorAlert } from '../shared/focus.js';
import './mai-event-list.js';

type View = 'month' | 'list';

/** Container: `groupId` (null: my calendar) and `canCreate` (group managers; animators and admins too) in. */
export class MaiAgendaView extends LitElement {
  static properties = {
    groupId: { attribute: false },
    canCreate: { type: Boolean },
    view: { state: true },
    month: { state: true },
    creating: { state: true },
    saving: { state: true },
    formErrors: { state: true },
    notice: { state: true },
  };

  groupId: number | null = null;
  canCreate = false;
  view: View = 'month';
  month = new Date(new Date().getFullYear(), new Date().getMonth(), 1);
  creating = false;
  saving = false;
  formErrors: Record<string, string> = {};
  notice: Notice | null = null;
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });
  private session = new StoreController(this, sessionContext);
  private store = new LiveStoreController(this, {
    key: () => this.groupId,
    create: (api, groupId) => new AgendaStore(api, groupId),
    start: () => this.loadMonth(),
  });

  createRenderRoot() {
    return this;
  }

  private loadMonth() {
    const { from, to } = gridRange(this.month);
    void this.store.value?.load(from, to);
  }

  private go(n: number | null) {
    this.month = n === null ? addMonths(new Date(), 0) : addMonths(this.month, n);
    this.loadMonth();
  }

  private get mayCreate(): boolean {
    const role = this.session.value?.user?.role;
    return this.groupId !== null && (this.canCreate || role === 'animator' || role === 'admin');
  }

  private async onSave(e: CustomEvent<EventSave>) {
    if (!this.groupId) return;
    this.saving = true;
    this.formErrors = {};
    this.notice = null;
    try {
      const { input, inviteGroup } = e.detail;
      const created = await this.api.value!.events.create(this.groupId, { ...input, ...(inviteGroup ? { invite: { group: true } } : {}) });
      this.creating = false;
      this.router.value?.navigate(`/evenements/${created.id}`);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      if (Object.keys(fields).length) this.formErrors = fields;
      else {
        this.notice = { kind: 'error', text: errorMessage(err) };
        void focusErrorAlert(this);
      }
    } finally {
      this.saving = false;
    }
  }

  private onCancel = () => {
    this.creating = false;
    // Back to the button that opened the form.
    void focusAfter(this, '#ev-create-open');
  };

  private toolbar() {
    const btn = (v: View, label: string) =>
      html`<button class="fr-btn fr-btn--sm ${this.view === v ? '' : 'fr-btn--secondary'}" type="button" aria-pressed=${this.view === v ? 'true' : 'false'}
        @click=${() => (this.view = v)}>${label}</button>`;
    return html`<div class="mai-agenda-toolbar">
      <div class="mai-agenda-nav">
        <button class="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-arrow-left-s-line" type="button" title="Mois précédent" @click=${() => this.go(-1)}>Mois précédent</button>
        <h2 class="fr-h4 fr-mb-0 mai-agenda-month" aria-live="polite">${monthLabel(this.month)}</h2>
        <button class="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-arrow-right-s-line" type="button" title="Mois suivant" @click=${() => this.go(1)}>Mois suivant</button>
        <button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" type="button" @click=${() => this.go(null)}>Aujourd’hui</button>
      </div>
      <div class="mai-agenda-views" role="group" aria-label="Affichage">${btn('month', 'Mois')} ${btn('list', 'Liste')}</div>
    </div>`;
  }

  render() {
    const s = this.store.value;
    if (!s) return nothing;
    const inMonth = s.items.filter((e) => {
      const start = new Date(e.startsAt);
      return start.getMonth() === this.month.getMonth() && start.getFullYear() === this.month.getFullYear();
    });
    return html`<div aria-live="polite">${noticeAlert(this.notice)}</div>
      ${
        this.mayCreate
          ? this.creating
            ? html`<section class="mai-agenda-create fr-mb-4w" aria-labelledby="ev-new-heading">
              <h2 id="ev-new-heading" class="fr-h5">Nouvel événement</h2>
              <mai-event-form ?busy=${this.saving} .errors=${this.formErrors} @mai-event-save=${this.onSave}
                @mai-event-form-cancel=${this.onCancel}></mai-event-form>
            </section>`
            : html`<p><button id="ev-create-open" class="fr-btn fr-icon-add-line fr-btn--icon-left" type="button" @click=${() => (this.creating = true)}>Créer un événement</button></p>`
          : nothing
      }
      ${this.toolbar()}
      ${s.status === 'error' ? alertBox('error', errorMessage(s.error)) : nothing}
      ${srStatus(s.status === 'loading' ? 'Chargement des événements…' : '')}
      ${
        this.view === 'month'
          ? html`<mai-calendar-month .month=${this.month} .events=${s.items}></mai-calendar-month>`
          : html`<mai-event-list .events=${inMonth} ?showGroup=${this.groupId === null} empty="Aucun événement ce mois-ci."></mai-event-list>`
      }`;
  }
}

customElements.define('mai-agenda-view', MaiAgendaView);
