/** The name of the HttpOnly session cookie (set at login, read by REST and by the hub's handshake). */
export const SESSION_COOKIE = 'maillage_session';

/** The session token in a Cookie header, if any. */
export function cookieToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join('='));
  }
  return undefined;
}
