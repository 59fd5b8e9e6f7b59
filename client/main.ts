/** Entry point: builds the API client and the stores, then hands them to <mai-app>. */
import { createApi } from './api/index.js';
import './components/mai-app.js';
import { DepartmentsStore } from './state/departments-store.js';
import { Router } from './state/router.js';
import { SessionStore } from './state/session-store.js';
import { HubClient } from './realtime/hub-client.js';

const api = createApi();
const session = new SessionStore(api);
const departments = new DepartmentsStore(api);
const router = new Router(window);
router.start();

const app = document.querySelector('mai-app') ?? document.body.appendChild(document.createElement('mai-app'));
const hub = new HubClient();
// The hub connection lives while a signed-in user who accepted the terms is here.
session.addEventListener('change', () => {
  const user = session.user;
  if (user && user.termsAcceptedAt) hub.start();
  else if (hub.status !== 'idle') hub.stop();
});
Object.assign(app, { api, session, router, departments, hub });
void session.start();
