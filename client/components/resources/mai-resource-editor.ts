/** <mai-resource-editor> (/ressources/nouvelle, /ressources/:id/modifier): propose or change a resource, keep a draft or submit it. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { ContentAccess, ResourceApplication, ResourceBody, ResourceDraft, Sector } from '../../../server/protocol/index.js';
import { apiContext, departmentsContext, routerContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import {
  alertBox,
  fieldRow,
  focusErrors,
  showSaveRefusal,
  noticeAlert,
  radioGroup,
  selectField,
  textArea,
  textRows,
  withField,
  type Notice,
} from '../shared/fields.js';
import { loadingLine } from '../shared/list-states.js';
import { focusAfter } from '../shared/focus.js';
import { STATUS_LABELS } from '../publishing/article-view.js';
import { FORMAT_OPTIONS, THEME_OPTIONS, TYPE_OPTIONS, sizeLabel } from './resource-view.js';
import { categoryFields } from './category-fields.js';

const EMPTY = { title: '', description: '', type: '', format: 'file', url: '', access: 'pro', applicationId: '' };

export class MaiResourceEditor extends LitElement {
  static properties = {
    resourceId: { type: Number },
    resource: { state: true },
    values: { state: true },
    cats: { state: true },
    file: { state: true },
    sectors: { state: true },
    applications: { state: true },
    errors: { state: true },
    notice: { state: true },
    busy: { state: true },
    loaded: { state: true },
  };

  resourceId = 0;
  resource: ResourceDraft | null = null;
  values = { ...EMPTY };
  cats = { themes: [] as string[], departmentCodes: [] as string[], sectorIds: [] as number[] };
  file: File | null = null;
  sectors: Sector[] = [];
  applications: ResourceApplication[] = [];
  errors: Record<string, string> = {};
  notice: Notice | null = null;
  busy = false;
  loaded = false;
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });
  private departments = new StoreController(this, departmentsContext);
  private session = new StoreController(this, sessionContext);

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.departments.value?.load();
    const api = this.api.value!;
    void api.articles.sectors().then(
      (r) => (this.sectors = r.items),
      () => undefined,
    );
    void api.resources.applications().then(
      (r) => (this.applications = r.items),
      () => undefined,
    );
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('resourceId')) void this.load();
  }

  private async load() {
    if (!this.resourceId || !this.session.value?.user) return void (this.loaded = true);
    try {
      this.show(await this.api.value!.resources.draft(this.resourceId));
    } catch (err) {
      this.notice = {
        kind: 'error',
        text: err instanceof ApiError && err.status === 404 ? 'Cette ressource est introuvable.' : errorMessage(err),
      };
    }
    this.loaded = true;
  }

  private show(r: ResourceDraft) {
    this.resource = r;
    this.values = {
      title: r.title,
      description: r.description,
      type: r.type,
      format: r.format,
      url: r.url ?? '',
      access: r.access,
      applicationId: r.applicationId ? String(r.applicationId) : '',
    };
    this.cats = { themes: [...r.themes], departmentCodes: [...r.departmentCodes], sectorIds: r.sectors.map((s) => s.id) };
  }

  private check(): Record<string, string> {
    const v = this.values;
    const errors: Record<string, string> = {};
    if (v.title.trim().length < 3) errors.title = 'Saisissez un titre (au moins 3 caractères).';
    if (v.description.trim().length < 3) errors.description = 'Décrivez la ressource (au moins 3 caractères).';
    if (!v.type) errors.type = 'Choisissez un type de ressource.';
    if (v.format === 'file' && !this.file && !this.resource?.file) errors.file = 'Joignez le fichier de la ressource.';
    if (v.format !== 'file' && !/^https?:\/\/\S+$/i.test(v.url.trim())) errors.url = 'Donnez une adresse web complète (https://…).';
    return errors;
  }

  private async save(submit: boolean) {
    this.errors = this.check();
    if (await focusErrors(this, this.errors)) return;
    this.busy = true;
    this.notice = null;
    const v = this.values;
    const body: ResourceBody = {
      title: v.title.trim(),
      description: v.description.trim(),
      type: v.type as ResourceBody['type'],
      format: v.format as ResourceBody['format'],
      url: v.format === 'file' ? null : v.url.trim(),
      access: v.access as ContentAccess,
      applicationId: v.applicationId ? Number(v.applicationId) : null,
      themes: this.cats.themes as ResourceBody['themes'],
      departmentCodes: this.cats.departmentCodes,
      sectorIds: this.cats.sectorIds,
      submit,
    };
    const file = v.format === 'file' ? this.file : null;
    try {
      const api = this.api.value!.resources;
      const saved = this.resourceId ? await api.save(this.resourceId, body, file) : await api.create(body, file);
      const text =
        saved.status === 'published'
          ? 'Votre ressource est publiée.'
          : saved.status === 'submitted'
            ? 'Votre ressource est envoyée aux modérateurs. Vous serez prévenu de leur décision.'
            : 'Le brouillon est enregistré.';
      this.file = null;
      if (!this.resourceId) this.router.value?.navigate(`/ressources/${saved.id}/modifier`, { replace: true });
      this.show(saved);
      this.notice = { kind: 'success', text };
      void focusAfter(this, 'h1', text);
    } catch (err) {
      await showSaveRefusal(this, err);
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (!this.session.value?.user) {
      return html`<h1 tabindex="-1">Proposer une ressource</h1>
        <p>Connectez-vous pour proposer une ressource au réseau.</p>
        <p><a class="fr-btn" href="/connexion">Se connecter</a></p>`;
    }
    if (!this.loaded) return loadingLine('Chargement…');
    const r = this.resource;
    if (this.resourceId && !r) return html`<h1 tabindex="-1">Modifier une ressource</h1>${noticeAlert(this.notice)}`;
    if (r?.status === 'rejected') {
      return html`<h1 tabindex="-1">${r.title}</h1>${alertBox('error', `Cette ressource a été refusée${r.moderationComment ? ` : ${r.moderationComment}` : '.'}`)}
        <p><a class="fr-link" href="/mes-contenus">Mes contenus</a></p>`;
    }
    const v = this.values;
    const field = textRows('resource', v, this.errors);
    return html`<h1 tabindex="-1">${r ? 'Modifier une ressource' : 'Proposer une ressource'}</h1>
      <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/ressources">Ressources</a> · <a class="fr-link" href="/mes-contenus">Mes contenus</a></p>
      ${r ? html`<p>État : <strong>${STATUS_LABELS[r.status]}</strong>${r.published && r.status !== 'published' ? ' — la version déjà publiée reste en ligne jusqu’à la décision des modérateurs.' : ''}${r.published ? html` · <a class="fr-link" href=${`/ressources/${r.id}`}>Voir la version publiée</a>` : nothing}</p>` : nothing}
      ${r?.moderationComment && r.status === 'returned' ? alertBox('warning', r.moderationComment, 'Commentaire du modérateur') : nothing}
      ${noticeAlert(this.notice)}
      <form novalidate aria-label="Ressource" @submit=${(e: Event) => (e.preventDefault(), void this.save(true))}
        @input=${(e: Event) => (this.values = withField(this.values, e))} @change=${(e: Event) => (this.values = withField(this.values, e))}>
        ${field('title', 'Titre', { maxlength: 200 })}
        ${fieldRow(textArea({ id: 'resource-description', name: 'description', label: 'Description', value: v.description, error: this.errors.description, rows: 5, maxlength: 5000, hint: 'À quoi elle sert, pour qui, comment s’en servir.' }))}
        ${fieldRow(selectField({ id: 'resource-type', name: 'type', label: 'Type', value: v.type, error: this.errors.type, placeholder: 'Choisir un type', options: TYPE_OPTIONS }))}
        ${fieldRow(radioGroup({ id: 'resource-format', name: 'format', label: 'Forme', value: v.format, error: this.errors.format, options: FORMAT_OPTIONS }))}
        ${v.format === 'file' ? this.fileField() : field('url', v.format === 'video' ? 'Adresse de la vidéo' : 'Adresse du lien', { type: 'url', hint: 'Adresse complète, commençant par https://' })}
        ${fieldRow(
          radioGroup({
            id: 'resource-access',
            name: 'access',
            label: 'Qui peut la consulter une fois publiée ?',
            value: v.access,
            error: this.errors.access,
            options: [
              { value: 'public', label: 'Tout le monde (page publique)' },
              { value: 'pro', label: 'Les membres du réseau' },
            ],
          }),
        )}
        ${fieldRow(selectField({ id: 'resource-application', name: 'applicationId', label: 'Application ou produit', value: v.applicationId, optional: true, placeholder: 'Aucune', error: this.errors.applicationId, options: this.applications.map((a) => ({ value: String(a.id), label: a.name })) }))}
        ${categoryFields({
          themes: THEME_OPTIONS,
          departments: this.departments.value?.items ?? [],
          sectors: this.sectors,
          value: this.cats,
          onChange: (cats) => (this.cats = cats),
        })}
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li><button class="fr-btn" type="submit" ?disabled=${this.busy}>Soumettre à la publication</button></li>
          <li><button class="fr-btn fr-btn--secondary" type="button" ?disabled=${this.busy} @click=${() => this.save(false)}>Enregistrer le brouillon</button></li>
        </ul>
      </form>`;
  }

  private fileField() {
    const current = this.resource?.file;
    const error = this.errors.file;
    return html`<div class="fr-upload-group fr-mb-3w ${error ? 'fr-upload-group--error' : ''}">
      <label class="fr-label" for="resource-file">Fichier<span class="fr-hint-text">PDF, documents bureautiques, images, texte ou archives ; ${current ? `actuellement « ${current.name} » (${sizeLabel(current.size)}) : choisissez-en un autre pour le remplacer.` : 'un seul fichier.'}</span></label>
      <input class="fr-upload" type="file" id="resource-file" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'resource-file-error' : 'resource-file'}
        @change=${(e: Event) => (this.file = (e.target as HTMLInputElement).files?.[0] ?? null)} />
      ${error ? html`<p class="fr-error-text" id="resource-file-error">${error}</p>` : nothing}
    </div>`;
  }
}

customElements.define('mai-resource-editor', MaiResourceEditor);
