/** Mentions as the client reads them (the server decides who is notified). */

/** True when the body names me (`@me`, or `@channel` and its synonyms). */
export function mentionsUser(body: string, username: string | undefined): boolean {
  if (!username) return false;
  const names = [...body.matchAll(/(^|[^\p{L}\p{N}_@.])@([a-z0-9][a-z0-9._-]{1,29}[a-z0-9])/giu)].map((x) => x[2]!.toLowerCase());
  return names.some((n) => n === username.toLowerCase() || n === 'channel' || n === 'all' || n === 'here' || n === 'everyone');
}
