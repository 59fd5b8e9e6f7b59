/** Typed calls for "Mes données": the export's address and the deletion of one's own account. */
import type { Http } from './http.js';
import type { DeletionScheduled, ExportRequested } from '../../server/protocol/personal-data.js';

/** Routes of the personal-data domain. */
export function personalDataApi(http: Http) {
  return {
    /** Asks for the archive: a URL to download now, or `building` (the link will come by notification and e-mail). */
    requestExport: () => http.post<ExportRequested>('/api/me/exports'),
    requestDeletion: (password?: string) => http.post<DeletionScheduled>('/api/me/deletion', password ? { password } : {}),
  };
}

export type PersonalDataApi = ReturnType<typeof personalDataApi>;
