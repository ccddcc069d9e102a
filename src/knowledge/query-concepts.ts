import type { Db } from '../lib/db.ts';
import { isDictionaryWord, isDutchWord, splitCompound } from './compounds.ts';
import { answerHints, editDistance, familyVariants, fold, withoutDiminutive, numberVariant, oneEditAway, separatedVerbs, stem, STOPWORDS, vowelLengthVariant, words } from './dutch.ts';
import type { Synonyms } from './synonyms.ts';

// Tuned on the odd lines of bench/eval/seeds.jsonl and checked on the even lines.
/** What a synonym, compound parts and an answer hint count for next to the asker's own word. */
const SYNONYM_FACTOR = 0.7;
const PARTS_FACTOR = 0.7;
const HINT_FACTOR = 0.6;
/** Another word of the same family ("verwaarloosd" → verwaarlozing), and the nearest known spelling of a typo. */
const FAMILY_FACTOR = 0.9;
const TYPO_FACTOR = 0.9;


/** One way to write a concept; `factor` discounts forms the asker did not use. */
interface FormDraft {
  text: string;
  factor: number;
  /** Only used when the index does not know the asker's own word. */
  fallback?: boolean;
}

interface ConceptDraft {
  /** What the asker wrote: a word, a synonym phrase or a separable verb; empty for answer hints. */
  asked: string;
  forms: FormDraft[];
}

export interface AnalysedQuery {
  concepts: ConceptDraft[];
  embedText: string;
  /**
   * Written in English, by its function words ("how", "the", "should"): the index's Dutch spelling is
   * no guide to it. 'sure' with "resident's" or "doesn't": then the Dutch dictionary's English
   * loanwords ("help", "route", "staff") do not make it Dutch after all.
   */
  english: English;
}

/**
 * Splits a question into concepts. Synonym phrases are matched first and take their words with them,
 * so "turn down" becomes one concept (afwijzen, weigeren, …) rather than two English words; so do
 * separable verbs ("toe te wijzen" → toewijzen).
 */
