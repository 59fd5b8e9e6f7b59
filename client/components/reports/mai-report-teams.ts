/**
 * <mai-report-teams>: the teams of managers. Everyone sees the team they
 * manage; admins see every team and link or unlink colleagues of one host
 * structure (people picked by name through the admin user search).
 */
import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { apiContext } from '../../controllers/contexts.js';
import { asApiError } from '../../api/http.js';
import type { ReportsApi, TeamView } from '../../api/reports.js';
import type { User } from '../../../server/protocol/users.js';

export class MaiReportTeams extends LitElement {
  static properties = {
    api: { attribute: false },
    isAdmin: { type: Boolean },
    teams: { state: true },
    people: { state: true },
    error: { state: true },
    done: { state: true },
  };
  api: ReportsApi | null = null;
  isAdmin = false;
  private teams: TeamView[] = [];
  private people: User[] = [];
  private error = '';
  private done = '';
  private root = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.api?.teams().then(
      (t) => (this.teams = t.items),
      () => undefined,
    );
  }

  private async search(e: Event) {
    const q = (e.target as HTMLInputElement).value.trim();
    if (q.length < 2) return;
    const page = await this.root.value!.adminUsers.search({ q, status: 'active' }).catch(() => ({ items: [] as User[] }));
    this.people = page.items;
  }

  private async link(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    try {
      this.teams = (await this.api!.addTeamMember(Number(data.get('managerId')), Number(data.get('memberId')))).items;
      this.error = '';
      this.done = 'Membre ajouté à l’équipe.';
    } catch (err) {
      this.error = asApiError(err).message;
      this.done = '';
    }
  }

  private async unlink(managerId: number, memberId: number) {
    try {
      await this.api!.removeTeamMember(managerId, memberId);
      this.teams = (await this.api!.teams()).items;
      this.done = 'Membre retiré de l’équipe.';
    } catch (err) {
      this.error = asApiError(err).message;
    }
  }

  render() {
    if (!this.isAdmin && !this.teams.length) return nothing;
    const options = this.people.map((p) => html`<option value=${p.id}>${p.displayName}${p.employer ? ` — ${p.employer}` : ''}</option>`);
    return html`<section class="fr-mt-5w" aria-labelledby="teams-title">
      <h2 class="fr-h4" id="teams-title">${this.isAdmin ? 'Équipes des responsables' : 'Mon équipe'}</h2>
      ${this.teams.map(
        (t) => html`<h3 class="fr-h6 fr-mb-1w">${t.manager.displayName}${t.manager.employer ? ` — ${t.manager.employer}` : ''}</h3>
          <ul>${t.members.map(
            (m) => html`<li>${m.displayName}
            ${this.isAdmin ? html`<button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" @click=${() => this.unlink(t.manager.id, m.id)}>Retirer ${m.displayName}</button>` : nothing}</li>`,
          )}</ul>`,
      )}
      ${
        this.isAdmin
          ? html`<form class="mai-team-form" @submit=${this.link}>
            <div class="fr-input-group"><label class="fr-label" for="team-search">Chercher des personnes<span class="fr-hint-text">Nom ou adresse ; le responsable et le membre doivent avoir la même structure d'accueil.</span></label>
              <input class="fr-input" id="team-search" type="search" @input=${this.search} /></div>
            <div class="fr-select-group"><label class="fr-label" for="team-manager">Responsable</label><select class="fr-select" id="team-manager" name="managerId" required>${options}</select></div>
            <div class="fr-select-group"><label class="fr-label" for="team-member">Membre de l'équipe</label><select class="fr-select" id="team-member" name="memberId" required>${options}</select></div>
            <button class="fr-btn fr-btn--secondary" type="submit">Ajouter à l'équipe</button>
          </form>`
          : nothing
      }
      <p role="status">${this.done}</p>
      ${this.error ? html`<div class="fr-alert fr-alert--error fr-alert--sm" role="alert"><p>${this.error}</p></div>` : nothing}
    </section>`;
  }
}

customElements.define('mai-report-teams', MaiReportTeams);
