import { contentWords, fold, stem } from '../knowledge/dutch.ts';
import type { Passage } from '../knowledge/search-passages.ts';
import type { QuestionAnalysis } from './question-analysis.ts';
import { yesOrNo } from './yes-no.ts';
import type { Citation, ReplyMode } from './reply.ts';
import { GENERAL_GUIDANCE } from './quotable-units.ts';
import type { ChosenSentence, SentenceChoice } from './sentence-choice.ts';

export interface Answer {
  mode: ReplyMode;
  text: string;
  citations: Citation[];
}

const NOT_IN_SOURCES = 'Dat staat niet in de bronnen die ik ken, dus daar kan ik geen betrouwbaar antwoord op geven.';

export const NOT_FOUND_TEXT =
  `${NOT_IN_SOURCES} Vraag het een ervaren collega of je teamleider. Gaat het om een lastige casus, breng hem dan in bij ` +
  'de twintig-ogen-bespreking in de tweewekelijkse teamvergadering.';

/** Where to go instead, by what was asked: the kennisbank holds method and policy, not employment terms or local details. */
const NEXT_STEPS: [RegExp, string][] = [
  [
    /\b(cao|salaris|loon|salarisschaal|inschaling|verlof\w*|vakantie\w*|reiskosten\w*|kilometer\w*|declar\w*|rooster\w*|ziekmeld\w*|pensioen\w*|arbeidscontract|contract|werktijden|thuiswerk\w*|overuren|opleidingsbudget|personeelszaken|p&o|hr)\b/,
    'Voor je arbeidsvoorwaarden, zoals verlof, salaris en vergoedingen, kun je terecht bij je teamleider of bij personeelszaken (HR).',
  ],
  [
    /\b(telefoonnummer\w*|nummer|adres\w*|openingstijden|e-?mail\w*|website|contactgegevens|contactpersoon)\b/,
    'Contactgegevens en openingstijden staan niet in de kennisbank: kijk op de website van de organisatie of vraag de collega die de sociale kaart van je team bijhoudt.',
  ],
];
const AMOUNTS_STEP = 'Bedragen en tarieven verschillen per gemeente en per jaar: vraag ze na bij de gemeente of bij de Wmo-consulent.';

/** "Dat staat niet in de bronnen", with the next step that fits what was asked. */
export function refusalAnswer(question: string, analysis: QuestionAnalysis): Answer {
  const folded = fold(question);
  const step = NEXT_STEPS.find(([pattern]) => pattern.test(folded))?.[1] ?? (analysis.type === 'amount' ? AMOUNTS_STEP : undefined);
  return { mode: 'not-found', text: step ? `${NOT_IN_SOURCES} ${step}` : NOT_FOUND_TEXT, citations: [] };
}

/** The sources say themselves that they are silent on what is asked: that note, cited, is the answer. */
export function silenceAnswer(note: string, passage: Passage): Answer {
  return { mode: 'not-found', text: `Dat staat niet in de bronnen die ik ken. ${note} [1]`, citations: [toCitation(passage, 1)] };
}

/** No case discussion of the team resembles the question. */
export function noCaseAnswer(): Answer {
  return {
    mode: 'not-found',
    text:
      'Dat staat niet in de bronnen die ik ken: ik vind geen casusbespreking van je team die hierop lijkt. ' +
      'Vraag collega\'s of zij zoiets eerder hebben meegemaakt, of breng de casus in bij de twintig-ogen-bespreking in de teamvergadering.',
    citations: [],
  };
}

/**
 * The answer first, in one short paragraph with its [n] markers (after "Ja." or "Nee." when the
 * source settles a yes/no question), then at most two supporting points. A sentence the source
 * marks as general guidance keeps that label right after it.
 */
export function composeAnswer(question: string, analysis: QuestionAnalysis, choice: SentenceChoice, passages: Passage[]): Answer {
  const order: number[] = [];
  const cite = (s: ChosenSentence) => {
    if (!order.includes(s.passageIndex)) order.push(s.passageIndex);
    const label = s.general && !s.text.includes(GENERAL_GUIDANCE) ? ` ${GENERAL_GUIDANCE}` : '';
    return `${s.text} [${order.indexOf(s.passageIndex) + 1}]${label}`;
  };
  const verdict = analysis.yesNo && choice.lead[0] ? yesOrNo(question, choice.lead[0].text) : undefined;
  const lead = withSubject(choice.lead.map(cite).join(' '), passages[choice.lead[0]!.passageIndex]!);
  const support = choice.support.map((s) => `• ${cite(s)}`);
  const text = [verdict ? `${verdict} ${lead}` : lead, ...(support.length ? ['', ...support] : [])].join('\n');
  return { mode: 'extractive', text, citations: order.map((index, i) => toCitation(passages[index]!, i + 1)) };
}

/**
 * "Wat het is: de gemeente moet …" says nothing without its section: a lead that does not name the
 * subject of its section (the heading before its colon, or the document's title) gets it in front.
 */
function withSubject(lead: string, p: Passage): string {
  const innermost = (p.heading ?? '').split(' › ').at(-1)!;
  const before = innermost.split(/[:–]/)[0]!.trim();
  // "Stap 1: aanmelding bij het wijkteam" is named by its whole heading; "Dilemma 19 – Kosten of kwaliteit?" by its number.
  const heading = /^\p{L}+ \d+$/u.test(before) && innermost.includes(':') ? innermost : before;
  const subject = heading && !heading.includes('?') ? heading : p.title.split(/[:–]/)[0]!.trim();
  const words = contentWords(subject).map(stem);
  const named = new Set(contentWords(lead).map(stem));
  if (!subject || words.length === 0 || words.every((w) => named.has(w)) || /^sociale kaart$/i.test(subject)) return lead;
  return `${subject} — ${lead}`;
}

export function toCitation(p: Passage, n: number): Citation {
  return { n, passageId: p.id, title: p.title, location: p.location, source: p.source, reference: p.reference, type: p.type, passage: p.text };
}
