/** Events as the calendar tests make them. */
import { expect } from 'chai';
import { api } from './http';
import type { TestServer } from './server';

const DAY = 86_400_000;

/** An ISO date `d` days (and `h` hours) from now. */
export const inDays = (d: number, h = 0) => new Date(Date.now() + d * DAY + h * 3_600_000).toISOString();

/** A valid body for POST /api/groups/:id/events, a week from now, with `o` over it. */
export const eventBody = (o: Record<string, unknown> = {}) => ({
  title: 'Atelier inclusion numérique',
  description: 'Deux heures de pratique.',
  startsAt: inDays(7),
  endsAt: inDays(7, 2),
  location: 'Mairie de Lyon',
  ...o,
});

/** Creates an event in a group as `organiser` (expects 201) and answers it. */
export async function createEvent(s: TestServer, organiser: { token: string }, groupId: number, o: Record<string, unknown> = {}) {
  const res = await api(s.url, { token: organiser.token }).post(`/api/groups/${groupId}/events`, eventBody(o));
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body;
}
