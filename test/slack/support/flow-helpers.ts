/**
 * Driving whole feature flows through the Slack stand-in: find the buttons the bot posted, click
 * them as Slack would (block_actions), fill in the modals it opened (view_submission in Slack's
 * state format), and wait for what the bot posts next.
 */
import { expect } from 'vitest';
import { messageTs, postCommand, postInteraction, viewSubmissionPayload, WORKSPACE, type FakeSlack, type SlackCall } from './fake-slack.ts';

export type Button = { action_id: string; value: string; text: { text: string } };

export function buttonsOf(call: SlackCall): Button[] {
  return ((call.args.blocks ?? []) as any[]).flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]).filter((e) => e.type === 'button');
}

/** A feature's button (wijkwijs.act:<n>) by the core action id it carries, optionally by its label. */
export function featureButton(call: SlackCall, actionId: string, label?: RegExp): Button {
  const found = buttonsOf(call).find((b) => {
    if (!b.action_id.startsWith('wijkwijs.act')) return false;
    const value = JSON.parse(b.value) as { id: string; value?: string };
    return value.id === actionId && (!label || label.test(b.text.text));
  });
  if (!found) throw new Error(`no ${actionId} button in: ${call.args.text}`);
  return found;
}

export const coreValue = (b: Button) => (JSON.parse(b.value) as { id: string; value?: string }).value ?? '';

/** The button that opens a form as a modal (from a reply, or from a message Wijkwijs sent itself). */
export function formButton(call: SlackCall): Button {
  const found = buttonsOf(call).find((b) => b.action_id === 'wijkwijs.form.open' || b.action_id === 'wijkwijs.form.notification');
  if (!found) throw new Error(`no form button in: ${call.args.text}`);
  return found;
}

export function createDriver(slackApi: FakeSlack, url: () => string) {
  /** Where the calls of the current step start: waits look only at what came after. */
  let mark = 0;
  const step = () => {
    mark = slackApi.calls.length;
  };

  async function next(method: string, match: (args: Record<string, any>) => boolean = () => true, timeoutMs = 15_000): Promise<SlackCall> {
    const from = mark;
    let found: SlackCall | undefined;
    try {
      await slackApi.waitFor((calls) => (found = calls.slice(from).find((c) => c.method === method && match(c.args))) !== undefined, timeoutMs);
    } catch {
      const seen = slackApi.calls.slice(from).map((c) => `${c.method} ${c.args.channel ?? ''} ${String(c.args.text ?? '').slice(0, 160)}`);
      throw new Error(`no ${method} as expected; since the step the bot made:\n${seen.join('\n')}`);
    }
    return found!;
  }

  /** Nothing matching arrives after the mark (waits a little so a late call would be seen). */
  async function none(method: string, match: (args: Record<string, any>) => boolean = () => true): Promise<void> {
    await new Promise((r) => setTimeout(r, 300));
    expect(slackApi.calls.slice(mark).filter((c) => c.method === method && match(c.args))).toEqual([]);
  }

  async function command(user: string, channel: string, name: string, text = ''): Promise<Response> {
    step();
    const response = await postCommand(url(), { command: name, text, user_id: user, channel_id: channel, response_url: slackApi.responseUrl });
    expect(response.status).toBe(200);
    return response;
  }

  /** A click on a button of a message the bot posted (or an ephemeral one: then no message ts). */
  async function click(user: string, message: SlackCall, button: Button): Promise<void> {
    step();
    const ephemeral = message.method === 'chat.postEphemeral';
    const channel = message.args.channel as string;
    const ts = ephemeral ? message.result!.message_ts : (message.result!.ts as string);
    const response = await postInteraction(url(), {
      type: 'block_actions',
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: WORKSPACE },
      api_app_id: 'A0WIJKWIJS',
      token: 'legacy-verification-token',
      container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: ephemeral },
      trigger_id: `${Date.now()}.${Math.random().toString(36).slice(2)}.trigger`,
      team: { id: WORKSPACE, domain: 'wijkteam' },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'teamkanaal' },
      ...(ephemeral ? {} : { message: { type: 'message', ts, text: message.args.text, bot_id: 'BWIJK', blocks: message.args.blocks } }),
      state: { values: {} },
      response_url: slackApi.responseUrl,
      actions: [{ action_id: button.action_id, block_id: 'wijkwijs.actions', value: button.value, type: 'button', text: button.text, action_ts: messageTs() }],
    });
    expect(response.status).toBe(200);
  }

  /**
   * Submits a modal the bot opened. Values by field name; fields not given keep their initial
   * value. Each input's state is what Slack sends for its element type; a select value must be
   * one of the options the bot offered.
   */
  async function submit(user: string, opened: SlackCall, values: Record<string, string>): Promise<void> {
    step();
    const view = opened.args.view;
    const state: Record<string, Record<string, unknown>> = {};
    for (const block of (view.blocks as any[]).filter((b) => b.type === 'input')) {
      const [name, part] = (block.block_id as string).replace(/^field:/, '').split('#');
      const el = block.element;
      const given = name! in values && (part === undefined || part === '0') ? values[name!] : undefined;
      let input: Record<string, unknown>;
      switch (el.type) {
        case 'static_select': {
          const value = given ?? el.initial_option?.value;
          const option = value === undefined ? null : (el.options as any[]).find((o) => o.value === value);
          if (value !== undefined && !option) throw new Error(`${value} is not an option of ${name}`);
          input = { type: el.type, selected_option: option ?? null };
          break;
        }
        case 'datepicker':
          input = { type: el.type, selected_date: given ?? el.initial_date ?? null };
          break;
        case 'timepicker':
          input = { type: el.type, selected_time: given ?? el.initial_time ?? null };
          break;
        default:
          input = { type: el.type, value: given ?? el.initial_value ?? null };
      }
      state[block.block_id] = { [el.action_id]: input };
    }
    const response = await postInteraction(url(), viewSubmissionPayload(user, view, state));
    expect(response.status).toBe(200);
  }

  return { step, next, none, command, click, submit };
}

/** The input block of a modal field by name, with its element. */
export function field(opened: SlackCall, name: string): any {
  const block = (opened.args.view.blocks as any[]).find((b) => b.type === 'input' && (b.block_id === `field:${name}` || b.block_id === `field:${name}#0`));
  if (!block) throw new Error(`no field ${name} in the modal`);
  return block;
}

export const modalOf = (title: RegExp) => (a: Record<string, any>) => a.view?.callback_id === 'wijkwijs.form' && title.test(a.view?.title?.text ?? '');
