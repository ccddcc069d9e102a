import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/lib/config.ts';
import { openDatabase, type Db } from '../../src/lib/db.ts';
import { migrate } from '../../src/lib/migrate.ts';
import { purgeExpiredConversations } from '../../src/data-protection/purge-expired-conversations.ts';
import { UNCONFIRMED_DRAFT_HOURS as DRAFT_HOURS } from '../../src/assistant/feature-kit.ts';
import { countsByKind, purgeExpiredDrafts } from '../../src/data-protection/purge-expired-drafts.ts';
import { PURGE_EVERY_MS, startRetentionPurge } from '../../src/data-protection/start-retention-purge.ts';
import type { VierOgenStatus } from '../../src/generated/prisma/client.ts';
import { createTestContext } from '../support/context.ts';

let ctx: Awaited<ReturnType<typeof createTestContext>>;
const DAY = 86_400_000;
const now = new Date('2026-06-15T12:00:00Z');
const daysAgo = (days: number, extraMs = 0) => new Date(now.getTime() - days * DAY - extraMs);

/** A conversation last used at `updatedAt`, with two answers, the asker's feedback and a colleague's. */
async function conversation(db: Db, userId: string, updatedAt: Date): Promise<string> {
  const c = await db.prisma.conversation.create({ data: { channel: 'web', userId, createdAt: updatedAt, updatedAt } });
  for (const q of ['vraag 1', 'vraag 2']) {
    const a = await db.prisma.answer.create({ data: { conversationId: c.id, question: q, text: 'antwoord', mode: 'extractive', createdAt: updatedAt } });
    await db.prisma.feedback.create({ data: { answerId: a.id, userId, rating: 1 } });
    await db.prisma.feedback.create({ data: { answerId: a.id, userId: `${userId}-collega`, rating: -1 } });
  }
  return c.id;
}

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe('WIJKWIJS_RETENTION_DAYS', () => {
  it('defaults to 180 days and refuses nonsense', () => {
    expect(loadConfig({}, '/nonexistent/.env').retentionDays).toBe(180);
    expect(loadConfig({ WIJKWIJS_RETENTION_DAYS: '30' }, '/nonexistent/.env').retentionDays).toBe(30);
    for (const bad of ['0', '-5', 'veel', '1.5']) {
      expect(() => loadConfig({ WIJKWIJS_RETENTION_DAYS: bad }, '/nonexistent/.env')).toThrow(ConfigError);
    }
  });
});

