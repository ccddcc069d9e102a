import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/assistant/context.ts';
import { ingestFiles, type IngestSummary } from '../../src/knowledge/ingest-files.ts';
import { searchPassages } from '../../src/knowledge/search-passages.ts';
import { createTestContext, repoRoot, tempDir } from '../support/context.ts';
import { runCli } from '../support/run-cli.ts';

const DOCUMENTS = 60;
const SECTIONS = 5;
const KILL_AFTER = 20;

/** A made-up word per passage, so each passage is the only one that can answer its own search. */
function codeWord(doc: number, section: number): string {
  const letters = (n: number) => String.fromCharCode(97 + (n % 26)) + String.fromCharCode(97 + Math.floor(n / 26));
  return `zwolmark${letters(doc)}${'klmnprstvw'[section]}`;
}

function writeFolder(): string {
  const folder = path.join(tempDir('wijkwijs-crash-'), 'kennis');
  mkdirSync(folder);
  const filler = 'De coach bespreekt met de inwoner wat er nodig is en legt de afspraken vast in het plan. ';
  for (let d = 0; d < DOCUMENTS; d++) {
    const sections = Array.from({ length: SECTIONS }, (_, s) => `## Onderdeel ${s + 1}\n\nHier staat ${codeWord(d, s)} als kenmerk. ${filler.repeat(8)}`);
    writeFileSync(path.join(folder, `stuk-${String(d).padStart(3, '0')}.md`), `---\ntitle: "Werkafspraak ${d}"\ntype: handboek\n---\n\n${sections.join('\n\n')}\n`);
  }
  return folder;
}

