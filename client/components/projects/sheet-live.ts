/** Following a sheet live over the hub: watch it now and after every reconnection (then reload: events may have been missed). */
import type { HubClient } from '../../realtime/hub-client.js';
import type { Canvas, SheetComment } from '../../../server/protocol/index.js';

export interface SheetLiveHandlers {
  canvas?(c: Canvas): void;
  comment?(c: SheetComment): void;
  updated?(version: number): void;
  revoked(): void;
  /** After a reconnection: read everything again. */
  reload(): void;
}

/** Starts following `sheetId`; answers the function that stops. */
export function followSheet(hub: HubClient | undefined, sheetId: number, h: SheetLiveHandlers): () => void {
  if (!hub) return () => undefined;
  const watch = () => void hub.request('sheet:watch', { sheetId }).catch(() => undefined);
  const onResync = () => {
    watch();
    h.reload();
  };
  const offs = [
    hub.on('sheet:canvas', (c) => c.sheetId === sheetId && h.canvas?.(c)),
    hub.on('sheet:comment', (c) => c.sheetId === sheetId && h.comment?.(c)),
    hub.on('sheet:updated', (e) => e.sheetId === sheetId && h.updated?.(e.version)),
    hub.on('sheet:revoked', (e) => e.sheetId === sheetId && h.revoked()),
  ];
  hub.addEventListener('resync', onResync);
  if (hub.status === 'connected') watch();
  return () => {
    for (const off of offs) off();
    hub.removeEventListener('resync', onResync);
    if (hub.status === 'connected') void hub.request('sheet:unwatch', { sheetId }).catch(() => undefined);
  };
}
