// The targets, read off a run's results. Reported, never asserted:
// a missed target is a finding for docs/performance.md, not a failed run.

/** One target of the issue with what this run measured. */
export interface Target {
  what: string;
  target: string;
  measured: number | string | null;
  met: boolean | null;
}

const get = (o: any, ...keys: (string | number)[]) => keys.reduce((v, k) => (v == null ? v : v[k]), o);

/** Each target of the issue that this run measured. */
export function targets(results: Record<string, any>): Target[] {
  const out: Target[] = [];
  for (const f of results.fanout?.runs ?? []) {
    const met = f.members === 1000 && f.ratio !== null ? f.ratio >= 0.8 : null;
    out.push({
      what: `fan-out ${f.members} members: hub ÷ relay max sustainable deliveries/s (p99 < 100 ms)`,
      target: '≥ 0.8 (with 1 000)',
      measured: f.ratio,
      met,
    });
  }
  const c = results.connections;
  if (c && !c.skipped) {
    out.push({
      what: `connections: ${c.count} members on one node, errors`,
      target: '0 (with 10 000)',
      measured: c.hub.failed,
      met: c.count >= 10_000 ? c.hub.failed === 0 : null,
    });
    out.push({
      what: 'connections: RSS per connection, hub ÷ relay',
      target: '≤ 1.5',
      measured: c.rssPerConnRatio,
      met: c.rssPerConnRatio === null ? null : c.rssPerConnRatio <= 1.5,
    });
  }
  const d = results.durable;
  if (d) {
    const v = get(d, 'hub', 'ackedPerSec');
    out.push({
      what: `durable sends (${d.database}): acked messages/s`,
      target: '≥ 5 000 on SQLite',
      measured: v,
      met: d.database === 'sqlite' ? v >= 5000 : null,
    });
    out.push({
      what: 'durable sends: rows in the database = acks',
      target: 'equal',
      measured: `${get(d, 'hub', 'rowsInDatabase')} rows / ${get(d, 'hub', 'acked')} acks`,
      met: !!get(d, 'hub', 'rowsEqualAcks'),
    });
  }
  const h = results.history;
  if (h) {
    for (const k of ['rest', 'sync'] as const) {
      const p99 = get(h, 'hub', k, 'p99');
      out.push({
        what: `history ${k === 'rest' ? 'GET /api/channels/:id/messages' : 'channel:sync'} at ${h.messages} messages: p99 (ms)`,
        target: '< 5 (at 1 000 000)',
        measured: p99,
        met: h.messages >= 1_000_000 ? p99 < 5 : null,
      });
    }
  }
  const t = results.twonodes;
  if (t && !t.skipped) {
    const v = get(t, 'hub', 'secondNodeP50AddedMs');
    out.push({
      what: 'two nodes: p50 added by the second node (ms, worst sustainable step)',
      target: '≤ 5',
      measured: v,
      met: v === null ? null : v <= 5,
    });
  }
  const r = results.reports;
  if (r) {
    const full = r.options?.reports >= 1_000_000;
    out.push({
      what: `reports (${r.database}): personal dashboard, one month, p95 (ms) at ${r.options?.reports} reports`,
      target: '< 50 (at 1 000 000)',
      measured: r.personalMonth?.p95,
      met: full ? r.personalMonth?.p95 < 50 : null,
    });
    out.push({
      what: `reports (${r.database}): national dashboard, one year, p95 (ms) at ${r.options?.reports} reports`,
      target: '< 500 (at 1 000 000)',
      measured: r.nationalYear?.p95,
      met: full ? r.nationalYear?.p95 < 500 : null,
    });
  }
  const nl = results.newsletter;
  if (nl && nl.mailsPerSecond !== undefined) {
    out.push({
      what: `newsletter (${nl.database}): mails handed to the transport per second, ${nl.recipients} subscribers (${nl.transport})`,
      target: '> 200 with 20 000',
      measured: nl.mailsPerSecond,
      met: nl.recipients >= 20_000 ? nl.mailsPerSecond > 200 : null,
    });
    out.push({
      what: 'newsletter: every subscriber handed once (rows sent = recipients = mails)',
      target: 'equal',
      measured: `${nl.rowsMarkedSent} rows / ${nl.recipients} recipients / ${nl.handedToTransport} mails`,
      met: nl.rowsMarkedSent === nl.recipients && nl.handedToTransport === nl.recipients,
    });
  }
  const sr = results.search;
  if (sr) {
    const full = sr.options?.messages >= 1_000_000 && sr.options?.posts >= 100_000;
    for (const [key, label] of [
      ['messagesPage', 'a page of messages'],
      ['overview', 'the overview of every type'],
    ] as const) {
      out.push({
        what: `search (${sr.database}): ${label}, p95 (ms) at ${sr.options?.messages} messages and ${sr.options?.posts} posts, while ${sr.arrivals?.achievedPerSecond} messages/s arrive`,
        target: '< 100 (at 1 000 000 messages, 100 000 posts, 200 messages/s)',
        measured: sr[key]?.p95,
        met: full ? sr[key]?.p95 < 100 : null,
      });
    }
  }
  return out;
}

