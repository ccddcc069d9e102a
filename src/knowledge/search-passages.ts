import type { Db } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';
import type { DocumentType } from './document.ts';
import type { Embedder } from './embedder.ts';
import { toVector } from './index-store.ts';
import { findNearestPassages, SCOPE_SQL, type SearchScope } from './nearest-passages.ts';
import { analyseQuery, weighConcepts, type Concept, type Lexeme, type WeighedQuery } from './query-concepts.ts';
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
/** BM25 term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.5;
/** An occurrence in the document title or heading counts this much on top of the body. */
const TITLE_WEIGHT = 0.5;
/**
 * A word in one of the questions the author wrote for the passage ("vragen" in the front matter)
 * counts this much, once however often the questions repeat it: they say what the passage answers.
 */
const QUESTIONS_WEIGHT = 1;
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
  return (await searchKnowledge(deps, query, options)).passages;
}

/** What the passage fields that name a query concept are: the heading path, the body, or the questions written for it. */
export type ConceptField = 'heading' | 'text' | 'questions';

export interface FoundPassage extends Passage {
  /** Per concept of the query (same order as `KnowledgeSearch.concepts`): the fields that contain one of its forms whole. */
  matches: ConceptField[][];
}

export interface KnowledgeSearch {
  /** The question as searched. */
  query: string;
  passages: FoundPassage[];
  /** The query's concepts the index knows, with their weight (rarity) and forms as index lexemes. */
  concepts: Concept[];
  /** The asker's words the index knows in no form: the sources cannot say anything about them. */
  unknown: WeighedQuery['unknown'];
  /** The question is in Dutch (most of its words are Dutch words), not English. */
  dutch: boolean;
}

/** `searchPassages` with what answering needs to judge the passages: which of the question's concepts each one names. */
export async function searchKnowledge(deps: SearchDeps, query: string, options: SearchOptions): Promise<KnowledgeSearch> {
  const limit = Math.min(Math.max(options.limit ?? 5, 1), 50);
  const question = query.replace(/\s+/g, ' ').trim();
  if (!question) throw new WijkwijsError('question_empty', 'Stel een vraag: de zoekopdracht is leeg.');

  const analysed = analyseQuery(question, deps.synonyms);
  const scope = { teamIds: options.teamIds, type: options.type ?? null };
  const [weighed, nearest] = await Promise.all([weighConcepts(deps.db, analysed.concepts, analysed.english), nearestByVector(deps, analysed.embedText, scope)]);
  const result = { query: question, concepts: weighed.concepts, unknown: weighed.unknown, dutch: weighed.dutch };
  let candidates = await findCandidates(deps.db, weighed, nearest, scope);
  // Within one type (the case discussions) the rarest words may not occur at all: then every word chooses.
  if (scope.type && candidates.length < limit) candidates = await findCandidates(deps.db, weighed, nearest, scope, false);
  if (candidates.length === 0) return { ...result, passages: [] };
  rank(candidates, weighed, nearest.vector ? VECTOR_WEIGHT : 0, deps.embedder.semantic);

  const best = candidates.slice(0, limit);
  const passages = await loadPassages(deps.db, best.map((c) => c.id));
  return {
    ...result,
    passages: best.map((c) => ({ ...passages.get(c.id)!, score: round(c.score), matches: conceptFields(c, weighed.concepts) })),
  };
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

function conceptFields(c: Candidate, concepts: Concept[]): ConceptField[][] {
  return concepts.map((concept) => {
    const fields = new Set<ConceptField>();
    for (const f of concept.forms) {
      const found = f.lexemes.map((l) => c.matches.get(l.lexeme));
      if (found.some((m) => !m)) continue;
      if (found.every((m) => m!.body > 0)) fields.add('text');
      if (found.every((m) => m!.title > 0)) fields.add('heading');
      if (found.every((m) => m!.questions > 0)) fields.add('questions');
    }
    return [...fields];
  });
}

interface Candidate {
  id: string;
  /** Distinct lexemes in the passage: its length for BM25's length normalisation. */
  length: number;
  cosine: number;
  /** Per matched query lexeme: occurrences in the body, the title and heading, and the authored questions, and positions. */
  matches: Map<string, { body: number; title: number; questions: number; positions: number[] }>;
  score: number;
}

/**
 * Finds and describes candidates in one statement. Lexical candidates are the passages with the most
 * query weight, found term by term through the GIN index, so no passage text is read to choose them.
 * Only the rarest terms choose, within a budget of index entries: a word in half of all passages
 * would cost more than it tells, and it still counts when the candidates are scored. Then the
 * chosen passages (and the nearest vectors) are read once for the query lexemes they contain.
 */
async function findCandidates(db: Db, question: WeighedQuery, nearest: Nearest, scope: SearchScope, budgeted = true): Promise<Candidate[]> {
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
    .filter(([, t], i) => !budgeted || (budget -= t.df) >= 0 || i === 0)
    .slice(0, budgeted ? MAX_CHOOSING : MAX_TERMS);

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
        // One letter per position: A = title or heading, B = body, C = questions written for the passage.
        const count = (letter: string) => r.weights![i]!.split(letter).length - 1;
        return [lexeme, { body: count('B'), title: count('A'), questions: count('C'), positions: r.positions![i]!.split(' ').map(Number) }];
      }),
    ),
    score: 0,
  }));
}

/**
 * Scores and sorts the candidates; see `Passage.score`. Words the index has never seen lower the
 * lexical part; a semantic vector may still know them, so its part stands on its own.
 */
function rank(candidates: Candidate[], question: WeighedQuery, vectorWeight: number, semantic: boolean): void {
  const { concepts, knownShare } = question;
  const avgLength = candidates.reduce((s, c) => s + c.length, 0) / candidates.length || 1;
  const total = concepts.reduce((s, c) => s + c.weight, 0) || 1;
  for (const c of candidates) {
    const norm = K1 * (1 - B + (B * c.length) / avgLength);
    const saturation = (l: Lexeme) => {
      const m = c.matches.get(l.lexeme);
      if (!m) return 0;
      const tf = m.body + TITLE_WEIGHT * m.title + QUESTIONS_WEIGHT * Math.min(1, m.questions);
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
