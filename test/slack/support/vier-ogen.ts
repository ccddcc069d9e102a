/** Asking a vier-ogen check the way a coach does in Slack, for the tests that need one asked. */
import { expect } from 'vitest';
import type { SlackCall } from './fake-slack.ts';
import { featureButton, field, formButton, modalOf, type createDriver } from './flow-helpers.ts';
import { dm } from './slack-app.ts';

/**
 * /vierogen in `channel` → modal → anonymised text to check → confirm; returns the DM to the
 * colleague asked (one of `colleagues`).
 */
export async function requestCheck(
  slack: ReturnType<typeof createDriver>,
  input: { requester: string; channel: string; colleagues: string[]; indication: string },
): Promise<{ reviewer: string; ask: SlackCall }> {
  await slack.command(input.requester, input.channel, '/vierogen');
  const modal = await slack.next('views.open', modalOf(/^Vier-ogen check aanvra/));
  expect(field(modal, 'expertise').element.type).toBe('static_select');
  expect(field(modal, 'deadline').element.type).toBe('datepicker');
  await slack.submit(input.requester, modal, { indication: input.indication });
  const check = await slack.next('chat.postEphemeral', (a) => a.user === input.requester && /Zo krijgt je collega de vraag te zien/.test(a.text));
  await slack.click(input.requester, check, formButton(check));
  const confirm = await slack.next('views.open', modalOf(/^Vier-ogen check control/));
  expect(field(confirm, 'text').element.initial_value).not.toMatch(/Jansen/);
  await slack.submit(input.requester, confirm, {});
  const ask = await slack.next('chat.postMessage', (a) => a.channel.startsWith('D') && /vraagt je om een vier-ogen check/.test(a.text));
  await slack.next('chat.postEphemeral', (a) => a.user === input.requester && /^Verstuurd/.test(a.text));
  const reviewer = input.colleagues.find((u) => dm(u) === ask.args.channel);
  expect(reviewer).toBeDefined();
  expect(ask.args.text).not.toMatch(/Jansen/);
  expect(['vierogen.agree', 'vierogen.disagree', 'vierogen.pass'].map((id) => featureButton(ask, id).text.text)).toEqual(['Akkoord', 'Niet akkoord', 'Ik pas']);
  return { reviewer: reviewer!, ask };
}
