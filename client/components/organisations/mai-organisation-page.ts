/** <mai-organisation-page> (/organisations/:id): an organisation's sheet and its members; its managers edit the sheet. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { Organisation } from '../../../server/protocol/index.js';
import type { CommuneView } from '../../../server/protocol/reports.js';
import { organisationTypeLabel } from '../../../server/protocol/organisation-catalog.js';
import { apiContext } from '../../controllers/contexts.js';
import { alertBox, focusErrors, noticeAlert, withField, type Notice } from '../shared/fields.js';
import { loadingLine } from '../shared/list-states.js';
import { focusAfter, focusErrorAlert } from '../shared/focus.js';
import { sheetBody, sheetErrors, sheetFields, sheetValues, type SheetValues } from './organisation-fields.js';

export class MaiOrganisationPage extends LitElement {
  static properties = {
    organisationId: { type: Number },
    org: { state: true },
    failed: { state: true },
    notice: { state: true },
    editing: { state: true },
    values: { state: true },
    commune: { state: true },
    errors: { state: true },
    busy: { state: true },
  };

  organisationId = 0;
  org: Organisation | null = null;
  failed = '';
  notice: Notice | null = null;
  editing = false;
  values: SheetValues | null = null;
  commune: CommuneView | null = null;
  errors: Record<string, string> = {};
  busy = false;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('organisationId') && this.organisationId) void this.load();
  }

  private async load() {
    try {
      this.org = await this.api.value!.organisations.get(this.organisationId);
      document.title = `${this.org.name} — Maillage`;
    } catch (err) {
      this.failed = err instanceof ApiError && err.status === 404 ? 'Cette organisation est introuvable.' : errorMessage(err);
    }
  }

  private startEdit() {
    const o = this.org!;
    this.values = sheetValues(o);
    this.commune = { code: o.commune.code, name: o.commune.name, departmentCode: o.commune.departmentCode, postalCodes: [] };
    this.errors = {};
    this.editing = true;
    void focusAfter(this, '#orgedit-type');
  }

  private async save(e: Event) {
    e.preventDefault();
    this.errors = sheetErrors(this.values!, this.commune);
    if (await focusErrors(this, this.errors)) return;
    this.busy = true;
    try {
      this.org = await this.api.value!.organisations.update(this.organisationId, sheetBody(this.values!, this.commune!));
      this.editing = false;
      this.notice = { kind: 'success', text: 'La fiche de l’organisation est enregistrée.' };
      void focusAfter(this, '#org-edit', this.notice.text);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      this.errors = fields;
      this.notice = {
        kind: 'error',
        text: Object.keys(fields).length ? 'La fiche contient des erreurs : corrigez les champs signalés.' : errorMessage(err),
      };
      if (!(await focusErrors(this, fields))) void focusErrorAlert(this);
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (this.failed)
      return html`<h1 tabindex="-1">Organisation</h1>${alertBox('error', this.failed)}<p><a class="fr-link" href="/organisations">Annuaire des organisations</a></p>`;
    const o = this.org;
    if (!o) return loadingLine('Chargement de la fiche…');
    return html`<nav class="fr-breadcrumb" aria-label="vous êtes ici :"><ol class="fr-breadcrumb__list">
        <li><a class="fr-breadcrumb__link" href="/organisations">Organisations</a></li>
        <li><a class="fr-breadcrumb__link" aria-current="page">${o.name}</a></li>
      </ol></nav>
      <h1 tabindex="-1">${o.name}</h1>
      <p class="fr-badge fr-badge--info fr-badge--no-icon">${organisationTypeLabel(o.type)}</p>
      ${noticeAlert(this.notice)}
      ${this.editing ? this.editForm() : this.sheet(o)}
      <h2 class="fr-h4 fr-mt-4w">Membres (${o.members.length})</h2>
      <ul>${o.members.map((m) => html`<li><a class="fr-link" href=${`/membres/${m.id}`}>${m.displayName}</a>${m.function ? html` — ${m.function}` : nothing}</li>`)}</ul>`;
  }

  private sheet(o: Organisation) {
    return html`<dl class="mai-definitions">
        <dt>Commune</dt><dd>${o.commune.name} (${o.commune.departmentCode})</dd>
        ${o.siret ? html`<dt>SIRET</dt><dd>${o.siret}</dd>` : nothing}
        ${o.website ? html`<dt>Site web</dt><dd><a class="fr-link" href=${o.website} rel="noopener noreferrer" target="_blank">${o.website}<span class="fr-sr-only"> (nouvelle fenêtre)</span></a></dd>` : nothing}
        ${o.contactEmail ? html`<dt>Courriel</dt><dd><a class="fr-link" href=${`mailto:${o.contactEmail}`}>${o.contactEmail}</a></dd>` : nothing}
        ${o.contactPhone ? html`<dt>Téléphone</dt><dd>${o.contactPhone}</dd>` : nothing}
      </dl>
      ${o.services ? html`<h2 class="fr-h4">Nos services</h2><p class="mai-pre-line">${o.services}</p>` : nothing}
      ${
        o.canManage
          ? html`<ul class="fr-btns-group fr-btns-group--inline-md">
            <li><button class="fr-btn fr-btn--secondary" id="org-edit" type="button" @click=${this.startEdit}>Modifier la fiche</button></li>
            <li><a class="fr-btn" href=${`/organisations/${o.id}/membres`}>Gérer les membres</a></li>
          </ul>`
          : nothing
      }`;
  }

  private editForm() {
    return html`<form novalidate aria-label="Modifier la fiche" @submit=${this.save}
      @input=${(e: Event) => (this.values = withField(this.values!, e))} @change=${(e: Event) => (this.values = withField(this.values!, e))}>
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">La fiche</h2></legend>
        ${sheetFields('orgedit', this.values!, this.errors, { value: this.commune, api: this.api.value!.organisations, onPick: (c) => (this.commune = c) })}
      </fieldset>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Enregistrement…' : 'Enregistrer la fiche'}</button></li>
        <li><button class="fr-btn fr-btn--secondary" type="button" @click=${() => ((this.editing = false), void focusAfter(this, '#org-edit'))}>Annuler</button></li>
      </ul>
    </form>`;
  }
}

customElements.define('mai-organisation-page', MaiOrganisationPage);
