/** Safety around Slack: rate limits, externally shared channels, and a Bolt logger that leaks no text. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../lib/logger.ts';

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

export const RATE_LIMITED_TEXT =
  'Rustig aan 🙂 Je hebt in korte tijd veel vragen gesteld. Wacht een minuutje en stel je vraag dan opnieuw; zo blijft Wijkwijs snel voor het hele team.';

export const EXTERNAL_CHANNEL_TEXT =
  'Dit kanaal is gedeeld met een andere organisatie. Daarom beantwoord ik hier geen vragen uit de kennis van het team. Stuur me je vraag in een direct bericht.';

/** Takes the place of the "Even zoeken…" status when the answer could not be made. */
export const ANSWER_FAILED_TEXT = 'Sorry, het lukte me niet om je vraag te beantwoorden: er ging iets mis aan mijn kant. Stel je vraag zo gerust nog een keer.';

const SHARED_CACHE_MS = 10 * 60 * 1000;

/**
 * Whether a channel is shared with another organisation (Slack Connect). The event envelope says so
 * when it can (`is_ext_shared_channel`); otherwise conversations.info is asked, and remembered a while.
 * When Slack cannot tell us, we refuse: leaking team knowledge is worse than one unanswered question.
 */
export class SharedChannels {
  private readonly cache = new Map<string, { external: boolean; at: number }>();

  async isExternal(client: WebClient, channelId: string, hint?: boolean): Promise<boolean> {
    if (typeof hint === 'boolean') return hint;
    const cached = this.cache.get(channelId);
    if (cached && Date.now() - cached.at < SHARED_CACHE_MS) return cached.external;
    let external = true;
    try {
      const info = await client.conversations.info({ channel: channelId });
      const channel = info.channel as { is_ext_shared?: boolean; is_pending_ext_shared?: boolean } | undefined;
      external = Boolean(channel?.is_ext_shared || channel?.is_pending_ext_shared);
    } catch {
      external = true;
    }
    this.cache.set(channelId, { external, at: Date.now() });
    return external;
  }
}

/**
 * Bolt logs request bodies at debug level and may quote them in warnings. Only warnings and errors
 * pass, and only their plain-string parts, cut short: never a payload with message text.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const strings = (msg: unknown[]) =>
    msg
      .filter((m): m is string => typeof m === 'string')
      .join(' ')
      .slice(0, 200);
  let level = LogLevel.WARN;
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...msg: unknown[]) => logger.warn({ source: 'bolt', detail: strings(msg) }, 'slack warning'),
    error: (...msg: unknown[]) => logger.error({ source: 'bolt', detail: strings(msg) }, 'slack error'),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * Lets at most `limit` answers be made at once, first come first served. With the embedded PGlite
 * (one session, queries that never yield to I/O) and no model, answers made side by side all finish
 * at the end of the burst and hold up the acknowledgements of new requests; one at a time, with a
 * turn of the event loop in between, the first asker is answered first and every request is
 * acknowledged within one answer's time.
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
