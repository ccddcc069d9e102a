import { isDutchWord, isNameInDictionary, splitCompound } from '../knowledge/compounds.ts';
import { contentWords, familyVariants, fold, oneEditAway, stem, words } from '../knowledge/dutch.ts';
import type { Concept } from '../knowledge/query-concepts.ts';
import type { FoundPassage, KnowledgeSearch } from '../knowledge/search-passages.ts';
import { isCommonVerb, wordClassAt, type WordClass } from '../knowledge/word-class.ts';
import { givesContact, type QuestionAnalysis, type SalientConcept } from './question-analysis.ts';
import { scoreUnits } from './sentence-choice.ts';

export interface Judgement {
  answerable: boolean;
  /** Why not, for the log: which rule refused. */
  reason: 'answered' | 'no-passages' | 'unknown-focus' | 'unknown-words' | 'not-covered' | 'no-answer-of-type';
  /** Passages that speak to the question as a whole, in search order; the first leads the answer. */
  covering: FoundPassage[];
  salient: SalientConcept[];
}

/** A passage must name this share of the question's weight (its own rare words weigh most)… */
export const MIN_COVERAGE = 0.4;
/** …and words the index has never seen may not carry this share of it: "cao", "vakantie-uren". */
export const MAX_UNKNOWN_SHARE = 0.35;
/** One sentence of it (with what its heading names) must say this much of the question, and name the asked-for thing. */
export const MIN_UNIT_COVERAGE = 0.4;
/** In a follow-up searched with the question before it, the earlier words count this much: context, not what is asked now. */
const CONTEXT_WEIGHT = 0.4;

/**
 * Do the passages found answer the question? Its salient concepts — not the words that frame the
 * question — must be named together by one passage (in its text, heading or the questions written
 * for it); the asked-for thing must be among them, and words no source contains may not carry much
 * of the question. A duration, number or amount asked for must be there too. Independent of how
 * search ranks, so "no source, no claim" does not shift when ranking is tuned.
 */
export function judgeAnswerability(analysis: QuestionAnalysis, search: KnowledgeSearch, ownText?: string): Judgement {
  const ownStems = ownText ? new Set(words(ownText).map(stem)) : undefined;
  const salient = salientConcepts(analysis, search.concepts, ownStems, search.query);
  const unknown = search.unknown.filter((u) => isSalientWord(u.asked, analysis));
  const result = (reason: Judgement['reason'], covering: FoundPassage[] = []): Judgement => ({ answerable: reason === 'answered', reason, covering, salient });

  if (search.passages.length === 0) return result('no-passages');
  // In an English question most words are unknown to a Dutch index by nature; the synonyms carry it.
  if (search.dutch && unknown.some((u) => analysis.focus.includes(stem(u.asked)) || analysis.kind.includes(stem(u.asked)))) return result('unknown-focus');
  const known = salient.reduce((sum, c) => sum + c.weight, 0);
  const classOf = wordClassesIn(search.query);
  const unknownWeight = search.dutch
    ? unknown.reduce((sum, u) => sum + u.weight * (analysis.action.includes(stem(u.asked)) ? 1 : Math.min(unknownFactor(u.asked), unknownClassFactor(u.asked, classOf(u.asked))) * settingFactor(analysis, u.asked)), 0)
    : 0;
  if (unknownWeight / (known + unknownWeight || 1) >= MAX_UNKNOWN_SHARE) return result('unknown-words');
  if (known === 0) return result('not-covered');

  const own = salient.filter((c) => !c.context);
  const context = salient.filter((c) => c.context);
  const covering = search.passages.filter((p) => {
    const covered = (c: SalientConcept) => p.matches[c.index]!.length > 0;
    const share = (cs: SalientConcept[]) => cs.filter(covered).reduce((sum, c) => sum + c.weight, 0) / (cs.reduce((sum, c) => sum + c.weight, 0) || 1);
    // A follow-up's passage must still be about the conversation's topic, and answer the follow-up's own words.
    if (context.length && own.length && (share(own) < MIN_COVERAGE || !context.some(covered))) return false;
    return share(salient) >= MIN_COVERAGE && salient.filter((c) => c.focus).every(covered);
  });
  if (covering.length === 0) return result('not-covered');
  // A case's own question to the team asks, it does not answer; and the durations and numbers of
  // one case ("acht mensen per ochtend") answer no general "hoe lang" or "hoeveel".
  const usable = covering.filter(
    (p) => p.type !== 'casus' || analysis.pastCase || (!needsAmount(analysis) && !/^(vraag aan het team|dilemma)\b/i.test((p.heading ?? '').split(' › ').at(-1)!)),
  );
  // A case that covers what is asked about ("zoiets met woningvervuiling") is a similar case, even when
  // the sentence that names it leans on the one before ("Haar man is ziek en …"): the case answer
  // quotes each case by its parts (situation, advice, follow-up), not by that sentence.
  const answering = usable.filter(
    (p) =>
      (analysis.pastCase && p.type === 'casus') ||
      scoreUnits(analysis, salient, [p]).some((u) => u.focused && u.prominent && u.coverage >= MIN_UNIT_COVERAGE && (u.typed || !needsAmount(analysis)) && (!analysis.contact || givesContact(fold(u.text)))),
  );
  if (answering.length === 0) return result(needsAmount(analysis) || analysis.contact ? 'no-answer-of-type' : 'not-covered');
  // A heading that asks the same kind of question ("Wanneer zet je SoNeStra in?") leads; case
  // discussions are examples, so unless earlier cases are asked for the general guidance comes first.
  const demoted = (p: FoundPassage) => (!analysis.pastCase && p.type === 'casus' ? 1 : 0);
  const weight = (p: FoundPassage) => p.score * (headingAsks(analysis.type, p.heading) ? HEADING_BONUS : 1);
  // In a follow-up, the passage that stays closest to the conversation's topic comes first.
  const onTopic = (p: FoundPassage) => Math.round(10 * context.filter((c) => p.matches[c.index]!.length > 0).reduce((sum, c) => sum + c.weight, 0) / (context.reduce((sum, c) => sum + c.weight, 0) || 1));
  // "dilemma 9", "stap 5", "route 3": the section numbered so comes first.
  const numbered = (p: FoundPassage) => (analysis.references.some((r) => new RegExp(`\\b${r}\\b`).test(fold(p.heading ?? ''))) ? 0 : 1);
  const ordered = [...answering].sort((a, b) => numbered(a) - numbered(b) || demoted(a) - demoted(b) || onTopic(b) - onTopic(a) || weight(b) - weight(a));
  return result('answered', ordered);
}

