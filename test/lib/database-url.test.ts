import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/assistant/answer-question.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { searchPassages } from '../../src/knowledge/search-passages.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext, repoRoot } from '../support/context.ts';
import { startPgliteServer } from '../support/pglite-server.ts';

let server: Awaited<ReturnType<typeof startPgliteServer>>;
let ctx: Awaited<ReturnType<typeof createTestContext>>;

beforeAll(async () => {
  server = await startPgliteServer();
  ctx = await createTestContext({ DATABASE_URL: server.url });
});
afterAll(async () => {
  await ctx?.close();
  await server?.close();
});

describe('PostgreSQL with pgvector over the wire (DATABASE_URL)', () => {
  it('connects with the pg driver adapter, migrates, ingests, searches and answers', async () => {
    expect(ctx.db.kind).toBe('postgres');
    const summary = await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge/handboek`, `${repoRoot}/knowledge/methoden`] });
    expect(summary.failed).toEqual([]);
    expect(summary.added).toBeGreaterThan(5);

    const passages = await searchPassages(ctx, 'uit welke onderdelen bestaat SoNeStra', { teamIds: [] });
    expect(passages[0]!.source).toBe('knowledge/methoden/sonestra.md');

    await ensureMember(ctx.db.prisma, { teamId: 'team-zuid', userId: 'web:pg-user' });
    const reply = await answerQuestion(ctx, { channel: 'web', userId: 'web:pg-user', text: 'Hoe lang heb ik om de hulpvraag te verkennen?' });
    expect(reply.text).toMatch(/zes weken/i);
    expect(await ctx.db.prisma.answer.count()).toBe(1);
  });

  it('reports an unreachable server as a clear Dutch error', async () => {
    await expect(createTestContext({ DATABASE_URL: 'postgresql://postgres:x@127.0.0.1:1/postgres' })).rejects.toMatchObject({
      code: 'database_unavailable',
      userMessage: expect.stringMatching(/niet bereikbaar/),
    });
  });
});
