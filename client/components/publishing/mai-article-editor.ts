/** <mai-article-editor> (/mes-contenus/nouveau, /mes-contenus/:id): write or change an article, save it as a draft or submit it. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { ArticleDraft, ContentAccess, Sector } from '../../../server/protocol/index.js';
import { apiContext, departmentsContext, routerContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import {
  alertBox,
  fieldRow,
  focusErrors,
  noticeAlert,
  showSaveRefusal,
  radioGroup,
  textArea,
  textRows,
  withField,
  type Notice,
} from '../shared/fields.js';
import { loadingLine } from '../shared/list-states.js';
import { focusAfter } from '../shared/focus.js';
import { STATUS_LABELS, articleText } from './article-view.js';

const EMPTY = { title: '', summary: '', body: '', access: 'pro', imageAlt: '' };

const ALT_MISSING = 'Décrivez l’image en quelques mots (au moins 3 caractères) : ce texte remplace l’image pour qui ne la voit pas.';

export class MaiArticleEditor extends LitElement {
  static properties = {
    articleId: { type: Number },
    article: { state: true },
    values: { state: true },
    departmentCodes: { state: true },
    sectorIds: { state: true },
    sectors: { state: true },
    groups: { state: true },
    groupId: { state: true },
    errors: { state: true },
    notice: { state: true },
    busy: { state: true },
    loaded: { state: true },
  };

  articleId = 0;
  article: ArticleDraft | null = null;
  values = { ...EMPTY };
  departmentCodes: string[] = [];
  sectorIds: number[] = [];
  sectors: Sector[] = [];
  /** My groups: an article may be published in the name of one (its managers publish there directly and moderate it). */
  groups: { id: number; name: string }[] = [];
  groupId = '';
  errors: Record<string, string> = {};
  notice: Notice | null = null;
  busy = false;
  loaded = false;
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });
  private departments = new StoreController(this, departmentsContext);

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.departments.value?.load();
    void this.api.value!.groups.list('mine').then(
      (p) => (this.groups = p.items.filter((g) => g.myRole).map((g) => ({ id: g.id, name: g.name }))),
      () => undefined,
    );
    void this.api.value!.articles.sectors().then(
      (r) => (this.sectors = r.items),
      () => undefined,
    );
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('articleId')) void this.load();
  }

  private async load() {
    if (!this.articleId) return void (this.loaded = true);
    try {
      const a = await this.api.value!.articles.draft(this.articleId);
      this.show(a);
    } catch (err) {
      this.notice = {
        kind: 'error',
        text: err instanceof ApiError && err.status === 404 ? 'Ce contenu est introuvable.' : errorMessage(err),
      };
    }
    this.loaded = true;
  }

  private show(a: ArticleDraft) {
    this.article = a;
    this.values = { title: a.title, summary: a.summary, body: a.body, access: a.access, imageAlt: a.imageAlt ?? '' };
    this.departmentCodes = a.departmentCodes;
    this.sectorIds = a.sectors.map((s) => s.id);
    this.groupId = a.groupId ? String(a.groupId) : '';
  }

  private async save(submit: boolean) {
    const v = this.values;
    const errors: Record<string, string> = {};
    if (v.title.trim().length < 3) errors.title = 'Saisissez un titre (au moins 3 caractères).';
    if (v.summary.trim().length < 3) errors.summary = 'Saisissez un résumé (au moins 3 caractères).';
    if (!v.body.trim()) errors.body = 'Saisissez le texte de l’article.';
    if (this.article?.imageUrl && v.imageAlt.trim().length < 3) errors.imageAlt = ALT_MISSING;
    this.errors = errors;
    if (await focusErrors(this, errors)) return;
    this.busy = true;
    this.notice = null;
    const body = {
      title: v.title.trim(),
      summary: v.summary.trim(),
      body: v.body,
      access: v.access as ContentAccess,
      groupId: this.groupId ? Number(this.groupId) : null,
      departmentCodes: this.departmentCodes,
      sectorIds: this.sectorIds,
      // The image's text alternative is saved with the text (the image itself is sent on its own).
      ...(this.article?.imageUrl ? { imageAlt: v.imageAlt.trim() } : {}),
      submit,
    };
    try {
      const api = this.api.value!.articles;
      const saved = this.articleId ? await api.save(this.articleId, body) : await api.create(body);
      const text =
        saved.status === 'published'
          ? 'Votre article est publié.'
          : saved.status === 'submitted'
            ? 'Votre article est envoyé aux modérateurs. Vous serez prévenu de leur décision.'
            : 'Le brouillon est enregistré.';
      if (!this.articleId) {
        this.router.value?.navigate(`/mes-contenus/${saved.id}`, { replace: true });
      }
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
    if (!this.loaded) return loadingLine('Chargement…');
    const a = this.article;
    if (this.articleId && !a) return html`<h1 tabindex="-1">Modifier un article</h1>${noticeAlert(this.notice)}`;
    if (a?.status === 'rejected') {
      return html`<h1 tabindex="-1">${a.title}</h1>${alertBox('error', `Cet article a été refusé${a.moderationComment ? ` : ${a.moderationComment}` : '.'}`)}
        <p><a class="fr-link" href="/mes-contenus">Mes contenus</a></p>`;
    }
    const v = this.values;
    const field = textRows('article', v, this.errors);
    const deps = this.departments.value?.items ?? [];
    return html`<h1 tabindex="-1">${a ? 'Modifier un article' : 'Écrire un article'}</h1>
      <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mes-contenus">Mes contenus</a></p>
      ${a ? html`<p>État : <strong>${STATUS_LABELS[a.status]}</strong>${a.published && a.status !== 'published' ? ' — la version déjà publiée reste en ligne jusqu’à la décision des modérateurs.' : ''}</p>` : nothing}
      ${a?.moderationComment && a.status === 'returned' ? alertBox('warning', a.moderationComment, 'Commentaire du modérateur') : nothing}
      ${noticeAlert(this.notice)}
      <form novalidate aria-label="Article" @submit=${(e: Event) => (e.preventDefault(), void this.save(true))}
        @input=${(e: Event) => (this.values = withField(this.values, e))} @change=${(e: Event) => (this.values = withField(this.values, e))}>
        ${field('title', 'Titre', { maxlength: 200 })}
        ${fieldRow(textArea({ id: 'article-summary', name: 'summary', label: 'Résumé', value: v.summary, error: this.errors.summary, rows: 2, maxlength: 500, hint: 'Une ou deux phrases, reprises dans les listes et les aperçus de partage.' }))}
        ${fieldRow(textArea({ id: 'article-body', name: 'body', label: 'Texte', value: v.body, error: this.errors.body, rows: 12, hint: 'Mise en forme Markdown : **gras**, *italique*, listes avec « - », liens.' }))}
        ${fieldRow(
          radioGroup({
            id: 'article-access',
            name: 'access',
            label: 'Qui peut le lire une fois publié ?',
            value: v.access,
            error: this.errors.access,
            options: [
              { value: 'public', label: 'Tout le monde (page publique)' },
              { value: 'pro', label: 'Les membres du réseau' },
            ],
          }),
        )}
        ${
          this.groups.length
            ? fieldRow(html`<div class="fr-select-group">
              <label class="fr-label" for="article-group"
                >Au nom d’un groupe (facultatif)<span class="fr-hint-text">Les responsables du groupe le modèrent et y publient sans attendre.</span></label
              >
              <select class="fr-select" id="article-group" @change=${(e: Event) => (this.groupId = (e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!this.groupId}>Tout le réseau</option>
                ${this.groups.map((g) => html`<option value=${String(g.id)} ?selected=${this.groupId === String(g.id)}>${g.name}</option>`)}
              </select>
            </div>`)
            : nothing
        }
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6">
            <div class="fr-select-group">
              <label class="fr-label" for="article-departments">Départements (facultatif)<span class="fr-hint-text">Ctrl ou Maj pour en choisir plusieurs.</span></label>
              <select class="fr-select" id="article-departments" multiple size="6"
                @change=${(e: Event) => (this.departmentCodes = [...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value))}>
                ${deps.map((d) => html`<option value=${d.code} ?selected=${this.departmentCodes.includes(d.code)}>${d.code} — ${d.name}</option>`)}
              </select>
            </div>
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <fieldset class="fr-fieldset" aria-labelledby="article-sectors-legend">
              <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="article-sectors-legend">Secteurs (facultatif)</legend>
              ${this.sectors.map(
                (s) => html`<div class="fr-fieldset__element"><div class="fr-checkbox-group">
                  <input type="checkbox" id=${`article-sector-${s.id}`} .checked=${this.sectorIds.includes(s.id)}
                    @change=${(e: Event) => (this.sectorIds = (e.target as HTMLInputElement).checked ? [...this.sectorIds, s.id] : this.sectorIds.filter((x) => x !== s.id))} />
                  <label class="fr-label" for=${`article-sector-${s.id}`}>${s.name}</label>
                </div></div>`,
              )}
            </fieldset>
          </div>
        </div>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li><button class="fr-btn" type="submit" ?disabled=${this.busy}>Soumettre à la publication</button></li>
          <li><button class="fr-btn fr-btn--secondary" type="button" ?disabled=${this.busy} @click=${() => this.save(false)}>Enregistrer le brouillon</button></li>
        </ul>
      </form>
      ${this.imageField()}
      <h2 class="fr-h4 fr-mt-6w">Aperçu</h2>
      <div class="mai-moderation-item">${articleText({ ...v, access: v.access as ContentAccess, imageUrl: a?.imageUrl, imageAlt: v.imageAlt }, { headingLevel: 2 })}</div>`;
  }

  /** The optional image: on the working copy, on line with the next publication. */
  private imageField() {
    const a = this.article;
    if (!a) return html`<p class="fr-text--sm fr-mt-3w">Pour ajouter une image, enregistrez d’abord le brouillon.</p>`;
    return html`<h2 class="fr-h5 fr-mt-4w">Image (facultatif)</h2>
      <div @input=${(e: Event) => (this.values = withField(this.values, e))}>${fieldRow(
        textArea({
          id: 'article-imageAlt',
          name: 'imageAlt',
          label: 'Texte alternatif de l’image',
          value: this.values.imageAlt,
          error: this.errors.imageAlt,
          rows: 2,
          maxlength: 300,
          hint: 'Ce que montre l’image, pour les personnes qui ne la voient pas (obligatoire avec une image). Enregistrez l’article pour changer le texte d’une image déjà ajoutée.',
        }),
      )}</div>
      <div class="fr-upload-group">
      <label class="fr-label" for="article-image">Fichier de l’image<span class="fr-hint-text">PNG, JPEG ou WebP, 5 Mo au plus. Elle sera publiée avec la prochaine version de l’article.</span></label>
      <input class="fr-upload" type="file" id="article-image" accept="image/png,image/jpeg,image/webp" ?disabled=${this.busy}
        @change=${(e: Event) => this.uploadImage(e.target as HTMLInputElement)} />
      ${a.imageUrl ? html`<button class="fr-btn fr-btn--tertiary fr-btn--sm fr-mt-1w" type="button" @click=${this.removeImage}>Retirer l’image</button>` : nothing}
    </div>`;
  }

  private async uploadImage(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file || !this.article) return;
    const alt = this.values.imageAlt.trim();
    if (alt.length < 3) {
      // Nothing is sent: once the text is typed, choosing the file again sends both.
      input.value = '';
      this.errors = { ...this.errors, imageAlt: ALT_MISSING };
      this.notice = { kind: 'error', text: 'Décrivez d’abord l’image (texte alternatif), puis choisissez le fichier.' };
      return void focusAfter(this, '#article-imageAlt');
    }
    await this.imageCall(() => this.api.value!.articles.setImage(this.article!.id, file, alt), 'L’image est enregistrée.');
    input.value = '';
  }

  private removeImage() {
    void this.imageCall(() => this.api.value!.articles.removeImage(this.article!.id), 'L’image est retirée.');
  }

  private async imageCall(call: () => Promise<ArticleDraft>, done: string) {
    this.busy = true;
    try {
      this.show(await call());
      this.notice = { kind: 'success', text: done };
      void focusAfter(this, '#article-image', done);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      this.errors = { ...this.errors, ...fields };
      this.notice = { kind: 'error', text: errorMessage(err) };
      void focusAfter(this, fields.imageAlt ? '#article-imageAlt' : '.fr-alert--error');
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('mai-article-editor', MaiArticleEditor);
