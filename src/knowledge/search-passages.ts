import type { Db } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';
import { answerHints, fold, numberVariant, separatedVerbs, STOPWORDS, vowelLengthVariant, words } from './dutch.ts';
import { splitCompound } from './compounds.ts';
import type { DocumentType } from './document.ts';
import type { Embedder } from './embedder.ts';
import { toVector } from './index-store.ts';
import { findNearestPassages, SCOPE_SQL, type SearchScope } from './nearest-passages.ts';
import type { Synonyms } from './synonyms.ts';

export interface SearchDeps {
  db: Db;
  embedder: Embedder;
  synonyms: Synonyms;
  /** Told when the embedding model fails and search goes on with words only. */
  logger?: Logger;
}

export interface SearchOptions {
  limit?: number;
  type?: DocumentType;
  /** Teams of the asker: their team collections are searched besides the organisation-wide ones. */
  teamIds: string[];
}

export interface Passage {
  id: string;
  /** The indexed file, e.g. knowledge/handboek/werkwijze.md. */
  source: string;
  title: string;
  location: string;
  type: string;
  /**
   * 0–1: how much of the question the passage covers (BM25 per concept, nearness of the concepts,
   * vector similarity), scaled down by the share of the question's words no passage contains (for
   * a semantic embedder, only the lexical part: its vectors may know words the index does not).
   */
  score: number;
  text: string;
  heading: string | null;
  /** What the document says it is based on (front matter `source`), for citations. */
  reference: string | null;
  teamId: string | null;
}

// Tuned on the odd lines of bench/eval/seeds.jsonl and checked on the even lines.
/** What a synonym, compound parts and an answer hint count for next to the asker's own word. */
const SYNONYM_FACTOR = 0.7;
const PARTS_FACTOR = 0.7;
const HINT_FACTOR = 0.6;
/** BM25 term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.5;
/** An occurrence in the document title or heading counts this much on top of the body. */
const TITLE_WEIGHT = 0.5;
/** Share of the score for the concepts found close together, within this many word positions. */
const NEARNESS_WEIGHT = 0.2;
const NEARNESS_WINDOW = 15;
/** Share of the score for vector similarity. */
const VECTOR_WEIGHT = 0.3;
const LEXICAL_CANDIDATES = 60;
const VECTOR_CANDIDATES = 40;
/** Lexemes looked up per question, and at most this many of them (the rarest) choose candidates… */
const MAX_TERMS = 32;
const MAX_CHOOSING = 12;
/** …as long as their index entries stay within this budget (and half of all passages). */
const CHOOSING_BUDGET = 6000;

/**
 * Hybrid search. The question becomes concepts (a word or phrase with its synonyms, compound parts
 * and other spellings); passages are found through the full-text index, plus the nearest vectors when
 * the embedder captures meaning beyond the words; then every candidate is scored by BM25 per concept
 * as a share of the question's weight, by how close together the concepts occur and by vector
 * similarity. Always limited to the asker's scope. Weighing the question's words and the HNSW lookup
 * run side by side; then one statement finds and describes the candidates, and one loads the best.
 * When the embedding model fails, search goes on with the words alone.
 */
export async function searchPassages(deps: SearchDeps, query: string, options: SearchOptions): Promise<Passage[]> {
  const limit = Math.min(Math.max(options.limit ?? 5, 1), 50);
  const question = query.replace(/\s+/g, ' ').trim();
  if (!question) throw new WijkwijsError('question_empty', 'Stel een vraag: de zoekopdracht is leeg.');

  const analysed = analyseQuestion(question, deps.synonyms);
  const scope = { teamIds: options.teamIds, type: options.type ?? null };
  const [weighed, nearest] = await Promise.all([weighConcepts(deps.db, analysed.concepts), nearestByVector(deps, analysed.embedText, scope)]);
  const candidates = await findCandidates(deps.db, weighed, nearest, scope);
  if (candidates.length === 0) return [];
  rank(candidates, weighed, nearest.vector ? VECTOR_WEIGHT : 0, deps.embedder.semantic);

  const best = candidates.slice(0, limit);
  const passages = await loadPassages(deps.db, best.map((c) => c.id));
  return best.map((c) => ({ ...passages.get(c.id)!, score: round(c.score) }));
}

