import Router from '@koa/router';
import type { Deps } from '../../deps';
import { invalidPayload } from '../../errors';
import { parseInput } from '../../validation';
import { figuresPeriodSchema } from '../../protocol/hotline';
import { requireAccess, requireUser } from '../middleware/auth';
import { canWorkTheDesk } from '../../access/hotline';
import type { AppState } from '../context';
import { figuresCsv, hotlineFigures, type Period } from '../../services/hotline/figures';
import { HOTLINE_CALENDAR, localParts, zonedTime } from '../../services/hotline/working-hours';

const DAY = 86_400_000;
/** Midnight (Paris time) starting a local day given as AAAA-MM-JJ, or `days` after it. */
function parisMidnight(day: string, days = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(y, m - 1, d) + days * DAY);
  return new Date(zonedTime(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate(), 0, HOTLINE_CALENDAR.timeZone));
}

const todayInParis = () => {
  const p = localParts(Date.now(), HOTLINE_CALENDAR.timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
};

/**
 * The period of `?from=&to=`: days are Paris days and `to` is included (the
 * whole day); exact instants are taken as they are. Default: the last 30 days.
 */
export function parsePeriod(query: unknown): Period {
  const q = parseInput(figuresPeriodSchema, query);
  const dayOnly = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
  const to = q.to ? (dayOnly(q.to) ? parisMidnight(q.to, 1) : new Date(q.to)) : parisMidnight(todayInParis(), 1);
  const from = q.from ? (dayOnly(q.from) ? parisMidnight(q.from) : new Date(q.from)) : new Date(to.getTime() - 30 * DAY);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    throw invalidPayload('Date invalide.', { fields: { from: 'Date invalide.' } });
  if (from >= to)
    throw invalidPayload('La date de début doit précéder la date de fin.', {
      fields: { from: 'La date de début doit précéder la date de fin.' },
    });
  if (to.getTime() - from.getTime() > 5 * 366 * DAY)
    throw invalidPayload('Période trop longue (5 ans au plus).', { fields: { to: 'Période trop longue (5 ans au plus).' } });
  return { from, to };
}

/** Figures for hotline staff and admins, as JSON or as a CSV download. */
export function hotlineFigureRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/hotline' });
  router.use(requireUser(), requireAccess(canWorkTheDesk));

  router.get('/figures', async (ctx) => {
    ctx.body = await hotlineFigures(deps.db, parsePeriod(ctx.query));
  });

  router.get('/figures.csv', async (ctx) => {
    const period = parsePeriod(ctx.query);
    const csv = figuresCsv(await hotlineFigures(deps.db, period));
    const name = `hotline-${period.from.toISOString().slice(0, 10)}-${new Date(period.to.getTime() - 1).toISOString().slice(0, 10)}.csv`;
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="${name}"`);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.body = csv;
  });

  return router;
}
