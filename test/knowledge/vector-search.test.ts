import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { nearestPassagesStatement, withVectorSearchSettings } from '../../src/knowledge/nearest-passages.ts';
import { searchPassages } from '../../src/knowledge/search-passages.ts';
import { createTestContext, repoRoot, tempDir } from '../support/context.ts';
import { conceptEmbedding, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { startPgliteServer } from '../support/pglite-server.ts';

/** Shares no word (nor stem, compound part or synonym) with the passage it should find. */
const PARAPHRASE = 'Wat doe ik als iemand zijn appartement tot de nok volstopt met troep?';
/** What the stand-in's "model" knows: these words mean one thing. */
const HOARDING = ['verzamelwoede', 'overvolle', 'opruimplan', 'volstopt', 'troep'];
const TEAM_A_PASSAGE =
  'Bij verzamelwoede schakel je de hygiënist van de GGD in en maak je samen een opruimplan. ' +
  'Spreek kleine stappen af en kom na twee weken terug om te kijken hoe het gaat.';
/** A team with many passages, all nearer to the question than team A's: more than one HNSW scan looks at. */
const TEAM_B_PASSAGES = 2500;

function writeFixtures(dir: string): { teamA: string; teamB: string } {
  const teamA = path.join(dir, 'verzamelwoede.md');
  writeFileSync(teamA, `# Verzamelwoede\n\n## Een overvolle woning\n\n${TEAM_A_PASSAGE}\n`);
  const teamB = path.join(dir, 'verzamelwoede-team-b.md');
  // Words of letters only, different per passage, so no two vectors are the same.
  const tag = (i: number) => [...i.toString(26).padStart(3, '0')].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
  const parts = Array.from({ length: TEAM_B_PASSAGES }, (_, i) =>
    `## Deel ${i + 1}\n\nVerzamelwoede: volstopt met troep, een overvolle woning, een opruimplan (kast${tag(i)}, map${tag(i)}, la${tag(i)}).\n`);
  writeFileSync(teamB, `# Verzamelwoede\n\n${parts.join('\n')}`);
  return { teamA, teamB };
}

const planOf = (row: Record<string, unknown>) => {
  const plan = row['QUERY PLAN'];
  return typeof plan === 'string' ? plan : JSON.stringify(plan);
};

describe.each([
  { where: 'the embedded database', overTcp: false },
  { where: 'PostgreSQL over the wire (DATABASE_URL)', overTcp: true },
])('an embedding model behind an OpenAI-compatible endpoint, in $where', ({ overTcp }) => {
  let fake: FakeOpenAI;
  let server: Awaited<ReturnType<typeof startPgliteServer>> | undefined;
  let ctx: Awaited<ReturnType<typeof createTestContext>>;
  let env: Record<string, string>;
  const dir = tempDir();
  const search = (text: string, teamIds: string[]) => searchPassages(ctx, text, { teamIds, limit: 5 });

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    fake.embed = conceptEmbedding([HOARDING]);
    server = overTcp ? await startPgliteServer() : undefined;
    env = {
      ...(server ? { DATABASE_URL: server.url } : {}),
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: fake.url,
      OPENAI_EMBEDDING_MODEL: 'test-embed',
      OPENAI_EMBEDDING_DIMENSIONS: '64',
      OPENAI_TIMEOUT_MS: '10000', // the question deadline stays 3 s; a busy machine must not fail the request itself
    };
    ctx = await createTestContext(env);
    const { teamA, teamB } = writeFixtures(dir);
    await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge`] });
    await ingestFiles(ctx, { paths: [teamA], teamId: 'team-a' });
    await ingestFiles(ctx, { paths: [teamB], teamId: 'team-b' });
  }, 180_000);
  afterAll(async () => {
    fake.embeddingReply = 'ok';
    await ctx?.close();
    await server?.close();
    await fake?.close();
  });

  it('stores the model\'s vectors, in batches, under an HNSW index of their dimension', async () => {
    const [index] = await ctx.db.sql.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'chunk_embedding_idx'`);
    expect(index?.indexdef).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
    const rows = await ctx.db.sql.query<{ embedder: string; dims: number }>('SELECT DISTINCT embedder, vector_dims(embedding) AS dims FROM chunk');
    expect(rows).toEqual([{ embedder: 'openai/test-embed/64', dims: 64 }]);
    const batches = fake.requests.filter((r) => r.path.endsWith('/embeddings')).map((r) => (Array.isArray(r.body.input) ? r.body.input.length : 1));
    expect(Math.max(...batches)).toBeGreaterThan(100); // team B's file: thousands of passages in a few requests
    expect(Math.max(...batches)).toBeLessThanOrEqual(128);
  });

  it('finds a paraphrase with no shared words through its vector alone', async () => {
    const [best] = await search(PARAPHRASE, ['team-a']);
    expect(best?.text).toBe(TEAM_A_PASSAGE);
    expect(best!.score).toBeGreaterThan(0.2);

    // The same question without vectors: words alone do not find it.
    fake.embeddingReply = 503;
    try {
      const lexical = await search(PARAPHRASE, ['team-a']);
      expect(lexical.map((p) => p.text)).not.toContain(TEAM_A_PASSAGE);
    } finally {
      fake.embeddingReply = 'ok';
    }
    expect(ctx.logs.text).toMatch(/question embedding failed; searching by words only/);
  });

  it('looks the candidates up through the HNSW index, within the asker\'s scope', async () => {
    const vector = await ctx.embedder.embedQuery(PARAPHRASE);
    const { text, params } = nearestPassagesStatement(vector, { teamIds: ['team-a'], type: null }, 40);
    const [explained] = await withVectorSearchSettings(ctx.db, 40, (tx) => tx.query(`EXPLAIN (FORMAT JSON) ${text}`, params));
    expect(planOf(explained!)).toMatch(/"Index Name":\s*"chunk_embedding_idx"/);

    const scans = async () => {
      await ctx.db.sql.query('SELECT pg_stat_force_next_flush()');
      const [row] = await ctx.db.sql.query<{ n: string | number }>(`SELECT idx_scan AS n FROM pg_stat_user_indexes WHERE indexrelname = 'chunk_embedding_idx'`);
      return Number(row!.n);
    };
    const before = await scans();
    await search(PARAPHRASE, ['team-a']);
    expect(await scans()).toBeGreaterThan(before);
  });

  it('walks past nearer passages of another team instead of returning them or nothing', async () => {
    // Premise: the hundred nearest vectors in the whole index are all team B's.
    const vector = await ctx.embedder.embedQuery(PARAPHRASE);
    const nearest = await ctx.db.sql.query<{ team_id: string | null }>(
      'SELECT team_id FROM chunk ORDER BY embedding <=> $1::vector LIMIT 100',
      [nearestPassagesStatement(vector, { teamIds: [], type: null }, 1).params[2]],
    );
    expect(new Set(nearest.map((r) => r.team_id))).toEqual(new Set(['team-b']));

    const forTeamA = await search(PARAPHRASE, ['team-a']);
    expect(forTeamA[0]?.text).toBe(TEAM_A_PASSAGE);
    expect(forTeamA.every((p) => p.teamId !== 'team-b')).toBe(true);
    const forOthers = await search(PARAPHRASE, ['team-c']);
    expect(forOthers.every((p) => p.teamId === null)).toBe(true);
  });

  it('answers a question by words alone when the model hangs, within the question timeout', async () => {
    fake.embeddingReply = 'hang';
    const started = Date.now();
    try {
      const passages = await search('Hoe lang heb ik om de hulpvraag te verkennen?', []);
      expect(passages[0]?.text).toMatch(/zes weken/i);
    } finally {
      fake.embeddingReply = 'ok';
    }
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it('stores passages without vectors while the model is down, finds them by their words, and embeds them on the next ingest', async () => {
    const file = path.join(dir, 'zonnepanelen.md');
    writeFileSync(file, '# Energiearmoede\n\nVoor zonnepanelen op een huurwoning verwijs je naar het energieloket van de gemeente.\n');
    fake.embeddingReply = 503;
    try {
      const down = await ingestFiles(ctx, { paths: [file], teamId: 'team-a' });
      expect(down).toMatchObject({ added: 1, failed: [] });
    } finally {
      fake.embeddingReply = 'ok';
    }
    const stored = () => ctx.db.sql.query<{ embedded: boolean; embedder: string | null }>(
      `SELECT c.embedding IS NOT NULL AS embedded, c.embedder FROM chunk c JOIN document d ON d.id = c.document_id WHERE d.title = 'Energiearmoede'`,
    );
    expect(await stored()).toEqual([{ embedded: false, embedder: null }]);
    expect((await search('zonnepanelen', ['team-a']))[0]?.text).toMatch(/energieloket/);

    const again = await ingestFiles(ctx, { paths: [file], teamId: 'team-a' });
    // The file did not change: its passages missing their vectors are a repair of the index.
    expect(again).toMatchObject({ repaired: 1, updated: 0 });
    expect(await stored()).toEqual([{ embedded: true, embedder: 'openai/test-embed/64' }]);
  });

  it('fails a file with a clear message when the model gives vectors of another size', async () => {
    const file = path.join(dir, 'maat.md');
    writeFileSync(file, '# Maat\n\nEen passage voor een model met de verkeerde maat.\n');
    const embed = fake.embed;
    fake.embed = (text) => embed(text, 32);
    try {
      const summary = await ingestFiles(ctx, { paths: [file] });
      expect(summary.failed).toEqual([{ file, message: expect.stringMatching(/32 dimensies.*OPENAI_EMBEDDING_DIMENSIONS/) }]);
    } finally {
      fake.embed = embed;
    }
  });

  it.runIf(overTcp)('starts while the model is down, keeping the passages findable by their words', async () => {
    // Another model on the same database: its start must re-embed everything, and cannot.
    fake.embeddingReply = 503;
    try {
      const other = await createTestContext({ ...env, OPENAI_EMBEDDING_MODEL: 'other-embed' });
      try {
        expect(other.logs.text).toMatch(/embedding model unavailable at start/);
        const passages = await searchPassages(other, 'Hoe lang heb ik om de hulpvraag te verkennen?', { teamIds: [] });
        expect(passages[0]?.text).toMatch(/zes weken/i);
      } finally {
        await other.close();
      }
    } finally {
      fake.embeddingReply = 'ok';
    }
  });
});
