import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, NOT_FOUND_TEXT } from '../../src/assistant/answer-question.ts';
import { handleTurn } from '../../src/assistant/handle-turn.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { WijkwijsError } from '../../src/lib/errors.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext, repoRoot } from '../support/context.ts';

let ctx: Awaited<ReturnType<typeof createTestContext>>;
const user = 'web:coach-1';

beforeAll(async () => {
  ctx = await createTestContext();
  const summary = await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge`] });
  expect(summary.failed).toEqual([]);
  await ensureMember(ctx.db.prisma, { teamId: 'team-noord', userId: user });
});
afterAll(() => ctx?.close());

const ask = (text: string, conversationId?: string) => answerQuestion(ctx, { channel: 'web', userId: user, text, conversationId });

describe('extractive answers from the bundled knowledge (no model configured)', () => {
  it('answers the six-week question with a cited handbook passage', async () => {
    const reply = await ask('Hoe lang heb ik om de hulpvraag te verkennen?');
    expect(reply.mode).toBe('extractive');
    expect(reply.text).toMatch(/zes weken/i);
    expect(reply.text).toMatch(/\[1\]/);
    expect(reply.citations[0]).toMatchObject({ n: 1, source: 'knowledge/handboek/werkwijze.md' });
    expect(reply.citations[0]!.location).toMatch(/zes weken/i);
    expect(reply.citations[0]!.passage).toMatch(/zes weken/i);
  });

  it('numbers citations in the order the text uses them', async () => {
    const reply = await ask('Wat is het vier-ogen principe?');
    const markers = [...reply.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers[0]).toBe(1);
    expect(new Set(markers)).toEqual(new Set(reply.citations.map((c) => c.n)));
  });

  it('says so, with a next step, when the sources do not cover the question', async () => {
    const reply = await ask('Wat is de hoofdstad van Peru?');
    expect(reply.mode).toBe('not-found');
    expect(reply.text).toBe(NOT_FOUND_TEXT);
    expect(reply.citations).toEqual([]);
  });

  it('says the sources are silent, citing where they say so, when a source notes that it does not tell', async () => {
    const first = await ask('hoe lang mag ik zelf iemand begeleiden?');
    expect(first.mode).toBe('extractive');
    expect(first.text).toMatch(/4 maanden/);
    const followUp = await ask('en die verlenging, hoe lang mag die dan duren?', first.conversationId);
    expect(followUp.mode).toBe('not-found');
    expect(followUp.text).toMatch(/^Dat staat niet in de bronnen die ik ken\. .*zegt niet hoe lang die verlenging mag duren.*\[1\]$/);
    expect(followUp.citations.map((c) => c.source)).toEqual(['knowledge/handboek/eigen-kortdurende-ondersteuning.md']);
  });

  it('searches a short follow-up together with the question before it', async () => {
    const first = await ask('Hoe lang mag ik zelf kortdurende ondersteuning geven?');
    expect(first.text).toMatch(/4 maanden/);
    const followUp = await ask('en verlengen?', first.conversationId);
    expect(followUp.conversationId).toBe(first.conversationId);
    expect(followUp.citations.map((c) => c.source)).toContain('knowledge/handboek/eigen-kortdurende-ondersteuning.md');
  });

  it('rejects empty and oversized questions with a Dutch message', async () => {
    await expect(ask('   ')).rejects.toMatchObject({ code: 'question_empty' });
    const error = await ask('waarom '.repeat(400)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WijkwijsError);
    expect((error as WijkwijsError).code).toBe('question_too_long');
    expect((error as WijkwijsError).userMessage).toMatch(/te lang/);
  });
});

describe('personal data in a question', () => {
  it('is removed before search and storage, and never logged', async () => {
    const question = 'Mevrouw Fatima Bouzid, BSN 111222333, wil een indicatie voor begeleiding. Hoe onderbouw ik dat?';
    const reply = await ask(question);
    expect(reply.notices.join(' ')).toMatch(/persoonsgegevens/);
    const stored = await ctx.db.prisma.answer.findUniqueOrThrow({ where: { id: reply.answerId! } });
    expect(stored.question).not.toMatch(/Bouzid|Fatima|111222333/);
    expect(stored.question).toMatch(/\[PERSOON-1\]/);
    expect(stored.question).toMatch(/\[BSN-1\]/);
    expect(ctx.logs.text).not.toMatch(/Bouzid|Fatima|111222333|onderbouw/);
    expect(ctx.logs.lines.some((l) => l.includes('question answered'))).toBe(true);
  });
});

describe('feedback', () => {
  it('stores one vote per user per answer, the last one counting, with an anonymised comment', async () => {
    const reply = await ask('Wat zijn de kernwaarden?');
    await handleTurn(ctx, { channel: 'web', userId: user, action: { id: 'feedback.up', value: reply.answerId } });
    const thanks = await handleTurn(ctx, {
      channel: 'web',
      userId: user,
      action: { id: 'feedback.down', value: reply.answerId, comment: 'Klopt niet voor meneer Jansen op 06-12345678' },
    });
    expect(thanks.text).toMatch(/Dank je/);
    const rows = await ctx.db.prisma.feedback.findMany({ where: { answerId: reply.answerId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.rating).toBe(-1);
    expect(rows[0]!.comment).not.toMatch(/Jansen|06-12345678/);
  });

  it('refuses feedback on an unknown answer', async () => {
    await expect(
      handleTurn(ctx, { channel: 'web', userId: user, action: { id: 'feedback.up', value: '00000000-0000-0000-0000-000000000000' } }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('commands in the conversation core', () => {
  const say = (text: string, teamId?: string) => handleTurn(ctx, { channel: 'web', userId: user, teamId, text });

  it('lists the commands on /hulp and on an unknown command, without answering it as a question', async () => {
    for (const text of ['/hulp', '/bestaatniet iets']) {
      const reply = await say(text);
      expect(reply.mode).toBe('notice');
      expect(reply.text).toMatch(/\/twintigogen.*\/vierogen.*\/intervisie/s);
    }
    expect((await say('/bestaatniet')).text).toMatch(/\/bestaatniet ken ik niet/);
  });

  it('offers "Bespreek in het team" under an answer in a team conversation only', async () => {
    const inTeam = await say('Hoe lang heb ik om de hulpvraag te verkennen?', 'team-noord');
    expect(inTeam.actions.map((a) => a.id)).toContain('twintig.start');
    const alone = await say('Hoe lang heb ik om de hulpvraag te verkennen?');
    expect(alone.actions.map((a) => a.id)).not.toContain('twintig.start');
  });
});
