/** <mai-newsletters-page> (/lettres): the archive of sent newsletters; composers also see drafts, figures and « Nouvelle lettre ». */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { NewsletterSummary } from '../../api/newsletters.js';
import { apiContext } from '../../controllers/contexts.js';
import { alertBox } from '../shared/fields.js';
import { loadingLine } from '../shared/list-states.js';

const STATUS = { draft: 'Brouillon', sending: 'Envoi en cours', sent: 'Envoyée' } as const;
const dateFmt = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

export class MaiNewslettersPage extends LitElement {
  static properties = {
    items: { state: true },
    canCompose: { state: true },
    loaded: { state: true },
    error: { state: true },
  };

  items: NewsletterSummary[] = [];
  canCompose = false;
  loaded = false;
  error = '';
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.api.value!.newsletters.list().then(
      (r) => {
        this.items = r.items;
        this.canCompose = r.canCompose;
        this.loaded = true;
      },
      (err) => {
        this.error = errorMessage(err);
        this.loaded = true;
      },
    );
  }

  private row(i: NewsletterSummary) {
    const f = i.figures;
    return html`<li class="fr-mb-2w">
      <a href=${`/lettres/${i.id}`}><strong>${i.title}</strong></a>
      ${this.canCompose ? html` <span class="fr-badge fr-badge--sm fr-badge--no-icon">${STATUS[i.status]}</span>` : nothing}
      <br /><span class="fr-text--sm">${i.sentAt ? `Envoyée le ${dateFmt.format(new Date(i.sentAt))}` : `Modifiée le ${dateFmt.format(new Date(i.updatedAt))}`}
        ${i.themes.length ? ` · ${i.themes.map((t) => t.label).join(', ')}` : ''}
        ${f && i.status !== 'draft' ? ` · ${f.sent} envoyés, ${f.failed} échecs sur ${f.recipients}` : ''}</span>
    </li>`;
  }

  render() {
    return html`<h1 tabindex="-1">Lettres d’information</h1>
      <p>Les lettres envoyées aux abonnés des centres d’intérêt du réseau.
        <a href="/profil/centres-d-interet">Choisir les lettres que je reçois</a></p>
      ${this.canCompose ? html`<p><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/lettres/nouvelle">Nouvelle lettre</a></p>` : nothing}
      ${this.error ? alertBox('error', this.error) : nothing}
      ${
        !this.loaded
          ? loadingLine('Chargement des lettres…')
          : this.items.length
            ? html`<ul class="fr-raw-list">${this.items.map((i) => this.row(i))}</ul>`
            : html`<p>Aucune lettre pour l’instant.</p>`
      }`;
  }
}

customElements.define('mai-newsletters-page', MaiNewslettersPage);
