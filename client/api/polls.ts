/** Polls (GET /api/polls/:id, PUT/DELETE …/vote, POST …/close, …/results.csv) and « Suggestions » (/api/suggestions). */
import type {
  NewSuggestion,
  Poll,
  Suggestion,
  SuggestionListQuery,
  SuggestionPage,
  SuggestionStatusBody,
  SuggestionVoteAnswer,
} from '../../server/protocol/index.js';
import type { Http } from './http.js';

export type { Poll, PollOption, PollUpdate, NewPoll, Suggestion, SuggestionPage, SuggestionStatus } from '../../server/protocol/index.js';

export function pollsApi(http: Http) {
  const p = (id: number) => `/api/polls/${id}`;
  return {
    get: (postId: number) => http.get<Poll>(p(postId)),
    vote: (postId: number, optionIds: number[]) => http.put<Poll>(`${p(postId)}/vote`, { optionIds }),
    withdraw: (postId: number) => http.delete<Poll>(`${p(postId)}/vote`),
    close: (postId: number) => http.post<Poll>(`${p(postId)}/close`),
    /** The results as a spreadsheet (a plain link: the browser downloads it with the session cookie). */
    csvUrl: (postId: number) => `${p(postId)}/results.csv`,
  };
}

export function suggestionsApi(http: Http) {
  const s = (id: number) => `/api/suggestions/${id}`;
  return {
    list: (q: SuggestionListQuery) => http.get<SuggestionPage>('/api/suggestions', { query: { ...q } }),
    get: (id: number) => http.get<Suggestion>(s(id)),
    propose: (body: NewSuggestion) => http.post<Suggestion>('/api/suggestions', body),
    vote: (id: number, on: boolean) =>
      on ? http.put<SuggestionVoteAnswer>(`${s(id)}/vote`) : http.delete<SuggestionVoteAnswer>(`${s(id)}/vote`),
    decide: (id: number, body: SuggestionStatusBody) => http.post<Suggestion>(`${s(id)}/status`, body),
    remove: (id: number) => http.delete<void>(s(id)),
  };
}

export type PollsApi = ReturnType<typeof pollsApi>;
export type SuggestionsApi = ReturnType<typeof suggestionsApi>;
