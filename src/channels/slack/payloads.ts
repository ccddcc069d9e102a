/**
 * The parts of Slack's payloads Wijkwijs reads, checked with zod at the boundary (Bolt types them
 * loosely; a field Slack leaves out must not become "undefined" in a database key).
 */
import { z } from 'zod';

/** app_mention and message events (message.im, message.channels, message.groups, message.mpim). */
export const messageEventSchema = z.object({
  type: z.enum(['app_mention', 'message']),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().default(''),
  ts: z.string(),
  thread_ts: z.string().optional(),
  channel: z.string(),
  channel_type: z.string().optional(),
  /** The user's own workspace; differs from the app's in a DM with someone from another organisation. */
  user_team: z.string().optional(),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

export const envelopeSchema = z.object({
  team_id: z.string(),
  event_id: z.string().optional(),
  is_ext_shared_channel: z.boolean().optional(),
});

export const commandSchema = z.object({
  command: z.string(),
  text: z.string().default(''),
  team_id: z.string(),
  user_id: z.string(),
  channel_id: z.string(),
  trigger_id: z.string().optional(),
});

/** block_actions: who clicked what, where. */
export const blockActionSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  team: z.object({ id: z.string() }).nullable().optional(),
  trigger_id: z.string().optional(),
  channel: z.object({ id: z.string() }).optional(),
  container: z
    .object({ message_ts: z.string().optional(), thread_ts: z.string().optional(), is_ephemeral: z.boolean().optional(), channel_id: z.string().optional() })
    .partial()
    .optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).partial().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});
export type BlockAction = z.infer<typeof blockActionSchema>;

export const viewPayloadSchema = z.object({
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  team: z.object({ id: z.string() }).nullable().optional(),
  view: z.object({
    callback_id: z.string(),
    private_metadata: z.string().default(''),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullable().optional() }))) }).optional(),
  }),
});

export const formMetadataSchema = z.object({
  formId: z.string(),
  submitId: z.string(),
  cancelId: z.string().optional(),
  channel: z.string(),
  threadTs: z.string().optional(),
});

export const feedbackMetadataSchema = z.object({ answerId: z.string(), channel: z.string(), threadTs: z.string().optional() });

export const replyActionValueSchema = z.object({ id: z.string(), value: z.string().optional() });

/** Reads the modal inputs back by the block ids the renderer gave them. */
export function viewValues(view: z.infer<typeof viewPayloadSchema>['view'], prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [blockId, inputs] of Object.entries(view.state?.values ?? {})) {
    if (!blockId.startsWith(prefix)) continue;
    out[blockId.slice(prefix.length)] = inputs.value?.value ?? '';
  }
  return out;
}
