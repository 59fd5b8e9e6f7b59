import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../errors';

/**
 * A named budget of attempts per key over a window (rate-limiter-flexible,
 * in memory: each node counts its own, which bounds a brute force per node).
 */
export class AttemptLimiter {
  private limiter: RateLimiterMemory;

  constructor(points: number, windowSeconds: number) {
    this.limiter = new RateLimiterMemory({ points, duration: windowSeconds });
  }

  /** Spends one attempt; throws rate_limited (429) when the budget is gone. */
  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (res) {
      if (res instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
      throw res;
    }
  }

  /** Throws rate_limited without spending, if the budget is already gone. */
  async check(key: string, points: number): Promise<void> {
    const res = await this.limiter.get(key);
    if (res && res.consumedPoints >= points) throw rateLimited(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
  }

  /** Attempts already spent in the current window (0 when none). */
  async used(key: string): Promise<number> {
    const res = await this.limiter.get(key);
    return res?.consumedPoints ?? 0;
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}
