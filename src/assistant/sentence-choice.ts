import { isVerbStem, splitCompound } from '../knowledge/compounds.ts';
import { contentWords, fold, separatedVerbs, stem, STOPWORDS, vowelLengthVariant, words } from '../knowledge/dutch.ts';
import type { FoundPassage, Passage } from '../knowledge/search-passages.ts';
import { answersType, type QuestionAnalysis, type QuestionType, type SalientConcept } from './question-analysis.ts';
import { absenceNotes, joinListItems, splitUnits, type Unit } from './quotable-units.ts';
import { yesOrNo } from './yes-no.ts';

export interface ChosenSentence extends Unit {
  passageIndex: number;
}

export interface SentenceChoice {
  /** The one or two sentences that answer what is asked. */
  lead: ChosenSentence[];
  /** At most two further points from passages that cover the question. */
  support: ChosenSentence[];
}

/** A unit judged against the question. */
export interface ScoredUnit extends ChosenSentence {
  /** Share of the question's weight the unit names, counting what its passage's heading names. */
  coverage: number;
  /** Share it names itself beyond the heading: what tells one sentence of a section from the next. */
  own: number;
  /** Names the asked-for thing (or there is none). */
  focused: boolean;

  /** Holds the duration, number or amount a "hoe lang" or "hoeveel" question asks for. */
  typed: boolean;
  /** Not a word in passing: its section is about the question, or it names two of the question's concepts. */
  prominent: boolean;
  /** Spells out a term of a "wat is" question: "SoNeStra (Sociale Netwerk Strategieën) is …". */
  spelled: boolean;
  score: number;
}

/** Stems a text contains, with compound parts, separable verbs joined and the other vowel length, as search sees them. */
export function stemsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of contentWords(text)) {
    out.add(stem(word));
    for (const part of splitCompound(word)) out.add(stem(part));
    // "verwijs" and "verwijzing", "blijf" and "blijven": the stem keeps the voiceless ending apart.
    for (const other of [vowelLengthVariant(word), /s$/.test(word) ? `${word.slice(0, -1)}zen` : undefined, /f$/.test(word) ? `${word.slice(0, -1)}ven` : undefined]) {
      if (other) out.add(stem(other));
    }
  }
  for (const verb of separatedVerbs(fold(text))) out.add(stem(verb.joined));
  for (const w of words(text)) if (/^\d+$/.test(w)) out.add(w);
  return out;
}

/** Share of the question's weight a text names. */
export function coverageOf(text: string, salient: SalientConcept[]): number {
  const stems = stemsOf(text);
  const total = salient.reduce((sum, c) => sum + c.weight, 0) || 1;
  return salient.filter((c) => names(stems, c)).reduce((sum, c) => sum + c.weight, 0) / total;
}

function names(stems: Set<string>, c: SalientConcept): boolean {
  return c.forms.some((f) => f.length > 0 && f.every((s) => stems.has(s)));
}

/** Words by which a sentence does what a type of question asks (names a role, refers, lists steps…). */
const TYPE_SIGNALS: Partial<Record<QuestionType, RegExp>> = {
  who: /\b(collega|teamleider|leidinggevende|procesbegeleider|voorzitter|notulist|inbrenger|coach|wijkcoach|huisarts|privacy officer|functionaris|fg|jeugdcoach|aanbieder|gemeente|rechter|kantonrechter|consulent|ervaringsdeskundige|ouders?|de inwoner zelf)\b/,
  refer: /\b(verwijs|verwijzen|verwijst|verwijzer|schakel|inschakelen|meld .* aan|aanmelden|terecht bij|via de|contact op|eerste stap)\b/,
  steps: /(:.*;|\b(eerst|daarna|vervolgens|stap|stappen|tot slot|ten slotte)\b|\b(zo|als volgt)\b[^.]*:)/,
  which: /(:.*;|,.*\b(en|of)\b)/,
  'what-is': /\b(is een|is het|zijn de|betekent|heet|houdt in|bestaat uit|gaat om|gaat over|staat voor|noemt|bedoeld)\b/,
  when: /\b(als|wanneer|voor|voordat|vooraf|achteraf|bij|zodra|binnen|na|nadat|pas)\b/,
  why: /\b(omdat|want|zodat|doordat|daardoor|waardoor|redenen|de reden is|houden langer|blijft)\b/,
  'may-must': /\b(mag|mogen|moet|moeten|hoeft|hoeven|niet|geen|nooit|altijd|verplicht|alleen als|pas als|toestemming|afgedwongen)\b/,
};
/**
 * "Hoeveel mensen staan er op de wachtlijst van de ggz?": a number of people answers only when the
 * sentence is also about that waiting list. Share of the question besides the asked-for thing.
 */
