/** The onboarding flow through the web chat's HTTP API: start, form submit, buttons, notifications, lead view. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/assistant/reply.ts';
import { startWebServer, WEB_USER_ID, type RunningServer } from '../../src/channels/web/server.ts';
import { FEATURE_JOBS } from '../../src/features.ts';
import { runDueJobs } from '../../src/jobs/run-due-jobs.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext } from '../support/context.ts';
import { postReply } from '../support/post-reply.ts';

const clock = new ManualClock('2026-03-02T07:00:00Z'); // Monday 08:00 in Amsterdam
let ctx: Awaited<ReturnType<typeof createTestContext>>;
let server: RunningServer;

beforeAll(async () => {
  ctx = await createTestContext({ PORT: '0', WIJKWIJS_DEFAULT_TEAM: 'team-web' }, undefined, clock);
  await ensureMember(ctx.db.prisma, { teamId: 'team-web', userId: WEB_USER_ID, displayName: 'Lokale gebruiker', role: 'lead' });
  await ensureMember(ctx.db.prisma, { teamId: 'team-web', userId: 'web:collega', displayName: 'Carla Collega' });
  server = await startWebServer(ctx);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await ctx?.close();
});

const post = (route: string, body: unknown): Promise<Reply> => postReply(server.url, `/api/${route}`, body);
const notifications = async (): Promise<{ id: string; reply: Reply }[]> => (await (await fetch(`${server.url}/api/notifications`)).json()).notifications;

describe('onboarding in the web chat', () => {
  it('starts with /onboarding start, runs on buttons and shows the lead view', async () => {
    const start = await post('chat', { text: '/onboarding start' });
    expect(start.form?.fields.map((f) => f.kind)).toEqual(['date', 'time']);
    expect(start.form?.fields[0]!.value).toBe('2026-03-02');

    const started = await post('action', { actionId: start.form!.submit.id, value: start.form!.id, fields: { startDate: '2026-03-02', nudgeTime: '09:30' } });
    expect(started.text).toMatch(/maandag 2 maart 2026/);
    expect(started.text).toMatch(/Carla Collega/);
    expect((await notifications()).some((n) => /Je buddy is \*\*Carla Collega\*\*/.test(n.reply.text))).toBe(true);

    clock.set('2026-03-02T08:30:00Z');
    await runDueJobs(ctx, FEATURE_JOBS);
    const nudge = (await notifications()).at(-1)!.reply;
    expect(nudge.text).toMatch(/Module 1 van \d+/);
    const next = nudge.actions.find((a) => a.id === 'onboarding.next')!;
    const part2 = await post('action', { actionId: next.id, value: next.value });
    expect(part2.text).toMatch(/deel 2 van/);

    const later = part2.actions.find((a) => a.id === 'onboarding.later')!;
    expect((await post('action', { actionId: later.id, value: later.value })).text).toMatch(/dinsdag 3 maart 2026 09:30/);

    const status = await post('chat', { text: '/onboarding status' });
    expect(status.text).toMatch(/Lokale gebruiker/);
    expect(status.text).toMatch(/module 1 van \d+/);
    expect(status.text).toMatch(/buddy: Carla Collega/);

    const bad = await fetch(`${server.url}/api/action`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ actionId: 'onboarding.next', value: 'bestaat-niet' }) });
    expect(bad.status).toBe(404);
    expect((await bad.json()).error.message).toMatch(/bestaat niet/);
  });
});