interface Nearest {
  /** The question's vector; missing when the embedding model failed. */
  vector?: number[];
  /** Passages found through the HNSW index (a semantic embedder only). */
  ids: string[];
}

/** The question's vector and, when it carries meaning, its nearest passages; a failing model leaves words only. */
async function nearestByVector(deps: SearchDeps, text: string, scope: SearchScope): Promise<Nearest> {
  let vector: number[];
  try {
    vector = await deps.embedder.embedQuery(text);
  } catch (error) {
    deps.logger?.warn({ err: error, embedder: deps.embedder.id }, 'question embedding failed; searching by words only');
    return { ids: [] };
  }
  return { vector, ids: deps.embedder.semantic ? await findNearestPassages(deps.db, vector, scope, VECTOR_CANDIDATES) : [] };
}

/** One way to write a concept; `factor` discounts forms the asker did not use. */
interface FormDraft {
  text: string;
  factor: number;
}

interface AnalysedQuestion {
  /** Per concept its forms; the first form is what the asker wrote. */
  concepts: FormDraft[][];
  embedText: string;
}

/**
 * Splits a question into concepts. Synonym phrases are matched first and take their words with them,
 * so "turn down" becomes one concept (afwijzen, weigeren, …) rather than two English words; so do
 * separable verbs ("toe te wijzen" → toewijzen).
 */
