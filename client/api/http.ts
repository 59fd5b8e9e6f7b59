/** Minimal fetch wrapper: JSON in and out, the contract's error body turned into ApiError. */
import type { ErrorBody } from '../../server/protocol/index.js';

/** Error codes that concern one form field, shown under it (`username_taken` → username). */
const CODE_FIELDS: Record<string, string> = {
  username_taken: 'username',
  email_taken: 'email',
  name_taken: 'name',
};

/** An error answered by the server (or a network failure, code `network_error`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Per-field messages from `details.fields` (or from a field-specific code such as `username_taken`). */
  get fieldErrors(): Record<string, string> {
    const fields = this.details.fields;
    const field = CODE_FIELDS[this.code];
    if (field) return { [field]: this.message };
    if (!fields || typeof fields !== 'object') return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(fields as Record<string, unknown>)) {
      if (typeof v === 'string') out[k] = v;
      else if (Array.isArray(v) && typeof v[0] === 'string') out[k] = v[0];
    }
    return out;
  }
}

/** Any failure as the ApiError the views show (a thrown non-ApiError becomes an internal error). */
export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'internal_error', String(e));
}

/** The `fetch` signature the client needs (injectable for tests). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Options of one request. */
export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
}

export const NETWORK_ERROR_MESSAGE = 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.';

/** Builds an ApiError from a status and a parsed (maybe invalid) body. */
export function toApiError(status: number, body: unknown, retryAfter?: string | null): ApiError {
  const err = (body as Partial<ErrorBody> | null)?.error;
  const details: Record<string, unknown> = { ...(err?.details ?? {}) };
  if (retryAfter && details.retryAfter === undefined) details.retryAfter = Number(retryAfter) || retryAfter;
  if (err && typeof err.code === 'string') {
    return new ApiError(status, err.code, err.message || 'Une erreur est survenue.', details);
  }
  return new ApiError(status, 'http_error', `Le serveur a répondu une erreur (${status}).`, details);
}

/** Same-origin JSON client. Fires `unauthorized` when any call answers 401. */
export class Http extends EventTarget {
  private readonly fetchImpl: FetchLike;
  private readonly baseUrl: string;

  constructor(options: { fetch?: FetchLike; baseUrl?: string } = {}) {
    super();
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.baseUrl = options.baseUrl ?? '';
  }

  /** Builds a URL with its query string (empty values left out). */
  url(path: string, query?: RequestOptions['query']): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
    }
    const qs = params.toString();
    return this.baseUrl + path + (qs ? `?${qs}` : '');
  }

  /** Sends one request; resolves with the parsed JSON (undefined when there is no body). */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: BodyInit | undefined;
    if (options.body instanceof FormData) {
      body = options.body;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    let res: Response;
    try {
      res = await this.fetchImpl(this.url(path, options.query), {
        method,
        headers,
        body,
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') throw e;
      throw new ApiError(0, 'network_error', NETWORK_ERROR_MESSAGE);
    }
    const text = await res.text().catch(() => '');
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!res.ok) {
      if (res.status === 401) this.dispatchEvent(new Event('unauthorized'));
      throw toApiError(res.status, parsed, res.headers.get('Retry-After'));
    }
    return parsed as T;
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, options);
  }
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }
  delete<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }
}