/**
 * An unknown plain dictionary word ("absoluut", "eentje") is more often everyday phrasing than a
 * subject; a compound, a short abbreviation or a word no dictionary has ("cao", "kerstborrel",
 * "vakantiedagen", "outlook") names something the sources would have to cover.
 */
function unknownFactor(word: string): number {
  return word.length > 3 && /^\p{L}+$/u.test(word) && (isPlainWord(word) || (word.length >= 6 && !isDutchWord(word) && splitCompound(word).length === 0 && oneEditAway(word).some(isPlainWord))) ? 0.2 : 1;
}

/** A Dutch word that is no compound; "stiekum" is "stiekem" mistyped, a plain word too. */
function isPlainWord(word: string): boolean {
  return isDutchWord(word) && splitCompound(word).length === 0 && !isNameInDictionary(word);
}

/** How much a heading asking the same kind of question lifts a passage among those that answer. */
const HEADING_BONUS = 1.15;

const HEADING_TYPES: Partial<Record<QuestionAnalysis['type'], RegExp>> = {
  when: /\b(wanneer|op welk moment|in welke gevallen)\b/,
  who: /\b(wie|rollen?)\b/,
  'what-is': /\b(wat is|wat zijn|wat betekent)\b/,
  why: /\b(waarom|doel)\b/,
  steps: /\b(stappen|stappenplan|hoe|aanpak)\b/,
  'how-long': /\b(duur|hoe lang|termijn|tijd)\b/,
  'how-often': /\b(frequentie|hoe vaak)\b/,
  'how-many': /\b(groepsgrootte|aantal|hoeveel)\b/,
  refer: /\b(verwijs|verwijzen|waar)\b/,
};

function headingAsks(type: QuestionAnalysis['type'], heading: string | null): boolean {
  // What something is, the text above a document's first heading says.
  if (type === 'what-is' && !heading) return true;
  const innermost = fold(heading ?? '').split(' › ').at(-1)!;
  return HEADING_TYPES[type]?.test(innermost) ?? false;
}

