/**
 * <mai-interests-form>: centres of interest and newsletter subscriptions as
 * checkboxes (leaf: properties in, `mai-interests-save` out). `welcome` (the
 * second step of sign-up) asks the interests and one "subscribe to these
 * themes' newsletter" box; `profile` lists a subscription box per theme.
 */
import { LitElement, html, nothing } from 'lit';
import type { InterestTheme } from '../../api/newsletters.js';
import { checkbox } from '../shared/fields.js';

export interface InterestsChoice {
  interests: number[];
  subscriptions: number[];
}

export class MaiInterestsForm extends LitElement {
  static properties = {
    themes: { attribute: false },
    interests: { attribute: false },
    subscriptions: { attribute: false },
    mode: {},
    busy: { type: Boolean },
    subscribeAll: { state: true },
  };

  themes: InterestTheme[] = [];
  interests: number[] = [];
  subscriptions: number[] = [];
  mode: 'welcome' | 'profile' = 'profile';
  busy = false;
  subscribeAll = false;

  createRenderRoot() {
    return this;
  }

  private toggle(list: 'interests' | 'subscriptions', id: number, on: boolean) {
    const set = new Set(this[list]);
    if (on) set.add(id);
    else set.delete(id);
    this[list] = [...set];
  }

  private onSubmit(e: Event) {
    e.preventDefault();
    const subscriptions = this.mode === 'welcome' ? (this.subscribeAll ? [...this.interests] : []) : this.subscriptions;
    this.dispatchEvent(
      new CustomEvent<InterestsChoice>('mai-interests-save', { detail: { interests: this.interests, subscriptions }, bubbles: true }),
    );
  }

  private boxes(list: 'interests' | 'subscriptions', prefix: string, label: (t: InterestTheme) => string) {
    return this.themes.map(
      (t) =>
        html`<div class="fr-fieldset__element" @change=${(e: Event) => this.toggle(list, t.id, (e.target as HTMLInputElement).checked)}>
          ${checkbox({ id: `${prefix}-${t.id}`, name: `${prefix}-${t.id}`, label: label(t), checked: this[list].includes(t.id) })}
        </div>`,
    );
  }

  render() {
    const welcome = this.mode === 'welcome';
    return html`<form novalidate aria-label=${welcome ? 'Vos centres d’intérêt' : 'Centres d’intérêt et lettres d’information'} @submit=${this.onSubmit}>
      <fieldset class="fr-fieldset" id="interests-fieldset">
        <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Mes centres d’intérêt</h2>
          <span class="fr-hint-text">Ils servent à vous proposer des contenus et des groupes. Cochez-en autant que vous voulez.</span></legend>
        ${this.boxes('interests', 'interest', (t) => t.label)}
      </fieldset>
      ${
        welcome
          ? html`<fieldset class="fr-fieldset">
              <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Lettre d’information</h2></legend>
              <div class="fr-fieldset__element" @change=${(e: Event) => (this.subscribeAll = (e.target as HTMLInputElement).checked)}>
                ${checkbox({
                  id: 'interests-subscribe',
                  name: 'subscribe',
                  label: 'Recevoir par courriel la lettre d’information de ces thèmes',
                  hint: 'Vous pourrez vous désabonner à tout moment, en un clic depuis chaque lettre.',
                  checked: this.subscribeAll,
                })}
              </div>
            </fieldset>`
          : html`<fieldset class="fr-fieldset" id="subscriptions-fieldset">
              <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Mes lettres d’information</h2>
                <span class="fr-hint-text">Vous recevez par courriel les lettres envoyées aux thèmes cochés.</span></legend>
              ${this.boxes('subscriptions', 'subscription', (t) => `Lettre « ${t.label} »`)}
            </fieldset>`
      }
      ${this.themes.length ? nothing : html`<p>Aucun thème n’est encore proposé.</p>`}
      <div class="fr-btns-group fr-btns-group--inline-md">
        <button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Enregistrement…' : welcome ? 'Enregistrer et continuer' : 'Enregistrer mes choix'}</button>
      </div>
    </form>`;
  }
}

customElements.define('mai-interests-form', MaiInterestsForm);