/** Runs `wijkwijs ingest` and kills it with SIGKILL once it reported KILL_AFTER documents done. */
function ingestAndKill(folder: string, dataDir: string): Promise<{ reported: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${repoRoot}/bin/wijkwijs.js`, 'ingest', folder], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'warn', WIJKWIJS_DATA_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let reported = 0;
    child.stderr.on('data', (d: Buffer) => {
      reported += (d.toString().match(/^\[\d+\/\d+\]/gm) ?? []).length;
      if (reported >= KILL_AFTER && child.signalCode === null) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve({ reported }));
  });
}

/** Every passage is found by its own word, at the top. */
async function expectAllFindable(ctx: Context, documents: number[]): Promise<void> {
  for (const d of documents) {
    for (let s = 0; s < SECTIONS; s++) {
      const word = codeWord(d, s);
      const [top] = await searchPassages(ctx, word, { teamIds: [], limit: 1 });
      expect(top?.text, `passage ${s + 1} of document ${d} is not found by "${word}"`).toContain(word);
    }
  }
}

const stats = (ctx: Context) => ctx.db.sql.query<{ word: string; ndoc: number }>('SELECT word, ndoc FROM lexeme_stat ORDER BY word');
const documentNumbers = async (ctx: Context) =>
  (await ctx.db.sql.query<{ title: string }>('SELECT title FROM document')).map((r) => Number(r.title.replace('Werkafspraak ', ''))).sort((a, b) => a - b);

describe('ingest killed with SIGKILL halfway through a folder', { timeout: 180_000 }, () => {
  const folder = writeFolder();
  const dataDir = tempDir('wijkwijs-crash-data-');
  let fresh: Awaited<ReturnType<typeof createTestContext>>;

  beforeAll(async () => {
    fresh = await createTestContext();
    const summary = await ingestFiles(fresh, { paths: [folder] });
    expect(summary.added).toBe(DOCUMENTS);
  });
  afterAll(() => fresh?.close());

  it('leaves only whole documents, each searchable at once', async () => {
    const { reported } = await ingestAndKill(folder, dataDir);
    expect(reported).toBeGreaterThanOrEqual(KILL_AFTER);
    const ctx = await createTestContext({ WIJKWIJS_DATA_DIR: dataDir });
    try {
      const done = await documentNumbers(ctx);
      expect(done.length, 'the kill landed in the middle of the folder').toBeGreaterThanOrEqual(KILL_AFTER);
      expect(done.length).toBeLessThan(DOCUMENTS);
      const [counts] = await ctx.db.sql.query<{ documents: number; chunks: number; promised: number }>(
        'SELECT count(*)::int AS documents, (SELECT count(*)::int FROM chunk) AS chunks, sum(chunk_count)::int AS promised FROM document',
      );
      expect(counts!.chunks).toBe(counts!.promised);
      await expectAllFindable(ctx, done);
    } finally {
      await ctx.close();
    }
  });

  it('a second run adds the rest, and the index equals one ingested in a single run', async () => {
    const rerun = await runCli(['ingest', folder, '--json'], { dataDir });
    expect(rerun.code, rerun.stderr).toBe(0);
    const summary = JSON.parse(rerun.stdout) as IngestSummary;
    expect(summary.added + summary.unchanged).toBe(DOCUMENTS);
    expect(summary.added).toBeGreaterThan(0);
    expect(summary).toMatchObject({ updated: 0, repaired: 0, statisticsRepaired: false, failed: [] });

    const ctx = await createTestContext({ WIJKWIJS_DATA_DIR: dataDir });
    try {
      expect(await documentNumbers(ctx)).toEqual([...Array(DOCUMENTS).keys()]);
      await expectAllFindable(ctx, [...Array(DOCUMENTS).keys()]);
      expect(await stats(ctx)).toEqual(await stats(fresh));
    } finally {
      await ctx.close();
    }
  });
});

describe('ingest repairs an index left incomplete by an older version', () => {
  let ctx: Awaited<ReturnType<typeof createTestContext>>;
  const folder = writeFolder();
  const all = [...Array(DOCUMENTS).keys()];
  let expected: { word: string; ndoc: number }[];

  beforeAll(async () => {
    ctx = await createTestContext();
    await ingestFiles(ctx, { paths: [folder] });
    expected = await stats(ctx);
  });
  afterAll(() => ctx?.close());

  it('statistics missing the last documents: counted again, and said so, though every file is unchanged', async () => {
    // What an ingest killed before its final count left behind: passages stored, never counted.
    await ctx.db.sql.query(`DELETE FROM lexeme_stat WHERE word LIKE 'zwolmark%' AND word >= 'zwolmarkc'`);
    expect((await searchPassages(ctx, codeWord(DOCUMENTS - 1, 0), { teamIds: [] }))[0]?.text ?? '').not.toContain(codeWord(DOCUMENTS - 1, 0));

    const summary = await ingestFiles(ctx, { paths: [folder] });
    expect(summary).toMatchObject({ unchanged: DOCUMENTS, added: 0, updated: 0, repaired: 0, statisticsRepaired: true });
    expect(await stats(ctx)).toEqual(expected);
    await expectAllFindable(ctx, all);

    expect(await ingestFiles(ctx, { paths: [folder] })).toMatchObject({ unchanged: DOCUMENTS, statisticsRepaired: false });
  });

  it('a document that lost passages is ingested again and reported as repaired', async () => {
    const [doc] = await ctx.db.sql.query<{ id: string }>(`SELECT id FROM document WHERE title = 'Werkafspraak 7'`);
    await ctx.db.sql.query('DELETE FROM chunk WHERE document_id = $1 AND ord > 1', [doc!.id]);

    const summary = await ingestFiles(ctx, { paths: [folder] });
    expect(summary).toMatchObject({ unchanged: DOCUMENTS - 1, repaired: 1, added: 0, updated: 0 });
    expect(summary.documents.find((d) => d.status === 'repaired')).toMatchObject({ title: 'Werkafspraak 7', chunks: SECTIONS });
    expect(await stats(ctx)).toEqual(expected);
    await expectAllFindable(ctx, [7]);
  });
});
