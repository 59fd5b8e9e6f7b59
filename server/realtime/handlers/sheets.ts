import { onEvent } from '../handle';
import type { EventTable, RealtimeDomain } from '../hub-types';
import type { Deps } from '../../deps';
import { rooms } from '../rooms';
import { accessSheet } from '../../access/project-sheets';

/**
 * `sheet:watch` / `sheet:unwatch`: a socket follows a sheet it may see (the
 * server joins it to the sheet's room; anyone else gets `not_found`). Access
 * is checked again once joined: a revocation that committed between the
 * check and the join would otherwise leave the socket in the room.
 */
export function createSheetsDomain(deps: Deps): RealtimeDomain {
  return {
    events(table: EventTable) {
      onEvent(table, deps, 'sheet:watch', async ({ sheetId }, { actor, socket }) => {
        await accessSheet(deps.db, actor, sheetId);
        await socket.join(rooms.sheet(sheetId));
        try {
          await accessSheet(deps.db, actor, sheetId);
        } catch (err) {
          await socket.leave(rooms.sheet(sheetId));
          throw err;
        }
        return {};
      });
      onEvent(table, deps, 'sheet:unwatch', async ({ sheetId }, { socket }) => {
        await socket.leave(rooms.sheet(sheetId));
        return {};
      });
    },
  };
}