function aroundFocus(salient: SalientConcept[], named: SalientConcept[], given: SalientConcept[]): number {
  const rest = salient.filter((c) => !c.focus);
  const total = rest.reduce((sum, c) => sum + c.weight, 0);
  return total ? rest.filter((c) => named.includes(c) || given.includes(c)).reduce((sum, c) => sum + c.weight, 0) / total : 1;
}

function labelNames(text: string, salient: SalientConcept[]): boolean {
  const labels = [...text.matchAll(/(?:^|:\s)([^:;.]{2,40}):\s/g)].map((m) => m[1]!);
  return labels.some((label) => {
    const stems = stemsOf(label);
    return salient.some((c) => names(stems, c));
  });
}

/** The sociale kaart's own labels ("Hoe verwijs je: …") say which kind of question a sentence answers. */
const LABELS: Partial<Record<QuestionType, RegExp>> = {
  'what-is': /^wat (het|dit) is:/,
  refer: /^(hoe verwijs je|aanmelden|hoe meld je aan):/,
  steps: /^(hoe verwijs je|hoe werkt het|aanpak|stappen):/,
  who: /^voor wie:/,
};

const NUMBER = /\b(\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig)\b/;

/** "Met hoeveel mensen?" is answered by a number close to the people counted: "zes tot tien deelnemers". */
function countsFocus(folded: string, focus: SalientConcept[]): boolean {
  if (focus.length === 0) return true;
  const tokens = words(folded);
  return tokens.some((t, i) => NUMBER.test(t) && tokens.slice(i + 1, i + 5).some((n) => focus.some((c) => c.forms.some((f) => f.length === 1 && stemsOf(n).has(f[0]!)))));
}

/**
 * In a list of clauses ("… een aanvraag afwijst; je eigen ondersteuning verlengt (maximaal 4 maanden)"),
 * the duration or number answers only when its own clause names something the question asks about.
 */
function typedAbout(type: QuestionType, folded: string, salient: SalientConcept[]): boolean {
  const clauses = folded.split(/;\s*/);
  if (clauses.length < 2) return true;
  // A duration in a list's introduction ("Inbrenger (uiterlijk twee werkdagen vooraf): …") holds for the whole list.
  const intro = /^[^:]*:/.exec(folded)?.[0];
  if (intro && answersType(type, intro)) return true;
  const own = salient.filter((c) => !c.context);
  return clauses.some((clause) => answersType(type, clause) && own.some((c) => names(stemsOf(clause), c)));
}

/** Types answered by advice: an imperative sentence ("Blijf bij je eigen verkenning") is the answer itself. */
const ADVICE: QuestionType[] = ['steps', 'refer', 'open', 'which'];

