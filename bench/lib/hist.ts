// Latency histogram in milliseconds, mergeable across processes: 0.01 ms buckets
// below 10 ms, 0.1 ms below 1 s, 10 ms below 120 s, one overflow bucket.
const FINE = 1000; // [0, 10) ms
const MID = 9900; // [10, 1000) ms
const COARSE = 11900; // [1000, 120000) ms
const SIZE = FINE + MID + COARSE + 1;

function index(ms: number): number {
  if (!(ms > 0)) return 0;
  if (ms < 10) return Math.floor(ms * 100);
  if (ms < 1000) return FINE + Math.floor((ms - 10) * 10);
  if (ms < 120_000) return FINE + MID + Math.floor((ms - 1000) / 10);
  return SIZE - 1;
}

/** The upper edge of a bucket: percentiles never look better than they were. */
function upper(i: number): number {
  if (i < FINE) return (i + 1) / 100;
  if (i < FINE + MID) return 10 + (i - FINE + 1) / 10;
  if (i < SIZE - 1) return 1000 + (i - FINE - MID + 1) * 10;
  return Infinity;
}

/** What travels over IPC: counts, plus exact count, max and sum. */
export interface HistData {
  counts: Uint32Array;
  n: number;
  max: number;
  sum: number;
}

/** A latency histogram (ms). */
export class Hist {
  counts = new Uint32Array(SIZE);
  n = 0;
  max = 0;
  sum = 0;

  add(ms: number): void {
    this.counts[index(ms)]!++;
    this.n++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  merge(o: HistData): this {
    for (let i = 0; i < SIZE; i++) this.counts[i]! += o.counts[i]!;
    this.n += o.n;
    this.sum += o.sum;
    if (o.max > this.max) this.max = o.max;
    return this;
  }

  data(): HistData {
    return { counts: this.counts, n: this.n, max: this.max, sum: this.sum };
  }

  /** The p-th percentile (0–100), in ms; null when empty. */
  pct(p: number): number | null {
    if (!this.n) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * this.n));
    let seen = 0;
    for (let i = 0; i < SIZE; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(upper(i), this.max);
    }
    return this.max;
  }

  /** p50/p95/p99/max (and mean), rounded to 0.01 ms. */
  summary(): { n: number; p50: number | null; p95: number | null; p99: number | null; max: number | null; mean: number | null } {
    const r = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
    return {
      n: this.n,
      p50: r(this.pct(50)),
      p95: r(this.pct(95)),
      p99: r(this.pct(99)),
      max: r(this.n ? this.max : null),
      mean: r(this.n ? this.sum / this.n : null),
    };
  }

  static from(parts: HistData[]): Hist {
    const h = new Hist();
    for (const p of parts) h.merge(p);
    return h;
  }
}

/** A wall-clock time in ms with sub-millisecond precision, comparable across processes of one machine. */
export const nowMs = (): number => performance.timeOrigin + performance.now();
