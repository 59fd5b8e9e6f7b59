/** A scripted fetch for client store tests: answers queued responses and records each call. */
import type { FetchLike } from '../../client/api/http.js';
import type { User } from '../../server/protocol/index.js';

/** One recorded call. */
export interface Call {
  method: string;
  url: string;
  body: unknown;
  credentials?: RequestCredentials;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

/** `fetch` that pops one scripted answer per call (an Error simulates a network failure). */
export function fakeFetch() {
  const answers: Answer[] = [];
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init = {}) => {
    calls.push({
      method: init.method ?? 'GET',
      url,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      credentials: init.credentials,
    });
    const next = answers.shift();
    if (!next) throw new Error(`unexpected call ${init.method} ${url}`);
    if (next instanceof Error) throw next;
    const text = next.body === undefined ? null : JSON.stringify(next.body);
    return new Response(text, {
      status: next.status,
      headers: { 'Content-Type': 'application/json', ...next.headers },
    });
  };
  return {
    fetch,
    calls,
    /** Queues the next answer. */
    answer(status: number, body?: unknown, headers?: Record<string, string>) {
      answers.push({ status, body, headers });
    },
    /** Queues a network failure. */
    fail() {
      answers.push(new TypeError('Failed to fetch'));
    },
    /** Queues the contract's error body. */
    error(status: number, code: string, message = 'Erreur.', details?: Record<string, unknown>) {
      answers.push({ status, body: { error: { code, message, ...(details ? { details } : {}) } } });
    },
    get pending() {
      return answers.length;
    },
  };
}

/** A user as the server presents it. */
export function makeUser(over: Partial<User> = {}): User {
  return {
    id: 1,
    email: 'camille.martin@example.fr',
    username: 'camille.martin',
    firstName: 'Camille',
    lastName: 'Martin',
    displayName: 'Camille Martin',
    civility: 'mme',
    departmentCode: '75',
    phone: null,
    employer: 'Préfecture de Paris',
    jobTitle: 'Chargée de mission',
    city: 'Paris',
    bio: null,
    role: 'member',
    chatOnly: false,
    status: 'active',
    termsAcceptedAt: '2026-11-01T10:00:00.000Z',
    avatarUrl: null,
    createdAt: '2026-10-01T10:00:00.000Z',
    accountType: 'membre',
    pendingAccountType: null,
    ...over,
  };
}
