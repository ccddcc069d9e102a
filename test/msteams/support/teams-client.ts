/**
 * Teams as the client in flow tests: people, team channels, messages and card clicks as Teams sends
 * them to /api/messages (each answered before the call returns), and what the bot posted to the
 * connector stand-in because of them. Every click is built from a card the bot actually posted.
 */
import { expect } from 'vitest';
import type { Context } from '../../../src/assistant/context.ts';
import { activity, BOT, type Recorded, type StandInConnector } from './connector.ts';

export interface Person {
  id: string;
  name: string;
  aadObjectId: string;
}
export const person = (key: string, name: string): Person => ({ id: `29:${key}`, name, aadObjectId: `aad-${key}` });
export const userIdOf = (p: Person) => `teams:${p.aadObjectId}`;

export interface Place {
  /** The Microsoft Teams team and its channel. */
  msTeamsTeam: string;
  channel: string;
  /** The Wijkwijs team it is linked to. */
  team: string;
}
export const place = (key: string): Place => ({ msTeamsTeam: `19:team-${key}@thread.tacv2`, channel: `19:kanaal-${key}@thread.tacv2`, team: `tt-${key}` });

export type Where = { personal: true } | { place: Place; thread?: string };

export type Action = { type: string; title: string; verb?: string; data: { actionId: string; value?: string }; associatedInputs?: string };
export const cardOf = (call: { body: any } | undefined): any => call?.body?.attachments?.find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
export const actionsOf = (card: any): Action[] => (card?.actions ?? []) as Action[];
export const inputsOf = (card: any): any[] => (card?.body ?? []).filter((b: any) => String(b.type).startsWith('Input.'));
export const textOf = (call: Recorded | undefined) => `${call?.body?.text ?? ''}\n${JSON.stringify(cardOf(call)?.body ?? [])}`;

export function findAction(card: any, actionId: string, title?: RegExp): Action {
  const found = actionsOf(card).find((a) => a.data.actionId === actionId && (!title || title.test(a.title)));
  if (!found) throw new Error(`no ${actionId} on the card: ${JSON.stringify(actionsOf(card).map((a) => [a.data.actionId, a.title]))}`);
  expect(found.type).toBe('Action.Execute');
  return found;
}

/**
 * The data Teams sends for an Action.Execute: the action's data plus every input of the card, with the
 * values the user typed or picked (a pick must be one of the card's choices).
 */
export function submitData(card: any, action: Action, typed: Record<string, string> = {}): Record<string, unknown> {
  const data: Record<string, unknown> = { ...action.data };
  if (action.associatedInputs === 'none') return data;
  for (const input of inputsOf(card)) {
    const name = String(input.id).replace(/^field\./, '');
    const value = name in typed ? typed[name]! : input.value;
    if (input.type === 'Input.ChoiceSet' && value) expect(input.choices.map((c: any) => c.value)).toContain(value);
    if (value !== undefined) data[input.id] = String(value);
  }
  for (const name of Object.keys(typed)) expect(inputsOf(card).map((i) => i.id)).toContain(`field.${name}`);
  return data;
}

export interface Click {
  /** The invoke response: a card that replaces the clicked one, or a short message. */
  body: { statusCode: number; type: string; value: any };
  /** What the bot posted or updated because of the click. */
  posted: Recorded[];
}

