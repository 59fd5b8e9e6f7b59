/** <mai-event-page> (/evenements/:id): one event — details, live count, my registration, the list by prescription, organisers' tools. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { AgendaEvent, Registrant } from '../../api/events.js';
import { apiContext } from '../../controllers/contexts.js';
import { LiveStoreController } from '../../controllers/live-store-controller.js';
import { EventStore, countLabel } from '../../state/events-store.js';
import { dateLabel, timeLabel, whenLabel } from '../../state/calendar.js';
import { alertBox, noticeAlert, type Notice } from '../shared/fields.js';
import { loadingLine } from '../shared/list-states.js';
import type { EventSave } from './mai-event-form.js';
import type { MaiEventManage } from './mai-event-manage.js';
import { eventBadges } from './format.js';
import './mai-event-manage.js';
import { publishingState, sessionList } from './event-sessions.js';
import { sessionWhen } from '../workshops/workshop-format.js';
import { focusAfter } from '../shared/focus.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { setPageTitle } from '../../state/page-title.js';

/** Container: `eventId` in (from the path). */
export class MaiEventPage extends LitElement {
  static properties = {
    eventId: { type: Number },
    notice: { state: true },
    formErrors: { state: true },
  };

  eventId = 0;
  notice: Notice | null = null;
  formErrors: Record<string, string> = {};
  private api = new ContextConsumer(this, { context: apiContext });
  private store = new LiveStoreController(this, {
    key: () => this.eventId,
    create: (api, eventId) => new EventStore(api, eventId),
    start: (store) =>
      void store.load().then(() => {
        if (store.event) setPageTitle(store.event.title);
      }),
  });

  createRenderRoot() {
    return this;
  }

  private get ev(): EventStore {
    return this.store.value!;
  }

  /**
   * Runs a store action and says how it went; the focus then goes to `target` when it worked (my own
   * registration: the button that now undoes it), else to the notice.
   */
  private async act(work: () => Promise<boolean>, success: string, target = '.mai-event-notice') {
    this.notice = null;
    const ok = await work();
    this.notice = ok ? { kind: 'success', text: success } : { kind: 'error', text: errorMessage(this.ev.error) };
    if (ok && target !== '.mai-event-notice') void focusAfter(this, target, success);
    else void focusAfter(this, '.mai-event-notice');
    return ok;
  }

  /** My registration changed: the focus goes to the button of my new state. */
  private mineAct(work: () => Promise<boolean>, success: string) {
    return this.act(work, success, '#ev-my-registration button');
  }

  private async onPrescribe(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const d = new FormData(form);
    const name = String(d.get('name') ?? '').trim();
    const email = String(d.get('email') ?? '').trim();
    const sessionId = Number(d.get('sessionId') ?? 0) || undefined;
    if (await this.act(() => this.ev.prescribe(name, email, sessionId), `${name} est inscrit(e) sur la liste « sur prescription ».`))
      form.reset();
  }

  private async onUpdate(e: CustomEvent<EventSave>) {
    this.formErrors = {};
    const ok = await this.ev.update(e.detail.input);
    if (ok) {
      this.querySelector<MaiEventManage>('mai-event-manage')?.done();
      this.notice = { kind: 'success', text: 'L’événement a été modifié.' };
      void focusAfter(this, '.mai-event-notice');
    } else if (this.ev.error instanceof ApiError && Object.keys(this.ev.error.fieldErrors).length) {
      this.formErrors = this.ev.error.fieldErrors;
    } else {
      this.notice = { kind: 'error', text: errorMessage(this.ev.error) };
      void focusAfter(this, '.mai-event-notice');
    }
  }

