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
  user_name: z.string().optional(),
  channel_id: z.string(),
  trigger_id: z.string().optional(),
});

/** block_actions: who clicked what, where. */
export const blockActionSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string(), team_id: z.string().optional(), name: z.string().optional() }),
  team: z.object({ id: z.string() }).nullable().optional(),
  trigger_id: z.string().optional(),
  channel: z.object({ id: z.string() }).optional(),
  container: z
    .object({ message_ts: z.string().optional(), thread_ts: z.string().optional(), is_ephemeral: z.boolean().optional(), channel_id: z.string().optional() })
    .partial()
    .optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).partial().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
  response_url: z.string().optional(),
});

/**
 * assistant_thread_started and assistant_thread_context_changed: a chat with Wijkwijs in Slack's
 * assistant surface, and the channel the user was looking at (its context) when it opened or moved.
 */
export const assistantThreadEventSchema = z.object({
  type: z.enum(['assistant_thread_started', 'assistant_thread_context_changed']),
  assistant_thread: z.object({
    user_id: z.string(),
    channel_id: z.string(),
    thread_ts: z.string(),
    context: z.object({ channel_id: z.string().optional(), team_id: z.string().optional() }).partial().default({}),
  }),
});

/** A message shortcut ("Vraag Wijkwijs hierover"): the message it was used on, and where. */
export const messageShortcutSchema = z.object({
  type: z.literal('message_action'),
  callback_id: z.string(),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
  team: z.object({ id: z.string() }).nullable().optional(),
  channel: z.object({ id: z.string() }),
  user: z.object({ id: z.string(), team_id: z.string().optional(), name: z.string().optional() }),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional(), text: z.string().default('') }),
});

/** member_joined_channel: someone joined a channel the bot is in. */
export const memberJoinedSchema = z.object({
  type: z.literal('member_joined_channel'),
  user: z.string(),
  channel: z.string(),
  team: z.string().optional(),
});

/** Where Wijkwijs posted a message of its own, kept by the messenger to update it later. */
export const messageRefSchema = z.object({ channel: z.string(), ts: z.string() });
export type BlockAction = z.infer<typeof blockActionSchema>;

/**
 * One input's state in a view_submission: plain_text_input and number_input send `value`,
 * static_select `selected_option`, datepicker `selected_date`, timepicker `selected_time` (null when empty).
 */
const inputStateSchema = z.object({
  type: z.string().optional(),
  value: z.string().nullable().optional(),
  selected_option: z.object({ value: z.string() }).nullable().optional(),
  selected_date: z.string().nullable().optional(),
  selected_time: z.string().nullable().optional(),
});

export const viewPayloadSchema = z.object({
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  team: z.object({ id: z.string() }).nullable().optional(),
  view: z.object({
    callback_id: z.string(),
    private_metadata: z.string().default(''),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), inputStateSchema)) }).optional(),
  }),
});

export const formMetadataSchema = z.object({
  formId: z.string(),
  submitId: z.string(),
  cancelId: z.string().optional(),
  channel: z.string(),
  threadTs: z.string().optional(),
  /** The team the form belongs to (of the linked channel or the notification it came from). */
  teamId: z.string().optional(),
  /** The message whose button opened the form, for a reply that replaces it. */
  sourceTs: z.string().optional(),
});

// A modal opened before the rating was kept in it was always for a 👎.
export const feedbackMetadataSchema = z.object({ answerId: z.string(), rating: z.enum(['up', 'down']).default('down'), channel: z.string(), threadTs: z.string().optional() });

export const replyActionValueSchema = z.object({ id: z.string(), value: z.string().optional() });

/** Reads the modal inputs back by the block ids the renderer gave them. */
export function viewValues(view: z.infer<typeof viewPayloadSchema>['view'], prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [blockId, inputs] of Object.entries(view.state?.values ?? {})) {
    if (!blockId.startsWith(prefix)) continue;
    const input = inputs.value;
    out[blockId.slice(prefix.length)] = input?.value ?? input?.selected_option?.value ?? input?.selected_date ?? input?.selected_time ?? '';
  }
  return out;
}

/** The Slack user (U…/W…) of a core user id `slack:<workspace>:<user>`; undefined for anyone else. */
export function slackUserOf(userId: string): string | undefined {
  return /^slack:[A-Z0-9]+:([UW][A-Z0-9]+)$/.exec(userId)?.[1];
}