/** A Teams client against the served app (`url`, `settled`) and the connector stand-in. */
export function teamsClient(connector: StandInConnector, served: () => { url: string; settled(): Promise<void> }, ctx: () => Context) {
  /** Each person's personal chat with the bot: the one they opened by installing the app, or the one the bot opened. */
  const chats = new Map<string, string>();
  const personalChat = (p: Person) => chats.get(p.id) ?? `a:personal-${p.aadObjectId}`;
  async function chatOpenedByBot(p: Person): Promise<string> {
    const [row] = await ctx().db.sql.query<{ conversation_id: string }>(`SELECT conversation_id FROM msteams_conversation WHERE kind = 'personal' AND user_id = $1`, [userIdOf(p)]);
    expect(row?.conversation_id).toMatch(/^19:new-/);
    chats.set(p.id, row!.conversation_id);
    return row!.conversation_id;
  }

  let sequence = 0;
  function fieldsFor(from: Person, where: Where): Record<string, unknown> {
    if ('personal' in where) {
      return { from, conversation: { id: personalChat(from), conversationType: 'personal', tenantId: 'tenant-1' }, channelData: { tenant: { id: 'tenant-1' } } };
    }
    const root = where.thread ?? `root-${++sequence}`;
    return {
      from,
      conversation: { id: `${where.place.channel};messageid=${root}`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
      channelData: { team: { id: where.place.msTeamsTeam }, channel: { id: where.place.channel }, tenant: { id: 'tenant-1' } },
    };
  }

  /** Posts as Teams does and waits until the bot has answered (messages are answered after the acknowledgement). */
  async function post(body: unknown): Promise<Response> {
    const response = await fetch(`${served().url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    await served().settled();
    return response;
  }

  const messagesSince = (start: number) => connector.calls.slice(start).filter((c) => c.body?.type === 'message');

  /**
   * Sends a message as Teams does (a mention in a channel) and returns what the bot posted because of
   * it. `mentions`: colleagues @-mentioned in the text as `<at>Name</at>`, with their entities.
   */
  async function say(from: Person, text: string, where: Where = { personal: true }, mentions: Person[] = []): Promise<Recorded[]> {
    const start = connector.calls.length;
    const inChannel = 'place' in where;
    const id = `msg-${++sequence}`;
    const people = mentions.map((p) => ({ type: 'mention', text: `<at>${p.name}</at>`, mentioned: { id: p.id, name: p.name, aadObjectId: p.aadObjectId } }));
    await post(
      activity(connector.url, {
        id,
        ...fieldsFor(from, inChannel ? { ...where, thread: where.thread ?? id } : where),
        text: inChannel ? `<at>Wijkwijs</at> ${text}` : text,
        entities: [...(inChannel ? [{ type: 'mention', text: '<at>Wijkwijs</at>', mentioned: BOT }] : []), ...people],
      }),
    );
    return messagesSince(start);
  }

  /** Installs the app in a person's personal scope: Teams then sends a conversationUpdate with the bot added. */
  async function installPersonally(p: Person): Promise<void> {
    await post(activity(connector.url, { type: 'conversationUpdate', membersAdded: [BOT], ...fieldsFor(p, { personal: true }) }));
  }

  /**
   * Someone added to a Microsoft Teams team, as Teams tells the bot: to the team itself (a person) or
   * to one of its channels (the bot, when the app is installed there).
   */
  async function membersAdded(where: Place, from: Person, members: unknown[], inChannel = false): Promise<void> {
    const conversationId = inChannel ? where.channel : where.msTeamsTeam;
    await post(
      activity(connector.url, {
        type: 'conversationUpdate',
        membersAdded: members,
        from,
        conversation: { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
        channelData: { team: { id: where.msTeamsTeam }, ...(inChannel ? { channel: { id: where.channel } } : {}), eventType: 'teamMemberAdded', tenant: { id: 'tenant-1' } },
      }),
    );
  }

  /** Installs the app in a team channel and lets the team's admin link it. */
  async function linkPlace(where: Place, admin: Person): Promise<void> {
    await membersAdded(where, admin, [BOT], true);
    const [linked] = await say(admin, `koppel ${where.team}`, { place: where });
    expect(linked!.body.text).toMatch(new RegExp(`gekoppeld aan team ${where.team}`));
  }

  /** An Action.Execute click as Teams sends it: an adaptiveCard/action invoke from where the card is. */
  async function click(from: Person, card: any, action: Action, where: Where, typed: Record<string, string> = {}, replyToId?: string): Promise<Click> {
    const start = connector.calls.length;
    const data = submitData(card, action, typed);
    const response = await post(
      activity(connector.url, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        ...fieldsFor(from, where),
        ...(replyToId ? { replyToId } : {}),
        value: { action: { type: 'Action.Execute', verb: action.verb, data }, trigger: 'manual' },
      }),
    );
    const body = await response.json();
    expect(body.statusCode).toBe(200);
    return { body, posted: connector.calls.slice(start).filter((c) => c.body?.type === 'message') };
  }

  /** The card in an invoke response, or the one posted to that person's chat when the bot moved it there. */
  const inPersonal = (c: Click, p: Person) => c.posted.filter((m) => m.conversationId === personalChat(p) && m.method === 'POST');
  const inChannel = (calls: Recorded[], where: Place) => calls.filter((m) => m.conversationId === where.channel && m.method === 'POST' && !m.activityId);
  const updatesOf = (activityId: string | undefined, since = 0) => connector.calls.slice(since).filter((c) => c.method === 'PUT' && c.activityId === activityId);

  return { personalChat, chatOpenedByBot, post, say, messagesSince, installPersonally, membersAdded, linkPlace, click, inPersonal, inChannel, updatesOf };
}