  private async onInviteGroup() {
    this.notice = null;
    try {
      const { invited } = await this.api.value!.events.invite(this.eventId, { group: true });
      this.notice = {
        kind: 'success',
        text: invited ? `${invited} membre(s) du groupe invité(s).` : 'Tous les membres du groupe ont déjà été prévenus.',
      };
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  private async onRemove(r: { id: number; name: string | null }) {
    if (
      !(await askConfirmation({
        title: 'Retirer cette inscription ?',
        body: `Retirer ${r.name ?? 'cette personne'} de l’événement ? La première personne en attente prendra sa place.`,
        confirmLabel: 'Retirer',
      }))
    )
      return;
    await this.act(() => this.ev.removeRegistration(r.id), `${r.name ?? 'La personne'} a été retiré(e).`);
  }

  /** My own registration: the button that fits the event's state. */
  private mine(e: AgendaEvent) {
    if (e.cancelledAt) return nothing;
    if (e.sessions.length > 1) return html`<p><a class="fr-link" href="#ev-sessions-title">Choisir une date</a></p>`;
    const r = e.myRegistration;
    const busy = this.ev.busy;
    if (r?.status === 'registered') {
      return html`<p class="fr-mb-1w"><strong>Vous êtes inscrit(e).</strong></p>
        <button class="fr-btn fr-btn--secondary" type="button" ?disabled=${busy} @click=${() => this.mineAct(this.ev.unregister, 'Votre inscription est annulée.')}>Me désinscrire</button>`;
    }
    if (r?.status === 'waitlisted') {
      return html`<p class="fr-mb-1w"><strong>Vous êtes sur la liste d’attente (n° ${r.position}).</strong> Vous serez prévenu(e) si une place se libère.</p>
        <button class="fr-btn fr-btn--secondary" type="button" ?disabled=${busy} @click=${() => this.mineAct(this.ev.unregister, 'Vous avez quitté la liste d’attente.')}>Quitter la liste d’attente</button>`;
    }
    if (!e.registrationOpen) return html`<p class="mai-muted">Les inscriptions sont closes.</p>`;
    const full = e.capacity !== null && e.registeredCount >= e.capacity;
    if (full && !e.waitlist) return html`<p><strong>Complet.</strong></p>`;
    return html`<button class="fr-btn" type="button" ?disabled=${busy}
      @click=${() => this.mineAct(this.ev.register, full ? 'Vous êtes sur la liste d’attente.' : 'Vous êtes inscrit(e).')}>
      ${full ? 'Rejoindre la liste d’attente' : 'M’inscrire'}</button>
      <p class="fr-text--xs mai-muted fr-mt-1w">Votre nom, votre structure et votre adresse e-mail seront communiqués aux organisateurs.</p>`;
  }

  /** The list by prescription: register someone I support, see and withdraw those I registered. */
  private prescription(e: AgendaEvent) {
    const withList = e.sessions.filter((x) => x.prescriptionCapacity !== null && x.registrationOpen);
    if (e.prescriptionCapacity === null && !withList.length) return nothing;
    const mine = e.myPrescriptions ?? [];
    return html`<section class="fr-mt-6w" aria-labelledby="ev-presc-title">
      <h2 id="ev-presc-title" class="fr-h5">Inscriptions sur prescription</h2>
      <p>Inscrivez une personne que vous accompagnez. <span class="mai-event-count">${e.prescriptionRegisteredCount}/${e.prescriptionCapacity} places</span>${e.prescriptionWaitlistCount ? ` · ${e.prescriptionWaitlistCount} en attente` : ''}.</p>
      ${
        mine.length
          ? html`<ul>${mine.map(
              (p) => html`<li>${p.name} (${p.email}) — ${p.status === 'registered' ? 'inscrit(e)' : `en attente, n° ${p.position}`}
            <button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" type="button" @click=${() => this.onRemove(p)}>Retirer</button></li>`,
            )}</ul>`
          : nothing
      }
      ${
        e.registrationOpen
          ? html`<form class="mai-inline-form" @submit=${this.onPrescribe}>
            ${
              e.sessions.length > 1
                ? html`<div class="fr-select-group"><label class="fr-label" for="presc-session">Date</label><select class="fr-select" id="presc-session" name="sessionId">
                  ${withList.map((x) => html`<option value=${x.id}>${sessionWhen(x)}</option>`)}</select></div>`
                : nothing
            }
            <div class="fr-input-group"><label class="fr-label" for="presc-name">Nom et prénom</label><input class="fr-input" id="presc-name" name="name" required maxlength="160" /></div>
            <div class="fr-input-group"><label class="fr-label" for="presc-email">Adresse e-mail</label><input class="fr-input" id="presc-email" name="email" type="email" required maxlength="254" /></div>
            <button class="fr-btn fr-btn--secondary" type="submit" ?disabled=${this.ev.busy}>Inscrire cette personne</button>
          </form>`
          : nothing
      }
    </section>`;
  }

  render() {
    const s = this.store.value;
    if (!s || s.status === 'loading' || s.status === 'idle') return loadingLine('Chargement de l’événement…');
    if (s.status === 'missing')
      return html`<h1 tabindex="-1">Événement introuvable</h1><p>Cet événement n’existe pas ou n’est pas visible pour vous.</p><p><a class="fr-link" href="/agenda">Retour à l’agenda</a></p>`;
    if (s.status === 'error' || !s.event) return html`<h1 tabindex="-1">Événement</h1>${alertBox('error', errorMessage(s.error))}`;
    const e = s.event;
    return html`<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
        <ol class="fr-breadcrumb__list">
          <li><a class="fr-breadcrumb__link" href="/agenda">Agenda</a></li>
          <li><a class="fr-breadcrumb__link" href=${`/groupes/${e.groupId}/agenda`}>${e.group.name}</a></li>
          <li><a class="fr-breadcrumb__link" aria-current="page">${e.title}</a></li>
        </ol>
      </nav>
      <h1 tabindex="-1">${e.title}</h1>
      <div class="mai-badges">${eventBadges(e)}</div>
      ${e.cancelledAt ? alertBox('warning', `Cet événement est annulé${e.cancelReason ? ` : ${e.cancelReason}` : '.'}`) : nothing}
      ${publishingState(e)}
      <div aria-live="polite" class="mai-event-notice" tabindex="-1">${noticeAlert(this.notice)}</div>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-7">
          <dl class="mai-event-facts">
            <dt>Quand</dt><dd>${whenLabel(e.startsAt, e.endsAt)}</dd>
            ${e.location ? html`<dt>Lieu</dt><dd>${e.location}</dd>` : nothing}
            ${e.videoUrl ? html`<dt>Visioconférence</dt><dd><a class="fr-link" href=${e.videoUrl} target="_blank" rel="noopener noreferrer external">${e.videoUrl}</a></dd>` : nothing}
            <dt>Groupe</dt><dd><a class="fr-link" href=${`/groupes/${e.groupId}`}>${e.group.name}</a></dd>
            ${e.createdBy ? html`<dt>Organisé par</dt><dd>${e.createdBy.displayName}</dd>` : nothing}
            ${e.registrationDeadline ? html`<dt>Inscription jusqu’au</dt><dd>${dateLabel(new Date(e.registrationDeadline))} à ${timeLabel(new Date(e.registrationDeadline))}</dd>` : nothing}
          </dl>
          ${e.description ? html`<p class="mai-pre-line">${e.description}</p>` : nothing}
        </div>
        <div class="fr-col-12 fr-col-md-5">
          <div class="fr-card fr-card--no-arrow mai-event-box"><div class="fr-card__body"><div class="fr-card__content">
            <p class="fr-h3 fr-mb-0 mai-event-count" aria-live="polite" data-testid="event-count">${countLabel(e)}</p>
            <p class="mai-muted">${e.waitlistCount ? `${e.waitlistCount} en liste d’attente` : e.capacity !== null && e.registeredCount >= e.capacity ? 'Complet' : ''}</p>
            <div id="ev-my-registration">${this.mine(e)}</div>
            <p class="fr-mt-2w fr-mb-0"><a class="fr-link fr-icon-calendar-line fr-link--icon-left" href=${e.icsUrl} download>Ajouter à mon agenda (.ics)</a></p>
          </div></div></div>
        </div>
      </div>
      ${sessionList(e, {
        busy: s.busy,
        register: (id) => void this.act(() => s.registerSession(id), 'Votre inscription est enregistrée.', `#ev-session-${id} button`),
        leave: (id) => void this.act(() => s.unregisterSession(id), 'Votre inscription est annulée.', `#ev-session-${id} button`),
      })}
      ${this.prescription(e)}
      ${
        e.canManage
          ? html`<mai-event-manage .event=${e} .registrants=${s.registrants} ?busy=${s.busy} .formErrors=${this.formErrors} csvUrl=${this.api.value!.events.csvUrl(e.id)}
            @mai-event-update=${this.onUpdate}
            @mai-event-cancel=${(ev: CustomEvent<{ reason: string | null }>) => this.act(() => s.cancel(ev.detail.reason), 'L’événement est annulé ; les personnes inscrites sont prévenues.')}
            @mai-event-invite-group=${this.onInviteGroup}
            @mai-show-registrants=${() => s.loadRegistrants().catch((err) => (this.notice = { kind: 'error', text: errorMessage(err) }))}
            @mai-registration-remove=${(ev: CustomEvent<{ registrant: Registrant }>) => this.onRemove(ev.detail.registrant)}></mai-event-manage>`
          : nothing
      }`;
  }
}

customElements.define('mai-event-page', MaiEventPage);
