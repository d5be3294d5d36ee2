/**
 * Restart delays after server crashes: doubling from `initialMs` up to `maxMs`; a server that stayed up for
 * `stableMs` is considered healthy again and the next crash starts from `initialMs`. After `maxAttempts` crashes in a
 * row (none of them stable), `next` answers undefined: stop and tell the user.
 */
export class Backoff {
  private attempts = 0;
  private startedAt = 0;

  constructor(readonly initialMs = 1000, readonly maxMs = 30000, readonly stableMs = 60000, readonly maxAttempts = 8) {}

  /** Call when the server has started. */
  started(now: number): void { this.startedAt = now; }

  /** Call when the server has crashed: the delay before restarting, or undefined to give up. */
  next(now: number): number | undefined {
    if (this.startedAt > 0 && now - this.startedAt >= this.stableMs) this.attempts = 0;
    if (this.attempts >= this.maxAttempts) return undefined;
    const delay = Math.min(this.maxMs, this.initialMs * 2 ** this.attempts);
    this.attempts++;
    return delay;
  }

  reset(): void { this.attempts = 0; this.startedAt = 0; }
  get crashes(): number { return this.attempts; }
}
