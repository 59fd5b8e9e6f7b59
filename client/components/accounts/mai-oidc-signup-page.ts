/** <mai-oidc-signup-page> (/connexion/proconnect?inscription=…): the first ProConnect sign-in names its département, once. */
import { ContextConsumer } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { OidcSignupView } from '../../../server/protocol/oidc.js';
import { apiContext, departmentsContext, routerContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { safeNext } from '../../state/router.js';
import { departmentRow } from './account-fields.js';
import { alertBox } from '../shared/fields.js';
import { MaiFormPage, centredPage } from '../shared/form-page.js';

/** Container: reads the pending sign-up, asks the département, creates the account and goes on to the terms. */
export class MaiOidcSignupPage extends MaiFormPage {
  static properties = {
    view: { state: true },
    loadError: { state: true },
    departmentCode: { state: true },
    error: { state: true },
  };

  view: OidcSignupView | null = null;
  loadError = '';
  departmentCode = '';
  error = '';
  private api = new ContextConsumer(this, { context: apiContext });
  private session = new StoreController(this, sessionContext);
  private departments = new StoreController(this, departmentsContext);
  private router = new ContextConsumer(this, { context: routerContext });

  private get ticket(): string {
    return this.router.value?.query.get('inscription') ?? '';
  }

  protected firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    void this.departments.value?.load();
    void this.load();
  }

  private async load() {
    try {
      this.view = await this.api.value!.auth.oidcSignupView(this.ticket);
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    this.error = this.departmentCode ? '' : 'Choisissez votre département.';
    await this.submit({ departmentCode: this.error || undefined }, async () => {
      const next = await this.session.value!.completeOidcSignup(this.ticket, this.departmentCode);
      // The shell sends a new account to the terms of use first, then here.
      this.router.value?.navigate(safeNext(next) ?? '/', { replace: true });
    });
  }

  render() {
    if (this.loadError) {
      return centredPage(
        'Première connexion avec ProConnect',
        html`${alertBox('error', this.loadError)}
          <p><a class="fr-link" href="/connexion">Revenir à la page de connexion</a></p>`,
      );
    }
    const deps = this.departments.value;
    const v = this.view;
    return centredPage(
      'Première connexion avec ProConnect',
      html`${
        v
          ? html`<p>Bienvenue ${v.firstName} ${v.lastName} (<span>${v.email}</span>). Pour rejoindre le salon de votre territoire, indiquez votre département : il ne vous sera plus demandé.</p>`
          : html`<p role="status">Chargement…</p>`
      }
        ${this.formError ? alertBox('error', this.formError) : nothing}
        <form novalidate @submit=${this.onSubmit} @change=${(e: Event) => (this.departmentCode = (e.target as HTMLSelectElement).value)} aria-label="Indiquer mon département">
          ${departmentRow({
            prefix: 'oidc',
            value: this.departmentCode,
            error: this.error,
            placeholder: deps?.status === 'ready' ? 'Sélectionnez votre département' : 'Chargement des départements…',
            departments: deps?.items ?? [],
          })}
          <button class="fr-btn fr-mt-2w" type="submit" ?disabled=${this.busy || !v}>${this.busy ? 'Création en cours…' : 'Créer mon compte'}</button>
        </form>`,
    );
  }
}

customElements.define('mai-oidc-signup-page', MaiOidcSignupPage);
