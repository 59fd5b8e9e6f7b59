/** ChatController: gives a container the chat stores (from context) and re-renders it when any of them changes. */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { chatContext } from '../../controllers/contexts.js';
import type { ChatStores } from '../../state/chat-stores.js';

/** Watches the ChatStores and its stores (`change` events). */
export class ChatController implements ReactiveController {
  chat: ChatStores | undefined;
  private connected = false;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    new ContextConsumer(host, { context: chatContext, subscribe: true, callback: (chat) => this.attach(chat) });
  }

  private targets(chat: ChatStores | undefined): EventTarget[] {
    return chat
      ? [chat, chat.channels, chat.messages, chat.outbox, chat.presence, chat.typing, chat.thematicAdmin, chat.uploads, chat.threads]
      : [];
  }

  hostConnected(): void {
    this.connected = true;
    for (const t of this.targets(this.chat)) t.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    this.connected = false;
    for (const t of this.targets(this.chat)) t.removeEventListener('change', this.onChange);
  }

  private attach(chat: ChatStores): void {
    if (chat === this.chat) return;
    for (const t of this.targets(this.chat)) t.removeEventListener('change', this.onChange);
    this.chat = chat;
    if (this.connected) for (const t of this.targets(chat)) t.addEventListener('change', this.onChange);
    this.host.requestUpdate();
  }
}
