/**
 * <mai-account-type-change>: from the profile, ask for another account type.
 * A type that needs validation waits for an admin (the current rights stay
 * meanwhile, and the request can be withdrawn); any other is in force at once.
 */
import { ContextConsumer } from '@lit/context';
import { html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { Api } from '../../api/index.js';
import type { AccountType } from '../../../server/protocol/index.js';
import { apiContext, sessionContext } from '../../controllers/contexts.js';
import { fieldRow, selectField, withField } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';
import { ProfileSectionForm } from './profile-section-form.js';

export class MaiAccountTypeChange extends ProfileSectionForm<{ accountType: string }> {
  static properties = { ...ProfileSectionForm.properties, types: { state: true } };

  values = this.empty();
  /** The types offered (GET /api/account-types). */
  types: AccountType[] = [];
  private calls = new ContextConsumer(this, { context: apiContext });
  private session = new ContextConsumer(this, { context: sessionContext });

  connectedCallback() {
    super.connectedCallback();
    void this.calls.value!.accountTypes.list().then(
      (r) => (this.types = r.items),
      (err) => (this.formError = errorMessage(err)),
    );
  }

  private label(key: string | null | undefined) {
    return this.types.find((t) => t.key === key)?.label ?? key ?? '';
  }

  protected empty() {
    return { accountType: '' };
  }

  protected check(): Record<string, string> {
    return this.values.accountType ? {} : { accountType: 'Choisissez le type de compte demandé.' };
  }

  protected async send(api: Api) {
    const wanted = this.label(this.values.accountType);
    const { status, user } = await api.accountTypes.requestMine(this.values.accountType);
    this.session.value?.setUser(user);
    return status === 'changed'
      ? `Votre compte est désormais « ${wanted} ».`
      : `Votre demande de compte « ${wanted} » est envoyée aux administrateurs. Vous recevrez leur décision par courriel ; d’ici là, votre compte garde ses droits actuels.`;
  }

  private async withdraw() {
    this.done = '';
    this.formError = '';
    this.busy = true;
    try {
      this.session.value?.setUser((await this.calls.value!.accountTypes.withdrawMine()).user);
      this.done = 'Votre demande est retirée.';
    } catch (err) {
      this.formError = errorMessage(err);
    } finally {
      this.busy = false;
    }
    void focusAfter(this, this.done ? '.mai-profile-section__done' : '.fr-alert--error');
  }

  render() {
    const u = this.user;
    if (!u || !this.types.length) return nothing;
    const others = this.types.filter((t) => t.key !== u.accountType && t.key !== u.pendingAccountType);
    return html`<section class="fr-mt-6w" aria-labelledby="type-change-title">
      <h2 id="type-change-title" class="fr-h4">Type de compte</h2>
      <p>Type actuel : <strong>${this.label(u.accountType)}</strong></p>
      ${this.outcome()}
      ${
        u.pendingAccountType
          ? html`<p>
                Demande en attente de validation : <strong>${this.label(u.pendingAccountType)}</strong>. Votre compte garde ses droits
                actuels jusqu’à la décision d’un administrateur.
              </p>
              <button class="fr-btn fr-btn--secondary fr-btn--sm" type="button" ?disabled=${this.busy} @click=${this.withdraw}>
                Retirer ma demande
              </button>`
          : nothing
      }
      ${
        others.length
          ? html`<form class="fr-mt-2w" novalidate aria-labelledby="type-change-title" @submit=${this.onSubmit}
              @change=${(e: Event) => ((this.values = withField(this.values, e)), (this.errors = {}))}>
              ${fieldRow(
                selectField({
                  id: 'type-change-choice',
                  name: 'accountType',
                  label: 'Demander un autre type de compte',
                  value: this.values.accountType,
                  error: this.errors.accountType,
                  placeholder: 'Sélectionnez un type',
                  hint: 'Les types « sur validation » sont vérifiés par un administrateur.',
                  options: others.map((t) => ({ value: t.key, label: t.needsValidation ? `${t.label} (sur validation)` : t.label })),
                }),
              )}
              <button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Envoi…' : 'Demander ce type'}</button>
            </form>`
          : nothing
      }
    </section>`;
  }
}

customElements.define('mai-account-type-change', MaiAccountTypeChange);
