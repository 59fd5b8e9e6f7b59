/** Web Push subscriptions of this browser (server/http/routes/push.ts). */
import type { Http } from './http.js';
import type { PushKey } from '../../server/protocol/push.js';

/** The calls. */
export function pushApi(http: Http) {
  return {
    key: () => http.get<PushKey>('/api/push/key'),
    subscribe: (subscription: PushSubscriptionJSON) => http.post<{ id: number; endpoint: string }>('/api/push/subscriptions', subscription),
    unsubscribe: (endpoint: string) => http.delete<void>(`/api/push/subscriptions?endpoint=${encodeURIComponent(endpoint)}`),
  };
}

export type PushApi = ReturnType<typeof pushApi>;
