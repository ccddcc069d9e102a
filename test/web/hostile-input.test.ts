import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type RunningServer } from '../../src/channels/web/server.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { createTestContext, repoRoot } from '../support/context.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { requestWithHost } from '../support/request-with-host.ts';

/**
 * The web chat against a hostile page and hostile input, over real HTTP with a model stand-in: a
 * foreign Host header (DNS rebinding) and control characters are refused before anything is done.
 */
let ctx: Awaited<ReturnType<typeof createTestContext>>;
let server: RunningServer;
let model: FakeOpenAI;
const QUESTION = 'Hoe lang heb ik om de hulpvraag te verkennen?';

beforeAll(async () => {
  model = await startFakeOpenAI();
  ctx = await createTestContext({ PORT: '0', WIJKWIJS_PUBLIC_URL: 'https://wijkwijs.example.org', OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: model.url, OPENAI_CHAT_MODEL: 'test-chat' });
  await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge/handboek`] });
  server = await startWebServer(ctx);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await ctx?.close();
  await model?.close();
});

const port = () => new URL(server.url).port;
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const chatCalls = () => model.requests.filter((r) => r.path.endsWith('/chat/completions')).length;

describe('the Host header (DNS rebinding)', () => {
  it.each(['evil.example', 'evil.example:3000', '127.evil.example', 'localhost.evil.example', 'wijkwijs.example.org.evil.example'])(
    'refuses %s on the page, its files and the API, with a Dutch 403',
    async (host) => {
      const answers = await ctx.db.prisma.answer.count();
      for (const path of ['/', '/style.css', '/api/notifications']) {
        const response = await requestWithHost(`${server.url}${path}`, host);
        expect(response.status).toBe(403);
        expect(JSON.parse(response.body).error.message).toMatch(/Dit adres ken ik niet/);
      }
      expect((await requestWithHost(`${server.url}/api/chat`, host, json({ text: QUESTION }))).status).toBe(403);
      expect(await ctx.db.prisma.answer.count()).toBe(answers);
    },
  );

  it.each([() => `localhost:${port()}`, () => '127.0.0.1', () => `127.1.2.3:${port()}`, () => `[::1]:${port()}`, () => 'wijkwijs.example.org'])(
    'serves a loopback name or the public host (%#)',
    async (host) => {
      const response = await requestWithHost(`${server.url}/`, host());
      expect(response.status).toBe(200);
      expect(response.body).toContain('Wijkwijs');
    },
  );
});

describe('control characters', () => {
  it('answers the clean question with the model (the positive control)', async () => {
    const before = chatCalls();
    expect((await fetch(`${server.url}/api/chat`, json({ text: QUESTION }))).status).toBe(200);
    expect(chatCalls()).toBe(before + 1);
  });

  it.each([
    ['a NUL in a question', '/api/chat', { text: `${QUESTION}\u0000` }],
    ['a bell in a question', '/api/chat', { text: `Hoe lang\u0007 heb ik?` }],
    ['a NUL in a team id', '/api/action', { actionId: 'twintig.start', teamId: 'team\u0000a' }],
    ['an escape in a feedback comment', '/api/feedback', { answerId: 'x', rating: 'down', comment: 'slecht\u001b[2J' }],
  ])('refuses %s with a Dutch 400 before searching or calling the model', async (_label, path, body) => {
    const before = { calls: chatCalls(), answers: await ctx.db.prisma.answer.count() };
    const response = await fetch(`${server.url}${path}`, json(body));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/onzichtbaar stuurteken/);
    expect(chatCalls()).toBe(before.calls);
    expect(await ctx.db.prisma.answer.count()).toBe(before.answers);
  });

  it('keeps tabs and line breaks, which people do type', async () => {
    expect((await fetch(`${server.url}/api/chat`, json({ text: `Hoe lang heb ik\tom de hulpvraag\r\nte verkennen?` }))).status).toBe(200);
  });
});
