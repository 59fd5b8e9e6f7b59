/** <mai-admin-user-table>: the user list of the admin page, with role and status actions. */
import { LitElement, html, nothing } from 'lit';
import type { Department, Role, User } from '../../../server/protocol/index.js';
import { ROLE_OPTIONS, STATUS_LABELS } from '../shared/labels.js';

const STATUS_BADGE = { active: 'fr-badge--success', pending: 'fr-badge--info', disabled: 'fr-badge--error' };

/** Leaf: fires `mai-user-role` `{ id, role }`, `mai-user-disable` `{ id, disabled }`, `mai-user-welcome` and `mai-user-delete` `{ id }`. */
export class MaiAdminUserTable extends LitElement {
  static properties = {
    users: { attribute: false },
    departments: { attribute: false },
    busyIds: { attribute: false },
    selfId: { type: Number },
  };

  users: User[] = [];
  departments: Department[] = [];
  busyIds: ReadonlySet<number> = new Set();
  selfId = 0;

  createRenderRoot() {
    return this;
  }

  private fire(name: string, detail: object) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
  }

  private changeRole(user: User) {
    const select = this.querySelector<HTMLSelectElement>(`#admin-role-${user.id}`);
    const role = select?.value as Role | undefined;
    if (role && role !== user.role) this.fire('mai-user-role', { id: user.id, role });
  }

  private department(code: string | null) {
    const d = this.departments.find((x) => x.code === code);
    return d ? `${d.code} — ${d.name}` : (code ?? '—');
  }

  private row(u: User) {
    const busy = this.busyIds.has(u.id);
    const self = u.id === this.selfId;
    return html`<tr data-user-id=${u.id}>
      <td>${u.displayName}<br /><span class="fr-text--xs">@${u.username}</span></td>
      <td>${u.email}</td>
      <td>${this.department(u.departmentCode)}</td>
      <td>
        <div class="mai-role-cell">
          <label class="fr-sr-only" for=${`admin-role-${u.id}`}>Rôle de ${u.displayName}</label>
          <select class="fr-select fr-mt-0" id=${`admin-role-${u.id}`} name="role" ?disabled=${busy}>
            ${ROLE_OPTIONS.map((o) => html`<option value=${o.value} ?selected=${o.value === u.role}>${o.label}</option>`)}
          </select>
          <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="button" ?disabled=${busy}
            @click=${() => this.changeRole(u)}>
            Changer le rôle<span class="fr-sr-only"> de ${u.displayName}</span>
          </button>
        </div>
        ${u.chatOnly ? html`<span class="fr-text--xs">Discussions uniquement</span>` : nothing}
      </td>
      <td><p class="fr-badge fr-badge--sm ${STATUS_BADGE[u.status]}">${STATUS_LABELS[u.status]}</p></td>
      <td>
        ${
          self
            ? html`<span class="fr-text--xs">Votre compte</span>`
            : html`<button id=${`admin-status-${u.id}`} class="fr-btn fr-btn--sm ${u.status === 'disabled' ? 'fr-btn--secondary' : 'fr-btn--tertiary'}"
              type="button" ?disabled=${busy}
              @click=${() => this.fire('mai-user-disable', { id: u.id, disabled: u.status !== 'disabled' })}>
              ${busy ? 'En cours…' : u.status === 'disabled' ? 'Réactiver' : 'Désactiver'}<span class="fr-sr-only"> ${u.displayName}</span>
            </button>
            ${
              u.status === 'pending'
                ? html`<button id=${`admin-welcome-${u.id}`} class="fr-btn fr-btn--sm fr-btn--tertiary" type="button" ?disabled=${busy}
                    @click=${() => this.fire('mai-user-welcome', { id: u.id })}>Renvoyer le lien d’activation<span class="fr-sr-only"> à ${u.displayName}</span></button>`
                : nothing
            }
            <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" type="button" ?disabled=${busy}
              @click=${() => this.fire('mai-user-delete', { id: u.id })}>Supprimer<span class="fr-sr-only"> le compte de ${u.displayName}</span></button>`
        }
      </td>
    </tr>`;
  }

  render() {
    if (!this.users.length) return html`<p>Aucun utilisateur ne correspond à cette recherche.</p>`;
    return html`<div class="fr-table fr-table--no-caption mai-admin-table">
      <div class="fr-table__wrapper">
        <div class="fr-table__container">
          <div class="fr-table__content">
            <table>
              <caption>Utilisateurs</caption>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Adresse électronique</th>
                  <th scope="col">Département</th>
                  <th scope="col">Rôle</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                ${this.users.map((u) => this.row(u))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>`;
  }
}

customElements.define('mai-admin-user-table', MaiAdminUserTable);