function needsAmount(analysis: QuestionAnalysis): boolean {
  return ['how-long', 'how-many', 'how-often', 'amount'].includes(analysis.type);
}

/**
 * The concepts a passage must name: the asker's words minus those that frame the question. In a
 * follow-up searched with the question before it (`own` holds the follow-up's stems), the earlier
 * question's words weigh less: they set the scene, the follow-up says what is asked.
 */
export function salientConcepts(analysis: QuestionAnalysis, concepts: Concept[], own?: Set<string>, query = ''): SalientConcept[] {
  const asked = [...analysis.focus, ...analysis.action];
  const classOf = wordClassesIn(query);
  return concepts
    .map((c, index) => ({ ...c, index }))
    .filter((c) => c.asked && isSalientWord(c.asked, analysis))
    .map((c) => {
      // A hyphenated word counts by its whole and by its parts, as the question's focus is stemmed ("stepped-care" → steppedcar, stepped, car).
      const stems = [...words(c.asked), ...contentWords(c.asked)].map(stem);
      const context = own !== undefined && !stems.some((s) => own.has(s));
      const focus = !context && stems.some((s) => asked.includes(s));
      return {
        index: c.index,
        asked: c.asked,
        weight: c.weight * (context ? CONTEXT_WEIGHT : 1) * (focus ? 1 : CLASS_WEIGHT[classOf(c.asked)] * settingFactor(analysis, c.asked)),
        // Sentences are matched with the asker's word's family too ("gokt" → gokken), as search does for unknown words.
        forms: [...c.forms.map((f) => f.lexemes.map((l) => l.lexeme)), ...familyVariants(c.asked).map((v) => [stem(v)])],
        focus,
        context,
      };
    });
}

/**
 * What a word of each class counts for in the question. The subject of a question is named by its
 * nouns and terms ("levensgebieden", "schulden", "cao"); the verbs, adjectives and adverbs of
 * everyday phrasing ("er lijkt meer te spelen", "meenemen") are rare in the sources, so their
 * rarity would let them decide what a passage must contain. The asked-for thing keeps its full weight.
 */
const CLASS_WEIGHT: Record<WordClass | 'common-verb' | 'person', number> = { noun: 1, unknown: 1, person: 0.5, adjective: 0.6, verb: 0.8, 'common-verb': 0.3, other: 0.4 };

/** The people of a situation ("de vader slaat de moeder"): who it is about, rarely what is asked. */
const PEOPLE = new Set(
  'vader moeder zoon dochter broer zus opa oma man vrouw buurman buurvrouw jongen meisje kleinzoon kleindochter oom tante neef nicht schoonmoeder schoonvader stiefvader stiefmoeder vriend vriendin'.split(' '),
);

/** An unknown verb or adjective is phrasing ("hing", "blaffende"); an unknown word without endings may be an abbreviation ("vog"). */
function unknownClassFactor(word: string, c: WordClass | 'common-verb' | 'person'): number {
  return c === 'verb' || c === 'common-verb' || c === 'adjective' || (c === 'other' && word.length > 4) ? CLASS_WEIGHT[c] : 1;
}

/** Words that only sketch the situation before the question itself count this much. */
const SETTING_WEIGHT = 0.5;

function settingFactor(analysis: QuestionAnalysis, asked: string): number {
  const stems = words(asked).map(stem);
  return stems.length && stems.every((s) => analysis.setting.has(s)) ? SETTING_WEIGHT : 1;
}

/** The class of each word where it stands in the query; a phrase (a synonym of several words) counts as a term. */
function wordClassesIn(query: string): (asked: string) => WordClass | 'common-verb' | 'person' {
  const tokens = words(query);
  const classes = new Map(tokens.map((w, i) => [w, wordClassAt(tokens, i)] as const));
  return (asked) => {
    if (/\s/.test(asked)) return 'noun';
    if (PEOPLE.has(asked)) return 'person';
    const found = classes.get(asked) ?? wordClassAt([asked.split('-').at(-1)!], 0);
    return found === 'verb' && isCommonVerb(asked) ? 'common-verb' : found;
  };
}

function isSalientWord(asked: string, analysis: QuestionAnalysis): boolean {
  const parts = words(asked);
  // Two letters can be a term too: "hh", "jw".
  return parts.some((w) => (w.length >= 2 || /^\d+$/.test(w)) && !analysis.frame.has(stem(w)));
}