describe('purgeExpiredConversations', () => {
  it('deletes conversations untouched for longer than the retention, with their answers and feedback, and nothing else', async () => {
    const old = await conversation(ctx.db, 'web:r-oud', daysAgo(400));
    const justOver = await conversation(ctx.db, 'web:r-net-te-oud', daysAgo(180, 1));
    const exactly = await conversation(ctx.db, 'web:r-precies', daysAgo(180));
    const recent = await conversation(ctx.db, 'web:r-recent', daysAgo(3));
    // An old conversation that was continued recently counts from its last use.
    const continued = await conversation(ctx.db, 'web:r-vervolgd', daysAgo(1));
    await ctx.db.prisma.answer.updateMany({ where: { conversationId: continued }, data: { createdAt: daysAgo(500) } });
    await ctx.db.prisma.auditEvent.create({ data: { actorId: 'web:r-oud', action: 'case.viewed', subjectType: 'document', subjectId: 'd1', at: daysAgo(400) } });
    // The thread that continued the old conversation goes with it; a hand-off of one of its answers
    // keeps its ids and status, no longer pointing at the answer.
    await ctx.db.prisma.conversationThread.create({ data: { threadKey: 'slack:T1:C1:1.1', userId: 'web:r-oud', conversationId: old } });
    const oldAnswer = await ctx.db.prisma.answer.findFirstOrThrow({ where: { conversationId: old } });
    const handoff = await ctx.db.prisma.handoff.create({ data: { teamId: 'team-r', answerId: oldAnswer.id, askerId: 'web:r-oud' } });

    const result = await purgeExpiredConversations(ctx.db, now, { retentionDays: 180 });
    expect(result).toEqual({ conversations: 2, answers: 4, feedback: 8, notifications: 0, jobs: 0 });
    const left = (await ctx.db.prisma.conversation.findMany({ select: { id: true } })).map((c) => c.id);
    expect(left).not.toContain(old);
    expect(left).not.toContain(justOver);
    expect(left).toEqual(expect.arrayContaining([exactly, recent, continued]));
    expect(await ctx.db.prisma.answer.count({ where: { conversationId: { in: [old, justOver] } } })).toBe(0);
    expect(await ctx.db.prisma.feedback.count({ where: { userId: { in: ['web:r-oud', 'web:r-oud-collega'] } } })).toBe(0);
    expect(await ctx.db.prisma.feedback.count({ where: { answer: { conversationId: recent } } })).toBe(4);
    // The audit trail has its own lifetime; conversation retention leaves it alone.
    expect(await ctx.db.prisma.auditEvent.count({ where: { actorId: 'web:r-oud' } })).toBe(1);
    expect(await ctx.db.prisma.conversationThread.count({ where: { conversationId: old } })).toBe(0);
    expect(await ctx.db.prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).toMatchObject({ answerId: null, status: 'open' });
  });

  it('is idempotent: a second run finds nothing', async () => {
    await conversation(ctx.db, 'web:r-tweede', daysAgo(300));
    expect((await purgeExpiredConversations(ctx.db, now, { retentionDays: 180 })).conversations).toBe(1);
    expect(await purgeExpiredConversations(ctx.db, now, { retentionDays: 180 })).toEqual({ conversations: 0, answers: 0, feedback: 0, notifications: 0, jobs: 0 });
  });

  it('follows the configured number of days', async () => {
    const id = await conversation(ctx.db, 'web:r-kort', daysAgo(8));
    await purgeExpiredConversations(ctx.db, now, { retentionDays: 10 });
    expect(await ctx.db.prisma.conversation.count({ where: { id } })).toBe(1);
    await purgeExpiredConversations(ctx.db, now, { retentionDays: 7 });
    expect(await ctx.db.prisma.conversation.count({ where: { id } })).toBe(0);
  });

  it('leaves case drafts to their own expiry', async () => {
    const old = await ctx.db.prisma.caseDraft.create({ data: { userId: 'web:r-d0', teamId: 't', text: 'x', createdAt: daysAgo(2), expiresAt: daysAgo(1) } });
    await purgeExpiredConversations(ctx.db, now, { retentionDays: 180 });
    expect(await ctx.db.prisma.caseDraft.count({ where: { id: old.id } })).toBe(1);
    await ctx.db.prisma.caseDraft.delete({ where: { id: old.id } });
  });
});

describe('case drafts', () => {
  it('are removed once expired, keeping those still waiting', async () => {
    await ctx.db.prisma.caseDraft.create({ data: { userId: 'web:r-d', teamId: 't', text: 'x', createdAt: daysAgo(2), expiresAt: daysAgo(1) } });
    const waiting = await ctx.db.prisma.caseDraft.create({ data: { userId: 'web:r-d', teamId: 't', text: 'y', createdAt: now, expiresAt: new Date(now.getTime() + DAY) } });
    expect(countsByKind(await purgeExpiredDrafts(ctx.db, ctx.features, now)).caseDrafts).toBe(1);
    expect((await ctx.db.prisma.caseDraft.findMany({ where: { userId: 'web:r-d' } })).map((d) => d.id)).toEqual([waiting.id]);
  });
});

