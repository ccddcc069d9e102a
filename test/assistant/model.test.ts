import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/assistant/answer-question.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { ensureEmbedder } from '../../src/knowledge/ensure-embedder.ts';
import { OpenAIEmbedder } from '../../src/knowledge/embedder.ts';
import { searchPassages } from '../../src/knowledge/search-passages.ts';
import { createTestContext, repoRoot } from '../support/context.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';

let fake: FakeOpenAI;
let ctx: Awaited<ReturnType<typeof createTestContext>>;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  ctx = await createTestContext({
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: fake.url,
    OPENAI_CHAT_MODEL: 'test-chat',
    OPENAI_TIMEOUT_MS: '1500',
  });
  await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge/handboek`] });
});
afterAll(async () => {
  await ctx?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

const ask = (text: string) => answerQuestion(ctx, { channel: 'web', userId: 'web:model-test', text });
const chatRequests = () => fake.requests.filter((r) => r.path.endsWith('/chat/completions'));

describe('answers from an OpenAI-compatible chat model', () => {
  it('sends numbered passages and maps the cited numbers to sources', async () => {
    fake.chatReply = 'Je hebt zes weken om de hulpvraag te verkennen [2].';
    const reply = await ask('Hoe lang heb ik om de hulpvraag te verkennen?');
    expect(reply.mode).toBe('model');
    // The model cited passage 2; in the reply it becomes citation 1.
    expect(reply.text).toBe('Je hebt zes weken om de hulpvraag te verkennen [1].');
    const [request] = chatRequests();
    expect(request!.authorization).toBe('Bearer sk-test');
    expect(request!.body.model).toBe('test-chat');
    const userMessage = request!.body.messages.at(-1).content as string;
    const passage2 = /\[2\] ([^\n]+)\n/.exec(userMessage)![1]!;
    expect(passage2).toContain(reply.citations[0]!.title);
    expect(request!.body.messages[0].content).toMatch(/NIET_IN_BRONNEN/);
  });

  it('never sends personal data to the model, and fills placeholders back in for the asker only', async () => {
    fake.chatReply = 'Bespreek met [PERSOON-1] wat het netwerk kan doen [1].';
    const reply = await ask('Meneer Pieter Bakker (06-12345678, Dorpsstraat 4) vraagt hulp; hoe betrek ik zijn netwerk?');
    const sent = JSON.stringify(chatRequests()[0]!.body);
    expect(sent).not.toMatch(/Bakker|Pieter|12345678|Dorpsstraat/);
    expect(sent).toContain('[PERSOON-1]');
    expect(reply.text).toContain('Pieter Bakker');
    const stored = await ctx.db.prisma.answer.findUniqueOrThrow({ where: { id: reply.answerId! } });
    expect(stored.text).toContain('[PERSOON-1]');
    expect(stored.text).not.toContain('Bakker');
  });

  it('reports "not in the sources" when the model finds no support', async () => {
    fake.chatReply = 'NIET_IN_BRONNEN';
    const reply = await ask('Wat zegt het handboek over de kernwaarden?');
    expect(reply.mode).toBe('not-found');
    expect(reply.citations).toEqual([]);
  });

  it.each([
    ['an HTTP error', 500],
    ['a timeout', 'hang'],
    ['an answer without citations', 'Zes weken, dat weet ik zeker.'],
    ['citations to passages that do not exist', 'Zes weken [9].'],
  ] as const)('falls back to the extractive answer on %s', async (_label, behaviour) => {
    fake.chatReply = behaviour;
    const started = Date.now();
    const reply = await ask('Hoe lang heb ik om de hulpvraag te verkennen?');
    expect(reply.mode).toBe('extractive');
    expect(reply.text).toMatch(/zes weken/i);
    expect(reply.citations.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(ctx.logs.text).toMatch(/using extractive answer/);
  });
});

describe('embeddings from an OpenAI-compatible endpoint', () => {
  it('re-embeds every stored passage when the embedder changes, and searches with it', async () => {
    const embedder = new OpenAIEmbedder({ apiKey: 'sk-test', baseUrl: fake.url, model: 'test-embed', dimensions: 32, timeoutMs: 5000 });
    const before = await ctx.db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM chunk');
    const reembedded = await ensureEmbedder(ctx.db.sql, embedder);
    expect(reembedded).toBe(before[0]!.n);
    const rows = await ctx.db.sql.query<{ embedder: string; dims: number }>('SELECT DISTINCT embedder, vector_dims(embedding) AS dims FROM chunk');
    expect(rows).toEqual([{ embedder: 'openai/test-embed/32', dims: 32 }]);
    const embedRequest = fake.requests.find((r) => r.path.endsWith('/embeddings'));
    expect(embedRequest!.body).toMatchObject({ model: 'test-embed', dimensions: 32 });

    const passages = await searchPassages({ db: ctx.db, embedder, synonyms: ctx.synonyms }, 'zes weken verkennen hulpvraag', { teamIds: [] });
    expect(passages[0]!.text).toMatch(/zes weken/i);
    // Running it again finds nothing left to do.
    expect(await ensureEmbedder(ctx.db.sql, embedder)).toBe(0);
  });

  it('takes a question\'s vector that arrived while a database query held the event loop past the deadline', async () => {
    // The question deadline is min(timeout, 3 s); the request's own timeout (5 s) is not reached.
    const embedder = new OpenAIEmbedder({ apiKey: 'sk-test', baseUrl: fake.url, model: 'test-embed', dimensions: 32, timeoutMs: 5000 });
    fake.embeddingDelayMs = 100;
    try {
      const asked = embedder.embedQuery('Hoe lang duurt de verkenning?');
      await new Promise((resolve) => setTimeout(resolve, 20)); // the request is with the model
      const held = Date.now() + 3500; // like an embedded-database query running in this thread
      while (Date.now() < held);
      expect(await asked).toHaveLength(32);
    } finally {
      fake.embeddingDelayMs = 0;
    }

    fake.embeddingReply = 'hang';
    try {
      await expect(embedder.embedQuery('Hoe lang duurt de verkenning?')).rejects.toThrow(/niet bereikbaar/);
    } finally {
      fake.embeddingReply = 'ok';
    }
  });
});