function analyseQuestion(question: string, synonyms: Synonyms): AnalysedQuestion {
  const folded = fold(question);
  const concepts: FormDraft[][] = [];
  const consumed = new Set<string>();
  const extra: string[] = [];
  for (const match of synonyms.matches(folded)) {
    concepts.push([...match.found.map((text) => ({ text, factor: 1 })), ...match.others.map((text) => ({ text, factor: SYNONYM_FACTOR }))]);
    for (const term of match.found) for (const w of term.split(/[\s-]+/)) consumed.add(w);
    extra.push(...match.others);
  }
  for (const verb of separatedVerbs(folded)) {
    concepts.push([{ text: verb.joined, factor: 1 }, { text: `${verb.particle} ${verb.verb}`, factor: PARTS_FACTOR }]);
    consumed.add(verb.particle).add(verb.verb);
    extra.push(verb.joined);
  }
  for (const word of new Set(words(question).map((w) => w.replace(/'s$/, 's')))) {
    if (word.length < 2 || STOPWORDS.has(word) || word.split('-').every((w) => consumed.has(w))) continue;
    const forms: FormDraft[] = [{ text: word, factor: 1 }];
    if (word.includes('-')) forms.push({ text: word.replace(/-/g, ''), factor: 1 });
    const other = numberVariant(word) ?? vowelLengthVariant(word);
    if (other) forms.push({ text: other, factor: 1 });
    const parts = splitCompound(word.replace(/-/g, ''));
    if (parts.length) forms.push({ text: parts.join(' '), factor: PARTS_FACTOR });
    concepts.push(forms);
  }
  const hints = answerHints(folded);
  if (hints.length) concepts.push(hints.map((text) => ({ text, factor: HINT_FACTOR })));
  return { concepts, embedText: [question, ...extra].join(' ') };
}

interface Lexeme {
  lexeme: string;
  /** Number of passages containing it. */
  df: number;
}

/**
 * A concept with its forms as index lexemes. A passage gets the credit of its best-matching form,
 * so a concept with many synonyms does not outweigh the rest of the question; a form of several
 * words (a phrase, compound parts) earns the share of its words that the passage contains.
 */
interface Concept {
  weight: number;
  forms: { factor: number; lexemes: Lexeme[] }[];
}

interface WeighedQuestion {
  concepts: Concept[];
  /** Passages in the index. */
  total: number;
  /** Share of the question's weight in words the index knows: little when the corpus cannot answer. */
  knownShare: number;
}

/** Parses every form with the index's own text-search configuration and weighs each concept by its IDF. */
async function weighConcepts(db: Db, drafts: FormDraft[][]): Promise<WeighedQuestion> {
  const flat = drafts.flat();
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

  const concepts: Concept[] = [];
  const seen = new Set<string>();
  const key = (ls: Lexeme[]) => ls.map((l) => l.lexeme).sort().join(' ');
  let unknown = 0;
  let k = 0;
  for (const draft of drafts) {
    const own = draft[0]!.factor === 1 ? lexemes[k]! : [];
    const forms = draft.map((f) => ({ factor: f.factor, lexemes: lexemes[k++]! })).filter((f) => f.lexemes.length > 0);
    // Only stopwords, or a word already counted as a form of an earlier concept ("dilemma's" after
    // the synonym group of "dilemma").
    if (forms.length === 0 || seen.has(key(forms[0]!.lexemes))) continue;
    for (const f of forms) seen.add(key(f.lexemes));
    // A form of several words occurs at most as often as its rarest word, and never when one is unknown.
    const formDf = (ls: Lexeme[]) => (ls.length ? Math.min(...ls.map((l) => l.df)) : 0);
    // How rare the concept is: the asker's own word when the corpus knows it, else all forms together.
    const df = formDf(own) || Math.min(total, forms.reduce((sum, f) => sum + formDf(f.lexemes), 0));
    if (df > 0) concepts.push({ weight: idf(df), forms });
    else unknown += idf(1);
  }
  const known = concepts.reduce((sum, c) => sum + c.weight, 0);
  return { concepts, total, knownShare: known / (known + unknown || 1) };
}

interface Candidate {
  id: string;
  /** Distinct lexemes in the passage: its length for BM25's length normalisation. */
  length: number;
  cosine: number;
  /** Per matched query lexeme: occurrences in the body and in the title and heading, and positions. */
  matches: Map<string, { body: number; title: number; positions: number[] }>;
  score: number;
}

/**
 * Finds and describes candidates in one statement. Lexical candidates are the passages with the most
 * query weight, found term by term through the GIN index, so no passage text is read to choose them.
 * Only the rarest terms choose, within a budget of index entries: a word in half of all passages
 * would cost more than it tells, and it still counts when the candidates are scored. Then the
 * chosen passages (and the nearest vectors) are read once for the query lexemes they contain.
 */
async function findCandidates(db: Db, question: WeighedQuestion, nearest: Nearest, scope: SearchScope): Promise<Candidate[]> {
  const terms = new Map<string, { weight: number; df: number }>();
  for (const c of question.concepts) {
    for (const f of c.forms) {
      for (const l of f.lexemes) {
        const weight = (c.weight * f.factor) / f.lexemes.length;
        if (l.df > 0 && (terms.get(l.lexeme)?.weight ?? 0) < weight) terms.set(l.lexeme, { weight, df: l.df });
      }
    }
  }
  const looked = [...terms].sort((a, b) => b[1].weight - a[1].weight).slice(0, MAX_TERMS);
  let budget = Math.min(CHOOSING_BUDGET, question.total / 2);
  const choosing = [...looked]
    .sort((a, b) => a[1].df - b[1].df)
    .filter(([, t], i) => (budget -= t.df) >= 0 || i === 0)
    .slice(0, MAX_CHOOSING);

  // One subquery per choosing term, each with its own constant, so the planner reads that term's
  // entries from the GIN index rather than testing every passage against a list of terms.
  const params: unknown[] = [scope.teamIds, scope.type, looked.map(([lexeme]) => lexeme), nearest.ids, nearest.vector ? toVector(nearest.vector) : null];
  const hits = choosing.map(([lexeme, t]) => {
    params.push(`'${lexeme.replace(/'/g, "''")}'`);
    return `SELECT id, ${t.weight.toFixed(4)}::float8 AS w FROM chunk WHERE tsv @@ $${params.length}::tsquery AND ${SCOPE_SQL}`;
  });
  const rows = await db.sql.query<{
    id: string; length: number; cosine: number | null; lexemes: string[] | null; positions: string[] | null; weights: string[] | null;
  }>(
    `WITH lexical AS (
       SELECT id FROM (${hits.join(' UNION ALL ') || 'SELECT NULL::text AS id, 0::float8 AS w WHERE false'}) hit
        GROUP BY id ORDER BY sum(w) DESC LIMIT ${LEXICAL_CANDIDATES}),
     candidate AS (
       SELECT id, tsv, embedding FROM chunk WHERE id IN (SELECT id FROM lexical UNION SELECT unnest($4::text[])) AND ${SCOPE_SQL}),
     matched AS (
       SELECT c.id, array_agg(u.lexeme) AS lexemes, array_agg(array_to_string(u.positions, ' ')) AS positions,
              array_agg(array_to_string(u.weights, '')) AS weights
         FROM candidate c CROSS JOIN LATERAL unnest(c.tsv) u
        WHERE u.lexeme = ANY($3::text[])
        GROUP BY c.id)
     SELECT c.id, length(c.tsv) AS length, 1 - (c.embedding <=> $5::vector) AS cosine, m.lexemes, m.positions, m.weights
       FROM candidate c LEFT JOIN matched m ON m.id = c.id`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    length: r.length,
    cosine: r.cosine ?? 0,
    matches: new Map(
      (r.lexemes ?? []).map((lexeme, i) => {
        const weights = r.weights![i]!; // one letter per position: A = title or heading, B = body
        const title = weights.split('A').length - 1;
        return [lexeme, { body: weights.length - title, title, positions: r.positions![i]!.split(' ').map(Number) }];
      }),
    ),
    score: 0,
  }));
}

/**
 * Scores and sorts the candidates; see `Passage.score`. Words the index has never seen lower the
 * lexical part; a semantic vector may still know them, so its part stands on its own.
 */
function rank(candidates: Candidate[], question: WeighedQuestion, vectorWeight: number, semantic: boolean): void {
  const { concepts, knownShare } = question;
  const avgLength = candidates.reduce((s, c) => s + c.length, 0) / candidates.length || 1;
  const total = concepts.reduce((s, c) => s + c.weight, 0) || 1;
  for (const c of candidates) {
    const norm = K1 * (1 - B + (B * c.length) / avgLength);
    const saturation = (l: Lexeme) => {
      const m = c.matches.get(l.lexeme);
      if (!m) return 0;
      const tf = m.body + TITLE_WEIGHT * m.title;
      return tf / (tf + norm);
    };
    let bm25 = 0;
    for (const concept of concepts) {
      let best = 0;
      for (const f of concept.forms) best = Math.max(best, (f.factor * f.lexemes.reduce((s, l) => s + saturation(l), 0)) / f.lexemes.length);
      bm25 += concept.weight * best;
    }
    const lexical = (1 - NEARNESS_WEIGHT) * bm25 + NEARNESS_WEIGHT * nearness(c, concepts);
    c.score = (1 - vectorWeight) * (lexical / total) * knownShare + vectorWeight * Math.max(0, c.cosine) * (semantic ? 1 : knownShare);
  }
  candidates.sort((a, b) => b.score - a.score);
}

/**
 * The most concept weight found within one window of word positions: an answer tends to name the
 * question's concepts together, not one per paragraph.
 */
function nearness(c: Candidate, concepts: Concept[]): number {
  const hits: { position: number; concept: number }[] = [];
  concepts.forEach((concept, k) => {
    const positions = new Set(concept.forms.flatMap((f) => f.lexemes.flatMap((l) => c.matches.get(l.lexeme)?.positions ?? [])));
    for (const position of positions) hits.push({ position, concept: k });
  });
  hits.sort((a, b) => a.position - b.position);
  const inWindow = new Map<number, number>();
  let best = 0;
  let start = 0;
  for (const hit of hits) {
    inWindow.set(hit.concept, (inWindow.get(hit.concept) ?? 0) + 1);
    for (; hits[start]!.position < hit.position - NEARNESS_WINDOW; start++) {
      const left = inWindow.get(hits[start]!.concept)! - 1;
      if (left === 0) inWindow.delete(hits[start]!.concept);
      else inWindow.set(hits[start]!.concept, left);
    }
    let weight = 0;
    for (const k of inWindow.keys()) weight += concepts[k]!.weight;
    best = Math.max(best, weight);
  }
  return best;
}

async function loadPassages(db: Db, ids: string[]): Promise<Map<string, Passage>> {
  const rows = await db.sql.query<{
    id: string; source_key: string; title: string; location: string; doc_type: string; text: string;
    heading: string | null; source: string | null; team_id: string | null;
  }>(
    `SELECT c.id, d.source_key, d.title, c.location, c.doc_type, c.text, c.heading, d.source, c.team_id
       FROM chunk c JOIN document d ON d.id = c.document_id WHERE c.id = ANY($1::text[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id, source: r.source_key, title: r.title, location: r.location, type: r.doc_type, score: 0,
        text: r.text, heading: r.heading, reference: r.source, teamId: r.team_id,
      },
    ]),
  );
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
