/**
 * What every channel (Slack, Teams, the web chat) puts in front of the core: one limit on questions
 * per user and one gate on answers made at once, shared by all channels of a process, so a burst in
 * one channel cannot starve the others or the health check.
 */
import type { Context } from '../../assistant/context.ts';

/**
 * A sliding window per user. Kept in memory: with several processes a user may get a little more,
 * which is fine for a limit meant to stop loops and floods, not to bill anyone.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  take(key: string, now = Date.now()): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return true;
  }

  private prune(now: number): void {
    for (const [key, times] of this.hits) if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
  }
}

/**
 * Lets at most `limit` answers be made at once, first come first served. With the embedded PGlite
 * (one session, queries that never yield to I/O) and no model, answers made side by side all finish
 * at the end of the burst and hold up everything else the process serves (acknowledgements, the
 * health check); one at a time, with a turn of the event loop in between, the first asker is
 * answered first and any other request waits at most for one answer.
 */
export class AnswerGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      setImmediate(() => {
        const next = this.waiting.shift();
        if (next) next();
        else this.active--;
      });
    }
  }
}

export interface ChannelGuard {
  limiter: RateLimiter;
  gate: AnswerGate;
}

const guards = new WeakMap<Context, ChannelGuard>();

/** The one guard of this process's context, made on first use. */
export function channelGuard(ctx: Context): ChannelGuard {
  let guard = guards.get(ctx);
  if (!guard) {
    // A model answer waits on the network, so many can be made at once; offline answers on the
    // embedded database are pure CPU in this process and go best one after another.
    const concurrent = ctx.chatModel ? 16 : ctx.db.kind === 'pglite' ? 1 : 4;
    guard = { limiter: new RateLimiter(ctx.config.questionsPerMinute, 60_000), gate: new AnswerGate(concurrent) };
    guards.set(ctx, guard);
  }
  return guard;
}

/**
 * Lets waiting I/O run first: an in-process PGlite resolves query after query as microtasks and never
 * yields to the event loop, so without this, requests arriving during an answer (and their
 * acknowledgements) would wait for it.
 */
export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export const RATE_LIMITED_TEXT =
  'Rustig aan 🙂 Je hebt in korte tijd veel vragen gesteld. Wacht een minuutje en stel je vraag dan opnieuw; zo blijft Wijkwijs snel voor het hele team.';

/** Takes the place of the status message (or the streamed text) when the answer could not be made. */
export const ANSWER_FAILED_TEXT = 'Sorry, het lukte me niet om je vraag te beantwoorden: er ging iets mis aan mijn kant. Stel je vraag zo gerust nog een keer.';
