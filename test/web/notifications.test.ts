/** The web chat's API for the assistant's own messages and for buttons in them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature } from '../../src/assistant/context.ts';
import { notice } from '../../src/assistant/feature-kit.ts';
import type { Turn } from '../../src/assistant/reply.ts';
import { startWebServer, WEB_USER_ID, type RunningServer } from '../../src/channels/web/server.ts';
import { FEATURES } from '../../src/features.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext } from '../support/context.ts';

let ctx: Awaited<ReturnType<typeof createTestContext>>;
let server: RunningServer;
const turns: Turn[] = [];

const TEST_FEATURE: Feature = {
  actionPrefix: 'webapi',
  onAction: async (_ctx, turn) => {
    turns.push(turn);
    return notice(turn, 'Gezien.');
  },
};

beforeAll(async () => {
  ctx = await createTestContext({ PORT: '0' }, undefined, undefined, [...FEATURES, TEST_FEATURE]);
  server = await startWebServer(ctx);
  await ensureMember(ctx.db.prisma, { teamId: ctx.config.defaultTeam, userId: WEB_USER_ID });
  await ensureMember(ctx.db.prisma, { teamId: 'team-tweede', userId: WEB_USER_ID });
  await ensureMember(ctx.db.prisma, { teamId: 'team-vreemd', userId: 'slack:T1:UANDER' });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await ctx?.close();
});

const say = (text: string) => notice({ channel: 'web', userId: 'system' }, text);
const list = async (since?: string) => {
  const response = await fetch(`${server.url}/api/notifications${since ? `?since=${encodeURIComponent(since)}` : ''}`);
  return { status: response.status, body: await response.json() };
};

describe('GET /api/notifications', () => {
  it("returns the messages for the web user and their teams, not another team's or another user's", async () => {
    const start = new Date(Date.now() - 1000).toISOString();
    await ctx.messenger.send({ to: { teamId: ctx.config.defaultTeam }, reply: say('Agenda voor het teamoverleg.'), key: 'web.agenda' });
    await ctx.messenger.send({ to: { teamId: 'team-vreemd' }, reply: say('Alleen voor een ander team.') });
    await ctx.messenger.send({ to: { userId: WEB_USER_ID }, reply: say('Persoonlijke herinnering.') });
    await ctx.messenger.send({ to: { userId: 'slack:T1:UANDER' }, reply: say('Voor een andere collega.') });

    const { status, body } = await list(start);
    expect(status).toBe(200);
    const texts = body.notifications.map((n: any) => n.reply.text);
    expect(texts).toEqual(['Agenda voor het teamoverleg.', 'Persoonlijke herinnering.']);
    expect(body.notifications[0]).toMatchObject({ teamId: ctx.config.defaultTeam, reply: { mode: 'notice' } });
    expect(body.notifications[0].id).toBeTruthy();
  });

  it('returns an updated message again under the same id, and nothing older than "since"', async () => {
    const first = await list(new Date(Date.now() - 60_000).toISOString());
    const agenda = first.body.notifications.find((n: any) => n.reply.text.startsWith('Agenda'));
    const newest = first.body.notifications.at(-1).updatedAt;
    expect((await list(newest)).body.notifications).toEqual([]);

    await new Promise((r) => setTimeout(r, 5));
    await ctx.messenger.send({ to: { teamId: ctx.config.defaultTeam }, reply: say('Agenda bijgewerkt.'), key: 'web.agenda' });
    const after = await list(newest);
    expect(after.body.notifications).toHaveLength(1);
    expect(after.body.notifications[0]).toMatchObject({ id: agenda.id, reply: { text: 'Agenda bijgewerkt.' } });
  });

  it('refuses a "since" that is not a moment, in Dutch', async () => {
    const { status, body } = await list('gisteren');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/tijdstip/);
  });
});

describe('POST /api/action from a notification', () => {
  const act = (teamId?: string) =>
    fetch(`${server.url}/api/action`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ actionId: 'webapi.seen', value: 'x', teamId }) });

  it("acts for the message's team when the web user is a member of it, else for the default team", async () => {
    expect((await act('team-tweede')).status).toBe(200);
    expect(turns.at(-1)).toMatchObject({ channel: 'web', userId: WEB_USER_ID, teamId: 'team-tweede', action: { id: 'webapi.seen', value: 'x' } });
    expect((await act('team-vreemd')).status).toBe(200);
    expect(turns.at(-1)!.teamId).toBe(ctx.config.defaultTeam);
    await act();
    expect(turns.at(-1)!.teamId).toBe(ctx.config.defaultTeam);
  });
});