export function analyseQuery(question: string, synonyms: Synonyms): AnalysedQuery {
  const folded = fold(question);
  const concepts: ConceptDraft[] = [];
  const consumed = new Set<string>();
  const extra: string[] = [];
  for (const match of synonyms.matches(folded)) {
    const forms = [...match.found.map((text) => ({ text, factor: 1 })), ...match.others.map((text) => ({ text, factor: SYNONYM_FACTOR }))];
    concepts.push({ asked: match.found[0]!, forms });
    for (const term of match.found) for (const w of term.split(/[\s-]+/)) consumed.add(w);
    extra.push(...match.others);
  }
  for (const verb of separatedVerbs(folded)) {
    concepts.push({ asked: verb.joined, forms: [{ text: verb.joined, factor: 1 }, { text: `${verb.particle} ${verb.verb}`, factor: PARTS_FACTOR }] });
    consumed.add(verb.particle).add(verb.verb);
    extra.push(verb.joined);
  }
  for (const word of new Set(words(question).map((w) => w.replace(/'s$/, 's')))) {
    if ((word.length < 2 && !/^\d$/.test(word)) || STOPWORDS.has(word) || word.split('-').every((w) => consumed.has(w)) || isMisspeltStopword(word)) continue;
    const forms: FormDraft[] = [{ text: word, factor: 1 }];
    if (word.includes('-')) {
      // "wmo-aanvraag": the index may know a hyphenated word only by its parts. A part it lacks
      // leaves the word unknown: the head alone ("traject" for "wsnp-traject") would claim too much.
      const parts = word.split('-').filter((p) => p.length >= 2);
      forms.push({ text: word.replace(/-/g, ''), factor: 1 });
      if (parts.length > 1) forms.push({ text: parts.join(' '), factor: PARTS_FACTOR });
    }
    const other = numberVariant(word) ?? vowelLengthVariant(word);
    if (other) forms.push({ text: other, factor: 1 });
    // Other members of the word's family stand in only when the index lacks the asker's own word:
    // always adding them ranked the seed questions worse (bench/eval/seeds.jsonl, MRR 0.617 → 0.603).
    for (const variant of familyVariants(word)) forms.push({ text: variant, factor: FAMILY_FACTOR, fallback: true });
    const parts = splitCompound(word.replace(/-/g, '')).map(withoutDiminutive);
    if (parts.length) forms.push({ text: parts.join(' '), factor: PARTS_FACTOR });
    // "wietplantjes" → hennep planten, "ow-gesprek" → oplossingsgericht werken gesprek: a part may be written with a domain synonym.
    const named = parts.length ? parts : word.split('-').filter((p) => p.length >= 2);
    for (const [i, part] of named.length > 1 ? named.entries() : []) {
      for (const other of synonyms.groupOf(part) === undefined ? [] : synonyms.groups[synonyms.groupOf(part)!]!.filter((t) => t !== part).slice(0, 3)) {
        forms.push({ text: named.map((p, j) => (j === i ? other : p)).join(' '), factor: PARTS_FACTOR * SYNONYM_FACTOR, fallback: true });
      }
    }
    concepts.push({ asked: word, forms });
  }
  const hints = answerHints(folded);
  if (hints.length) concepts.push({ asked: '', forms: hints.map((text) => ({ text, factor: HINT_FACTOR })) });
  return { concepts, embedText: [question, ...extra].join(' '), english: englishOf(folded) };
}

/** Function words only English has; "is", "in", "we" and "have" are left out, as Dutch has them too. */
const ENGLISH = new Set('the a an of to are what how does do should can could would will when where who which my our your their this that with for from about there than my myself him her she he they them it its'.split(' '));

export type English = 'no' | 'likely' | 'sure';

function englishOf(folded: string): English {
  const all = words(folded);
  const english = all.filter((w) => ENGLISH.has(w));
  if (english.length < 2 || english.length * 4 < all.length) return 'no';
  // An English possessive or contraction leaves no doubt.
  return /\p{L}'(s|t|re|ve|ll)\b/u.test(folded) ? 'sure' : 'likely';
}

export interface Lexeme {
  lexeme: string;
  /** Number of passages containing it. */
  df: number;
}

/**
 * A concept with its forms as index lexemes. A passage gets the credit of its best-matching form,
 * so a concept with many synonyms does not outweigh the rest of the question; a form of several
 * words (a phrase, compound parts) earns the share of its words that the passage contains.
 */
export interface Concept {
  /** The asker's word or phrase; empty for the words that answer a "hoe lang" (answer hints). */
  asked: string;
  weight: number;
  forms: { factor: number; lexemes: Lexeme[] }[];
}

export interface WeighedQuery {
  concepts: Concept[];
  /** The asker's words the index does not know in any form, not even as a near spelling. */
  unknown: { asked: string; weight: number }[];
  /** Passages in the index. */
  total: number;
  /** Share of the question's weight in words the index knows: little when the corpus cannot answer. */
  knownShare: number;
  dutch: boolean;
}

/** Parses every form with the index's own text-search configuration and weighs each concept by its IDF. */
export async function weighConcepts(db: Db, drafts: ConceptDraft[], english: English = 'no'): Promise<WeighedQuery> {
  const flat = drafts.flatMap((d) => d.forms);
  const rows = flat.length
    ? await db.sql.query<{ i: number; lexeme: string; df: number | null; total: number | null }>(
        `SELECT f.i::int AS i, u.lexeme, s.ndoc AS df, (SELECT ndoc FROM lexeme_stat WHERE word = '') AS total
           FROM unnest($1::text[]) WITH ORDINALITY AS f(text, i)
           CROSS JOIN LATERAL unnest(to_tsvector('dutch', f.text)) u
           LEFT JOIN lexeme_stat s ON s.word = u.lexeme`,
        [flat.map((f) => f.text)],
      )
    : [];
  const total = Math.max(1, ...rows.map((r) => r.total ?? 0));
  const idf = (df: number) => Math.log(1 + (total - df + 0.5) / (df + 0.5));
  const lexemes = flat.map(() => [] as Lexeme[]);
  for (const r of rows) lexemes[r.i - 1]!.push({ lexeme: r.lexeme, df: r.df ?? 0 });

  let k = 0;
  const parsed = drafts.map((draft) => {
    const own = draft.forms[0]!.factor === 1 ? lexemes[k]! : [];
    const forms = draft.forms
      .map((f) => ({ factor: f.factor, fallback: f.fallback, lexemes: lexemes[k++]! }))
      .filter((f) => f.lexemes.length > 0 && !(f.fallback && formDf(own) > 0));
    return { asked: draft.asked, own, forms };
  });
  // A Dutch question ("wat is de jeugdbeschermingstafle precies?") may consist of one mistyped word besides its function words.
  const dutch = english === 'no' || (english === 'likely' && looksDutch(drafts));
  if (dutch) await addNearSpellings(db, parsed);
  await addCompoundsOf(db, parsed);

  const concepts: Concept[] = [];
  const unknown: WeighedQuery['unknown'] = [];
  const seen = new Set<string>();
  const key = (ls: Lexeme[]) => ls.map((l) => l.lexeme).sort().join(' ');
  for (const { asked, own, forms } of parsed) {
    // Only stopwords, or a word already counted as a form of an earlier concept ("dilemma's" after
    // the synonym group of "dilemma").
    if (forms.length === 0 || seen.has(key(forms[0]!.lexemes))) continue;
    for (const f of forms) seen.add(key(f.lexemes));
    // How rare the concept is: the asker's own word when the corpus knows it, else all forms together.
    // A hyphenated word the index lacks whole ("vier-ogenprincipe") is as rare as its best-known
    // spelling; adding up all its spellings would make it look common and the question's other words decide.
    const dfs = forms.map((f) => formDf(f.lexemes));
    const df = formDf(own) || Math.min(total, asked.includes('-') ? Math.max(...dfs) : dfs.reduce((a, b) => a + b, 0));
    if (df > 0) concepts.push({ asked, weight: idf(df), forms });
    else unknown.push({ asked, weight: idf(1) });
  }
  const known = concepts.reduce((sum, c) => sum + c.weight, 0);
  const unknownWeight = unknown.reduce((sum, u) => sum + u.weight, 0);
  return { concepts, unknown, total, knownShare: known / (known + unknownWeight || 1), dutch };
}

const COMPOUND_FACTOR = 0.8;
const MAX_COMPOUNDS = 6;

/**
 * A name or term the dictionary does not know ("Balint", "SoNeStra") is not split out of the
 * compounds it heads when passages are indexed, so "balint" would miss "Balintgroep": such a word
 * also finds the index's words that start with it, hyphens ignored ("watwerkt" → wat-werkt-gesprek).
 */
async function addCompoundsOf(db: Db, parsed: { asked: string; own: Lexeme[]; forms: { factor: number; lexemes: Lexeme[] }[] }[]): Promise<void> {
  const heads = parsed.flatMap((c) => {
    if (!/^\p{L}{5,}$/u.test(c.asked) || isDictionaryWord(c.asked)) return [];
    const known = c.forms.filter((f) => f.lexemes.length === 1 && f.lexemes[0]!.df > 0).map((f) => f.lexemes[0]!.lexeme);
    return [...new Set([...known, ...(known.length ? [] : [c.own[0]?.lexeme ?? ''])])].filter((l) => l.length >= 5).map((head) => ({ c, head }));
  });
  if (heads.length === 0) return;
  const rows = await db.sql.query<{ head: string; word: string; ndoc: number }>(
    `SELECT h.head, s.word, s.ndoc FROM unnest($1::text[]) h(head)
       CROSS JOIN LATERAL (SELECT word, ndoc FROM lexeme_stat WHERE replace(word, '-', '') LIKE h.head || '%' AND length(replace(word, '-', '')) >= length(h.head) + 3
                           ORDER BY ndoc DESC LIMIT ${MAX_COMPOUNDS}) s`,
    [heads.map((h) => h.head)],
  );
  for (const { c, head } of heads) {
    for (const row of rows.filter((r) => r.head === head)) {
      if (!c.forms.some((f) => f.lexemes.length === 1 && f.lexemes[0]!.lexeme === row.word)) c.forms.push({ factor: COMPOUND_FACTOR, lexemes: [{ lexeme: row.word, df: row.ndoc }] });
    }
  }
}

/** "eigelijk", "misschein": a function word with a typo says nothing about the question either. */
function isMisspeltStopword(word: string): boolean {
  if (word.length < 5 || isDictionaryWord(word)) return false;
  for (const stop of STOPWORDS) if (stop.length >= 5 && editDistance(word, stop, 1) <= 1) return true;
  return false;
}

/** A form of several words occurs at most as often as its rarest word, and never when one is unknown. */
function formDf(ls: Lexeme[]): number {
  return ls.length ? Math.min(...ls.map((l) => l.df)) : 0;
}

/**
 * Typos are corrected in Dutch questions only: in an English one ("barely speaks Dutch") most words
 * are unknown to the index and the nearest Dutch spelling ("speak" → sprak) is a false friend.
 */
function looksDutch(drafts: ConceptDraft[]): boolean {
  const asked = drafts.map((d) => d.asked).filter((w) => /^\p{L}+$/u.test(w));
  return asked.filter((w) => isDutchWord(w) || splitCompound(w).length > 0).length * 2 >= asked.length;
}

/** Typos are corrected only for words long enough that one or two wrong letters still leave them recognisable. */
const MIN_TYPO_LENGTH = 5;
const MIN_REAL_WORD_TYPO = 7;
const maxTypos = (length: number) => (length >= 8 ? 2 : 1);

/**
 * A word the index does not know in any form ("verkenen", "schuldhulpverleining") gets the known
 * lexeme nearest in spelling, when there is one within one or two edits: first letter equal, as
 * typos rarely hit it. Ties go to the more frequent lexeme. A real Dutch word or compound is no
 * typo: "verlof" must not become "verloop" and make a question the sources do not answer look answered.
 */
async function addNearSpellings(db: Db, parsed: { asked: string; own: Lexeme[]; forms: { factor: number; lexemes: Lexeme[] }[] }[]): Promise<void> {
  const misspelt = parsed.filter(
    (c) => c.own.length === 1 && /^\p{L}+$/u.test(c.own[0]!.lexeme) && c.own[0]!.lexeme.length >= MIN_TYPO_LENGTH && c.forms.every((f) => formDf(f.lexemes) === 0) &&
      (!isDictionaryWord(c.asked) || c.asked.length >= MIN_REAL_WORD_TYPO),
  );
  if (misspelt.length === 0) return;
  const lexemes = misspelt.map((c) => c.own[0]!.lexeme);
  const rows = await db.sql.query<{ word: string; ndoc: number }>(
    `SELECT word, ndoc FROM lexeme_stat
      WHERE left(word, 1) = ANY($1::text[]) AND length(word) BETWEEN $2 AND $3`,
    [[...new Set(lexemes.map((l) => l[0]!))], Math.min(...lexemes.map((l) => l.length)) - 4, Math.max(...lexemes.map((l) => l.length)) + 2],
  );
  const known = new Map(rows.map((r) => [r.word, r]));
  for (const concept of misspelt) {
    const lexeme = concept.own[0]!.lexeme;
    // One wrong, missing, extra or swapped letter in the word as typed, stemmed again: "teamvergaderign"
    // → teamvergadering → teamvergader, which a distance to the stemmed lexeme would miss.
    const corrected = concept.asked.length >= MIN_TYPO_LENGTH && !isDictionaryWord(concept.asked) ? oneEditAway(concept.asked).map((v) => known.get(stem(v))).filter((r) => r !== undefined) : [];
    if (corrected.length) {
      const best = corrected.reduce((a, b) => (b.ndoc > a.ndoc ? b : a));
      concept.forms.push({ factor: TYPO_FACTOR, lexemes: [{ lexeme: best.word, df: best.ndoc }] });
      continue;
    }
    // A typo can make another real word ("verkenen"): then only one letter may be off.
    const max = isDictionaryWord(concept.asked) ? 1 : maxTypos(lexeme.length);
    let best: { word: string; ndoc: number; distance: number } | undefined;
    // A typo can change what the stemmer strips ("teamvergadeing" keeps its -ing): compare without the ending too.
    const bare = concept.asked.replace(/(ingen|ing|heden|heid|en|e|s)$/, '');
    for (const row of rows) {
      if (row.word[0] !== lexeme[0]) continue;
      const distance = Math.min(editDistance(lexeme, row.word, max), bare.length >= MIN_TYPO_LENGTH ? editDistance(bare, row.word, max) : max + 1);
      if (distance > max) continue;
      if (!best || distance < best.distance || (distance === best.distance && row.ndoc > best.ndoc)) best = { ...row, distance };
    }
    if (best) concept.forms.push({ factor: TYPO_FACTOR, lexemes: [{ lexeme: best.word, df: best.ndoc }] });
  }
}
