/**
 * <mai-poll>: the voting form and the results of a poll post, kept live over
 * the hub. Container: `postId` in; reads and votes through its own PollStore.
 * Results are text (votes and share) with a decorative bar; who voted what is
 * listed only for a named poll whose results the viewer may see.
 */
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { Poll } from '../../api/polls.js';
import { LiveStoreController } from '../../controllers/live-store-controller.js';
import { PollStore } from '../../state/poll-store.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { alertBox } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';
import { plural, when } from '../groups/labels.js';

export class MaiPoll extends LitElement {
  static properties = { postId: { type: Number }, picked: { state: true }, notice: { state: true } };

  postId = 0;
  /** The options ticked in the form (null: my current choices). */
  picked: number[] | null = null;
  notice = '';
  private store = new LiveStoreController(this, {
    key: () => this.postId,
    create: (api, postId) => new PollStore(api, postId),
    start: (store) => void store.load(),
  });

  createRenderRoot() {
    return this;
  }

  private get s(): PollStore {
    return this.store.value!;
  }

  private ref(suffix: string) {
    return `poll-${this.postId}-${suffix}`;
  }

  private async submit(e: Event) {
    e.preventDefault();
    const p = this.s.poll!;
    const chosen = this.picked ?? p.myChoices;
    this.notice = '';
    if (!chosen.length) {
      this.notice = p.multiple ? 'Cochez au moins une réponse.' : 'Choisissez une réponse.';
      await focusAfter(this, `#${this.ref('error')}`);
      return;
    }
    const changing = p.myChoices.length > 0;
    if (await this.s.vote(chosen)) {
      this.picked = null;
      await focusAfter(this, `#${this.ref('results')}`, changing ? 'Votre vote est modifié.' : 'Votre vote est enregistré.');
    } else {
      this.notice = errorMessage(this.s.error);
      await focusAfter(this, `#${this.ref('error')}`);
    }
  }

  private async withdraw() {
    if (await this.s.withdraw()) {
      this.picked = null;
      await focusAfter(this, `#${this.ref('form')} input`, 'Votre vote est retiré.');
    } else this.notice = errorMessage(this.s.error);
  }

  private async close() {
    const ok = await askConfirmation({
      title: 'Clore ce sondage ?',
      body: 'Plus personne ne pourra voter ni changer son vote, et les résultats seront visibles de tous.',
      confirmLabel: 'Clore le sondage',
    });
    if (!ok) return;
    if (await this.s.close()) await focusAfter(this, `#${this.ref('results')}`, 'Le sondage est clos.');
    else this.notice = errorMessage(this.s.error);
  }

  private statusLine(p: Poll) {
    const state = p.closed
      ? html`<span class="fr-badge fr-badge--sm">Clos</span>${p.closedAt ? html` le ${when(p.closedAt)}` : p.closesAt ? html` le ${when(p.closesAt)}` : nothing}`
      : html`<span class="fr-badge fr-badge--sm fr-badge--success">En cours</span>${p.closesAt ? html` · jusqu’au ${when(p.closesAt)}` : nothing}`;
    return html`<p class="fr-text--sm fr-mb-1w" id=${this.ref('status')}>
      ${state} · <span>${plural(p.voterCount, 'participant')}</span> ·
      ${p.anonymous ? 'Vote anonyme : personne, pas même l’auteur, ne voit qui a voté quoi.' : 'Vote nominatif : qui voit les résultats voit qui a voté quoi.'}
    </p>`;
  }

