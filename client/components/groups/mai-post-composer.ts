/** <mai-post-composer>: write a post, attach files (uploaded at once, with a progress bar), choose who else receives it. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { Attachment, Group, Member, NewPost, PostKind } from '../../api/groups.js';
import { apiContext } from '../../controllers/contexts.js';
import { alertBox, selectField, textArea, textField } from '../shared/fields.js';
import { POST_KIND_LABELS, fileSize } from './labels.js';
import '../polls/mai-poll-fields.js';
import type { MaiPollFields } from '../polls/mai-poll-fields.js';

interface Upload {
  key: number;
  name: string;
  size: number;
  progress: number;
  image: boolean;
  done: Attachment | null;
  error: string;
}

let nextKey = 1;

/** Container (uploads through the API context). `groupId`, `busy` in; `mai-post-publish` (a NewPost) out. */
export class MaiPostComposer extends LitElement {
  static properties = {
    groupId: { type: Number },
    busy: { type: Boolean },
    kind: { state: true },
    title: { state: true },
    body: { state: true },
    linkUrl: { state: true },
    uploads: { state: true },
    otherGroups: { state: true },
    groupIds: { state: true },
    people: { state: true },
    found: { state: true },
    error: { state: true },
  };

  groupId = 0;
  busy = false;
  kind: PostKind = 'article';
  title = '';
  body = '';
  linkUrl = '';
  uploads: Upload[] = [];
  otherGroups: Group[] = [];
  groupIds: number[] = [];
  people: Member[] = [];
  found: Member[] = [];
  error = '';
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.api.value?.groups
      .list('mine')
      .then((p) => (this.otherGroups = p.items.filter((g) => g.myStatus === 'member' && g.id !== this.groupId)))
      .catch(() => {});
  }

  /** Empties the form after publication. */
  reset() {
    Object.assign(this, { kind: 'article', title: '', body: '', linkUrl: '', uploads: [], groupIds: [], people: [], found: [], error: '' });
    this.querySelector<MaiPollFields>('mai-poll-fields')?.reset();
  }

  private upload(files: FileList | null, image: boolean) {
    for (const file of Array.from(files ?? [])) {
      const u: Upload = { key: nextKey++, name: file.name, size: file.size, progress: 0, image, done: null, error: '' };
      if (image) this.uploads = this.uploads.filter((x) => !x.image);
      this.uploads = [...this.uploads, u];
      const update = (changes: Partial<Upload>) => (this.uploads = this.uploads.map((x) => (x.key === u.key ? { ...x, ...changes } : x)));
      this.api
        .value!.groups.upload(this.groupId, file, file.name, (progress) => update({ progress }))
        .then((done) =>
          update({
            done,
            progress: 1,
            error: image && !done.isImage && !done.mimeType.startsWith('image/') ? 'Ce fichier n’est pas une image.' : '',
          }),
        )
        .catch((err) => update({ error: errorMessage(err) }));
    }
  }

  private async searchPeople(q: string) {
    if (q.trim().length < 2) {
      this.found = [];
      return;
    }
    try {
      this.found = (await this.api.value!.groups.directory({ q })).items.filter((m) => !this.people.some((p) => p.id === m.id)).slice(0, 5);
    } catch {
      this.found = [];
    }
  }

  private submit(e: Event) {
    e.preventDefault();
    this.error = '';
    if (!this.title.trim()) {
      this.error = this.kind === 'poll' ? 'Posez la question du sondage.' : 'Donnez un titre à votre publication.';
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('#post-title')?.focus());
      return;
    }
    const poll = this.kind === 'poll' ? this.querySelector<MaiPollFields>('mai-poll-fields')!.value() : undefined;
    if (poll === null) {
      void this.querySelector<MaiPollFields>('mai-poll-fields')!.updateComplete.then(() =>
        this.querySelector<HTMLElement>('#poll-fields-error')?.focus(),
      );
      return;
    }
    if (this.uploads.some((u) => !u.done && !u.error)) {
      this.error = 'Patientez jusqu’à la fin de l’envoi des fichiers.';
      return;
    }
    const image = this.uploads.find((u) => u.image && u.done && !u.error);
    const post: NewPost = {
      kind: this.kind,
      title: this.title.trim(),
      body: this.body,
      linkUrl: this.linkUrl.trim() || null,
      attachmentIds: this.uploads.filter((u) => !u.image && u.done).map((u) => u.done!.id),
      imageId: image?.done?.id ?? null,
      audience: { groupIds: this.groupIds, userIds: this.people.map((p) => p.id) },
      ...(poll ? { poll } : {}),
    };
    this.dispatchEvent(new CustomEvent('mai-post-publish', { bubbles: true, composed: true, detail: post }));
  }

  private uploadsList() {
    if (!this.uploads.length) return nothing;
    return html`<ul class="mai-uploads" aria-label="Fichiers joints">
      ${this.uploads.map(
        (u) => html`<li>
        <span>${u.image ? 'Illustration : ' : ''}${u.name} <span class="fr-hint-text">${fileSize(u.size)}</span></span>
        ${
          u.error
            ? html`<p class="fr-error-text">${u.error}</p>`
            : html`<progress max="1" .value=${u.progress} aria-label=${`Envoi de ${u.name}`}>${Math.round(u.progress * 100)} %</progress>
              <span class="fr-text--sm">${u.done ? 'Envoyé' : `${Math.round(u.progress * 100)} %`}</span>`
        }
        <button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" type="button" @click=${() => (this.uploads = this.uploads.filter((x) => x.key !== u.key))}>Retirer</button>
      </li>`,
      )}
    </ul>`;
  }

  private audience() {
    return html`<details class="fr-mb-2w">
      <summary>Adresser aussi à d’autres groupes ou à des membres</summary>
      ${
        this.otherGroups.length
          ? html`<fieldset class="fr-fieldset"><legend class="fr-fieldset__legend--regular fr-fieldset__legend">Autres groupes</legend>
            ${this.otherGroups.map(
              (g) => html`<div class="fr-fieldset__element"><div class="fr-checkbox-group">
              <input type="checkbox" id=${`aud-g-${g.id}`} .checked=${this.groupIds.includes(g.id)}
                @change=${(e: Event) => (this.groupIds = (e.target as HTMLInputElement).checked ? [...this.groupIds, g.id] : this.groupIds.filter((x) => x !== g.id))} />
              <label class="fr-label" for=${`aud-g-${g.id}`}>${g.name}</label></div></div>`,
            )}
          </fieldset>`
          : nothing
      }
      <div class="fr-input-group">
        <label class="fr-label" for="aud-people">Membres nommés<span class="fr-hint-text">Tapez au moins deux lettres d’un nom.</span></label>
        <input class="fr-input" id="aud-people" type="search" autocomplete="off" @input=${(e: Event) => this.searchPeople((e.target as HTMLInputElement).value)} />
      </div>
      ${
        this.found.length
          ? html`<ul class="fr-tags-group" aria-label="Membres trouvés">${this.found.map(
              (m) => html`<li><button type="button" class="fr-tag"
            @click=${() => {
              this.people = [...this.people, m];
              this.found = this.found.filter((x) => x.id !== m.id);
            }}>Ajouter ${m.displayName}</button></li>`,
            )}</ul>`
          : nothing
      }
      ${
        this.people.length
          ? html`<ul class="fr-tags-group" aria-label="Destinataires nommés">${this.people.map(
              (m) => html`<li><button type="button" class="fr-tag fr-tag--dismiss"
            aria-label=${`Retirer ${m.displayName}`} @click=${() => (this.people = this.people.filter((x) => x.id !== m.id))}>${m.displayName}</button></li>`,
            )}</ul>`
          : nothing
      }
    </details>`;
  }

  render() {
    const kinds = (Object.keys(POST_KIND_LABELS) as PostKind[]).map((k) => ({ value: k, label: POST_KIND_LABELS[k] }));
    return html`<form class="mai-composer" novalidate aria-labelledby="composer-title" @submit=${this.submit}
      @input=${(e: Event) => {
        const t = e.target as HTMLInputElement;
        if (['kind', 'title', 'body', 'linkUrl'].includes(t.name)) (this as unknown as Record<string, string>)[t.name] = t.value;
      }}>
      <h2 id="composer-title" class="fr-h5">Publier dans le groupe</h2>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-3">${selectField({ id: 'post-kind', name: 'kind', label: 'Type', value: this.kind, options: kinds })}</div>
        <div class="fr-col-12 fr-col-md-9">${textField({ id: 'post-title', name: 'title', label: this.kind === 'poll' ? 'Question' : 'Titre', value: this.title, maxlength: 200 })}</div>
      </div>
      ${textArea({
        id: 'post-body',
        name: 'body',
        label: 'Texte',
        value: this.body,
        optional: true,
        rows: 5,
        maxlength: 20000,
        hint: 'Mise en forme légère : **gras**, *italique*, listes (- ou 1.), > citation, [lien](https://…).',
      })}
      ${this.kind === 'poll' ? html`<mai-poll-fields></mai-poll-fields>` : nothing}
      ${
        this.kind === 'link' || this.kind === 'video'
          ? textField({
              id: 'post-link',
              name: 'linkUrl',
              label: 'Adresse du lien (https://…)',
              value: this.linkUrl,
              optional: true,
              type: 'url',
            })
          : nothing
      }
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6 fr-upload-group">
          <label class="fr-label" for="post-files">Fichiers joints<span class="fr-hint-text">Documents, photos, vidéos… Ils rejoignent la banque de documents du groupe.</span></label>
          <input class="fr-upload" type="file" id="post-files" multiple @change=${(e: Event) => {
            const t = e.target as HTMLInputElement;
            this.upload(t.files, false);
            t.value = '';
          }} />
        </div>
        <div class="fr-col-12 fr-col-md-6 fr-upload-group">
          <label class="fr-label" for="post-image">Illustration<span class="fr-hint-text">Une image PNG, JPEG, WebP ou GIF.</span></label>
          <input class="fr-upload" type="file" id="post-image" accept="image/png,image/jpeg,image/webp,image/gif" @change=${(e: Event) => {
            const t = e.target as HTMLInputElement;
            this.upload(t.files, true);
            t.value = '';
          }} />
        </div>
      </div>
      ${this.uploadsList()} ${this.audience()}
      ${this.error ? alertBox('error', this.error) : nothing}
      <button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Publication en cours…' : 'Publier'}</button>
    </form>`;
  }
}

customElements.define('mai-post-composer', MaiPostComposer);
