import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/context.ts';
import { startKnowledgeServer } from '../support/knowledge-server.ts';
import { postReply } from '../support/post-reply.ts';

let running: Awaited<ReturnType<typeof startKnowledgeServer>>;

beforeAll(async () => {
  running = await startKnowledgeServer();
});
afterAll(() => running?.close());

const chat = (text: string, conversationId?: string) => postReply(running.server.url, '/api/chat', { text, conversationId });

/** What a right answer to each example question says, and which file it cites. */
const EXAMPLES: Record<string, { says: RegExp; cites: string }> = {
  'Hoe lang heb ik om de hulpvraag te verkennen?': { says: /zes weken/, cites: 'handboek/werkwijze.md' },
  'Uit welke onderdelen bestaat SoNeStra?': { says: /Netwerkkompas.*FamilieNetwerkBeraad.*Actieteam/s, cites: 'methoden/sonestra.md' },
  'Wanneer moet ik het vier-ogenprincipe toepassen?': { says: /vóórdat je.*indicatie|vooraf.*collega/s, cites: 'vier-ogen' },
  'hebben we eerder een vergelijkbare casus besproken over schulden en gokken?': { says: /Advies en afspraken: .*verslavingszorg|Advies en afspraken: .*tegelijk/, cites: 'casusbesprekingen/schulden-met-gokprobleem.md' },
};

describe('the example questions the welcome page and the README offer', () => {
  const page = readFileSync(`${repoRoot}/src/channels/web/public/index.html`, 'utf8');
  const suggestions = [...page.matchAll(/class="suggestion">([^<]+)</g)].map((m) => m[1]!.trim());

  it('are all known here, so a new example on the page needs its expected answer', () => {
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) expect(Object.keys(EXAMPLES)).toContain(s);
  });

  it.each(Object.entries(EXAMPLES))('"%s" is answered correctly, with the answer first and a citation', async (question, expected) => {
    const reply = await chat(question);
    expect(reply.mode).toBe('extractive');
    expect(reply.text).toMatch(expected.says);
    expect(reply.text).toMatch(/\[1\]/);
    expect(reply.text).not.toMatch(/Dit zeggen de bronnen/);
    expect(reply.citations.some((c) => c.source.includes(expected.cites))).toBe(true);
  });

  it('the README follow-up "en verlengen?" is answered in the context of the question before it', async () => {
    const first = await chat('Hoe lang mag ik zelf kortdurende ondersteuning geven?');
    const followUp = await chat('en verlengen?', first.conversationId);
    expect(followUp.mode).toBe('extractive');
    expect(followUp.text).toMatch(/verleng/);
    expect(followUp.citations[0]!.source).toBe('knowledge/handboek/eigen-kortdurende-ondersteuning.md');
  });
});

describe('one conversation over the web chat', () => {
  it('answers a past-case question per case, a follow-up in context, and refuses an unrelated question after them', async () => {
    const cases = await chat('Hoe hebben we het toen aangepakt met die mevrouw waar de belastingdienst beslag op haar inkomen had gelegd?');
    expect(cases.text).toMatch(/^Ja, het team heeft/);
    expect(cases.text).toMatch(/• Situatie: .*\[\d\]/);
    expect(cases.text).toMatch(/• Advies en afspraken: .*sociale raadslieden/);
    expect(cases.text).toMatch(/• Opvolging: /);
    expect(cases.citations.every((c) => c.source === 'knowledge/casusbesprekingen/belastingbeslag-sociale-raadslieden.md')).toBe(true);

    const refer = await chat('Waar verwijs ik iemand met een belastingschuld heen?', cases.conversationId);
    expect(refer.text).toMatch(/sociale raadslieden/);
    const followUp = await chat('en als er ook nog andere schulden blijken te zijn?', cases.conversationId);
    expect(followUp.mode).toBe('extractive');
    expect(followUp.text).toMatch(/schuldhulpverlening/);

    const unrelated = await chat('Hoeveel vakantiedagen heb ik dit jaar?', cases.conversationId);
    expect(unrelated.mode).toBe('not-found');
    expect(unrelated.text).toMatch(/^Dat staat niet in de bronnen/);
    expect(unrelated.text).toMatch(/teamleider|personeelszaken/);
    expect(unrelated.citations).toEqual([]);
  });
});
