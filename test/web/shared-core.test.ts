/**
 * What the web chat gets from the core like every other channel: "Vraag een collega" under an answer
 * and "Opgelost" on the request, the one question limit, and a health check that does not wait
 * behind the single embedded database session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTurn } from '../../src/assistant/handle-turn.ts';
import type { Reply } from '../../src/assistant/reply.ts';
import { startWebServer, WEB_USER_ID, type RunningServer } from '../../src/channels/web/server.ts';
import { DatabaseHealth } from '../../src/channels/web/database-health.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { openDatabase } from '../../src/lib/db.ts';
import { deleteUserData } from '../../src/data-protection/delete-user-data.ts';
import { OPERATOR } from '../../src/teams/authorise.ts';
import { placeKey, saveChannelLink } from '../../src/teams/channel-links.ts';
import { createTeam } from '../../src/teams/create-team.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext, repoRoot } from '../support/context.ts';
import { postReply } from '../support/post-reply.ts';

const TEAM = 'web-core';
let ctx: Awaited<ReturnType<typeof createTestContext>>;
let server: RunningServer;

beforeAll(async () => {
  ctx = await createTestContext({ PORT: '0', WIJKWIJS_DEFAULT_TEAM: TEAM, WIJKWIJS_QUESTIONS_PER_MINUTE: '4' });
  await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge/handboek`] });
  await createTeam(ctx.db.prisma, OPERATOR, { id: TEAM, name: 'Web' });
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: WEB_USER_ID });
  server = await startWebServer(ctx);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await ctx?.close();
});

// Every question in this file counts against the one limit of the web user, so the file keeps count.
let questionsAsked = 0;
async function ask(text: string): Promise<Reply> {
  questionsAsked++;
  return postReply(server.url, '/api/chat', { text });
}
/** What /overzicht lists for the web user, asked of the core directly (a command, not a question to limit). */
const overview = async () => (await handleTurn(ctx, { channel: 'web', userId: WEB_USER_ID, audience: 'private', text: '/overzicht' })).text;

const notifications = async () =>
  ((await (await fetch(`${server.url}/api/notifications`)).json()) as { notifications: { id: string; teamId: string | null; reply: Reply }[] }).notifications;

describe('"Vraag een collega" in the web chat', () => {
  it('is offered under an answer, refused while the team has no channel, and then posted for the team and closed', async () => {
    const answer = await ask('Hoe lang heb ik om de hulpvraag te verkennen?');
    const offer = answer.actions.find((a) => a.id === 'handoff.request');
    expect(offer).toMatchObject({ label: expect.stringMatching(/Vraag een collega/), value: answer.answerId });

    const refused = await fetch(`${server.url}/api/action`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ actionId: offer!.id, value: offer!.value }) });
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.message).toMatch(/nog geen gekoppeld kanaal/);

    await saveChannelLink(ctx.db, placeKey('msteams', '19:webcore@thread.tacv2'), TEAM);
    const sent = await postReply(server.url, '/api/action', { actionId: offer!.id, value: offer!.value });
    expect(sent.text).toMatch(/kanaal van team web-core/);
    const again = await postReply(server.url, '/api/action', { actionId: offer!.id, value: offer!.value });
    expect(again.text).toMatch(/staat al uit/);
    const waiting = await overview();
    expect(waiting).toMatch(/Vraag een collega: je vraag van \w+ \d+ \w+ \d{4} staat nog open: Hoe lang heb ik om de hulpvraag te verkennen\?/);

    const request = (await notifications()).find((n) => n.teamId === TEAM && /zoekt een collega/.test(n.reply.text));
    expect(request?.reply.text).toContain('Hoe lang heb ik om de hulpvraag te verkennen?');
    const resolve = request!.reply.actions.find((a) => a.id === 'handoff.resolve')!;
    const resolved = await postReply(server.url, '/api/action', { actionId: resolve.id, value: resolve.value, teamId: TEAM });
    expect(resolved).toMatchObject({ replacesSource: true, text: expect.stringMatching(/Opgelost door/) });
    const after = (await notifications()).find((n) => n.id === request!.id);
    expect(after?.reply.actions).toEqual([]);
    expect((await notifications()).some((n) => n.teamId === null && /als opgelost gemarkeerd/.test(n.reply.text))).toBe(true);
    expect(await ctx.db.prisma.handoff.findUniqueOrThrow({ where: { id: resolve.value } })).toMatchObject({ status: 'resolved', resolvedBy: WEB_USER_ID });
    expect(await overview()).not.toMatch(/Vraag een collega/);

    // Erasing the asker takes the posted request (with their name in it) along.
    await deleteUserData(ctx.db.prisma, OPERATOR, { userId: WEB_USER_ID });
    expect(await ctx.db.prisma.notification.count({ where: { key: { startsWith: 'handoff:' } } })).toBe(0);
    await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: WEB_USER_ID });
  });
});

describe('the shared guard', () => {
  it('limits questions per minute in the web chat too, with a Dutch 429', async () => {
    const statuses: number[] = [];
    let last: { error: { message: string } } | undefined;
    // Four per minute in all, the questions of other tests in this file included: the fifth is refused.
    const allowed = 4 - questionsAsked;
    for (let i = 0; i <= allowed; i++) {
      const response = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: `Wat zijn de kernwaarden? (${i})` }) });
      statuses.push(response.status);
      last = await response.json();
    }
    expect(statuses).toEqual([...Array(allowed).fill(200), 429]);
    expect(last!.error.message).toMatch(/Rustig aan/);
  });
});

describe('/healthz', () => {
  it('answers at once while the database session is busy, and reports a database that is gone', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // A transaction holds the one PGlite session, as a long answer does: queries queue behind it.
    let release!: () => void;
    const held = ctx.db.sql.transaction(() => new Promise<void>((resolve) => (release = resolve)));
    try {
      const started = performance.now();
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(500);
    } finally {
      release();
      await held;
    }
  });

  it('tells a closed database by the next check, and a stuck one once its probe is overdue', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    const closing = new DatabaseHealth(() => db.sql.query('SELECT 1'));
    expect(await closing.healthy()).toBe(true);
    await db.close();
    await closing.healthy(); // answers from the last probe and starts one on the closed database
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await closing.healthy()).toBe(false);

    let probes = 0;
    const stuck = new DatabaseHealth(() => (probes++ === 0 ? Promise.resolve() : new Promise(() => undefined)), { stallMs: 200 });
    expect(await stuck.healthy()).toBe(true);
    expect(await stuck.healthy()).toBe(true); // the second probe hangs, the first is recent enough
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await stuck.healthy()).toBe(false);
  });
});