describe('notifications and jobs', () => {
  const job = (key: string, status: string, finishedAt: Date | null, runAt = daysAgo(400)) =>
    ctx.db.prisma.job.create({ data: { kind: 'test.ping', key, status, finishedAt, runAt, payload: { userId: 'web:r-job' } } });

  it('deletes notifications not updated within the retention, and finished jobs older than it, nothing else', async () => {
    const n = (key: string, updatedAt: Date) => ctx.db.prisma.notification.create({ data: { key, userId: 'web:r-n', reply: { text: 'x' }, createdAt: daysAgo(400), updatedAt } });
    await n('r.n-old', daysAgo(181));
    await n('r.n-updated', daysAgo(2)); // created long ago, but still updated in place (an RSVP count)
    await ctx.db.prisma.notification.create({ data: { key: 'r.n-team-old', teamId: 'r-team', reply: { text: 'x' }, updatedAt: daysAgo(200) } });
    await job('r.j-done-old', 'done', daysAgo(181));
    await job('r.j-cancelled-old', 'cancelled', daysAgo(300));
    await job('r.j-failed-old', 'failed', daysAgo(200));
    await job('r.j-done-recent', 'done', daysAgo(10));
    // A pending job is work still to do, however long ago it was scheduled or far ahead it lies.
    await job('r.j-pending-old', 'pending', null);
    await job('r.j-running', 'running', null);

    const result = await purgeExpiredConversations(ctx.db, now, { retentionDays: 180 });
    expect(result).toMatchObject({ notifications: 2, jobs: 3 });
    expect((await ctx.db.prisma.notification.findMany({ where: { key: { startsWith: 'r.n-' } } })).map((x) => x.key)).toEqual(['r.n-updated']);
    expect((await ctx.db.prisma.job.findMany({ where: { key: { startsWith: 'r.j-' } }, orderBy: { key: 'asc' } })).map((x) => x.key)).toEqual(['r.j-done-recent', 'r.j-pending-old', 'r.j-running']);
  });
});

describe('purgeExpiredDrafts', () => {
  const HOUR = 3_600_000;
  const old = new Date(now.getTime() - DRAFT_HOURS * HOUR - 60_000);
  const fresh = new Date(now.getTime() - (DRAFT_HOURS - 1) * HOUR);
  const twintig = (status: string, updatedAt: Date, outcomeDraft?: object) =>
    ctx.db.prisma.consultationRequest.create({
      data: { teamId: 'r-drafts', requesterId: 'web:r-coach', status, summary: 's', dilemma: 'd', question: 'q', createdAt: updatedAt, updatedAt, outcomeDraft },
    });
  const vier = (status: VierOgenStatus, createdAt: Date, askedAt: Date | null = null) =>
    ctx.db.prisma.vierOgenRequest.create({ data: { teamId: 'r-drafts', requesterId: 'web:r-coach', indication: 'i', status, createdAt, askedAt } });

  const draftCounts = async (at: Date) => {
    const { twintigOgenDrafts, outcomeDrafts, vierOgenDrafts } = countsByKind(await purgeExpiredDrafts(ctx.db, ctx.features, at));
    return { twintigOgenDrafts, outcomeDrafts, vierOgenDrafts };
  };

  it(`removes what was never confirmed after ${DRAFT_HOURS} hours, and keeps fresh drafts and everything confirmed`, async () => {
    expect(DRAFT_HOURS).toBeGreaterThanOrEqual(24);
    expect(DRAFT_HOURS).toBeLessThanOrEqual(48);
    await ctx.db.prisma.team.create({ data: { id: 'r-drafts', name: 'Drafts' } });
    const oldDraft = await twintig('draft', old);
    const freshDraft = await twintig('draft', fresh);
    const requested = await twintig('requested', daysAgo(30));
    const typedOutcome = await twintig('scheduled', old, { advice: 'concept', agreements: 'concept' });
    const freshOutcome = await twintig('approved', fresh, { advice: 'concept', agreements: 'concept' });
    const discussed = await twintig('discussed', daysAgo(30), { advice: 'vastgelegd', agreements: 'vastgelegd' });
    const oldVier = await vier('draft', old);
    const withdrawnUnsent = await vier('withdrawn', old);
    const freshVier = await vier('draft', fresh);
    const sent = await vier('agreed', daysAgo(30), daysAgo(30));

    expect(await draftCounts(now)).toEqual({ twintigOgenDrafts: 1, outcomeDrafts: 1, vierOgenDrafts: 2 });
    const requests = await ctx.db.prisma.consultationRequest.findMany({ where: { teamId: 'r-drafts' } });
    const byId = new Map(requests.map((r) => [r.id, r]));
    expect(byId.has(oldDraft.id)).toBe(false);
    expect([freshDraft, requested, typedOutcome, freshOutcome, discussed].every((r) => byId.has(r.id))).toBe(true);
    // The case stays on the agenda; only its unsaved outcome text goes.
    expect(byId.get(typedOutcome.id)).toMatchObject({ status: 'scheduled', outcomeDraft: null });
    expect(byId.get(freshOutcome.id)!.outcomeDraft).not.toBeNull();
    expect(byId.get(discussed.id)!.outcomeDraft).toEqual({ advice: 'vastgelegd', agreements: 'vastgelegd' });
    const checks = (await ctx.db.prisma.vierOgenRequest.findMany({ where: { teamId: 'r-drafts' } })).map((r) => r.id);
    expect(checks.sort()).toEqual([freshVier.id, sent.id].sort());
    expect(checks).not.toContain(oldVier.id);
    expect(checks).not.toContain(withdrawnUnsent.id);

    expect(await draftCounts(now)).toEqual({ twintigOgenDrafts: 0, outcomeDrafts: 0, vierOgenDrafts: 0 });
    // Two days on, the fresh ones are gone too.
    expect(await draftCounts(new Date(now.getTime() + 2 * DAY))).toEqual({ twintigOgenDrafts: 1, outcomeDrafts: 1, vierOgenDrafts: 1 });
  });
});

