import { splitCompound } from '../knowledge/compounds.ts';
import { contentWords, fold, separatedVerbs, stem, words } from '../knowledge/dutch.ts';
import type { Passage } from '../knowledge/search-passages.ts';
import { splitSentences } from '../knowledge/sentences.ts';
import type { SalientConcept } from './answerability.ts';
import { answersType, type QuestionAnalysis, type QuestionType } from './question-analysis.ts';

export const GENERAL_GUIDANCE = '(Algemene richtlijn, niet uit de bronnen.)';

/** A piece of a passage that can be quoted on its own: a sentence, or a list with the line that introduces it. */
export interface Unit {
  text: string;
  /** The source marks it as general guidance rather than something the sources say. */
  general: boolean;
  /** Order in the passage. */
  position: number;
}

export interface ChosenSentence extends Unit {
  passageIndex: number;
}

export interface SentenceChoice {
  /** The one or two sentences that answer what is asked. */
  lead: ChosenSentence[];
  /** At most two further points from passages that cover the question. */
  support: ChosenSentence[];
}

const LABEL = /\(algemene richtlijn, niet uit de bronnen\.?\)/i;
const LABEL_LINE = /^([^()]{0,60}:\s*)?\(algemene richtlijn, niet uit de bronnen\.?\)\s*$/i;
const LIST_ITEM = /^(•|\d+[.)])\s+/;
/** Starts that point back at the sentence before ("Dat gesprek …", "Ook …", "Ze duurt …"): never quoted alone. */
const DANGLING = /^(dat|die|dit|deze|daarom|daardoor|daarmee|daarbij|daarnaast|daarvoor|daar|hierdoor|hiermee|hierbij|ook|zo|dan|toch|bovendien|verder|hij|zij|ze|hem|haar)\b/i;
/** A sentence that names where it comes from is from the sources, even in a passage that also gives general guidance. */
const ATTRIBUTED = /\b(handboek|scriptie|volgens|portengen|bron|bronnen|artikel|bundel|onderzoek|procesevaluatie|jaarplan|convenant|respondent|wijkteam x|enschede|velve|r\d+|p\. ?\d+|auteur|vos|kwesties en keuzes)\b/i;
const MIN_CHARS = 25;
const MAX_LIST_CHARS = 480;

/**
 * Cuts a passage into quotable units. Never a table row, a question, a fragment ending in ";" or
 * ":", a source line, or a sentence that leans on the one before it without that one; a list is
 * quoted together with the line that introduces it. When the passage marks general guidance
 * outside a sentence (a label line, its source line), every unit that names no source carries it.
 */
export function splitUnits(text: string): Unit[] {
  const units: Unit[] = [];
  // Units that start by pointing back with nothing before them to point at: never quoted.
  const leansBack = new Set<Unit>();
  let labelled = false;
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^bron(nen)?:/i.test(line)) {
      if (LABEL.test(line)) labelled = true;
      continue;
    }
    if (LABEL_LINE.test(line)) {
      labelled = true;
      continue;
    }
    if (isTableRow(line)) continue;
    if (LIST_ITEM.test(line)) {
      const items: string[] = [];
      for (; i < lines.length && LIST_ITEM.test(lines[i]!); i++) items.push(lines[i]!.replace(LIST_ITEM, '').trim());
      i--;
      const intro = units.at(-1);
      const joined = items.map((t) => t.replace(/[;,.]\s*$/, '')).join('; ');
      if (intro?.text.endsWith(':') && intro.text.length + joined.length < MAX_LIST_CHARS) {
        intro.text = `${intro.text} ${joined}.`;
      } else {
        for (const item of items) for (const s of splitSentences(item)) units.push({ text: s, general: false, position: units.length });
      }
      continue;
    }
    let first = true;
    for (const sentence of splitSentences(line)) {
      const previous = units.at(-1);
      if (!DANGLING.test(sentence)) units.push({ text: sentence, general: false, position: units.length });
      else if (!first && previous && !leansBack.has(previous)) previous.text = `${previous.text} ${sentence}`;
      else leansBack.add(units[units.push({ text: sentence, general: false, position: units.length }) - 1]!);
      first = false;
    }
  }
  return units
    .filter((u) => !leansBack.has(u) && isQuotable(u.text))
    .map((u) => ({ ...u, general: LABEL.test(u.text) || (labelled && !ATTRIBUTED.test(u.text)) }));
}

function isTableRow(line: string): boolean {
  return line.startsWith('|') || (line.match(/\|/g)?.length ?? 0) >= 2;
}

function isQuotable(text: string): boolean {
  return (
    text.length >= MIN_CHARS &&
    /\p{L}{3}/u.test(text) &&
    !/[?:;,]["”’)]*$/.test(text) &&
    !/^\p{Ll}/u.test(text) &&
    !/\bseed \d/i.test(text) &&
    !LABEL_LINE.test(text)
  );
}

/** Stems a unit contains, with compound parts and separable verbs joined, as search sees them. */
export function stemsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of contentWords(text)) {
    out.add(stem(word));
    for (const part of splitCompound(word)) out.add(stem(part));
  }
  for (const verb of separatedVerbs(fold(text))) out.add(stem(verb.joined));
  for (const w of words(text)) if (/^\d+$/.test(w)) out.add(w);
  return out;
}

