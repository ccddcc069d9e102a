/** Event listeners other than messages: the once-only check of every event, members joining, the App Home. */
import { handleMemberJoined } from '../../../assistant/handle-turn.ts';
import { channelLink } from '../../../teams/channel-links.ts';
import { yieldToIo } from '../../shared/guard.ts';
import { homeView } from '../home.ts';
import { envelopeSchema, memberJoinedSchema } from '../payloads.ts';
import { slackPlace, slackUserId, type Register } from '../respond.ts';
import { claimEvent } from '../store.ts';

export const register: Register = (app, { ctx }) => {
  // Slack retries an event it believes we missed (X-Slack-Retry-Num); the event id makes it run once.
  app.use(async ({ body, next }) => {
    await yieldToIo();
    const envelope = envelopeSchema.safeParse(body);
    if (envelope.success && envelope.data.event_id && !(await claimEvent(ctx.db, envelope.data.event_id))) {
      ctx.logger.info({ eventId: envelope.data.event_id }, 'slack event already handled');
      return;
    }
    await next();
  });

  // Someone joins a linked channel: features may welcome them (onboarding).
  app.event('member_joined_channel', async ({ event, body, client, context }) => {
    const parsed = memberJoinedSchema.safeParse(event);
    if (!parsed.success || parsed.data.user === context.botUserId) return;
    const e = parsed.data;
    const workspaceId = envelopeSchema.parse(body).team_id;
    try {
      const teamId = (await channelLink(ctx.db, slackPlace(workspaceId, e.channel)))?.teamId;
      if (!teamId) return;
      const info = await client.users.info({ user: e.user }).catch(() => undefined);
      if (info?.user?.is_bot) return;
      const userName = info?.user?.profile?.display_name || info?.user?.real_name || info?.user?.name || undefined;
      await handleMemberJoined(ctx, { channel: 'slack', teamId, userId: slackUserId(workspaceId, e.user), userName });
      ctx.logger.info({ teamId, channel: 'slack' }, 'slack member joined');
    } catch (error) {
      ctx.logger.error({ err: error }, 'slack member joined failed');
    }
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const workspaceId = envelopeSchema.parse(body).team_id;
    try {
      await client.views.publish({ user_id: event.user, view: (await homeView(ctx, slackUserId(workspaceId, event.user))) as never });
    } catch (error) {
      ctx.logger.warn({ err: error }, 'slack home not published');
    }
  });

  app.error(async (error) => {
    ctx.logger.error({ err: error }, 'slack listener failed');
  });
};
