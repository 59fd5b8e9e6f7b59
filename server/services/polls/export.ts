import type { Knex } from 'knex';
import { forbidden } from '../../errors';
import { spreadsheetCsv } from '../../csv';
import type { UserRow } from '../../db/users';
import { getPoll } from './polls';

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

/**
 * GET /api/polls/:id/results.csv: what the viewer sees of the results, as a
 * spreadsheet: the tally, then (named polls only) who chose what. An
 * anonymous poll's file holds counts alone, for everyone.
 */
export async function pollResultsCsv(db: Knex, actor: UserRow, postId: number): Promise<{ filename: string; body: string }> {
  const poll = await getPoll(db, actor, postId);
  if (!poll.resultsVisible)
    throw forbidden(
      poll.resultsVisibility === 'after_close'
        ? 'Les résultats seront visibles à la clôture du sondage.'
        : 'Les résultats sont visibles une fois que vous avez voté.',
    );
  const total = poll.voterCount;
  const rows: string[][] = [
    ['Sondage', poll.question],
    ['État', poll.closed ? `Clos${poll.closedAt ? ` le ${dateTime.format(new Date(poll.closedAt))}` : ''}` : 'En cours'],
    ['Participants', String(total)],
    ['Vote', poll.anonymous ? 'Anonyme' : 'Nominatif'],
    [],
    ['Option', 'Voix', 'Part des participants'],
    ...poll.options.map((o) => [
      o.label,
      String(o.votes ?? 0),
      total ? `${((100 * (o.votes ?? 0)) / total).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %` : '0 %',
    ]),
  ];
  if (!poll.anonymous) {
    rows.push([], ['Membre', 'Choix']);
    for (const o of poll.options) for (const v of o.voters ?? []) rows.push([v.displayName, o.label]);
  }
  return { filename: `sondage-${poll.postId}-resultats.csv`, body: spreadsheetCsv(rows) };
}
