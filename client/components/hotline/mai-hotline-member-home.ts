/** <mai-hotline-member-home>: a member's hotline: availability, "Contacter la hotline" and "Mes demandes". */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { routerContext } from '../../controllers/contexts.js';
import type { HotlineStore, OpenRequestInput } from '../../state/hotline-store.js';
import { alertBox } from '../shared/fields.js';
import { WatchStore } from './watch-store.js';
import { actionError } from './format.js';
import { loadingLine } from '../shared/list-states.js';
import './mai-hotline-availability.js';
import './mai-hotline-request-form.js';
import './mai-hotline-ticket-list.js';
import { helpLink } from '../shared/help-link.js';
import { HELP_TOPICS } from '../help/guides.js';

/** Container over the hotline store (given by the page). */
export class MaiHotlineMemberHome extends LitElement {
  static properties = {
    store: { attribute: false },
    busy: { state: true },
    error: { state: true },
  };

  store!: HotlineStore;
  protected readonly watcher = new WatchStore(this);
  busy = false;
  error = '';
  private router = new ContextConsumer(this, { context: routerContext });

  createRenderRoot() {
    return this;
  }

  private async onOpen(e: CustomEvent<OpenRequestInput>) {
    this.busy = true;
    this.error = '';
    try {
      const ticket = await this.store.open(e.detail);
      this.router.value?.navigate(`/hotline/${ticket.id}`);
    } catch (err) {
      this.error = actionError(err);
    } finally {
      this.busy = false;
    }
  }

  render() {
    const s = this.store;
    const tickets = s.list(true);
    return html`<h1 tabindex="-1">Hotline</h1>
      <p>${helpLink(HELP_TOPICS.hotline, 'la hotline')}</p>
      <p class="fr-text--lead">Une question, un blocage ? L’équipe de la hotline vous répond en privé.</p>
      <mai-hotline-availability .status=${s.status}></mai-hotline-availability>
      <div class="fr-grid-row fr-grid-row--gutters fr-mt-2w">
        <section class="fr-col-12 fr-col-lg-5" aria-labelledby="hotline-contact-title">
          <h2 id="hotline-contact-title" class="fr-h4">Contacter la hotline</h2>
          ${this.error ? alertBox('error', this.error) : nothing}
          <mai-hotline-request-form .categories=${s.categories} .status=${s.status} .busy=${this.busy}
            @mai-hotline-open=${this.onOpen}></mai-hotline-request-form>
        </section>
        <section class="fr-col-12 fr-col-lg-7" aria-labelledby="hotline-mine-title">
          <h2 id="hotline-mine-title" class="fr-h4">Mes demandes</h2>
          ${s.error ? alertBox('error', actionError(s.error)) : nothing}
          ${s.loading && !tickets.length ? loadingLine('Chargement de vos demandes…') : nothing}
          ${!s.loading && !tickets.length ? html`<p>Vous n’avez encore envoyé aucune demande.</p>` : nothing}
          ${tickets.length ? html`<mai-hotline-ticket-list .tickets=${tickets}></mai-hotline-ticket-list>` : nothing}
        </section>
      </div>`;
  }
}

customElements.define('mai-hotline-member-home', MaiHotlineMemberHome);
