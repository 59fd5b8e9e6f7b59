/** The context through which <mai-app> hands the tab's notifications store to the bell and the pages. */
import { createContext } from '@lit/context';
import type { NotificationsStore } from '../../state/notifications-store.js';

/** The signed-in user's notifications (one store per tab, fed by the hub). */
export const notificationsContext = createContext<NotificationsStore>(Symbol('mai-notifications'));
