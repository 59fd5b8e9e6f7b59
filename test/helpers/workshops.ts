/** Events with several sessions as the workshop tests make them. */
import { inDays } from './events';
import { textsSentTo } from './booking';

/** A valid body for POST /api/events: a public workshop in `groupId` with two sessions of 3 places, `o` over it. */
export const workshopBody = (groupId: number, o: Record<string, unknown> = {}) => ({
  groupId,
  title: 'Atelier « Créer son entreprise »',
  description: 'Les étapes de la création, du statut au financement.',
  access: 'public',
  placeName: 'Maison de l’entreprise',
  street: '10 rue de la République',
  postalCode: '69001',
  communeCode: '69381',
  contactName: 'Claire Martin',
  contactEmail: 'contact@example.org',
  contactPhone: '04 72 00 00 00',
  contactWebsite: 'https://example.org',
  price: 'gratuit',
  eventType: 'atelier',
  projectSize: 'seul',
  departmentCodes: ['69'],
  sessions: [
    { startsAt: inDays(10), endsAt: inDays(10, 2), capacity: 3 },
    { startsAt: inDays(17), endsAt: inDays(17, 2), capacity: 3 },
  ],
  ...o,
});

/** A visitor's registration body (without the anti-robot answer). */
export const visitor = (sessionId: number, i: number, o: Record<string, unknown> = {}) => ({
  sessionId,
  name: `Visiteur ${i}`,
  email: `visiteur${i}@example.org`,
  consent: true,
  ...o,
});

/** The cancel link of the last registration mail to `to`, and its secret. */
export function cancelLinkSentTo(outboxDir: string, to: string): { link: string; token: string } {
  const text = textsSentTo(outboxDir, to)
    .filter((t) => t.includes('/mon-inscription#'))
    .pop();
  const m = text && /(https?:\/\/\S+\/mon-inscription#([\w-]+))/.exec(text);
  if (!m) throw new Error(`no cancel link sent to ${to}`);
  return { link: m[1]!, token: m[2]! };
}