/**
 * What makes the harness itself broken (used by `smoke`): no deliveries, failed
 * connections, rows that do not match the acks. Never a timing.
 */
export function harnessProblems(results: Record<string, any>): string[] {
  const p: string[] = [];
  for (const f of results.fanout?.runs ?? []) {
    for (const sys of ['hub', 'relay'].filter((k) => f[k])) {
      const steps = get(f, sys, 'steps') ?? [];
      if (!steps.length || !steps.some((s: any) => s.delivered > 0)) p.push(`fanout ${f.members}: ${sys} delivered nothing`);
      if (steps.some((s: any) => s.outOfOrder > 0 || s.duplicates > 0)) p.push(`fanout ${f.members}: ${sys} delivered out of order`);
      if (steps[0]?.lost > 0) p.push(`fanout ${f.members}: ${sys} lost messages at the lightest step`);
    }
  }
  const d = results.durable;
  if (d) {
    for (const sys of ['hub', 'relay'].filter((k) => d[k]))
      if (!(get(d, sys, 'acked') > 0) || !(get(d, sys, 'listenerDeliveries') > 0)) p.push(`durable: ${sys} acked or delivered nothing`);
    if (!get(d, 'hub', 'rowsEqualAcks')) p.push('durable: rows in the database differ from the acks');
    if (!get(d, 'hub', 'seqGapFree')) p.push('durable: seqs have gaps');
  }
  const c = results.connections;
  if (c)
    for (const sys of ['hub', 'relay'].filter((k) => c[k]))
      if (get(c, sys, 'failed') !== 0 || !(get(c, sys, 'sockets') > 0)) p.push(`connections: ${sys} had failures`);
  const h = results.history;
  if (h) {
    for (const sys of ['hub', 'relay'].filter((k) => h[k])) {
      for (const k of ['rest', 'sync']) {
        if (!(get(h, sys, k, 'n') > 0) || Object.keys(get(h, sys, k, 'errors') ?? {}).length)
          p.push(`history: ${sys} ${k} failed: ${JSON.stringify(get(h, sys, k, 'errors'))}`);
      }
    }
  }
  const t = results.twonodes;
  if (t && !t.skipped) {
    for (const sys of ['hub', 'relay'].filter((k) => t[k])) {
      const steps = get(t, sys, 'steps') ?? [];
      if (!steps.some((s: any) => (get(s, 'byNode', 'A', 'n') ?? 0) > 0 && (get(s, 'byNode', 'B', 'n') ?? 0) > 0))
        p.push(`twonodes: ${sys} did not deliver on both nodes`);
    }
  }
  return p;
}
