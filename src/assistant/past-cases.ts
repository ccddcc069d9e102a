import type { Db } from '../lib/db.ts';
import { searchKnowledge, type Passage, type SearchDeps } from '../knowledge/search-passages.ts';
import { judgeAnswerability } from './answerability.ts';
import { toCitation, type Answer } from './compose-answer.ts';
import { contentWords, fold, stem, words } from '../knowledge/dutch.ts';
import { answersType, splitQuestion, type QuestionAnalysis, type SalientConcept } from './question-analysis.ts';
import { joinListItems, splitUnits, type Unit } from './quotable-units.ts';
import { coverageOf } from './sentence-choice.ts';

/** At most this many cases in one answer: the coach wants the closest, not an archive. */
const MAX_CASES = 2;
const CASE_CANDIDATES = 8;

/**
 * The parts of a case discussion a coach asks for, by the heading of their section: in the bundled
 * casusbesprekingen ("Situatie: …", "Advies en afspraken: …", "Opvolging: …") and in the cases
 * twintig-ogen stores ("Situatie", "Advies van het team", "Afspraken", "Vervolgafspraak (…)").
 */
const SECTIONS: { label: string; heading: RegExp }[] = [
  { label: 'Situatie', heading: /^(situatie|casus|aanleiding|wat speelt|wat speelde|achtergrond)\b/i },
  { label: 'Advies en afspraken', heading: /^(advies|afspraken|besluit|wat is besloten|wat het team besloot|uitkomst)\b/i },
  { label: 'Opvolging', heading: /^(opvolging|vervolg|vervolgafspraak|evaluatie|wat het opleverde|resultaat|hoe het afliep)\b/i },
];

/**
 * Questions about earlier or similar cases ("hebben we zoiets eerder gehad?") are answered from the
 * team's case discussions, per case: one line of the situation, what was advised and agreed, and
 * what came of it, each cited. Undefined when no case discussion in the asker's scope resembles it.
 */
export async function answerFromCases(deps: SearchDeps, analysis: QuestionAnalysis, teamIds: string[]): Promise<Answer | undefined> {
  const search = await searchKnowledge(deps, analysis.topicText, { limit: CASE_CANDIDATES, teamIds, type: 'casus' });
  const judgement = judgeAnswerability({ ...analysis, type: 'open', focus: [], action: [] }, search);
  if (!judgement.answerable) return undefined;

  const documents = [...new Set(judgement.covering.map((p) => p.source))].slice(0, MAX_CASES);
  const citations: Passage[] = [];
  const cite = (p: Passage) => {
    if (!citations.includes(p)) citations.push(p);
    return citations.indexOf(p) + 1;
  };
  const blocks: string[] = [];
  // What the question asks of the case ("voor hoe lang is dat toen ingezet?") chooses among its sentences, not the situation sketched before it.
  const asking = askingPart(analysis, judgement.salient);
  for (const source of documents) {
    const sections = await caseSections(deps.db, judgement.covering.find((p) => p.source === source)!.id);
    // The dilemma a case was discussed under is named when the coach asks for it.
    const dilemma = /\bdilemma/i.test(analysis.topicText) ? sections.find((p) => /^dilemma\b/i.test(innermost(p.heading))) : undefined;
    const lines = SECTIONS.map(({ label, heading }) => {
      const parts = sections.filter((p) => heading.test(innermost(p.heading)));
      const sentences = pickCaseSentences(parts, label === 'Situatie' ? 1 : 2, judgement.salient, asking);
      if (sentences.length === 0) return `• ${label}: niet vastgelegd in de bespreking.`;
      const [a, b] = sentences;
      const joined = a && b && a.p === b.p ? joinListItems(a.u.text, b.u.text) : undefined;
      const quoted = joined ? [{ p: a!.p, text: joined }] : sentences.map(({ p, u }) => ({ p, text: u.text }));
      return `• ${label}: ${quoted.map(({ p, text }) => `${text} [${cite(p)}]`).join(' ')}`;
    });
    if (dilemma) lines.unshift(`• Dilemma: ${innermost(dilemma.heading).replace(/^dilemma:?\s*/i, '')} [${cite(dilemma)}]`);
    blocks.push([`Casus "${sections[0]?.title ?? source}":`, ...lines].join('\n'));
  }
  const intro = documents.length > 1 ? 'Ja, het team heeft vergelijkbare casussen besproken.' : 'Ja, het team heeft een vergelijkbare casus besproken.';
  return { mode: 'extractive', text: [intro, ...blocks].join('\n\n'), citations: citations.map((p, i) => toCitation(p, i + 1)) };
}

/**
 * The first sentence of a section (what was advised, what came of it), and for the longer parts the
 * sentence that speaks most to what is asked ("en het gokken?" → the agreement about addiction care;
 * "voor hoe lang?" → the one with the duration), then to the case as a whole.
 */
function pickCaseSentences(parts: Passage[], max: number, salient: SalientConcept[], asking: Asking): { p: Passage; u: Unit }[] {
  const all = parts.flatMap((p) => splitUnits(p.text).map((u) => ({ p, u })));
  if (all.length <= max) return all;
  const score = (text: string) => coverageOf(text, asking.concepts) + (asking.type && answersType(asking.type, fold(text)) ? 1 : 0) + coverageOf(text, salient) / 10;
  const rest = all.slice(1).sort((a, b) => score(b.u.text) - score(a.u.text));
  return [all[0]!, ...rest.slice(0, max - 1)].sort((a, b) => all.indexOf(a) - all.indexOf(b));
}

interface Asking {
  concepts: SalientConcept[];
  /** A type whose answer shows in its words (a duration, a number), or undefined. */
  type?: QuestionAnalysis['type'];
}

/** The concepts of the sentence that asks, and its type when an answer to it can be recognised. */
function askingPart(analysis: QuestionAnalysis, salient: SalientConcept[]): Asking {
  const { question, rest } = splitQuestion(fold(analysis.topicText));
  const asked = new Set(contentWords(question).map(stem));
  const concepts = rest ? salient.filter((c) => words(c.asked).some((w) => asked.has(stem(w)))) : [];
  return { concepts, type: analysis.type === 'open' ? undefined : analysis.type };
}

function innermost(heading: string | null): string {
  return (heading ?? '').split(' › ').at(-1)!.trim();
}

/** Every passage of the case discussion a passage belongs to, in document order. */
async function caseSections(db: Db, passageId: string): Promise<Passage[]> {
  const rows = await db.sql.query<{
    id: string; source_key: string; title: string; location: string; doc_type: string; text: string; heading: string | null; source: string | null; team_id: string | null;
  }>(
    `SELECT c.id, d.source_key, d.title, c.location, c.doc_type, c.text, c.heading, d.source, c.team_id
       FROM chunk c JOIN document d ON d.id = c.document_id
      WHERE c.document_id = (SELECT document_id FROM chunk WHERE id = $1)
      ORDER BY c.ord`,
    [passageId],
  );
  return rows.map((r) => ({
    id: r.id, source: r.source_key, title: r.title, location: r.location, type: r.doc_type, score: 0,
    text: r.text, heading: r.heading, reference: r.source, teamId: r.team_id,
  }));
}
