/** <mai-event-manage>: the organisers' tools on an event — edit, invite the group, cancel with a reason, registrants. */
import { LitElement, html, nothing } from 'lit';
import type { AgendaEvent, Registrant } from '../../api/events.js';
import type { EventSave } from './mai-event-form.js';
import './mai-event-form.js';
import './mai-event-registrants.js';

/**
 * Leaf: `event`, `registrants` (null until asked), `busy`, `formErrors`, `csvUrl` in.
 * Fires `mai-event-update` (EventSave), `mai-event-cancel` `{ reason }`,
 * `mai-event-invite-group`, `mai-show-registrants`.
 */
export class MaiEventManage extends LitElement {
  static properties = {
    event: { attribute: false },
    registrants: { attribute: false },
    busy: { type: Boolean },
    formErrors: { attribute: false },
    csvUrl: {},
    mode: { state: true },
  };

  event: AgendaEvent | null = null;
  registrants: Registrant[] | null = null;
  busy = false;
  formErrors: Record<string, string> = {};
  csvUrl = '';
  mode: 'none' | 'edit' | 'cancel' = 'none';

  createRenderRoot() {
    return this;
  }

  /** Called by the container once an edit is saved. */
  done() {
    this.mode = 'none';
  }

  private fire(name: string, detail: unknown = null) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
  }

  private cancelForm() {
    return html`<form class="fr-mt-2w" @submit=${(e: Event) => {
      e.preventDefault();
      const reason = String(new FormData(e.target as HTMLFormElement).get('reason') ?? '').trim();
      this.fire('mai-event-cancel', { reason: reason || null });
    }}>
      <div class="fr-input-group">
        <label class="fr-label" for="ev-cancel-reason">Motif de l’annulation (facultatif)<span class="fr-hint-text">Envoyé par courriel et notification à toutes les personnes inscrites ou en attente.</span></label>
        <textarea class="fr-input" id="ev-cancel-reason" name="reason" rows="2" maxlength="1000"></textarea>
      </div>
      <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        <li><button class="fr-btn fr-btn--sm" type="submit" ?disabled=${this.busy}>Confirmer l’annulation</button></li>
        <li><button class="fr-btn fr-btn--tertiary fr-btn--sm" type="button" @click=${() => (this.mode = 'none')}>Ne pas annuler</button></li>
      </ul>
    </form>`;
  }

  render() {
    const e = this.event;
    if (!e) return nothing;
    const cancelled = !!e.cancelledAt;
    return html`<section class="mai-event-manage fr-mt-6w" aria-labelledby="ev-manage-title">
      <h2 id="ev-manage-title" class="fr-h4">Organisation</h2>
      ${
        cancelled
          ? nothing
          : html`<ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
            <li><a class="fr-btn fr-btn--sm" href=${`/evenements/${e.id}/modifier`}>Modifier</a></li>
            <li><button class="fr-btn fr-btn--secondary fr-btn--sm" type="button" aria-expanded=${this.mode === 'edit'} @click=${() => (this.mode = this.mode === 'edit' ? 'none' : 'edit')}>Modification rapide</button></li>
            <li><button class="fr-btn fr-btn--secondary fr-btn--sm" type="button" ?disabled=${this.busy} @click=${() => this.fire('mai-event-invite-group')}>Inviter tout le groupe</button></li>
            <li><button class="fr-btn fr-btn--tertiary fr-btn--sm" type="button" aria-expanded=${this.mode === 'cancel'} @click=${() => (this.mode = this.mode === 'cancel' ? 'none' : 'cancel')}>Annuler l’événement</button></li>
          </ul>`
      }
      ${
        this.mode === 'edit' && !cancelled
          ? html`<mai-event-form .event=${e} ?busy=${this.busy} .errors=${this.formErrors}
            @mai-event-save=${(ev: CustomEvent<EventSave>) => {
              ev.stopPropagation();
              this.fire('mai-event-update', ev.detail);
            }}
            @mai-event-form-cancel=${() => (this.mode = 'none')}></mai-event-form>`
          : nothing
      }
      ${this.mode === 'cancel' && !cancelled ? this.cancelForm() : nothing}
      <h3 class="fr-h5 fr-mt-4w">Inscrits</h3>
      ${
        this.registrants
          ? html`<mai-event-registrants .registrants=${this.registrants} csvUrl=${this.csvUrl}></mai-event-registrants>`
          : html`<button class="fr-btn fr-btn--secondary fr-btn--sm" type="button" @click=${() => this.fire('mai-show-registrants')}>Voir la liste des inscrits</button>`
      }
    </section>`;
  }
}

customElements.define('mai-event-manage', MaiEventManage);
