/** <mai-organisation-request-page> (/demande-organisation): a town hall (or any organisation) asks for its access, no account needed. */
import { ContextConsumer } from '@lit/context';
import { html, nothing } from 'lit';
import type { CommuneView } from '../../../server/protocol/reports.js';
import { apiContext } from '../../controllers/contexts.js';
import { alertBox, fieldRow, textRows, withField } from '../shared/fields.js';
import { MaiFormPage, centredPage } from '../shared/form-page.js';
import { EMPTY_SHEET, sheetBody, sheetErrors, sheetFields } from './organisation-fields.js';
import '../shared/mai-anti-robot.js';

const EMPTY = { ...EMPTY_SHEET, firstName: '', lastName: '', function: '', email: '' };
type Values = typeof EMPTY;

export class MaiOrganisationRequestPage extends MaiFormPage {
  static properties = {
    values: { state: true },
    errors: { state: true },
    commune: { state: true },
    sentTo: { state: true },
  };

  values: Values = { ...EMPTY };
  errors: Record<string, string> = {};
  commune: CommuneView | null = null;
  sentTo = '';
  private api = new ContextConsumer(this, { context: apiContext });

  private validate(): Record<string, string> {
    const v = this.values;
    const errors = sheetErrors(v, this.commune);
    if (!v.firstName.trim()) errors.firstName = 'Saisissez votre prénom.';
    if (!v.lastName.trim()) errors.lastName = 'Saisissez votre nom.';
    if (v.function.trim().length < 2) errors.function = 'Saisissez votre fonction.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) errors.email = 'Le format attendu est nom@domaine.fr.';
    return errors;
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    this.errors = this.validate();
    await this.submitFields(
      this.errors,
      (fields) => (this.errors = fields),
      async () => {
        const v = this.values;
        const altcha = (await this.antiRobotAnswer())!;
        await this.api.value!.organisations.request({
          altcha,
          ...sheetBody(v, this.commune!),
          firstName: v.firstName.trim(),
          lastName: v.lastName.trim(),
          function: v.function.trim(),
          email: v.email.trim(),
        });
        this.sentTo = v.email.trim();
        await this.updateComplete;
        this.querySelector<HTMLElement>('h1')?.focus();
      },
    );
  }

  render() {
    if (this.sentTo) {
      return centredPage(
        'Demande envoyée',
        html`${alertBox('success', `Un accusé de réception a été envoyé à ${this.sentTo}.`, 'Votre demande d’accès est enregistrée')}
          <p>Un administrateur du réseau va l’étudier. S’il l’accepte, vous recevrez par courriel un lien pour choisir votre mot de passe ; sinon, le motif du refus.</p>
          <p><a class="fr-link" href="/connexion">Aller à la page de connexion</a></p>`,
      );
    }
    const v = this.values;
    const field = textRows('orgreq', v, this.errors);
    return centredPage(
      'Demander l’accès pour votre organisation',
      html`<p>Mairie, CCAS, EPCI, association… Remplissez ce formulaire : une fois la demande acceptée, vous administrerez les comptes de votre organisation.</p>
        <p class="fr-text--sm">Sauf mention contraire, tous les champs sont obligatoires.</p>
        ${this.formError ? alertBox('error', this.formError) : nothing}
        <form novalidate aria-label="Demande d’accès" @input=${(e: Event) => (this.values = withField(this.values, e))} @change=${(e: Event) => (this.values = withField(this.values, e))} @submit=${this.onSubmit}>
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Votre organisation</h2></legend>
            ${sheetFields('orgreq', v, this.errors, { value: this.commune, api: this.api.value!.organisations, onPick: (c) => (this.commune = c) })}
          </fieldset>
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Vous</h2></legend>
            ${field('firstName', 'Prénom', { autocomplete: 'given-name' })}
            ${field('lastName', 'Nom', { autocomplete: 'family-name' })}
            ${field('function', 'Fonction', { autocomplete: 'organization-title', hint: 'Par exemple : Maire, DGS, Secrétaire de mairie' })}
            ${field('email', 'Adresse électronique', { type: 'email', autocomplete: 'email', hint: 'Le lien pour choisir votre mot de passe y sera envoyé.' })}
          </fieldset>
          ${fieldRow(html`<mai-anti-robot input-id="orgreq-altcha" .error=${this.errors.altcha ?? ''}></mai-anti-robot>`)}
          <button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Envoi en cours…' : 'Envoyer la demande'}</button>
        </form>`,
      'fr-col-12 fr-col-md-10 fr-col-lg-8',
    );
  }
}

customElements.define('mai-organisation-request-page', MaiOrganisationRequestPage);
