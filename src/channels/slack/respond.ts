/**
 * What every Slack listener shares: its dependencies, how Slack ids become core ids (users, places,
 * threads), and how a Reply goes out (a message, a private message, a modal, an error).
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Reply } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import type { SlackConfig } from '../../lib/config.ts';
import { toWijkwijsError } from '../../lib/errors.ts';
import { placeKey } from '../../teams/channel-links.ts';
import type { ChannelGuard } from '../shared/guard.ts';
import type { SharedChannels } from './guard.ts';
import { formModal, renderNotice, renderReply, type RenderOptions, type SlackMessage } from './render.ts';
import { saveForm } from './store.ts';

export interface SlackDeps {
  ctx: Context;
  config: SlackConfig;
  guard: ChannelGuard;
  shared: SharedChannels;
  /** A status message is posted (and later replaced) only when the answer takes longer than this. */
  statusAfterMs: number;
}

/** Each file under listeners/ registers the listeners of one kind. */
export type Register = (app: App, deps: SlackDeps) => void;

/** Where a message goes: a channel (and thread), and for a private reply the one user who sees it. */
export interface Target {
  channel: string;
  threadTs?: string;
  ephemeralUser?: string;
}

export const slackUserId = (workspaceId: string, userId: string) => `slack:${workspaceId}:${userId}`;

/** The core's name of a channel; a DM is no place (it belongs to no team). */
export function slackPlace(workspaceId: string, channel: string): string | undefined {
  return !channel || isDirect(channel) ? undefined : placeKey('slack', `${workspaceId}:${channel}`);
}

/** The core's name of a thread; a DM's main line (no thread ts) is one thread of its own. */
export const slackThread = (workspaceId: string, channel: string, threadTs: string) => `slack:${workspaceId}:${channel}:${threadTs}`;

export function isDirect(channel: string): boolean {
  return channel.startsWith('D');
}

/**
 * Where a private answer (to a command, a click or a form) goes: in a DM a normal message, so it stays
 * in the conversation (an ephemeral one there vanishes on reload, e.g. an onboarding step or a quiz);
 * in a channel only the user sees it. A DM the bot is not part of fails to post and falls back to the
 * command's response_url.
 */
export function formTarget(meta: { channel: string; threadTs?: string }, slackUser: string): Target {
  return isDirect(meta.channel) ? { channel: meta.channel, threadTs: meta.threadTs } : { channel: meta.channel, threadTs: meta.threadTs, ephemeralUser: slackUser };
}

export async function deliver(client: WebClient, target: Target, message: SlackMessage): Promise<void> {
  if (target.ephemeralUser) {
    await client.chat.postEphemeral({ channel: target.channel, user: target.ephemeralUser, thread_ts: target.threadTs, ...message });
  } else {
    await client.chat.postMessage({ channel: target.channel, thread_ts: target.threadTs, ...message });
  }
}

/** A WijkwijsError carries its Dutch message; anything else is logged (ids only) and apologised for. */
export async function deliverError(ctx: Context, client: WebClient, target: Target, error: unknown): Promise<void> {
  const e = toWijkwijsError(error);
  if (e.code === 'internal') ctx.logger.error({ err: error }, 'slack request failed');
  await deliver(client, target, renderNotice(e.userMessage)).catch((deliveryError: unknown) => ctx.logger.warn({ err: deliveryError }, 'slack error message not delivered'));
}

/**
 * A Reply's form is kept for its user until they click to open it (a modal needs that click); the
 * owner is `team:<id>` for a message the whole team channel sees.
 */
export async function renderWithForm(ctx: Context, reply: Reply, owner: string, opts: Omit<RenderOptions, 'formId'> = {}): Promise<SlackMessage> {
  const formId = reply.form ? await saveForm(ctx.db, owner, reply.form) : undefined;
  return renderReply(reply, { ...opts, formId });
}

export async function openForm(
  client: WebClient,
  triggerId: string,
  reply: Pick<Reply, 'form'>,
  where: { channel: string; threadTs?: string; sourceTs?: string; teamId?: string },
): Promise<void> {
  const form = reply.form!;
  const view = formModal(form, { formId: form.id, submitId: form.submit.id, cancelId: form.cancel?.id, ...where });
  await client.views.open({ trigger_id: triggerId, view: view as never });
}
