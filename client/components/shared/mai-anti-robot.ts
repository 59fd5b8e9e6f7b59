/**
 * <mai-anti-robot>: the anti-robot check any public form drops in (sign-up, login after failures, …).
 * The altcha widget solves a proof of work in web workers served from our own origin
 * (/assets/altcha-pbkdf2.js: the CSP's worker-src 'self'), with the challenge from
 * GET /api/anti-robot/challenge: no third party is called, nothing is tracked.
 * It starts as soon as it is shown, so the work is done while the person fills the form;
 * the form awaits `whenVerified()` and sends the answer as `altcha`. After a refused
 * submit (the answer is single use), the form calls `reset()`.
 */
import 'altcha/external';
import { LitElement, html, nothing } from 'lit';

const STRINGS = {
  ariaLinkLabel: 'ALTCHA (site officiel, nouvelle fenêtre)',
  cancel: 'Annuler',
  enterCode: 'Saisissez le code',
  enterCodeAria: 'Saisissez le code entendu. Appuyez sur Espace pour écouter.',
  enterCodeFromImage: "Pour continuer, saisissez le code de l'image ci-dessous.",
  error: 'La vérification a échoué. Cochez à nouveau la case pour réessayer.',
  expired: 'La vérification a expiré. Cochez à nouveau la case pour la relancer.',
  footer: '',
  getAudioChallenge: 'Écouter un code',
  label: 'Je ne suis pas un robot',
  loading: 'Chargement…',
  reload: 'Recommencer',
  verify: 'Vérifier',
  verificationRequired: 'La vérification anti-robot est requise.',
  verified: 'Vérification réussie',
  verifying: 'Vérification en cours…',
  waitAlert: 'Vérification en cours, veuillez patienter.',
};

/** The widget's own API (a Svelte custom element). */
interface AltchaWidget extends HTMLElement {
  getState(): string;
  reset(): void;
  verify(): Promise<unknown>;
}

/** No logo nor footer link to altcha.org (nothing of a third party on our pages). */
const CONFIGURATION = JSON.stringify({ hideFooter: true, hideLogo: true, minDuration: 0 });

let registered = false;
/** Once per page: our French texts and the worker of the one algorithm the server asks for. */
function register(): void {
  if (registered) return;
  registered = true;
  globalThis.$altcha.i18n.set('fr', STRINGS);
  globalThis.$altcha.algorithms.set('PBKDF2/SHA-256', () => new Worker('/assets/altcha-pbkdf2.js'));
}

export class MaiAntiRobot extends LitElement {
  static properties = {
    error: { type: String },
    inputId: { type: String, attribute: 'input-id' },
    state: { state: true },
  };

  /** A message from the server or the form (shown under the check, announced with the form's errors). */
  error = '';
  /** Prefix of the element ids (several forms on a page). */
  inputId = 'anti-robot';
  state = 'unverified';
  /** The answer once verified ('' otherwise), sent as the form's `altcha`. */
  value = '';
  private waiters: { resolve: (v: string) => void; reject: (e: Error) => void }[] = [];

  createRenderRoot() {
    return this;
  }

  connectedCallback(): void {
    register();
    super.connectedCallback();
  }

  private get widget(): AltchaWidget | null {
    return this.querySelector('altcha-widget');
  }

  protected firstUpdated(): void {
    const widget = this.widget!;
    widget.addEventListener('statechange', (e) => this.onState(e as CustomEvent<{ state: string; payload: string | null }>));
  }

  protected updated(): void {
    // The widget's own checkbox carries the error state, so the form's "first invalid field" lands on it.
    const box = this.querySelector<HTMLInputElement>('altcha-widget input[type="checkbox"]');
    if (!box) return;
    box.setAttribute('aria-invalid', this.error ? 'true' : 'false');
    // Read with the checkbox: what the check is, and the error when there is one.
    box.setAttribute('aria-describedby', this.error ? `${this.inputId}-hint ${this.inputId}-error` : `${this.inputId}-hint`);
  }

  private onState(e: CustomEvent<{ state: string; payload: string | null }>) {
    this.state = e.detail.state;
    if (this.state === 'verified' && e.detail.payload) {
      this.value = e.detail.payload;
      this.error = '';
      for (const w of this.waiters.splice(0)) w.resolve(this.value);
    } else {
      this.value = '';
      if (this.state === 'error') for (const w of this.waiters.splice(0)) w.reject(new Error(STRINGS.error));
      // An expired answer is worth nothing: start again at once (the person may still be typing).
      if (this.state === 'expired') void this.widget?.verify?.();
    }
    this.dispatchEvent(new CustomEvent('mai-anti-robot-change', { bubbles: true, composed: true, detail: { value: this.value } }));
  }

  /** The answer, once the proof of work is done (started now if it was not). */
  whenVerified(): Promise<string> {
    if (this.value) return Promise.resolve(this.value);
    const widget = this.widget;
    // Its methods exist once the widget has loaded; before that, auto="onload" is already at work.
    if (typeof widget?.verify === 'function' && widget.getState() !== 'verifying') void widget.verify();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** A fresh challenge (after the server refused or spent the last answer). */
  reset(): void {
    this.value = '';
    const widget = this.widget;
    if (typeof widget?.reset !== 'function') return;
    widget.reset();
    void widget.verify();
  }

  render() {
    return html`<div class="fr-input-group mai-anti-robot ${this.error ? 'fr-input-group--error' : ''}">
      <p class="fr-hint-text fr-mb-1w" id=${`${this.inputId}-hint`}>
        Pour vérifier que vous n’êtes pas un robot, votre navigateur fait un petit calcul (quelques secondes au plus), sans
        aucun service extérieur. Il commence tout seul ; vous pouvez remplir le formulaire pendant ce temps.
      </p>
      <altcha-widget
        challenge="/api/anti-robot/challenge"
        name="altcha"
        language="fr"
        auto="onload"
        configuration=${CONFIGURATION}
      ></altcha-widget>
      ${this.error ? html`<p class="fr-error-text" id=${`${this.inputId}-error`}>${this.error}</p>` : nothing}
    </div>`;
  }
}

customElements.define('mai-anti-robot', MaiAntiRobot);

declare global {
  interface HTMLElementTagNameMap {
    'mai-anti-robot': MaiAntiRobot;
  }
}
