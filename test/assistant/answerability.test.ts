import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, NOT_FOUND_TEXT } from '../../src/assistant/answer-question.ts';
import { GENERAL_GUIDANCE } from '../../src/assistant/quotable-units.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { storeTextDocument } from '../../src/knowledge/store-text-document.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext, repoRoot } from '../support/context.ts';

let ctx: Awaited<ReturnType<typeof createTestContext>>;
const coach = 'web:coach-answers';
const otherTeamCoach = 'web:coach-zuid';

beforeAll(async () => {
  ctx = await createTestContext();
  const summary = await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge`] });
  expect(summary.failed).toEqual([]);
  await ensureMember(ctx.db.prisma, { teamId: 'team-noord', userId: coach });
  await ensureMember(ctx.db.prisma, { teamId: 'team-zuid', userId: otherTeamCoach });
  // A case as twintig-ogen stores it: the team's own collection, its own section names.
  await storeTextDocument(ctx, {
    sourceKey: 'casus/team-noord/twintig-test',
    title: 'Casusbespreking 3 maart: Klein houden of opschalen?',
    type: 'casus',
    teamId: 'team-noord',
    markdown: [
      '## Situatie', 'Een vader met een kwekerij van bonsaibomen raakt zijn huis kwijt door een huurachterstand.',
      '## Vraag aan het team', 'Hoe houden we de bonsaikwekerij erbuiten?',
      '## Advies van het team', 'Het team adviseert een gesprek met de verhuurder over een betalingsregeling.',
      '## Afspraken', 'De coach belt de verhuurder binnen een week.',
      '## Vervolgafspraak (klaar op 2026-04-01)', 'Gesprek met de verhuurder gevoerd.\n\nWat het opleverde: een betalingsregeling van een jaar.',
    ].join('\n\n'),
  });
});
afterAll(() => ctx?.close());

const ask = (text: string, conversationId?: string, userId = coach) => answerQuestion(ctx, { channel: 'web', userId, text, conversationId });
const refusal = /^Dat staat niet in de bronnen/;

describe('answerability: the sources must answer the question as a whole', () => {
  it.each([
    'hoeveel vakantie-uren krijg ik via de cao',
    'Hoe hoog is de eigen bijdrage voor huishoudelijke hulp dit jaar?',
    'wat is het telefoonnummer van veilig thuis',
    'hoe lang duurt een raadsonderzoek gemiddeld?',
    'wanneer is de volgende heidag van het team?',
    // Words the sources know, but no source gives the duration asked for.
    'wat zijn de wachttijden bij de jeugd-ggz in onze regio?',
    // A compound the dictionary lists whole ("kilometervergoeding") still names a subject no source covers.
    'krijg ik kilometervergoeding als ik met mijn eigen auto op huisbezoek ga?',
    // An acronym or name the dictionary knows ("ADHD", "Utrecht") is a subject too, not everyday phrasing.
    'moeder vraagt of ritalin of concerta beter werkt voor haar zoon met adhd, wat kan ik zeggen?',
  ])('refuses "%s" with "niet in de bronnen" and a next step', async (question) => {
    const reply = await ask(question);
    expect(reply.mode).toBe('not-found');
    expect(reply.text).toMatch(refusal);
    expect(reply.text).toMatch(/teamleider|personeelszaken|gemeente|website|collega/);
    expect(reply.citations).toEqual([]);
  });

  it('points questions about employment terms to the team leader or HR', async () => {
    expect((await ask('hoeveel verlofuren bouw ik op volgens de cao?')).text).toMatch(/personeelszaken \(HR\)/);
  });

  it('finds paraphrases: a participle for a noun, a name the sources do not use, a typo', async () => {
    const neglect = await ask('Ik vermoed dat een kind thuis verwaarloosd wordt, welke stappen moet ik zetten?');
    expect(neglect.mode).toBe('extractive');
    expect(neglect.text).toMatch(/meldcode/i);
    const network = await ask('die netwerkmethode, wanneer zet je die in?');
    expect(network.citations.some((c) => c.source === 'knowledge/methoden/sonestra.md')).toBe(true);
    const typo = await ask('hoe lang heb ik om de hulpvraag te verkenen');
    expect(typo.text).toMatch(/zes weken/);
  });

  it('answers everyday phrasing: a situation sketched first, a mistyped compound, a term mistyped in a short question', async () => {
    const post = await ask('mevrouw heeft een stapel ongeopende brieven en kan niet inloggen met digid. waar kan ze heen?');
    expect(post.text).toMatch(/formulierenhulp|formulierenbrigade/);
    const meeting = await ask('hoeveel casussen passen er in één teamvergaderign?');
    expect(meeting.citations[0]?.source).toBe('knowledge/werkvormen/twintig-ogen-casusbespreking.md');
    const table = await ask('wat doet de jeugdbeschermingstafle?');
    expect(table.text).toMatch(/jeugdbeschermingstafel/i);
    // Written together, a hyphenated term is still found; "om de hoeveel tijd" asks how often.
    const glued = await ask('hoeveel tijd moet ik inplannen voor een watwerkt gesprek met het team');
    expect(glued.text).toMatch(/90 minuten/);
    const often = await ask('om de hoeveel tijd zitten we met het hele team bij elkaar voor die echt zware casussen?');
    expect(often.text).toMatch(/tweewekelijks/);
    const term = await ask('in het overleg viel de term stepped-care, hoe werkt dat principe?');
    expect(term.text).toMatch(/^Dilemma 13 — .*eerst licht en kort/);
    // An abbreviation is answered by the sentence that spells it out, wherever in the document it stands.
    const spelled = await ask('SoNeStra, waar is dat een afkorting van?');
    expect(spelled.text).toMatch(/^SoNeStra \(Sociale Netwerk Strategieën\) is een methode/);
    // "resident's" leaves no doubt the question is English, whatever loanwords the Dutch dictionary has.
    const english = await ask("A resident's wages are garnished by the tax office. Where should I refer her?");
    expect(english.text).toMatch(/sociale raadslieden/i);
    // "in plaats van" names the alternative; "plaats" is no subject the sources must cover.
    const instead = await ask('als ik iemand zelf help in plaats van doorverwijzen, hoe lang mag dat maximaal duren?');
    expect(instead.text).toMatch(/4 maanden/);
  });

  it('answers a yes/no question with the verdict first when the source settles it', async () => {
    const reply = await ask('Ga je voor het eerste huisbezoek alleen of met iemand samen?');
    expect(reply.text).toMatch(/in koppels|met z'n tweeën|twee wijkcoaches|samen/);
    expect(reply.citations.some((c) => c.source === 'knowledge/handboek/werkwijze.md')).toBe(true);
    const alone = await ask('kiezen ze bij buurtbemiddeling partij voor een van de buren?');
    expect(alone.text).toMatch(/^Nee\. .*geen partij/s);
  });

  it('leads with a short answer, never the old pile of quotes, and keeps the general-guidance label next to its sentence', async () => {
    const reply = await ask('Hoe plan ik een kortdurend traject van eigen begeleiding?');
    expect(reply.mode).toBe('extractive');
    expect(reply.text).toContain(GENERAL_GUIDANCE);
    expect(reply.text).not.toMatch(/Dit zeggen de bronnen/);
    expect(reply.text.split('\n').filter((l) => l.startsWith('•')).length).toBeLessThanOrEqual(2);
    for (const line of reply.text.split('\n').filter((l) => l.includes(GENERAL_GUIDANCE))) {
      expect(line).toMatch(/\[\d+\] \(Algemene richtlijn, niet uit de bronnen\.\)/);
    }
  });

  it('never shows seed line numbers or HTML comments in an answer or its citations', async () => {
    const reply = await ask('Hoe lang heb ik om de hulpvraag te verkennen?');
    for (const c of reply.citations) {
      expect(c.passage).not.toMatch(/<!--|-->|seed \d/);
      expect(c.reference ?? '').not.toMatch(/<!--|seed \d/);
    }
  });
});

describe('past cases', () => {
  it('answers "hebben we zoiets eerder gehad" with the situation, advice and follow-up of the case', async () => {
    const reply = await ask('hebben we zoiets eerder gehad, iemand met schulden die ook gokt?');
    expect(reply.text).toMatch(/^Ja, het team heeft/);
    expect(reply.text).toMatch(/• Situatie: .*\[1\]/);
    expect(reply.text).toMatch(/• Advies en afspraken: .*tegelijk/);
    expect(reply.text).toMatch(/• Opvolging: .*zes weken/);
    expect(reply.citations.every((c) => c.source === 'knowledge/casusbesprekingen/schulden-met-gokprobleem.md')).toBe(true);
  });

  it('knows a question about what the team did then without the word "casus", and a follow-up about its dilemma', async () => {
    const household = await ask('we hebben toch eens huishoudelijke hulp ingezet buiten de richtlijn voor een uitgeputte moeder? hoe lang liep dat?');
    expect(household.text).toMatch(/^Ja, het team heeft/);
    expect(household.citations[0]!.source).toBe('knowledge/casusbesprekingen/huishoudelijke-hulp-buiten-de-kaders.md');
    const trial = await ask('die proef met het spreekuur over geld in de wijk, hoe lang hebben we die gedraaid?');
    expect(trial.text).toMatch(/^Ja, het team heeft/);
    expect(trial.text).toMatch(/drie maanden/i);
    const first = await ask('hebben we een casusbespreking over een inwoner die alleen Turks spreekt?');
    const dilemma = await ask('welk dilemma speelde daar?', first.conversationId);
    expect(dilemma.text).toMatch(/• Dilemma: .*Generalistisch of specialistisch/);
  });

  it("reads a case stored by twintig-ogen, for that team only", async () => {
    const reply = await ask('hoe hebben we het toen aangepakt met die bonsaikwekerij en de huurachterstand?');
    expect(reply.text).toMatch(/Advies en afspraken: Het team adviseert een gesprek met de verhuurder/);
    expect(reply.text).toMatch(/Opvolging: .*betalingsregeling van een jaar/);
    const elsewhere = await ask('hoe hebben we het toen aangepakt met die bonsaikwekerij en de huurachterstand?', undefined, otherTeamCoach);
    expect(elsewhere.text).not.toMatch(/bonsai/);
  });
});

describe('follow-ups and new questions in one conversation', () => {
  it('takes an acknowledgement before a follow-up for no subject of its own', async () => {
    const first = await ask('Wat is een Balintgroep eigenlijk?');
    const followUp = await ask('oké, en met hoeveel mensen doe je dat dan?', first.conversationId);
    expect(followUp.text).toMatch(/zes tot tien/);
  });

  it('answers a follow-up in context without repeating the previous answer', async () => {
    const first = await ask('Hoe lang mag ik zelf kortdurende ondersteuning geven?');
    expect(first.text).toMatch(/4 maanden/);
    const followUp = await ask('en mag dat daarna nog langer?', first.conversationId);
    expect(followUp.mode).toBe('extractive');
    expect(followUp.text).toMatch(/verlenging|verlengen/);
    expect(followUp.citations[0]!.source).toBe('knowledge/handboek/eigen-kortdurende-ondersteuning.md');
    for (const sentence of first.text.split(/ \[\d\]\s*/).map((s) => s.replace(/^.* — /, '')).filter((s) => s.length > 20)) {
      expect(followUp.text).not.toContain(sentence);
    }
  });

  it('judges a question that stands on its own as if asked fresh', async () => {
    const first = await ask('Hoe lang heb ik om de hulpvraag te verkennen?');
    const unrelated = await ask('Hoeveel vakantiedagen heb ik?', first.conversationId);
    expect(unrelated.mode).toBe('not-found');
    expect(unrelated.text).not.toMatch(/zes weken/);
    const sonestra = await ask('Wat is SoNeStra?');
    const fourEyes = await ask('Wanneer moet ik het vier-ogenprincipe toepassen?', sonestra.conversationId);
    expect(fourEyes.text).not.toMatch(/Netwerkkompas/);
    expect(fourEyes.text).toMatch(/vier-ogen/i);
  });

  it('keeps the generic refusal text for the model path', () => {
    expect(NOT_FOUND_TEXT).toMatch(refusal);
  });
});
