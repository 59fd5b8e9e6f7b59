/** One row of the organisation's members table: the person, their state, and the managers' actions (or the row's edit form). */
import { html, nothing, type TemplateResult } from 'lit';
import type { OrganisationMember, OrganisationMemberChangeBody } from '../../../server/protocol/index.js';
import { textField } from '../shared/fields.js';

/** What a row asks of the members' page (<mai-organisation-members-page>). */
export interface MemberActions {
  /** The member whose row is the edit form. */
  editing: number;
  change(
    m: OrganisationMember,
    body: OrganisationMemberChangeBody,
    done: (m: OrganisationMember) => string,
    focusId: string,
  ): Promise<boolean>;
  startEdit(m: OrganisationMember): void;
  cancelEdit(m: OrganisationMember): void;
  toggleManager(m: OrganisationMember): Promise<void>;
  toggleDisabled(m: OrganisationMember): Promise<void>;
  removeMember(m: OrganisationMember): Promise<void>;
  resendInvitation(m: OrganisationMember): Promise<void>;
}

function editRow(page: MemberActions, m: OrganisationMember): TemplateResult {
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const get = (n: string) => (form.elements.namedItem(n) as HTMLInputElement).value.trim();
    const body = { firstName: get('firstName'), lastName: get('lastName'), function: get('function') };
    void page.change(m, body, (u) => `La fiche de ${u.displayName} est enregistrée.`, `orgm-edit-${m.id}`);
  };
  return html`<tr>
    <td colspan="5">
      <form novalidate aria-label=${`Modifier ${m.displayName}`} @submit=${submit}>
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-4">${textField({ id: `orgm-edit-first-${m.id}`, name: 'firstName', label: 'Prénom', value: m.firstName })}</div>
          <div class="fr-col-12 fr-col-md-4">${textField({ id: `orgm-edit-last-${m.id}`, name: 'lastName', label: 'Nom', value: m.lastName })}</div>
          <div class="fr-col-12 fr-col-md-4">${textField({ id: `orgm-edit-fn-${m.id}`, name: 'function', label: 'Fonction', value: m.function ?? '' })}</div>
        </div>
        <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
          <li><button class="fr-btn" type="submit">Enregistrer</button></li>
          <li><button class="fr-btn fr-btn--secondary" type="button" @click=${() => page.cancelEdit(m)}>Annuler</button></li>
        </ul>
      </form>
    </td>
  </tr>`;
}

export function memberRow(page: MemberActions, m: OrganisationMember, statusLabel: string): TemplateResult {
  if (page.editing === m.id) return editRow(page, m);
  const who = m.displayName;
  return html`<tr>
    <td>${who}${m.managesMembers ? html`<br /><span class="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">Gère les membres</span>` : nothing}</td>
    <td>${m.function ?? ''}</td>
    <td>${m.email}</td>
    <td>${m.status === 'pending' ? 'Invitation envoyée' : statusLabel}</td>
    <td>
      <ul class="fr-btns-group fr-btns-group--sm">
        <li><button class="fr-btn fr-btn--tertiary" id=${`orgm-edit-${m.id}`} type="button" @click=${() => page.startEdit(m)}>Modifier<span class="fr-sr-only"> ${who}</span></button></li>
        <li><button class="fr-btn fr-btn--tertiary" id=${`orgm-manage-${m.id}`} type="button" @click=${() => page.toggleManager(m)}>
          ${m.managesMembers ? 'Retirer le droit de gérer' : 'Donner le droit de gérer'}<span class="fr-sr-only"> à ${who}</span></button></li>
        <li><button class="fr-btn fr-btn--tertiary" id=${`orgm-status-${m.id}`} type="button" @click=${() => page.toggleDisabled(m)}>
          ${m.status === 'disabled' ? 'Réactiver' : 'Désactiver'}<span class="fr-sr-only"> ${who}</span></button></li>
        ${
          m.status === 'pending'
            ? html`<li><button class="fr-btn fr-btn--tertiary" id=${`orgm-resend-${m.id}`} type="button" @click=${() => page.resendInvitation(m)}>
                Renvoyer l’invitation<span class="fr-sr-only"> à ${who}</span></button></li>`
            : nothing
        }
        <li><button class="fr-btn fr-btn--tertiary" type="button" @click=${() => page.removeMember(m)}>Retirer de l’organisation<span class="fr-sr-only"> : ${who}</span></button></li>
      </ul>
    </td>
  </tr>`;
}
