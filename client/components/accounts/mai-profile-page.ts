/** <mai-profile-page> (/profil): own profile summary, photo upload and edit form. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import type { ProfilePatch } from '../../api/me.js';
import { errorMessage } from '../../api/messages.js';
import { apiContext, departmentsContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { alertBox } from '../shared/fields.js';
import { CIVILITY_LABELS, ROLE_LABELS, initials } from '../shared/labels.js';
import type { MaiAvatarUpload } from './mai-avatar-upload.js';
import './mai-avatar-upload.js';
import type { MaiProfileForm } from './mai-profile-form.js';
import './mai-profile-form.js';
import './mai-password-change.js';
import './mai-email-change.js';
import './mai-account-type-change.js';
import { focusAfter } from '../shared/focus.js';
import './mai-personal-data.js';

/** Container: saves through the session store; uploads the photo with progress. */
export class MaiProfilePage extends LitElement {
  static properties = {
    saving: { state: true },
    errors: { state: true },
    notice: { state: true },
    uploadProgress: { state: true },
    uploadError: { state: true },
    avatarBusy: { state: true },
  };

  saving = false;
  errors: Record<string, string> = {};
  notice: { kind: 'success' | 'error'; text: string } | null = null;
  uploadProgress: number | null = null;
  uploadError = '';
  avatarBusy = false;
  private session = new StoreController(this, sessionContext);
  private departments = new StoreController(this, departmentsContext);
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.departments.value?.load();
  }

  private async onSave(e: CustomEvent<{ patch: ProfilePatch }>) {
    const { patch } = e.detail;
    this.notice = null;
    this.errors = {};
    if (!Object.keys(patch).length) {
      this.notice = { kind: 'success', text: 'Aucune modification à enregistrer.' };
      void focusAfter(this, '.mai-profile-notice');
      return;
    }
    this.saving = true;
    try {
      await this.session.value!.updateProfile(patch);
      await this.updateComplete;
      this.querySelector<MaiProfileForm>('mai-profile-form')?.resetFromUser();
      this.notice = { kind: 'success', text: 'Votre profil a été mis à jour.' };
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      if (Object.keys(fields).length) this.errors = fields;
      else this.notice = { kind: 'error', text: errorMessage(err) };
    } finally {
      this.saving = false;
    }
    // Field errors: the form focuses the first one itself; otherwise the outcome has the focus.
    if (this.notice) void focusAfter(this, '.mai-profile-notice');
  }

  private async onUpload(e: CustomEvent<{ file: File }>) {
    this.uploadError = '';
    this.uploadProgress = 0;
    this.avatarBusy = true;
    try {
      const { user } = await this.api.value!.me.uploadAvatar(e.detail.file, (f) => (this.uploadProgress = f));
      this.session.value!.setUser(user);
      this.querySelector<MaiAvatarUpload>('mai-avatar-upload')?.reset();
      this.notice = { kind: 'success', text: 'Votre photo a été mise à jour.' };
    } catch (err) {
      this.uploadError =
        err instanceof ApiError && err.status === 413
          ? 'La photo dépasse la taille maximale de 2 Mo.'
          : (err instanceof ApiError && err.fieldErrors.file) || errorMessage(err);
    } finally {
      this.uploadProgress = null;
      this.avatarBusy = false;
    }
  }

  private async onRemove() {
    this.uploadError = '';
    this.avatarBusy = true;
    try {
      const { user } = await this.api.value!.me.removeAvatar();
      this.session.value!.setUser(user);
      this.notice = { kind: 'success', text: 'Votre photo a été supprimée.' };
    } catch (err) {
      this.uploadError = errorMessage(err);
    } finally {
      this.avatarBusy = false;
    }
  }

  render() {
    const user = this.session.value?.user;
    if (!user) return nothing;
    const deps = this.departments.value;
    return html`<h1 tabindex="-1">Mon profil</h1>
      <div class="mai-profile-notice" tabindex="-1">${this.notice ? alertBox(this.notice.kind, this.notice.text) : nothing}</div>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-4">
          <mai-avatar-upload
            class="fr-mb-3w"
            .src=${user.avatarUrl}
            .initials=${initials(user.firstName, user.lastName)}
            .progress=${this.uploadProgress}
            .busy=${this.avatarBusy}
            .error=${this.uploadError}
            @mai-avatar-upload=${this.onUpload}
            @mai-avatar-remove=${this.onRemove}
          ></mai-avatar-upload>
          <div class="fr-card fr-card--no-arrow mai-profile-card">
            <div class="fr-card__body">
              <div class="fr-card__content">
                <h2 class="fr-card__title">${user.displayName}</h2>
                <p class="fr-card__desc">
                  ${user.civility ? html`${CIVILITY_LABELS[user.civility]}<br />` : nothing}
                  ${user.jobTitle ? html`${user.jobTitle}<br />` : nothing}
                  ${user.employer ? html`${user.employer}<br />` : nothing}
                  ${deps?.label(user.departmentCode) ?? user.departmentCode}
                </p>
                <div class="fr-card__start">
                  <p class="fr-badge fr-badge--info fr-badge--no-icon">${ROLE_LABELS[user.role]}</p>
                  ${
                    user.pendingAccountType
                      ? html`<p class="fr-badge fr-badge--new fr-badge--no-icon">Type de compte en attente de validation</p>`
                      : nothing
                  }
                </div>
                <div class="fr-card__end">
                  <p class="fr-card__detail">@${user.username} · ${user.email}</p>
                </div>
              </div>
            </div>
          </div>
          <p class="fr-mt-3w">
            <a class="fr-link fr-icon-notification-3-line fr-link--icon-left" href="/profil/notifications">Notifications par courriel</a>
          </p>
          <p>
            <a class="fr-link fr-icon-mail-line fr-link--icon-left" href="/profil/centres-d-interet">Centres d’intérêt et lettres d’information</a>
          </p>
        </div>
        <div class="fr-col-12 fr-col-md-8">
          <mai-profile-form
            .user=${user}
            .departments=${deps?.items ?? []}
            .busy=${this.saving}
            .errors=${this.errors}
            @mai-profile-save=${this.onSave}
          ></mai-profile-form>
          <mai-email-change .user=${user}></mai-email-change>
          ${user.chatOnly ? nothing : html`<mai-account-type-change .user=${user}></mai-account-type-change>`}
          <mai-password-change .user=${user}></mai-password-change>
          <mai-personal-data></mai-personal-data>
        </div>
      </div>`;
  }
}

customElements.define('mai-profile-page', MaiProfilePage);