function spellsOut(folded: string, term: string): boolean {
  if (!term || /\s/.test(term)) return false;
  const t = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\(${t}\\)|\\b${t} \\(`).test(folded);
}

/** Every quotable unit of the passages, judged against the question; sentences in `exclude` are left out. */
export function scoreUnits(analysis: QuestionAnalysis, salient: SalientConcept[], passages: Passage[], exclude: string[] = [], question?: string): ScoredUnit[] {
  const total = salient.reduce((sum, c) => sum + c.weight, 0) || 1;
  const said = exclude.map(normalise);
  const focus = salient.filter((c) => c.focus);
  const asker = new Set(question ? contentWords(question).map(stem) : []);
  const needsType = ['how-long', 'how-many', 'how-often', 'amount'].includes(analysis.type);
  return passages.flatMap((p, passageIndex) => {
    // What the section is about, by its heading and the questions written for it, holds for each of its sentences.
    const heading = stemsOf(`${p.title} ${p.heading ?? ''}`);
    const matches = 'matches' in p ? (p as FoundPassage).matches : undefined;
    // The written questions speak for the section only when one of them is close to the coach's own.
    const inQuestions = salient.filter((c) => matches?.[c.index]?.includes('questions'));
    const askedHere = inQuestions.reduce((sum, c) => sum + c.weight, 0) / total >= 0.5;
    const given = salient.filter((c) => names(heading, c) || (askedHere && inQuestions.includes(c)));
    return splitUnits(p.text)
      .filter((u) => !said.some((s) => s.includes(normalise(u.text))))
      .map((u) => {
        const stems = stemsOf(u.text);
        const named = salient.filter((c) => names(stems, c));
        const weigh = (cs: SalientConcept[]) => cs.reduce((sum, c) => sum + c.weight, 0) / total;
        const coverage = weigh(salient.filter((c) => named.includes(c) || given.includes(c)));
        const own = weigh(named.filter((c) => !given.includes(c))) + 0.3 * weigh(named.filter((c) => given.includes(c)));
        const focused = focus.every((c) => named.includes(c) || given.includes(c)) && (!needsType || !analysis.counted || aroundFocus(salient, named, given) >= 0.5);
        const folded = fold(u.text);
        // "Voorbeeld: het team heeft een wachtlijst van enkele weken" illustrates; it states no duration or number.
        const typed =
          needsType && !/^(voorbeeld|bijvoorbeeld|stel)\b/.test(folded) && answersType(analysis.type, folded) && (analysis.type !== 'how-many' || countsFocus(folded, focus)) && typedAbout(analysis.type, folded, salient);
        const signal = (TYPE_SIGNALS[analysis.type]?.test(folded) ? 0.25 : 0) + (LABELS[analysis.type]?.test(folded) ? 0.4 : 0);
        // Advice answers what to do; a yes/no question wants the sentence that settles it instead.
        const advice = ADVICE.includes(analysis.type) && !analysis.yesNo && isImperative(u.text) ? 0.3 : 0;
        // The sentence right after the source's own version of the coach's question answers it.
        const asked = u.answers ? 0.8 * coverageOf(u.answers, salient) : 0;
        // A sentence that settles a yes/no question ("… gaan in koppels", "… mag niet") is its answer.
        // Only when it speaks of the question itself: "een derde wil geen hulp" settles nothing about aanmelden.
        const settles = analysis.yesNo && question && named.length > 0 && yesOrNo(question, u.text) ? 0.25 : 0;
        // A sentence that echoes the coach's own wording ("vraag door als iemand zegt dat er niemand is") is likely the one meant.
        const echo = asker.size ? (0.3 * [...asker].filter((w) => stems.has(w)).length) / asker.size : 0;
        // "Schaalvraag: …" in a list answers "hoe stel je de schaalvraag": its label names what is asked.
        const labelled = labelNames(u.text, salient) ? 0.3 : 0;
        const first = u.position === 0 ? (analysis.type === 'what-is' ? 0.15 : 0.05) : 0;
        const spelled = analysis.type === 'what-is' && named.some((c) => spellsOut(folded, c.asked));
        const score = own + asked + settles + echo + labelled + first + (typed ? 0.6 : 0) + signal + advice + (passageIndex === 0 ? 0.15 : 0) - lengthPenalty(u.text);
        // A section about the question (its heading or questions name it), or a sentence that names two of its concepts.
        const prominent = given.length > 0 || named.length >= 2;
        return { ...u, passageIndex, coverage, own, focused, typed, prominent, spelled, score };
      });
  });
}

/** "Blijf bij …", "Vraag door …", "Meld de inwoner aan …": a sentence that starts with a verb's stem tells the coach what to do. */
function isImperative(text: string): boolean {
  return [...text.matchAll(/(?:^|[.!]\s+)(\p{Lu}\p{Ll}+)/gu)].some((m) => {
    const first = m[1]!.toLowerCase();
    return !STOPWORDS.has(first) && isVerbStem(first);
  });
}

const MAX_SUPPORT = 2;
const MAX_CHARS = 750;

/**
 * The sentences that answer the question. The lead comes from the first passage (in the order
 * answerability gave) with a sentence that names the asked-for thing and, for "hoe lang",
 * "hoeveel" and amounts, the duration, number or amount; within that passage the sentence that
 * names most of what the heading does not already say wins. One more sentence follows it when it
 * continues the answer; then at most two supporting points that also name the question.
 */
export function chooseSentences(analysis: QuestionAnalysis, salient: SalientConcept[], passages: Passage[], exclude: string[] = [], question?: string): SentenceChoice {
  const candidates = scoreUnits(analysis, salient, passages, exclude, question);
  const needsType = ['how-long', 'how-many', 'how-often', 'amount'].includes(analysis.type);
  // A sentence qualifies when it names something of the question itself, or when its section (by
  // heading and written questions) already covers the question and the sentence belongs to it.
  const qualifies = (c: ScoredUnit) => c.focused && c.prominent && c.coverage > 0 && (c.own > 0 || c.typed || c.coverage >= 0.5) && (!needsType || c.typed);
  // What a term is, the sentence that spells it out says first ("SoNeStra (Sociale Netwerk Strategieën) is …"), wherever it stands.
  const spelledOut = candidates.find((c) => c.spelled && qualifies(c));
  const leadPassage = spelledOut?.passageIndex ?? candidates.find(qualifies)?.passageIndex;
  if (leadPassage === undefined) return { lead: [], support: [] };
  const first = spelledOut ?? candidates.filter((c) => c.passageIndex === leadPassage && qualifies(c)).sort((a, b) => b.score - a.score)[0]!;

  const lead = [first];
  const next = candidates.find((c) => c.passageIndex === first.passageIndex && c.position === first.position + 1);
  const continues =
    next && (next.own > 0 || next.typed || TYPE_SIGNALS[analysis.type]?.test(fold(next.text)) || (ADVICE.includes(analysis.type) && !analysis.yesNo && isImperative(next.text)));
  if (continues && first.text.length + next.text.length < 420) lead.push(next);
  const joined = lead.length === 2 ? joinListItems(first.text, lead[1]!.text) : undefined;
  if (joined) lead.splice(0, 2, { ...first, text: joined });

  const support: ScoredUnit[] = [];
  let chars = lead.reduce((sum, c) => sum + c.text.length, 0);
  for (const c of [...candidates].sort((a, b) => b.score - a.score)) {
    if (support.length >= MAX_SUPPORT) break;
    // From the lead's own section, a sentence that names something of the question itself also supports it.
    const sameSection = c.passageIndex === first.passageIndex && c.own > 0 && c.focused;
    if ((!sameSection && (c.own < 0.3 || c.coverage < 0.5)) || lead.includes(c) || chars + c.text.length > MAX_CHARS) continue;
    if ([...lead, ...support].some((other) => saysTheSame(other.text, c.text))) continue;
    support.push(c);
    chars += c.text.length;
  }
  const strip = ({ text, general, position, passageIndex }: ScoredUnit): ChosenSentence => ({ text, general, position, passageIndex });
  return { lead: lead.map(strip), support: support.map(strip) };
}

/** What a note must speak of to say the sources lack a measure: "zegt niet hoe lang", "niets over bedragen". */
const MEASURE_WORDS: Partial<Record<QuestionType, RegExp>> = {
  'how-long': /\b(hoe lang|duur|duurt|duren|termijn\w*|tijd)\b/,
  'how-many': /\b(hoeveel|aantal\w*)\b/,
  'how-often': /\b(hoe vaak|frequentie)\b/,
  amount: /\b(bedrag\w*|hoogte|tarie\w*|kosten|plafond\w*)\b/,
};

/** A note must name this share of the question, more than the chosen answer does, to say the sources are silent. */
const SILENCE_COVERAGE = 0.5;

/**
 * The source's own note that it is silent on what is asked ("Het handboek zegt niet hoe lang die
 * verlenging mag duren"), when that note speaks to the question better than the sentence chosen
 * to answer it: then the honest answer is that the sources do not say.
 */
export function silenceOn(analysis: QuestionAnalysis, salient: SalientConcept[], passages: Passage[], lead?: ChosenSentence): { text: string; passageIndex: number } | undefined {
  const answered = lead ? coverageOf(lead.text, salient) : 0;
  const focus = salient.filter((c) => c.focus);
  for (const [passageIndex, p] of passages.entries()) {
    for (const text of absenceNotes(p.text)) {
      // A note about a measure ("zegt niet hoe lang …") is silent on that measure only: "mag dat nog langer?" it does not answer.
      const measures = Object.entries(MEASURE_WORDS).filter(([, pattern]) => pattern.test(fold(text))).map(([type]) => type);
      const fits = analysis.type in MEASURE_WORDS ? measures.includes(analysis.type) : measures.length === 0;
      const coverage = coverageOf(text, salient);
      if (!fits || coverage < SILENCE_COVERAGE || coverage <= answered) continue;
      if (focus.every((c) => names(stemsOf(text), c))) return { text, passageIndex };
    }
  }
  return undefined;
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
