/**
 * <mai-my-appointment-page> (/mon-rendez-vous#<secret>, public): the link of
 * a visitor's mail. Shows the appointment, cancels it (after a confirmation)
 * or moves it to another free slot of the same page. The secret stays in the
 * address's fragment: it never reaches the server's logs, only its API body.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { apiContext } from '../../controllers/contexts.js';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { PublicBookingView, VisitorAppointmentView } from '../../api/booking.js';
import { alertBox } from '../shared/fields.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { focusAfter, focusFirstInvalid } from '../shared/focus.js';
import { slotLabel, slotPicker } from './slot-picker.js';

export class MaiMyAppointmentPage extends LitElement {
  static properties = {
    appointment: { state: true },
    error: { state: true },
    notice: { state: true },
    slots: { state: true },
    day: { state: true },
    startsAt: { state: true },
    slotError: { state: true },
    busy: { state: true },
  };
  appointment: VisitorAppointmentView | null = null;
  error = '';
  notice = '';
  slots: PublicBookingView | null = null;
  day = '';
  startsAt = '';
  slotError = '';
  busy = false;
  private api = new ContextConsumer(this, { context: apiContext });
  private token = '';

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.token = decodeURIComponent(window.location.hash.slice(1));
    void this.load();
  }

  private async load() {
    if (!this.token) {
      this.error = 'Ce lien est incomplet : ouvrez celui de votre courriel de confirmation.';
      return;
    }
    try {
      this.appointment = await this.api.value!.booking.lookup(this.token);
    } catch (e) {
      this.error =
        e instanceof ApiError && (e.status === 404 || e.status === 400) ? 'Ce lien ne correspond à aucun rendez-vous.' : errorMessage(e);
    }
  }

  private async cancel() {
    const ok = await askConfirmation({
      title: 'Annuler ce rendez-vous ?',
      body: `Le rendez-vous du ${slotLabel(this.appointment!.startsAt)} sera annulé et le créneau libéré.`,
      confirmLabel: 'Annuler le rendez-vous',
      cancelLabel: 'Garder le rendez-vous',
    });
    if (!ok) return;
    await this.act(() => this.api.value!.booking.cancel(this.token), 'Votre rendez-vous est annulé. Un courriel vous le confirme.');
  }

  private async openMove() {
    try {
      this.slots = await this.api.value!.booking.publicPage(this.appointment!.slug);
      this.day = this.slots.days[0]?.date ?? '';
      await focusAfter(this, '#move-title');
    } catch (e) {
      this.notice = '';
      this.error = errorMessage(e);
    }
  }

  private async move(e: Event) {
    e.preventDefault();
    if (!this.startsAt) {
      this.slotError = 'Choisissez un créneau.';
      await focusFirstInvalid(this);
      return;
    }
    await this.act(
      () => this.api.value!.booking.move(this.token, this.startsAt),
      'Votre rendez-vous est déplacé. Un courriel vous le confirme.',
    );
  }

  private async act(run: () => Promise<VisitorAppointmentView>, done: string) {
    this.busy = true;
    this.error = '';
    try {
      this.appointment = await run();
      this.slots = null;
      this.startsAt = '';
      this.slotError = '';
      this.notice = done;
      await focusAfter(this, '#appointment-notice', done);
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'slot_taken' || e.code === 'slot_unavailable') && this.slots) {
        this.slotError = e.message;
        this.slots = await this.api.value!.booking.publicPage(this.appointment!.slug);
        await focusFirstInvalid(this);
      } else {
        this.error = errorMessage(e);
        await focusAfter(this, '.fr-alert--error');
      }
    } finally {
      this.busy = false;
    }
  }

  render() {
    const a = this.appointment;
    return html`<h1 tabindex="-1">Mon rendez-vous</h1>
      ${this.error ? alertBox('error', this.error) : nothing}
      ${this.notice ? html`<div class="fr-alert fr-alert--success fr-mb-3w" id="appointment-notice" tabindex="-1"><p>${this.notice}</p></div>` : nothing}
      ${
        a
          ? html`<div class="fr-card fr-mb-3w"><div class="fr-card__body"><div class="fr-card__content">
              <h2 class="fr-card__title">${a.cancelled ? 'Rendez-vous annulé' : 'Rendez-vous confirmé'}</h2>
              <p class="fr-card__desc">Le ${slotLabel(a.startsAt)} avec ${a.hostName}.<br />Lieu : ${a.place}</p>
            </div></div></div>
            ${
              a.cancelled || Date.parse(a.startsAt) <= Date.now()
                ? html`${a.cancelled ? html`<p><a class="fr-link" href=${`/rendez-vous/${a.slug}`}>Prendre un nouveau rendez-vous</a></p>` : nothing}`
                : html`<ul class="fr-btns-group fr-btns-group--inline-md">
                  <li><button class="fr-btn fr-btn--secondary" ?disabled=${this.busy} @click=${this.openMove}>Déplacer le rendez-vous</button></li>
                  <li><button class="fr-btn fr-btn--tertiary" ?disabled=${this.busy} @click=${this.cancel}>Annuler le rendez-vous</button></li>
                </ul>`
            }
            ${this.slots ? this.renderMove(this.slots) : nothing}`
          : nothing
      }`;
  }

  private renderMove(v: PublicBookingView) {
    return html`<h2 id="move-title" tabindex="-1">Choisir un autre créneau</h2>
      <form novalidate @submit=${this.move} aria-labelledby="move-title">
        ${slotPicker({
          id: 'move-slot',
          days: v.days,
          day: this.day,
          value: this.startsAt,
          error: this.slotError,
          onDay: (d) => (this.day = d),
          onPick: (s) => {
            this.startsAt = s;
            this.slotError = '';
          },
        })}
        <button class="fr-btn" type="submit" ?disabled=${this.busy}>Déplacer à ce créneau</button>
      </form>`;
  }
}

customElements.define('mai-my-appointment-page', MaiMyAppointmentPage);
