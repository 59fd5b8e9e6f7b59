/**
 * The base of the pages a mailed link opens once (`?token=…`): the token is redeemed on load, the page
 * shows progress, then the outcome. Subclasses say what redeeming does and how each outcome reads.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, type TemplateResult } from 'lit';
import { errorMessage } from '../../api/messages.js';
import { apiContext, routerContext } from '../../controllers/contexts.js';
import type { Api } from '../../api/index.js';

export type TokenLinkState = 'working' | 'done' | 'error';

export abstract class TokenLinkPage extends LitElement {
  static properties = { state: { state: true }, message: { state: true } };

  state: TokenLinkState = 'working';
  /** The success text (when `redeem` returns one) or the error's plain French message. */
  message = '';
  private started = false;
  protected api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    // Once only: a link is single use, a second post would answer "already used".
    if (!this.started) void this.run();
  }

  /** Redeems the token; may return the success message to show. Throws ApiError on refusal. */
  protected abstract redeem(api: Api, token: string): Promise<string | void>;

  abstract render(): TemplateResult;

  private async run() {
    this.started = true;
    const token = this.router.value?.query.get('token');
    if (!token) {
      this.state = 'error';
      this.message = 'Ce lien est incomplet. Copiez le lien entier reçu par courriel.';
      return;
    }
    try {
      this.message = (await this.redeem(this.api.value!, token)) ?? '';
      this.state = 'done';
    } catch (err) {
      this.state = 'error';
      this.message = errorMessage(err);
    }
  }
}
