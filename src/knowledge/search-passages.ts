import type { Db } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { contentWords, fold } from './dutch.ts';
import { splitCompound } from './compounds.ts';
import type { DocumentType } from './document.ts';
import type { Embedder } from './embedder.ts';
import { toVector } from './index-store.ts';
import type { Synonyms } from './synonyms.ts';

export interface SearchDeps {
  db: Db;
  embedder: Embedder;
  synonyms: Synonyms;
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
  score: number;
  text: string;
  heading: string | null;
  /** What the document says it is based on (front matter `source`), for citations. */
  reference: string | null;
  teamId: string | null;
}

interface QueryTerm {
  lexeme: string;
  weight: number;
  df: number;
}

const CANDIDATES = 60;
const RRF_K = 60;
/** Terms in more than this share of all passages only rank; they do not select candidates. */
const COMMON_TERM_SHARE = 0.25;

/**
 * Hybrid search: Dutch full-text search with IDF-weighted terms (query words, their compound parts
 * and domain synonyms) and vector search, fused by reciprocal rank, then reranked by how much of
 * the question's weight each passage covers. Always limited to the asker's scope.
 */
export async function searchPassages(deps: SearchDeps, query: string, options: SearchOptions): Promise<Passage[]> {
  const limit = Math.min(Math.max(options.limit ?? 5, 1), 50);
  const question = query.replace(/\s+/g, ' ').trim();
  if (!question) throw new WijkwijsError('question_empty', 'Stel een vraag: de zoekopdracht is leeg.');

  const folded = fold(question);
  const expansions = deps.synonyms.expansions(folded);
  const parts = contentWords(question).flatMap((w) => splitCompound(w));
  const [terms, vector] = await Promise.all([
    queryTerms(deps.db, question, [...expansions, ...parts].join(' ')),
    deps.embedder.embed([[question, ...expansions].join(' ')]).then((v) => v[0]!),
  ]);

  const scope = { teamIds: options.teamIds, type: options.type ?? null };
  const [textHits, vectorHits] = await Promise.all([fullTextCandidates(deps.db, terms, scope), vectorCandidates(deps.db, vector, scope)]);

  const fused = new Map<string, number>();
  const addRanks = (ids: string[], weight: number) =>
    ids.forEach((id, rank) => fused.set(id, (fused.get(id) ?? 0) + weight / (RRF_K + rank + 1)));
  addRanks(textHits, Number(process.env.W_FTS ?? 1));
  addRanks(vectorHits, Number(process.env.W_VEC ?? 1));
  if (fused.size === 0) return [];

  // Pseudo-relevance feedback: words that characterise the best first hits find passages that
  // answer the question in other words than the asker used.
  if (Number(process.env.PRF ?? 1) > 0) {
    const top = [...fused.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PRF_DOCS ?? 3)).map(([id]) => id);
    const feedback = await feedbackTerms(deps.db, top, terms);
    if (feedback.length) addRanks(await fullTextCandidates(deps.db, [...terms, ...feedback], scope), Number(process.env.W_PRF ?? 1));
  }

  const candidates = [...fused.entries()].sort((a, b) => b[1] - a[1]).slice(0, Math.max(limit * 4, 30));
  const details = await loadPassages(deps.db, candidates.map(([id]) => id), terms);
  const maxFused = candidates[0]![1];
  const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0) || 1;

  return candidates
    .map(([id, rrf]) => {
      const p = details.get(id)!;
      const coverage = p.covered / totalWeight;
      const wc = Number(process.env.W_COV ?? 0.5); return { ...p.passage, score: round((1 - wc) * (rrf / maxFused) + wc * coverage) };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

async function queryTerms(db: Db, question: string, extra: string): Promise<QueryTerm[]> {
  const rows = await db.sql.query<{ lexeme: string; origin: string; df: number | null; total: number | null }>(
    `WITH q AS (
       SELECT lexeme, 'q' AS origin FROM unnest(to_tsvector('dutch', $1))
       UNION ALL SELECT lexeme, 'x' FROM unnest(to_tsvector('dutch', $2))
     )
     SELECT q.lexeme, q.origin, s.ndoc AS df, (SELECT ndoc FROM lexeme_stat WHERE word = '') AS total
       FROM q LEFT JOIN lexeme_stat s ON s.word = q.lexeme`,
    [question, extra],
  );
  const terms = new Map<string, QueryTerm>();
  for (const row of rows) {
    if (!row.df) continue;
    const n = Math.max(row.total ?? row.df, row.df);
    const idf = Math.log(1 + (n - row.df + 0.5) / (row.df + 0.5));
    // Words the asker typed count fully; synonyms and compound parts help but count less.
    const weight = idf * (row.origin === 'q' ? 1 : 0.5);
    const known = terms.get(row.lexeme);
    if (!known || known.weight < weight) terms.set(row.lexeme, { lexeme: row.lexeme, weight, df: row.df });
  }
  return [...terms.values()].sort((a, b) => b.weight - a.weight).slice(0, 16);
}

const UUID = /^[0-9a-f-]{36}$/;

async function feedbackTerms(db: Db, ids: string[], terms: QueryTerm[]): Promise<QueryTerm[]> {
  const safe = ids.filter((id) => UUID.test(id));
  if (safe.length === 0) return [];
  const inner = `SELECT tsv FROM chunk WHERE id IN (${safe.map((id) => `'${id}'`).join(',')})`;
  const rows = await db.sql.query<{ word: string; nentry: number; df: number; total: number }>(
    `SELECT t.word, t.nentry, s.ndoc AS df, (SELECT ndoc FROM lexeme_stat WHERE word = '') AS total
       FROM ts_stat($1) t JOIN lexeme_stat s ON s.word = t.word
      WHERE t.ndoc >= $2 AND length(t.word) > 2`,
    [inner, Math.min(2, safe.length)],
  );
  const known = new Set(terms.map((t) => t.lexeme));
  return rows
    .filter((r) => !known.has(r.word) && !/^\d+$/.test(r.word))
    .map((r) => {
      const idf = Math.log(1 + (r.total - r.df + 0.5) / (r.df + 0.5));
      return { lexeme: r.word, df: r.df, weight: Number(process.env.PRF_W ?? 0.3) * idf * Math.log(1 + r.nentry) };
    })
    .sort((a, b) => b.weight - a.weight)
    .slice(0, Number(process.env.PRF_TERMS ?? 8));
}

interface Scope {
  teamIds: string[];
  type: string | null;
}

const SCOPE_SQL = `(team_id IS NULL OR team_id = ANY($1::text[])) AND ($2::text IS NULL OR doc_type = $2)`;

function tsquery(lexeme: string): string {
  return `'${lexeme.replace(/'/g, "''")}'`;
}

async function fullTextCandidates(db: Db, terms: QueryTerm[], scope: Scope): Promise<string[]> {
  if (terms.length === 0) return [];
  const maxDf = Math.max(...terms.map((t) => t.df));
  const total = await chunkTotal(db, maxDf);
  const selective = terms.filter((t) => t.df <= total * COMMON_TERM_SHARE);
  const selecting = selective.length > 0 ? selective : terms;
  const params: unknown[] = [scope.teamIds, scope.type, selecting.map((t) => tsquery(t.lexeme)).join(' | ')];
  const score = terms
    .map((t) => {
      params.push(tsquery(t.lexeme));
      return `${t.weight.toFixed(4)} * ts_rank('{0.1, 0.2, ${process.env.W_B ?? 0.4}, ${process.env.W_A ?? 1.0}}', tsv, $${params.length}::tsquery, ${process.env.NORM ?? 1})`;
    })
    .join(' + ');
  const rows = await db.sql.query<{ id: string }>(
    `SELECT id FROM chunk WHERE tsv @@ $3::tsquery AND ${SCOPE_SQL} ORDER BY ${score} DESC LIMIT ${CANDIDATES}`,
    params,
  );
  return rows.map((r) => r.id);
}

async function chunkTotal(db: Db, fallback: number): Promise<number> {
  const [row] = await db.sql.query<{ ndoc: number }>(`SELECT ndoc FROM lexeme_stat WHERE word = ''`);
  return row?.ndoc ?? fallback;
}

async function vectorCandidates(db: Db, vector: number[], scope: Scope): Promise<string[]> {
  const rows = await db.sql.query<{ id: string }>(
    `SELECT id FROM chunk WHERE embedding IS NOT NULL AND ${SCOPE_SQL}
      ORDER BY embedding <=> $3::vector LIMIT ${CANDIDATES}`,
    [scope.teamIds, scope.type, toVector(vector)],
  );
  return rows.map((r) => r.id);
}

async function loadPassages(db: Db, ids: string[], terms: QueryTerm[]): Promise<Map<string, { passage: Passage; covered: number }>> {
  const params: unknown[] = [ids];
  const covered = terms.length
    ? terms
        .map((t) => {
          params.push(tsquery(t.lexeme));
          return `CASE WHEN c.tsv @@ $${params.length}::tsquery THEN ${t.weight.toFixed(4)} ELSE 0 END`;
        })
        .join(' + ')
    : '0';
  const rows = await db.sql.query<{
    id: string; source_key: string; title: string; location: string; doc_type: string; text: string;
    heading: string | null; source: string | null; team_id: string | null; covered: number;
  }>(
    `SELECT c.id, d.source_key, d.title, c.location, c.doc_type, c.text, c.heading, d.source, c.team_id, (${covered})::float8 AS covered
       FROM chunk c JOIN document d ON d.id = c.document_id WHERE c.id = ANY($1::text[])`,
    params,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        covered: r.covered,
        passage: {
          id: r.id, source: r.source_key, title: r.title, location: r.location, type: r.doc_type, score: 0,
          text: r.text, heading: r.heading, reference: r.source, teamId: r.team_id,
        },
      },
    ]),
  );
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
