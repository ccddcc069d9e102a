/** Slack as a source of names (users.info, scope users:read): the display name people chose, else their full name. */
import type { WebClient } from '@slack/web-api';
import type { NameSource } from '../../people/people-directory.ts';
import { slackUserOf } from './payloads.ts';

export function slackNameSource(client: WebClient): NameSource {
  return {
    prefix: 'slack:',
    async fetchName(userId) {
      const user = slackUserOf(userId);
      if (!user) return undefined;
      const info = await client.users.info({ user });
      const profile = info.user?.profile;
      return profile?.display_name || profile?.real_name || info.user?.real_name || info.user?.name || undefined;
    },
  };
}
