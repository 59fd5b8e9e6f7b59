/** Entry point: builds the API client and the stores, then hands them to <mai-app>. */
import { createApi } from './api/index.js';
import './components/app/mai-app.js';
import { DepartmentsStore } from './state/departments-store.js';
import { Router } from './state/router.js';
import { SessionStore } from './state/session-store.js';
import { HubClient } from './realtime/hub-client.js';
import { chatApi } from './api/chat.js';
import { ChatStores } from './state/chat-stores.js';
import { OfflineSnapshot } from './state/offline-snapshot.js';
import { registerServiceWorker } from './pwa/register.js';
import { DesktopAlerts, browserAlertEnv } from './state/desktop-alerts.js';
import { notificationsApi } from './api/notifications.js';

const api = createApi();
const session = new SessionStore(api, new OfflineSnapshot(window.localStorage));
const departments = new DepartmentsStore(api);
const router = new Router(window);
router.start();

const app = document.querySelector('mai-app') ?? document.body.appendChild(document.createElement('mai-app'));
const hub = new HubClient();
const chat = new ChatStores(hub, chatApi(api.http), window.localStorage);
chat.watchActivity(window);
chat.alerts = new DesktopAlerts(
  chat,
  browserAlertEnv(window),
  window.localStorage,
  () => notificationsApi(api.http).settings(),
  (id) => router.navigate(`/discussions/${id}`),
);
// The hub connection lives while a signed-in user who accepted the terms is here.
session.addEventListener('change', () => {
  const user = session.user;
  const active = !!user && !!user.termsAcceptedAt;
  // The chat's user first: the hub's first resync then loads (and flushes the outbox) for them.
  chat.setUser(active ? user : null);
  if (active) hub.start();
  else if (hub.status !== 'idle') hub.stop();
  // Offline start: the hub cannot connect to trigger the first load; the list kept in this browser opens the channels.
  if (active && session.offline) void chat.channels.load();
});
Object.assign(app, { api, session, router, departments, hub, chat });
void session.start();
// Back online after an offline start: read the session again (the hub reconnects and flushes the outbox by itself).
window.addEventListener('online', () => {
  if (session.offline) void session.start();
});
registerServiceWorker(window);
