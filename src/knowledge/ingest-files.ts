import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../lib/db.ts';
import { toWijkwijsError, WijkwijsError } from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';
import { anonymiseDocument, countReplaced, holdsCaseMaterial, type AnonymisedDocument } from './anonymise-document.ts';
import { DOCUMENT_TYPES, type DocumentType } from './document.ts';
import type { Embedder } from './embedder.ts';
import { analyseSearchTables, deleteDocuments, findDocument, lexemeStatsAgree, rebuildLexemeStats } from './index-store.ts';
import { isSupported, parseDocument } from './parse/index.ts';
import { REVIEWED_SAMPLES } from './reviewed-samples.ts';
import { indexParsedDocument } from './store-text-document.ts';

/** Bump when parsing, cleaning or chunking changes, so every file is indexed again. */
export const PIPELINE_VERSION = 'pipeline-7';

const SKIPPED_NAMES = new Set(['readme.md', 'synoniemen.txt']);

/** Folder names of the bundled knowledge base, as a type for files without one in their front matter. */
const FOLDER_TYPES: Record<string, DocumentType> = {
  handboek: 'handboek',
  methoden: 'methode',
  dilemmas: 'dilemma',
  werkvormen: 'werkvorm',
  'sociale-kaart': 'sociale-kaart',
  casusbesprekingen: 'casus',
  onboarding: 'onboarding',
};

export interface IngestDeps {
  db: Db;
  embedder: Embedder;
  logger: Logger;
}

export interface IngestRequest {
  paths: string[];
  type?: DocumentType;
  teamId?: string;
  /** Delete indexed documents under the given folders whose file is gone. */
  prune?: boolean;
  onProgress?: (event: IngestProgress) => void;
}

/** repaired: the file had not changed, but its passages in the index were incomplete. */
export type IngestStatus = 'added' | 'updated' | 'repaired' | 'unchanged' | 'failed';

export interface IngestProgress {
  index: number;
  total: number;
  file: string;
  status: IngestStatus;
  chunks?: number;
  /** Personal data items replaced in a case document. */
  anonymised?: number;
  message?: string;
}

export interface IngestSummary {
  added: number;
  updated: number;
  repaired: number;
  unchanged: number;
  removed: number;
  /** The term statistics disagreed with the passages (an ingest killed by an older version) and were counted again. */
  statisticsRepaired: boolean;
  failed: { file: string; message: string }[];
  chunks: number;
  /** `anonymised`: for a case document indexed in this run, the personal data replaced per kind (counts only). */
  documents: { file: string; title: string; type: string; chunks: number; status: IngestStatus; anonymised?: AnonymisedDocument['replaced'] }[];
  durationMs: number;
}

export async function ingestFiles(deps: IngestDeps, request: IngestRequest): Promise<IngestSummary> {
  const started = Date.now();
  const summary: IngestSummary = { added: 0, updated: 0, repaired: 0, unchanged: 0, removed: 0, statisticsRepaired: false, failed: [], chunks: 0, documents: [], durationMs: 0 };
  if (request.type && !DOCUMENT_TYPES.includes(request.type)) {
    throw new WijkwijsError('bad_request', `Onbekend type ${request.type}. Kies uit: ${DOCUMENT_TYPES.join(', ')}.`);
  }

  const { files, folders, missing } = await collectFiles(request.paths);
  for (const file of missing) summary.failed.push({ file, message: 'Bestand of map bestaat niet.' });

  for (const [i, file] of files.entries()) {
    const result = await ingestOne(deps, request, file).catch((error: unknown) => {
      const e = toWijkwijsError(error);
      if (e.code === 'internal') deps.logger.error({ err: error, file: sourceKeyFor(file) }, 'ingest failed');
      return { status: 'failed' as const, message: e.userMessage };
    });
    if (result.status === 'failed') summary.failed.push({ file, message: result.message });
    else {
      summary[result.status]++;
      summary.chunks += result.chunks;
      summary.documents.push({ file, title: result.title, type: result.type, chunks: result.chunks, status: result.status, anonymised: result.anonymised });
    }
    request.onProgress?.({
      index: i + 1,
      total: files.length,
      file,
      status: result.status,
      chunks: 'chunks' in result ? result.chunks : undefined,
      anonymised: 'anonymised' in result && result.anonymised ? countReplaced(result.anonymised) : undefined,
      message: 'message' in result ? result.message : undefined,
    });
  }

  if (request.prune && folders.length > 0) {
    const seen = new Set(files.map(sourceKeyFor));
    const prefixes = folders.map((f) => sourceKeyFor(f).replace(/\/?$/, '/'));
    const docs = await deps.db.sql.query<{ id: string; source_key: string }>('SELECT id, source_key FROM document');
    const gone = docs.filter((d) => !seen.has(d.source_key) && prefixes.some((p) => d.source_key.startsWith(p)));
    await deleteDocuments(deps.db.sql, gone.map((d) => d.id));
    summary.removed = gone.length;
  }

  // Each document carries its own share of the statistics; this catches what older versions left.
  if (!(await lexemeStatsAgree(deps.db.sql))) {
    await rebuildLexemeStats(deps.db.sql);
    summary.statisticsRepaired = true;
  } else if (summary.added + summary.updated + summary.repaired + summary.removed > 0) await analyseSearchTables(deps.db.sql);
  summary.durationMs = Date.now() - started;
  const { added, updated, repaired, unchanged, removed, statisticsRepaired, chunks, durationMs } = summary;
  deps.logger.info({ added, updated, repaired, unchanged, removed, statisticsRepaired, failed: summary.failed.length, chunks, durationMs }, 'ingest finished');
  return summary;
}

