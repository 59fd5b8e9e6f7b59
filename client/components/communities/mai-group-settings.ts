/**
 * <mai-group-settings>: a group's settings for its managers: name,
 * description, picture, visibility (what changes for members is explained
 * before saving), community (managers and animators) and admins (the members
 * tab). Container (API context); `mai-group-changed` out after a save.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { Group, Visibility } from '../../api/groups.js';
import { apiContext } from '../../controllers/contexts.js';
import { noticeAlert, radioGroup, textArea, textField, type Notice } from '../shared/fields.js';
import { focusErrorAlert, focusFirstInvalid } from '../shared/focus.js';
import { VISIBILITY_HINTS, VISIBILITY_LABELS } from '../groups/labels.js';
import { visibilityChange } from './visibility-change.js';

export class MaiGroupSettings extends LitElement {
  static properties = {
    group: { attribute: false },
    canEditCommunity: { type: Boolean },
    form: { state: true },
    errors: { state: true },
    busy: { state: true },
    notice: { state: true },
  };

  group!: Group;
  canEditCommunity = false;
  form: { name: string; description: string; visibility: Visibility } | null = null;
  errors: Record<string, string> = {};
  busy = false;
  notice: Notice | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  protected willUpdate() {
    if (!this.form && this.group)
      this.form = { name: this.group.name, description: this.group.description ?? '', visibility: this.group.visibility };
  }

  /** The page says it (this form may be rebuilt when the group turns into a community) and reloads the group. */
  private changed(text: string) {
    this.dispatchEvent(new CustomEvent('mai-group-changed', { bubbles: true, composed: true, detail: { text } }));
  }

  private async run(call: () => Promise<unknown>, text: string) {
    this.busy = true;
    this.errors = {};
    this.notice = null;
    try {
      await call();
      this.changed(text);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      if (Object.keys(fields).length) {
        this.errors = fields;
        void focusFirstInvalid(this);
      } else {
        this.notice = { kind: 'error', text: errorMessage(err) };
        void focusErrorAlert(this);
      }
    } finally {
      this.busy = false;
    }
  }

  private save(e: Event) {
    e.preventDefault();
    const f = this.form!;
    void this.run(
      () =>
        this.api.value!.groups.update(this.group.id, { name: f.name, description: f.description.trim() || null, visibility: f.visibility }),
      'Paramètres du groupe enregistrés.',
    );
  }

  private picture(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    void this.run(() => this.api.value!.communities.setPicture(this.group.id, file, file.name), 'Image du groupe enregistrée.');
    input.value = '';
  }

  render() {
    const g = this.group;
    const f = this.form;
    if (!g || !f) return nothing;
    const set = (e: Event) => {
      const t = e.target as HTMLInputElement;
      if (t.type === 'radio' && !t.checked) return;
      if (t.name === 'name' || t.name === 'description' || t.name === 'visibility') this.form = { ...f, [t.name]: t.value };
    };
    const options = (Object.keys(VISIBILITY_LABELS) as Visibility[]).map((v) => ({
      value: v,
      label: `${VISIBILITY_LABELS[v]} — ${VISIBILITY_HINTS[v]}`,
    }));
    const change = visibilityChange(g.visibility, f.visibility);
    return html`<h2 class="fr-h4">Paramètres du groupe</h2>
      <div aria-live="polite">${noticeAlert(this.notice)}</div>
      <form novalidate @input=${set} @change=${set} @submit=${this.save}>
        ${textField({ id: 'settings-name', name: 'name', label: 'Nom du groupe', value: f.name, error: this.errors.name, maxlength: 120 })}
        ${textArea({ id: 'settings-description', name: 'description', label: 'Description', optional: true, value: f.description, error: this.errors.description, rows: 3, maxlength: 2000 })}
        ${radioGroup({ id: 'settings-visibility', name: 'visibility', label: 'Visibilité', value: f.visibility, options, error: this.errors.visibility })}
        ${change ? html`<div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w" id="settings-visibility-change"><p>${change}</p></div>` : nothing}
        <button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Enregistrement…' : 'Enregistrer les paramètres'}</button>
      </form>
      <h3 class="fr-h5 fr-mt-4w">Image du groupe</h3>
      ${g.pictureUrl ? html`<p><img class="mai-group-picture" src=${g.pictureUrl} alt="Image actuelle du groupe" width="160" /></p>` : nothing}
      <div class="fr-upload-group">
        <label class="fr-label" for="settings-picture">Choisir une image<span class="fr-hint-text">PNG, JPEG ou WebP, 3 Mo au plus.</span></label>
        <input class="fr-upload" type="file" id="settings-picture" accept="image/png,image/jpeg,image/webp" ?disabled=${this.busy} @change=${this.picture} />
      </div>
      ${g.pictureUrl ? html`<button class="fr-btn fr-btn--sm fr-btn--tertiary fr-mt-1w" type="button" @click=${() => this.run(() => this.api.value!.communities.removePicture(g.id), 'Image retirée.')}>Retirer l’image</button>` : nothing}
      ${
        this.canEditCommunity
          ? html`<h3 class="fr-h5 fr-mt-4w">Communauté</h3>
            <p>${g.isCommunity ? 'Ce groupe est une communauté : sa page est un accueil avec un menu (actualités, documents de référence, forum, groupes, liens utiles…).' : 'Faire de ce groupe une communauté : sa page devient un accueil avec un menu, ses propres groupes et des liens utiles.'}</p>
            <button class="fr-btn ${g.isCommunity ? 'fr-btn--secondary' : ''}" type="button" ?disabled=${this.busy}
              @click=${() => this.run(() => this.api.value!.communities.setCommunity(g.id, !g.isCommunity), g.isCommunity ? 'Le groupe n’est plus une communauté.' : 'Le groupe est maintenant une communauté.')}>
              ${g.isCommunity ? 'Ne plus en faire une communauté' : 'Faire de ce groupe une communauté'}</button>`
          : nothing
      }
      <h3 class="fr-h5 fr-mt-4w">Responsables</h3>
      <p>Nommez ou retirez les administrateurs du groupe depuis <a href=${`/groupes/${g.id}/membres`}>la liste des membres</a>.</p>`;
  }
}

customElements.define('mai-group-settings', MaiGroupSettings);