  private form(p: Poll) {
    const chosen = this.picked ?? p.myChoices;
    const type = p.multiple ? 'checkbox' : 'radio';
    const toggle = (id: number, on: boolean) =>
      (this.picked = p.multiple ? (on ? [...chosen, id] : chosen.filter((x) => x !== id)) : on ? [id] : chosen);
    return html`<form id=${this.ref('form')} novalidate @submit=${this.submit}>
      <fieldset class="fr-fieldset" aria-describedby=${this.ref('status')}>
        <legend class="fr-fieldset__legend--regular fr-fieldset__legend">${p.multiple ? 'Vos réponses (plusieurs choix possibles)' : 'Votre réponse'}</legend>
        ${p.options.map(
          (o) => html`<div class="fr-fieldset__element"><div class=${p.multiple ? 'fr-checkbox-group' : 'fr-radio-group'}>
            <input type=${type} id=${this.ref(`o${o.id}`)} name=${this.ref('choice')} .checked=${chosen.includes(o.id)}
              @change=${(e: Event) => toggle(o.id, (e.target as HTMLInputElement).checked)} />
            <label class="fr-label" for=${this.ref(`o${o.id}`)}>${o.label}</label></div></div>`,
        )}
      </fieldset>
      <div class="mai-poll__actions">
        <button class="fr-btn fr-btn--sm" type="submit" ?disabled=${this.s.busy}>${p.myChoices.length ? 'Modifier mon vote' : 'Voter'}</button>
        ${
          p.myChoices.length
            ? html`<button class="fr-btn fr-btn--sm fr-btn--tertiary" type="button" ?disabled=${this.s.busy} @click=${this.withdraw}>Retirer mon vote</button>`
            : nothing
        }
      </div>
    </form>`;
  }

  private results(p: Poll) {
    const total = p.voterCount;
    if (!p.resultsVisible)
      return html`<p class="fr-text--sm mai-muted" id=${this.ref('results')} tabindex="-1">
        ${p.resultsVisibility === 'after_close' ? 'Les résultats seront visibles à la clôture du sondage.' : 'Les résultats s’affichent une fois que vous avez voté.'}
      </p>`;
    return html`<div class="mai-poll__results">
      <h4 class="fr-text--md fr-text--bold fr-mb-1w" id=${this.ref('results')} tabindex="-1">${p.closed ? 'Résultats définitifs' : 'Résultats provisoires'}</h4>
      <ul class="mai-poll__rows">
        ${p.options.map((o) => {
          const n = o.votes ?? 0;
          const share = total ? Math.round((100 * n) / total) : 0;
          const mine = p.myChoices.includes(o.id);
          return html`<li data-option=${o.id}>
            <span class="mai-poll__label">${o.label}${mine ? html` <span class="fr-badge fr-badge--sm fr-badge--info">Mon choix</span>` : nothing}</span>
            <span class="mai-poll__value">${plural(n, 'voix', 'voix')} · ${share} %</span>
            <span class="mai-poll__track" aria-hidden="true"><span class="mai-poll__fill" style="width: ${share}%"></span></span>
            ${
              o.voters?.length
                ? html`<details class="fr-text--sm"><summary>Qui a choisi « ${o.label} »</summary>
                  <p class="fr-mb-0">${o.voters.map((v) => v.displayName).join(', ')}</p></details>`
                : nothing
            }
          </li>`;
        })}
      </ul>
    </div>`;
  }

  render() {
    const s = this.store.value;
    if (!s) return nothing;
    const p = s.poll;
    if (!p)
      return s.status === 'error'
        ? alertBox('error', errorMessage(s.error))
        : html`<p class="fr-text--sm mai-muted">Chargement du sondage…</p>`;
    return html`<section class="mai-poll" aria-label=${`Sondage : ${p.question}`}>
      ${this.statusLine(p)}
      ${p.canVote ? this.form(p) : nothing}
      <div id=${this.ref('error')} tabindex="-1">${this.notice ? alertBox('error', this.notice) : nothing}</div>
      ${this.results(p)}
      ${
        p.canManage || p.resultsVisible
          ? html`<div class="mai-poll__actions">
            ${
              p.resultsVisible
                ? html`<a class="fr-link fr-link--sm fr-icon-download-line fr-link--icon-left" href=${`/api/polls/${p.postId}/results.csv`} download>Exporter les résultats (CSV)</a>`
                : nothing
            }
            ${
              p.canManage && !p.closed
                ? html`<button class="fr-btn fr-btn--sm fr-btn--secondary" type="button" ?disabled=${s.busy} @click=${this.close}>Clore le sondage</button>`
                : nothing
            }
          </div>`
          : nothing
      }
    </section>`;
  }
}

customElements.define('mai-poll', MaiPoll);
