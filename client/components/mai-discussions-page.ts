/** <mai-discussions-page> (/): placeholder until the feature lands. */
import { LitElement } from 'lit';
import { placeholderPage } from './placeholder.js';

/** Title and callout only. */
export class MaiDiscussionsPage extends LitElement {
  createRenderRoot() {
    return this;
  }

  render() {
    return placeholderPage('Discussions', "Vos salons de discussion (national, départemental, thématiques, groupes) et vos messages directs, en temps réel.");
  }
}

customElements.define('mai-discussions-page', MaiDiscussionsPage);
