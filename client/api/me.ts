/** Typed calls for /api/me (own profile). */
import { ApiError, NETWORK_ERROR_MESSAGE, toApiError, type Http } from './http.js';
import type { UserResponse } from '../../server/protocol/index.js';

/** Fields of PATCH /api/me (all optional; shared with the server, type-only). */
export type { ProfilePatch } from '../../server/protocol/accounts.js';
import type { ProfilePatch } from '../../server/protocol/accounts.js';

/** Accepted photo types and the size limit (the server checks too). */
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;

/** Uploads a multipart body with XMLHttpRequest so upload progress can be shown. */
export function xhrUpload<T>(
  http: Http,
  method: string,
  path: string,
  form: FormData,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    // Cancelling (a file removed from the composer while it uploads) aborts the request: onabort rejects.
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.open(method, http.url(path));
    xhr.setRequestHeader('Accept', 'application/json');
    if (onProgress) {
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
      };
    }
    xhr.onerror = () => reject(new ApiError(0, 'network_error', NETWORK_ERROR_MESSAGE));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'Envoi annulé.'));
    xhr.onload = () => {
      let body: unknown = undefined;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        resolve(body as T);
      } else {
        if (xhr.status === 401) http.dispatchEvent(new Event('unauthorized'));
        reject(toApiError(xhr.status, body, xhr.getResponseHeader('Retry-After')));
      }
    };
    xhr.send(form);
  });
}

/** Own account. */
export function meApi(http: Http) {
  return {
    get: () => http.get<UserResponse>('/api/me'),
    update: (patch: ProfilePatch) => http.patch<UserResponse>('/api/me', patch),
    acceptTerms: () => http.post<UserResponse>('/api/me/accept-terms'),
    /** PUT /api/me/avatar, multipart field `file`. */
    uploadAvatar: (file: Blob, onProgress?: (fraction: number) => void) => {
      const form = new FormData();
      form.append('file', file);
      return xhrUpload<UserResponse>(http, 'PUT', '/api/me/avatar', form, onProgress);
    },
    removeAvatar: () => http.delete<UserResponse>('/api/me/avatar'),
    /** POST /api/me/password: the other sessions are revoked, this one stays. */
    changePassword: (currentPassword: string, newPassword: string) =>
      http.post<UserResponse & { revokedSessions: number }>('/api/me/password', { currentPassword, newPassword }),
    /** POST /api/me/email: a confirmation link goes to the new address. */
    changeEmail: (email: string, password: string) => http.post<{ status: 'pending'; email: string }>('/api/me/email', { email, password }),
    /** POST /api/auth/email-change/confirm: the link's token. */
    confirmEmail: (token: string) => http.post<UserResponse>('/api/auth/email-change/confirm', { token }),
  };
}

export type MeApi = ReturnType<typeof meApi>;