/** Share of the question's weight a text names. */
export function coverageOf(text: string, salient: SalientConcept[]): number {
  const total = salient.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) return 0;
  const stems = stemsOf(text);
  const named = salient.filter((c) => c.forms.some((f) => f.length > 0 && f.every((s) => stems.has(s))));
  return named.reduce((sum, c) => sum + c.weight, 0) / total;
}

/** Words by which a sentence does what a type of question asks (names a role, refers, lists steps…). */
const TYPE_SIGNALS: Partial<Record<QuestionType, RegExp>> = {
  who: /\b(collega|teamleider|leidinggevende|procesbegeleider|voorzitter|notulist|inbrenger|coach|wijkcoach|huisarts|privacy officer|functionaris|fg|jeugdcoach|aanbieder|gemeente|team|consulent|ouders?|de inwoner zelf)\b/,
  refer: /\b(verwijs|verwijzen|verwijst|schakel|inschakelen|meld .* aan|aanmelden|naar de|naar het|terecht bij|via de|bij de|contact op)\b/,
  steps: /(:.*;|\b(eerst|daarna|vervolgens|stap|stappen|tot slot|ten slotte)\b)/,
  'what-is': /\b(is een|is het|zijn de|betekent|heet|houdt in|bestaat uit|gaat om|staat voor|noemt)\b/,
  when: /\b(als|wanneer|voor|voordat|bij|zodra|binnen|na|pas)\b/,
  why: /\b(omdat|want|zodat|om .* te|daardoor|doel|reden|waardoor)\b/,
  'may-must': /\b(mag|mogen|moet|moeten|hoeft|hoeven|niet|geen|nooit|altijd|verplicht|alleen als|pas als|toestemming)\b/,
};

const MAX_SUPPORT = 2;
const MAX_CHARS = 750;

/**
 * The sentences that answer the question, from the passages that cover it (best first): the lead
 * names the question's concepts and, for "hoe lang", "hoeveel" and amounts, holds the duration,
 * number or amount; one more sentence follows it when it continues the answer; then at most two
 * supporting points that also name the question. Sentences in `exclude` (the previous answer of
 * the conversation) are not repeated.
 */
export function chooseSentences(analysis: QuestionAnalysis, salient: SalientConcept[], passages: Passage[], exclude: string[] = []): SentenceChoice {
  const said = exclude.map(normalise);
  const candidates = passages.flatMap((p, passageIndex) =>
    splitUnits(p.text)
      .filter((u) => !said.some((s) => s.includes(normalise(u.text))))
      .map((u) => {
        const folded = fold(u.text);
        const coverage = coverageOf(`${u.text}`, salient);
        const typed = answersType(analysis.type, folded) && analysis.type in { 'how-long': 1, 'how-many': 1, amount: 1 };
        const signal = TYPE_SIGNALS[analysis.type]?.test(folded) ? 0.25 : 0;
        const score =
          coverage + (typed ? 0.6 : 0) + signal + (passageIndex === 0 ? 0.15 : 0) - passageIndex * 0.03 + (u.position === 0 ? 0.05 : 0) - lengthPenalty(u.text);
        return { ...u, passageIndex, coverage, typed, score };
      }),
  );
  const needsType = analysis.type === 'how-long' || analysis.type === 'how-many' || analysis.type === 'amount';
  const leadPool = candidates.filter((c) => c.coverage > 0 && (!needsType || c.typed));
  const ranked = (leadPool.length ? leadPool : candidates.filter((c) => c.coverage > 0)).sort((a, b) => b.score - a.score);
  const first = ranked[0];
  if (!first) return { lead: [], support: [] };

  const lead = [first];
  const next = candidates.find((c) => c.passageIndex === first.passageIndex && c.position === first.position + 1);
  if (next && (next.coverage > 0 || next.typed) && first.text.length + next.text.length < 420) lead.push(next);

  const support: typeof candidates = [];
  let chars = lead.reduce((sum, c) => sum + c.text.length, 0);
  for (const c of [...candidates].sort((a, b) => b.score - a.score)) {
    if (support.length >= MAX_SUPPORT) break;
    if (c.coverage < 0.3 || lead.includes(c) || chars + c.text.length > MAX_CHARS) continue;
    if ([...lead, ...support].some((other) => saysTheSame(other.text, c.text))) continue;
    support.push(c);
    chars += c.text.length;
  }
  const strip = ({ text, general, position, passageIndex }: ChosenSentence) => ({ text, general, position, passageIndex });
  return { lead: lead.map(strip), support: support.map(strip) };
}

function lengthPenalty(text: string): number {
  return text.length > 450 ? 0.4 : text.length > 300 ? 0.2 : 0;
}

function normalise(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Two sentences that share most of their words repeat each other; quoting both wastes the coach's time. */
export function saysTheSame(a: string, b: string): boolean {
  const wordsA = new Set(contentWords(a).map(stem));
  const wordsB = new Set(contentWords(b).map(stem));
  const shared = [...wordsA].filter((w) => wordsB.has(w)).length;
  return shared / Math.min(wordsA.size, wordsB.size || 1) >= 0.7;
}
