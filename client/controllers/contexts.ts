/** The contexts <mai-app> provides to the containers below it. */
import { createContext } from '@lit/context';
import type { HubClient } from '../realtime/hub-client.js';
import type { ChatStores } from '../state/chat-stores.js';
import type { Api } from '../api/index.js';
import type { DepartmentsStore } from '../state/departments-store.js';
import type { Router } from '../state/router.js';
import type { SessionStore } from '../state/session-store.js';

export const apiContext = createContext<Api>(Symbol('mai-api'));
export const sessionContext = createContext<SessionStore>(Symbol('mai-session'));
export const routerContext = createContext<Router>(Symbol('mai-router'));
export const departmentsContext = createContext<DepartmentsStore>(Symbol('mai-departments'));
/** The one hub (Socket.IO) connection of the tab. */
export const hubContext = createContext<HubClient>(Symbol('mai-hub'));
/** The chat's stores (channels, messages, outbox, presence, typing) of the signed-in user. */
export const chatContext = createContext<ChatStores>(Symbol('mai-chat'));
