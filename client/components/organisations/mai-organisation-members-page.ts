/**
 * <mai-organisation-members-page> (/organisations/:id/membres): the managers'
 * list of their organisation's people: create an account by function, edit,
 * disable or enable, give or take "gérer les membres", remove.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { OrganisationMember, OrganisationMemberChangeBody } from '../../../server/protocol/index.js';
import { DEFAULT_FUNCTIONS } from '../../../server/protocol/organisation-catalog.js';
import { apiContext } from '../../controllers/contexts.js';
import { alertBox, checkbox, fieldRow, focusErrors, noticeAlert, selectField, textRows, withField, type Notice } from '../shared/fields.js';
import { loadingLine } from '../shared/list-states.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { focusAfter, focusErrorAlert } from '../shared/focus.js';
import { STATUS_LABELS } from '../shared/labels.js';
import { memberRow } from './member-row.js';

const OTHER = 'autre';
const FUNCTION_OPTIONS = [...DEFAULT_FUNCTIONS.map((f) => ({ value: f, label: f })), { value: OTHER, label: 'Autre fonction…' }];
const EMPTY = { firstName: '', lastName: '', email: '', functionChoice: '', otherFunction: '', managesMembers: '' };

export class MaiOrganisationMembersPage extends LitElement {
  static properties = {
    organisationId: { type: Number },
    items: { state: true },
    failed: { state: true },
    notice: { state: true },
    values: { state: true },
    errors: { state: true },
    busy: { state: true },
    editing: { state: true },
  };

  organisationId = 0;
  items: OrganisationMember[] | null = null;
  failed = '';
  notice: Notice | null = null;
  values = { ...EMPTY };
  errors: Record<string, string> = {};
  busy = false;
  /** The member whose names and function are being edited. */
  editing = 0;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('organisationId') && this.organisationId) void this.load();
  }

  private get orgs() {
    return this.api.value!.organisations;
  }

  private async load() {
    try {
      this.items = (await this.orgs.members(this.organisationId)).items;
    } catch (err) {
      this.failed =
        err instanceof ApiError && (err.status === 404 || err.status === 403)
          ? 'Seuls les gestionnaires de cette organisation voient cette page.'
          : errorMessage(err);
    }
  }

  private fn(): string {
    const v = this.values;
    return (v.functionChoice === OTHER ? v.otherFunction : v.functionChoice).trim();
  }

  private async create(e: Event) {
    e.preventDefault();
    const v = this.values;
    const errors: Record<string, string> = {};
    if (!v.firstName.trim()) errors.firstName = 'Saisissez le prénom.';
    if (!v.lastName.trim()) errors.lastName = 'Saisissez le nom.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) errors.email = 'Le format attendu est nom@domaine.fr.';
    if (!v.functionChoice) errors.functionChoice = 'Choisissez une fonction.';
    else if (this.fn().length < 2) errors.otherFunction = 'Saisissez la fonction.';
    this.errors = errors;
    if (await focusErrors(this, errors)) return;
    this.busy = true;
    this.notice = null;
    try {
      const m = await this.orgs.createMember(this.organisationId, {
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        email: v.email.trim(),
        function: this.fn(),
        managesMembers: v.managesMembers === 'true',
      });
      this.items = [...(this.items ?? []), m];
      this.values = { ...EMPTY };
      this.notice = {
        kind: 'success',
        text: `Le compte de ${m.displayName} (${m.function}) est créé : une invitation a été envoyée à ${m.email}.`,
      };
      void focusAfter(this, '#orgmember-firstName', this.notice.text);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      if (fields.function) fields[v.functionChoice === OTHER ? 'otherFunction' : 'functionChoice'] = fields.function;
      this.errors = fields;
      this.notice = {
        kind: 'error',
        text: Object.keys(fields).length ? 'Le formulaire contient des erreurs : corrigez les champs signalés.' : errorMessage(err),
      };
      if (!(await focusErrors(this, fields))) void focusErrorAlert(this);
    } finally {
      this.busy = false;
    }
  }

  /** Applies a change to one member; focus returns to `focusId` (or the error). */
  async change(m: OrganisationMember, body: OrganisationMemberChangeBody, done: (m: OrganisationMember) => string, focusId: string) {
    this.notice = null;
    try {
      const updated = await this.orgs.changeMember(this.organisationId, m.id, body);
      this.items = this.items!.map((x) => (x.id === m.id ? updated : x));
      this.editing = 0;
      this.notice = { kind: 'success', text: done(updated) };
      void focusAfter(this, `#${focusId}`, this.notice.text);
      return true;
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
      void focusErrorAlert(this);
      return false;
    }
  }

  async toggleDisabled(m: OrganisationMember) {
    const disabling = m.status !== 'disabled';
    if (
      disabling &&
      !(await askConfirmation({
        title: `Désactiver le compte de ${m.displayName} ?`,
        body: 'La personne sera déconnectée et ne pourra plus se connecter tant que son compte n’est pas réactivé.',
        confirmLabel: 'Désactiver le compte',
      }))
    )
      return;
    await this.change(
      m,
      { disabled: disabling },
      (u) => `Le compte de ${u.displayName} est ${disabling ? 'désactivé' : 'réactivé'}.`,
      `orgm-status-${m.id}`,
    );
  }

  async toggleManager(m: OrganisationMember) {
    const give = !m.managesMembers;
    await this.change(
      m,
      { managesMembers: give },
      (u) => (give ? `${u.displayName} peut désormais gérer les membres.` : `${u.displayName} ne gère plus les membres.`),
      `orgm-manage-${m.id}`,
    );
  }

  async removeMember(m: OrganisationMember) {
    const ok = await askConfirmation({
      title: `Retirer ${m.displayName} de l’organisation ?`,
      body: 'Son compte reste actif sur Maillage, mais n’est plus rattaché à votre organisation.',
      confirmLabel: 'Retirer de l’organisation',
    });
    if (!ok) return;
    try {
      await this.orgs.removeMember(this.organisationId, m.id);
      this.items = this.items!.filter((x) => x.id !== m.id);
      this.notice = { kind: 'success', text: `${m.displayName} ne fait plus partie de l’organisation.` };
      void focusAfter(this, 'h1', this.notice.text);
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
      void focusErrorAlert(this);
    }
  }

  async resendInvitation(m: OrganisationMember) {
    this.notice = null;
    try {
      await this.orgs.resendInvitation(this.organisationId, m.id);
      this.notice = {
        kind: 'success',
        text: `Une nouvelle invitation est envoyée à ${m.email} (lien valable 7 jours ; le précédent ne fonctionne plus).`,
      };
      void focusAfter(this, `#orgm-resend-${m.id}`, this.notice.text);
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
      void focusErrorAlert(this);
    }
  }

  startEdit(m: OrganisationMember) {
    this.editing = m.id;
    void focusAfter(this, `#orgm-edit-first-${m.id}`);
  }

  cancelEdit(m: OrganisationMember) {
    this.editing = 0;
    void focusAfter(this, `#orgm-edit-${m.id}`);
  }

  render() {
    const back = html`<p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href=${`/organisations/${this.organisationId}`}>Fiche de l’organisation</a></p>`;
    if (this.failed) return html`<h1 tabindex="-1">Membres de l’organisation</h1>${alertBox('error', this.failed)}${back}`;
    if (!this.items) return loadingLine('Chargement des membres…');
    return html`<h1 tabindex="-1">Membres de l’organisation</h1>
      ${back} ${noticeAlert(this.notice)}
      <div class="fr-table mai-table-scroll mai-org-members" tabindex="0" role="region" aria-label="Membres de l’organisation">
        <table>
          <caption class="fr-sr-only">Membres de l’organisation</caption>
          <thead><tr><th scope="col">Nom</th><th scope="col">Fonction</th><th scope="col">Courriel</th><th scope="col">État</th><th scope="col">Actions</th></tr></thead>
          <tbody>${this.items.map((m) => memberRow(this, m, STATUS_LABELS[m.status]))}</tbody>
        </table>
      </div>
      ${this.createForm()}`;
  }

  private createForm() {
    const v = this.values;
    const field = textRows('orgmember', v, this.errors);
    return html`<form class="fr-mt-4w" novalidate aria-labelledby="orgmember-title" @submit=${this.create}
      @input=${(e: Event) => (this.values = withField(this.values, e))} @change=${(e: Event) => (this.values = withField(this.values, e))}>
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend"><h2 class="fr-h4 fr-mb-1w" id="orgmember-title">Créer un compte</h2></legend>
        ${field('firstName', 'Prénom')} ${field('lastName', 'Nom')}
        ${field('email', 'Adresse électronique', { type: 'email', hint: 'Une invitation pour choisir son mot de passe y sera envoyée (lien valable 7 jours).' })}
        ${fieldRow(selectField({ id: 'orgmember-functionChoice', name: 'functionChoice', label: 'Fonction', value: v.functionChoice, error: this.errors.functionChoice, options: FUNCTION_OPTIONS, placeholder: 'Sélectionnez une fonction' }))}
        ${v.functionChoice === OTHER ? field('otherFunction', 'Autre fonction', { hint: 'Par exemple : Responsable du service urbanisme' }) : nothing}
        ${fieldRow(checkbox({ id: 'orgmember-managesMembers', name: 'managesMembers', label: 'Peut gérer les membres de l’organisation', checked: v.managesMembers === 'true' }))}
      </fieldset>
      <button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Création en cours…' : 'Créer le compte'}</button>
    </form>`;
  }
}

customElements.define('mai-organisation-members-page', MaiOrganisationMembersPage);
