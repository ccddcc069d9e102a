/**
 * How an answer tells the reader what to trust: how it was made, each source's date and owner from
 * its front matter, a warning for a source older than the configured age, and follow-up questions
 * from the sections after the cited one.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/assistant/answer-question.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { createTestContext, tempDir } from '../support/context.ts';

const DOCUMENT = `---
title: "Huisbezoek bij een nieuwe aanmelding"
type: handboek
source: "Werkafspraken van het team (voorbeeld)"
last_reviewed: "2023-01-10"
eigenaar: "Teamleider wijkteams"
vragen:
  "Het eerste huisbezoek":
    - "Binnen welke termijn leg ik het eerste huisbezoek af?"
  "Het verslag van het huisbezoek":
    - "Wanneer schrijf ik het verslag van het huisbezoek?"
    - "When do I write the visit report?"
  "Wie er meegaat":
    - "Ga ik alleen op huisbezoek of met een collega?"
---
# Huisbezoek bij een nieuwe aanmelding

## Het eerste huisbezoek

Na een nieuwe aanmelding leg je binnen tien werkdagen het eerste huisbezoek af bij de inwoner thuis.

## Het verslag van het huisbezoek

Het verslag van het huisbezoek schrijf je binnen twee werkdagen na het bezoek in het dossier.

## Wie er meegaat

Bij het eerste huisbezoek ga je altijd samen met een collega van het wijkteam.
`;

let ctx: Awaited<ReturnType<typeof createTestContext>>;
const clock = new ManualClock(new Date('2026-12-03T10:00:00Z'));

beforeAll(async () => {
  ctx = await createTestContext({ WIJKWIJS_SOURCE_MAX_AGE_DAYS: '730' }, undefined, clock);
  const file = path.join(tempDir(), 'huisbezoek.md');
  writeFileSync(file, DOCUMENT);
  await ingestFiles(ctx, { paths: [file] });
});
afterAll(async () => {
  await ctx?.close();
});

const ask = (text: string) => answerQuestion(ctx, { channel: 'web', userId: 'web:trust-test', text });

describe('trust signals of an answer', () => {
  it('says it quotes the sources and shows the date, owner and a warning for a source older than the set age', async () => {
    const reply = await ask('Binnen welke termijn leg ik het eerste huisbezoek af?');
    expect(reply.mode).toBe('extractive');
    expect(reply.origin).toBe('Letterlijk uit de bronnen.');
    const [source] = reply.citations;
    expect(source).toMatchObject({ updated: '2023-01-10', owner: 'Teamleider wijkteams', details: 'Bijgewerkt 10 januari 2023 · eigenaar: Teamleider wijkteams' });
    expect(source!.warning).toMatch(/langer dan 2 jaar niet bijgewerkt.*teamleider wijkteams/);
    // Stored with the answer, so a shared copy shows the same.
    const stored = await ctx.db.prisma.answer.findUniqueOrThrow({ where: { id: reply.answerId! } });
    expect(JSON.stringify(stored.citations)).toContain('Bijgewerkt 10 januari 2023');
  });

  it('gives no warning while the source is younger than the set age', async () => {
    clock.set(new Date('2024-06-01T10:00:00Z'));
    try {
      const reply = await ask('Binnen welke termijn leg ik het eerste huisbezoek af?');
      expect(reply.citations[0]!.details).toBeTruthy();
      expect(reply.citations[0]!.warning).toBeUndefined();
    } finally {
      clock.set(new Date('2026-12-03T10:00:00Z'));
    }
  });

  it('suggests the questions of the sections after the cited one, in Dutch, not the one asked', async () => {
    const reply = await ask('Binnen welke termijn leg ik het eerste huisbezoek af?');
    expect(reply.suggestions).toEqual(['Wanneer schrijf ik het verslag van het huisbezoek?', 'Ga ik alleen op huisbezoek of met een collega?']);
  });
});
