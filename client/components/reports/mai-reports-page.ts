/**
 * <mai-reports-page> (/comptes-rendus): my reports, newest first, with edit
 * and delete while they are still editable (30 days). A manager's team and,
 * for admins, who manages whom are on this page too.
 */
import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { apiContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { MyReportsStore } from '../../state/reports-store.js';
import type { ReportView } from '../../api/reports.js';
import { ACTIVITIES, CANALS, labelOf } from '../../../server/protocol/report-catalog.js';
import './mai-report-teams.js';
import { helpLink } from '../shared/help-link.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { HELP_TOPICS } from '../help/guides.js';

const frDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('fr-FR');

export class MaiReportsPage extends LitElement {
  private api = new ContextConsumer(this, { context: apiContext });
  private session = new StoreController(this, sessionContext);
  private list: StoreController<MyReportsStore> | null = null;

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.list = new StoreController(this, new MyReportsStore(this.api.value!));
    void this.list.value!.load();
  }

  private async removeReport(r: ReportView) {
    const ok = await askConfirmation({
      title: 'Supprimer cet accompagnement ?',
      body: `L’accompagnement du ${frDate(r.date)} à ${r.commune.name} sera retiré de vos statistiques.`,
      confirmLabel: 'Supprimer l’accompagnement',
    });
    if (!ok) return;
    const store = this.list!.value!;
    const index = store.items.indexOf(r);
    if (await store.remove(r.id)) {
      await this.updateComplete;
      // Focus the next report's first action (or the title when the list is empty), never the void.
      const next = this.querySelectorAll<HTMLElement>('.mai-report-item a, .mai-report-item button')[Math.max(0, index * 2 - 1)];
      (next ?? this.querySelector<HTMLElement>('h1'))?.focus();
    }
  }

  private item(r: ReportView) {
    return html`<li class="mai-report-item">
      <div>
        <p class="fr-text--bold fr-mb-0">${frDate(r.date)} — ${r.commune.name}</p>
        <p class="fr-text--sm fr-mb-0">${labelOf(ACTIVITIES, r.activity)} · ${labelOf(CANALS, r.canal)} · ${r.participants} personne(s)</p>
        ${r.editableUntil ? nothing : html`<p class="fr-badge fr-badge--sm">Définitif</p>`}
      </div>
      ${
        r.editableUntil
          ? html`<div class="mai-report-item__actions">
            <a class="fr-btn fr-btn--sm fr-btn--secondary" href="/comptes-rendus/${r.id}" aria-label="Modifier l'accompagnement du ${frDate(r.date)} à ${r.commune.name}">Modifier</a>
            <button class="fr-btn fr-btn--sm fr-btn--tertiary" @click=${() => this.removeReport(r)} aria-label="Supprimer l'accompagnement du ${frDate(r.date)} à ${r.commune.name}">Supprimer</button>
          </div>`
          : nothing
      }
    </li>`;
  }

  render() {
    const s = this.list?.value;
    if (!s) return nothing;
    return html`<h1 tabindex="-1">Mes comptes rendus</h1>
      <p>${helpLink(HELP_TOPICS.reports, 'les comptes rendus')}</p>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><a class="fr-btn" href="/comptes-rendus/nouveau">Enregistrer un accompagnement</a></li>
        <li><a class="fr-btn fr-btn--secondary" href="/statistiques">Mes statistiques</a></li>
      </ul>
      <p class="fr-text--sm mai-muted">Un compte rendu se modifie ou se supprime pendant 30 jours ; il est ensuite définitif.</p>
      ${s.error ? html`<div class="fr-alert fr-alert--error fr-mb-2w" role="alert"><p>${s.error}</p></div>` : nothing}
      ${
        s.items.length
          ? html`<ul class="mai-report-list">${s.items.map((r) => this.item(r))}</ul>`
          : s.loading
            ? html`<p>Chargement…</p>`
            : html`<p>Aucun compte rendu pour l'instant.</p>`
      }
      ${s.nextCursor ? html`<button class="fr-btn fr-btn--tertiary" @click=${() => s.load(true)}>Voir les comptes rendus plus anciens</button>` : nothing}
      <mai-report-teams .api=${this.api.value!.reports} .isAdmin=${this.session.value?.user?.role === 'admin'}></mai-report-teams>`;
  }
}

customElements.define('mai-reports-page', MaiReportsPage);
