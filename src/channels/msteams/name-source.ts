/**
 * Teams as a source of names: the member's entry in a conversation roster (TeamsInfo.getMember, the
 * connector's GET /v3/conversations/{id}/members/{member}), looked up in the person's own chat with
 * Wijkwijs or else in a team channel the bot is in. Teams knows members by their AAD object id.
 */
import { TeamsInfo, type ConversationReference } from 'botbuilder';
import type { Context } from '../../assistant/context.ts';
import type { NameSource } from '../../people/people-directory.ts';
import { MSTEAMS_USER_PREFIX } from './activity.ts';
import type { Poster } from './proactive.ts';
import { channelConversations, personalConversation, type StoredConversation } from './store.ts';

export function msTeamsNameSource(ctx: Context, poster: Poster): NameSource {
  return {
    prefix: MSTEAMS_USER_PREFIX,
    async fetchName(userId) {
      const memberId = userId.slice(MSTEAMS_USER_PREFIX.length);
      const personal = await personalConversation(ctx.db, userId);
      const places = [...(personal ? [personal] : []), ...(await channelConversations(ctx.db))];
      for (const place of places) {
        const name = await rosterName(poster, place, memberId).catch(() => undefined);
        if (name) return name;
      }
      return undefined;
    },
  };
}

async function rosterName(poster: Poster, place: StoredConversation, memberId: string): Promise<string | undefined> {
  let name: string | undefined;
  await poster.adapter.continueConversationAsync(poster.appId, place.reference as ConversationReference, async (tc) => {
    name = (await TeamsInfo.getMember(tc, memberId)).name || undefined;
  });
  return name;
}
