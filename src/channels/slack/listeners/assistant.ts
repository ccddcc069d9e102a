/**
 * Slack's assistant surface: a new chat with Wijkwijs, or the user moving to another channel while it
 * is open, gets the suggested prompts that fit (the core decides which). Messages in such a chat are
 * DM thread messages and answered in messages.ts.
 */
import { suggestedPrompts } from '../../../assistant/suggested-prompts.ts';
import { assistantThreadEventSchema, envelopeSchema } from '../payloads.ts';
import { slackPlace, slackUserId, type Register } from '../respond.ts';

export const register: Register = (app, { ctx }) => {
  const offerPrompts = async ({ event, body, client }: { event: unknown; body: unknown; client: import('@slack/web-api').WebClient }) => {
    const parsed = assistantThreadEventSchema.safeParse(event);
    if (!parsed.success) return;
    const thread = parsed.data.assistant_thread;
    const workspaceId = envelopeSchema.parse(body).team_id;
    try {
      const place = thread.context.channel_id ? slackPlace(thread.context.team_id ?? workspaceId, thread.context.channel_id) : undefined;
      const { title, prompts } = await suggestedPrompts(ctx, { userId: slackUserId(workspaceId, thread.user_id), place });
      await client.assistant.threads.setSuggestedPrompts({ channel_id: thread.channel_id, thread_ts: thread.thread_ts, title, prompts });
      ctx.logger.info({ channel: 'slack', event: parsed.data.type, prompts: prompts.length }, 'slack assistant prompts set');
    } catch (error) {
      ctx.logger.warn({ err: error }, 'slack assistant prompts not set');
    }
  };
  app.event('assistant_thread_started', offerPrompts);
  app.event('assistant_thread_context_changed', offerPrompts);
};
