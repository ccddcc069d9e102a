/** Safety around Slack: externally shared channels, and a Bolt logger that leaks no text. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../lib/logger.ts';

export const EXTERNAL_CHANNEL_TEXT =
  'Dit kanaal is gedeeld met een andere organisatie. Daarom beantwoord ik hier geen vragen uit de kennis van het team. Stuur me je vraag in een direct bericht.';

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