type OneResult =
  | { status: 'added' | 'updated' | 'repaired' | 'unchanged'; chunks: number; title: string; type: string; anonymised?: AnonymisedDocument['replaced'] }
  | { status: 'failed'; message: string };

async function ingestOne(deps: IngestDeps, request: IngestRequest, file: string): Promise<OneResult> {
  const { sql } = deps.db;
  const sourceKey = sourceKeyFor(file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new WijkwijsError('unreadable_file', 'Bestand kan niet worden gelezen.', { cause });
  }
  const contentHash = createHash('sha256')
    .update(`${PIPELINE_VERSION}\0${request.type ?? ''}\0${request.teamId ?? ''}\0`)
    .update(bytes)
    .digest('hex');
  const existing = await findDocument(sql, sourceKey, deps.embedder.id);
  const sameFile = existing?.content_hash === contentHash;
  const complete = existing && existing.stored_chunks === existing.chunk_count && existing.outdated_chunks === 0;
  if (sameFile && complete) return { status: 'unchanged', chunks: existing.chunk_count, title: existing.title, type: existing.type };

  const original = await parseDocument(file, bytes);
  const teamId = request.teamId ?? original.team;
  const type = request.type ?? original.type ?? folderType(file) ?? 'achtergrond';
  const reviewed = REVIEWED_SAMPLES.has(createHash('sha256').update(bytes).digest('hex'));
  const anonymised = holdsCaseMaterial(type, teamId) && !reviewed ? anonymiseDocument(original) : undefined;
  const parsed = anonymised?.document ?? original;
  const stored = await indexParsedDocument(deps, parsed, { sourceKey, teamId, type, source: parsed.source, contentHash, meta: parsed.meta });
  if (!stored) throw new WijkwijsError('unreadable_file', 'Geen tekst gevonden in dit bestand.');
  return { status: !existing ? 'added' : sameFile ? 'repaired' : 'updated', chunks: stored.chunks, title: parsed.title, type, anonymised: anonymised?.replaced };
}

/** Stable key of a file across runs: relative to the working directory when inside it. */
export function sourceKeyFor(file: string): string {
  const absolute = path.resolve(file);
  const relative = path.relative(process.cwd(), absolute);
  const key = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  return key.split(path.sep).join('/');
}

function folderType(file: string): DocumentType | undefined {
  for (const part of path.resolve(file).split(path.sep).reverse()) {
    if (FOLDER_TYPES[part]) return FOLDER_TYPES[part];
  }
  return undefined;
}

async function collectFiles(paths: string[]): Promise<{ files: string[]; folders: string[]; missing: string[] }> {
  const files: string[] = [];
  const folders: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info) missing.push(p);
    else if (info.isDirectory()) {
      folders.push(p);
      files.push(...(await walk(p)));
    } else files.push(p);
  }
  return { files: [...new Set(files)], folders, missing };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    // The onboarding programme (quizzes with wrong options on purpose) is taught, not cited: answers come from the sources it links to.
    if (entry.isDirectory() && entry.name === 'onboarding') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile() && isSupported(full) && !SKIPPED_NAMES.has(entry.name.toLowerCase())) out.push(full);
  }
  return out;
}
