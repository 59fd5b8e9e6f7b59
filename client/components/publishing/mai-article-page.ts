/** <mai-article-page> (/actualites/:id): a published article; members may recommend it by e-mail. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { PublishedArticle } from '../../../server/protocol/index.js';
import { apiContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { alertBox, noticeAlert, textArea, textField, type Notice } from '../shared/fields.js';
import { loadingLine } from '../shared/list-states.js';
import { focusAfter, focusErrorAlert } from '../shared/focus.js';
import { articleText, categoryTags, publishedOn } from './article-view.js';

export class MaiArticlePage extends LitElement {
  static properties = {
    articleId: { type: Number },
    article: { state: true },
    missing: { state: true },
    failed: { state: true },
    email: { state: true },
    message: { state: true },
    emailError: { state: true },
    notice: { state: true },
    sending: { state: true },
  };

  articleId = 0;
  article: PublishedArticle | null = null;
  missing = false;
  failed = '';
  email = '';
  message = '';
  emailError = '';
  notice: Notice | null = null;
  sending = false;
  private api = new ContextConsumer(this, { context: apiContext });
  private session = new StoreController(this, sessionContext);

  createRenderRoot() {
    return this;
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('articleId') && this.articleId) void this.load();
  }

  private async load() {
    try {
      this.article = await this.api.value!.articles.read(this.articleId, !!this.session.value?.user);
      document.title = `${this.article.title} — Maillage`;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        this.missing = true;
        document.title = 'Page non trouvée — Maillage';
      } else this.failed = errorMessage(err);
    }
  }

  private async recommend(e: Event) {
    e.preventDefault();
    this.emailError = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this.email.trim()) ? '' : 'Le format attendu est nom@domaine.fr.';
    if (this.emailError) return void focusAfter(this, '#recommend-email');
    this.sending = true;
    this.notice = null;
    try {
      await this.api.value!.articles.recommend(this.articleId, this.email.trim(), this.message.trim());
      this.notice = { kind: 'success', text: `L’article a été envoyé à ${this.email.trim()}.` };
      this.email = '';
      this.message = '';
      void focusAfter(this, '#recommend-email', this.notice.text);
    } catch (err) {
      const field = err instanceof ApiError ? err.fieldErrors.email : undefined;
      if (field) {
        this.emailError = field;
        void focusAfter(this, '#recommend-email');
      } else {
        this.notice = { kind: 'error', text: errorMessage(err) };
        void focusErrorAlert(this);
      }
    } finally {
      this.sending = false;
    }
  }

  render() {
    if (this.missing) {
      return html`<h1 tabindex="-1">Page non trouvée</h1>
        <p>Cet article n’existe pas, n’est plus publié, ou il est réservé aux membres du réseau.</p>
        <p><a class="fr-link" href="/actualites">Toutes les actualités</a>${this.session.value?.user ? nothing : html` — <a class="fr-link" href="/connexion">Se connecter</a>`}</p>`;
    }
    if (this.failed) return html`<h1 tabindex="-1">Article</h1>${alertBox('error', this.failed)}`;
    const a = this.article;
    if (!a) return loadingLine('Chargement de l’article…');
    const user = this.session.value?.user;
    return html`<nav class="fr-breadcrumb" aria-label="vous êtes ici :"><ol class="fr-breadcrumb__list">
        <li><a class="fr-breadcrumb__link" href="/actualites">Actualités</a></li>
        <li><a class="fr-breadcrumb__link" aria-current="page">${a.title}</a></li>
      </ol></nav>
      ${articleText(a, { headingLevel: 1, byline: `${a.author.displayName}, le ${publishedOn(a.publishedAt)}`, categories: categoryTags(a.departmentCodes, a.sectors) })}
      ${user?.id === a.author.id ? html`<p><a class="fr-btn fr-btn--secondary" href=${`/mes-contenus/${a.id}`}>Modifier</a></p>` : nothing}
      ${user ? this.recommendForm() : nothing}`;
  }

  private recommendForm() {
    return html`<section class="fr-mt-6w" aria-labelledby="recommend-title">
      <h2 class="fr-h5" id="recommend-title">Recommander cet article</h2>
      ${noticeAlert(this.notice)}
      <form novalidate aria-labelledby="recommend-title" @submit=${this.recommend}
        @input=${(e: Event) => {
          const t = e.target as HTMLInputElement;
          if (t.name === 'email') this.email = t.value;
          if (t.name === 'message') this.message = t.value;
        }}>
        ${textField({ id: 'recommend-email', name: 'email', label: 'Adresse électronique du destinataire', type: 'email', value: this.email, error: this.emailError })}
        ${textArea({ id: 'recommend-message', name: 'message', label: 'Votre message', value: this.message, optional: true, rows: 3, maxlength: 1000 })}
        <button class="fr-btn" type="submit" ?disabled=${this.sending}>${this.sending ? 'Envoi…' : 'Envoyer la recommandation'}</button>
      </form>
    </section>`;
  }
}

customElements.define('mai-article-page', MaiArticlePage);
