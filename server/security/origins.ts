/** The origins a browser page of ours may come from: PUBLIC_URL's, and the host the request was sent to. */
export function allowedOrigin(origin: string, publicUrl: string, host: string | undefined, protocol = 'http'): boolean {
  if (origin === new URL(publicUrl).origin) return true;
  return !!host && (origin === `${protocol}://${host}` || origin === `https://${host}`);
}