describe('the purge while serving', () => {
  it('runs at start and then on every interval, every six hours by default, until stopped', async () => {
    expect(PURGE_EVERY_MS).toBe(6 * 3_600_000);
    const atStart = await conversation(ctx.db, 'web:r-start', daysAgo(365));
    let clock = now;
    const stop = await startRetentionPurge({ ...ctx, config: { retentionDays: 180 } }, { everyMs: 50, clock: () => clock });
    try {
      expect(await ctx.db.prisma.conversation.count({ where: { id: atStart } })).toBe(0);
      // Turns 181 days old once the clock moves on a day.
      const later = await conversation(ctx.db, 'web:r-later', daysAgo(180));
      clock = new Date(now.getTime() + DAY);
      await expect.poll(() => ctx.db.prisma.conversation.count({ where: { id: later } }), { timeout: 5_000 }).toBe(0);
    } finally {
      stop();
    }
    // Let a run that had already begun finish before checking that no new one starts.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const afterStop = await conversation(ctx.db, 'web:r-na-stop', daysAgo(365));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await ctx.db.prisma.conversation.count({ where: { id: afterStop } })).toBe(1);
    const runs = ctx.logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'retention purge finished');
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs[0]).toMatchObject({ retentionDays: 180, conversations: expect.any(Number), notifications: expect.any(Number), jobs: expect.any(Number), twintigOgenDrafts: expect.any(Number), vierOgenDrafts: expect.any(Number) });
  });
});

describe('two processes purging one database at once', () => {
  let pglite: PGlite;
  let server: PGLiteSocketServer;
  const dbs: Db[] = [];
  beforeAll(async () => {
    pglite = await PGlite.create({ extensions: { vector } });
    server = new PGLiteSocketServer({ db: pglite, port: 0, host: '127.0.0.1', maxConnections: 20 });
    await server.start();
    const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres`;
    for (let i = 0; i < 2; i++) dbs.push(await openDatabase({ databaseUrl: url, dataDir: '' }));
    await migrate(dbs[0]!.sql);
  });
  afterAll(async () => {
    for (const db of dbs) await db.close();
    await server?.stop();
    await pglite?.close();
  });

  it('deletes everything expired exactly once, without errors', async () => {
    for (let i = 0; i < 10; i++) await conversation(dbs[0]!, `web:r-p${i}`, daysAgo(200 + i));
    await conversation(dbs[0]!, 'web:r-blijft', daysAgo(1));
    const results = await Promise.all([...dbs, ...dbs].map((db) => purgeExpiredConversations(db, now, { retentionDays: 180 })));
    expect(results.reduce((sum, r) => sum + r.conversations, 0)).toBe(10);
    expect(results.reduce((sum, r) => sum + r.feedback, 0)).toBe(40);
    expect(await dbs[1]!.prisma.conversation.count()).toBe(1);
  });
});
