import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type RunningServer } from '../../src/channels/web/server.ts';
import { ConfigError } from '../../src/lib/config.ts';
import { createTestContext } from '../support/context.ts';
import { startKnowledgeServer } from '../support/knowledge-server.ts';

let ctx: Awaited<ReturnType<typeof createTestContext>>;
let server: RunningServer;
let running: Awaited<ReturnType<typeof startKnowledgeServer>>;

beforeAll(async () => {
  running = await startKnowledgeServer();
  ({ ctx, server } = running);
});
afterAll(() => running?.close());

const chat = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('web chat HTTP API', () => {
  it('serves the chat page and a health check', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Wijkwijs');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
  });

  // The answers a coach must get on day one from the bundled knowledge, through the web chat's API.
  it.each([
    ['Hoe lang heb ik om de hulpvraag te verkennen?', /zes weken/i, 'handboek/werkwijze.md'],
    ['Hoe lang mag ik zelf kortdurende ondersteuning bieden?', /4 maanden/, 'handboek/eigen-kortdurende-ondersteuning.md'],
    ['Wanneer moet ik het vier-ogen principe toepassen?', /collega/, 'vier-ogen'],
    ['Wanneer bespreken we een casus met twintig ogen?', /teamvergadering/, 'twintig-ogen'],
    ['Uit welke vier onderdelen bestaat SoNeStra?', /Netwerkkompas/, 'methoden/sonestra.md'],
    ['Wat zijn de vier kwaliteiten van het wijkteam?', /presentie|professionaliteit|integraliteit|legitimiteit/i, 'dilemmas/'],
    ['Waar verwijs ik iemand met belastingschulden naar?', /sociale raadslieden/i, 'sociale-kaart/'],
    ['Hebben we eerder een casus besproken over eenzaamheid en dagbesteding?', /dagbesteding/i, 'casusbesprekingen/eenzaamheid-dagbesteding.md'],
  ])('answers "%s" correctly with a citation', async (question, expected, sourcePart) => {
    const response = await chat({ text: question });
    expect(response.status).toBe(200);
    const reply = await response.json();
    expect(reply.mode).toBe('extractive');
    expect(reply.text).toMatch(expected);
    expect(reply.text).toMatch(/\[1\]/);
    expect(reply.citations.some((c: { source: string }) => c.source.includes(sourcePart))).toBe(true);
    for (const c of reply.citations) expect(c.location).toBeTruthy();
  });

  it('stores feedback sent to /api/feedback', async () => {
    const reply = await (await chat({ text: 'Wat zijn de kernwaarden?' })).json();
    const response = await fetch(`${server.url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answerId: reply.answerId, rating: 'up' }),
    });
    expect(response.status).toBe(200);
    expect(await ctx.db.prisma.feedback.count({ where: { answerId: reply.answerId, rating: 1 } })).toBe(1);
  });

  it.each([
    ['malformed JSON', '{"text": ', /geen geldige JSON/],
    ['a body of the wrong shape', { question: 'hoi' }, /niet goed opgebouwd/],
    ['an oversized body', { text: 'a'.repeat(100_000) }, /te groot/],
    ['an empty question', { text: '  ' }, /leeg/],
    ['a question over the length limit', { text: 'vraag '.repeat(500) }, /te lang/],
  ])('answers %s with 400 and a Dutch message', async (_label, body, message) => {
    const response = await chat(body);
    expect(response.status).toBe(400);
    const json = await response.json();
    expect(json.error.message).toMatch(message);
    expect(JSON.stringify(json)).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('access outside loopback', () => {
  it('refuses to listen on a public address without a token', async () => {
    const open = await createTestContext({ HOST: '0.0.0.0', PORT: '0' });
    try {
      await expect(startWebServer(open)).rejects.toBeInstanceOf(ConfigError);
    } finally {
      await open.close();
    }
  });

  it('requires the token on the API once one is set', async () => {
    const guarded = await createTestContext({ PORT: '0', WIJKWIJS_WEB_TOKEN: 'geheim-123' });
    const running = await startWebServer(guarded);
    try {
      const post = (headers: Record<string, string>) =>
        fetch(`${running.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ text: 'Wat zijn de kernwaarden?' }) });
      expect((await post({})).status).toBe(401);
      expect((await post({ authorization: 'Bearer fout' })).status).toBe(401);
      expect((await post({ authorization: 'Bearer geheim-123' })).status).toBe(200);
      expect(await guarded.db.prisma.answer.count()).toBe(1);
    } finally {
      await running.close();
      await guarded.close();
    }
  });
});
