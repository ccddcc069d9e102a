/**
 * The database part of /healthz, answered without queueing behind the answers being made: the
 * embedded PGlite is one session, so a probe query waits for every query queued before it, and an
 * answer on it holds the event loop until it is done. A check therefore reports the last probe at
 * once and starts the next one in the background; waiting for it (even briefly) would let the next
 * answer start first. A failed probe is reported by the next check; a probe that has not come back
 * within `stallMs` means the database is stuck. Only the very first check waits for its probe.
 */
export interface DatabaseHealthOptions {
  /** How long a successful probe counts as proof. */
  freshMs?: number;
  /** How long a probe may take before the database counts as stuck. */
  stallMs?: number;
}

export class DatabaseHealth {
  private lastOkAt = 0;
  private lastFailedAt = 0;
  private pending: { since: number; done: Promise<void> } | undefined;
  private readonly freshMs: number;
  private readonly stallMs: number;

  constructor(
    private readonly probe: () => Promise<unknown>,
    options: DatabaseHealthOptions = {},
  ) {
    this.freshMs = options.freshMs ?? 5000;
    this.stallMs = options.stallMs ?? 5000;
  }

  async healthy(): Promise<boolean> {
    const { done } = (this.pending ??= this.startProbe());
    if (this.lastOkAt === 0 && this.lastFailedAt === 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, this.stallMs)))]);
      clearTimeout(timer);
    }
    const now = Date.now();
    if (this.lastFailedAt > this.lastOkAt) return false;
    if (this.pending && now - this.pending.since >= this.stallMs) return false;
    return now - this.lastOkAt <= this.freshMs;
  }

  private startProbe() {
    const since = Date.now();
    const done = this.probe().then(
      () => void (this.lastOkAt = Date.now()),
      () => void (this.lastFailedAt = Date.now()),
    );
    const pending = { since, done: done.finally(() => (this.pending = undefined)) };
    return pending;
  }
}
