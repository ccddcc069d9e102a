import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/app.ts';
import type { Context } from '../../src/assistant/context.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { parseMarkdown } from '../../src/knowledge/parse/markdown.ts';
import { searchKnowledge } from '../../src/knowledge/search-passages.ts';
import { loadConfig } from '../../src/lib/config.ts';
import { WijkwijsError } from '../../src/lib/errors.ts';
import { repoRoot, tempDir } from '../support/context.ts';

let ctx: Context;
let root: string;

beforeAll(async () => {
  root = tempDir('wijkwijs-questions-');
  const config = loadConfig({ WIJKWIJS_KNOWLEDGE_DIR: path.join(repoRoot, 'knowledge'), LOG_LEVEL: 'warn' }, '/nonexistent/.env');
  config.dataDir = 'memory://';
  ctx = await createContext(config);
});
afterAll(async () => {
  await ctx?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

function put(name: string, content: string): string {
  const file = path.join(root, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

const HANDBOOK = `---
title: "Huisbezoeken"
type: handboek
source: "Werkboek huisbezoeken (2024), hoofdstuk 2 <!-- intern: seed 009, r. 12-40 -->"
vragen:
  "Honden en andere huisdieren":
    - "Wat doe ik als er een agressieve viervoeter in de woonkamer ligt?"
  "Verslag na het bezoek":
    - "Binnen welke termijn schrijf ik het rapport?"
---
# Huisbezoeken

## Honden en andere huisdieren

Vraag de eigenaar het dier in een andere ruimte te houden voordat je binnengaat. <!-- seed 009, r. 12–14 -->

<!--
Notitie voor de redactie: deze alinea komt uit het concept van 2023.
-->
Bron: Werkboek huisbezoeken (2024), hoofdstuk 2. <!-- seed 009, r. 15 -->

## Verslag na het bezoek

Leg het gesprek binnen twee werkdagen vast in het registratiesysteem.
`;

describe('questions written for a heading (front matter "vragen")', () => {
  it('are searched as a field of the passage of that heading, and never shown as its text', async () => {
    const summary = await ingestFiles(ctx, { paths: [put('handboek/huisbezoeken.md', HANDBOOK)] });
    expect(summary.failed).toEqual([]);
    // "viervoeter" and "woonkamer" occur only in the written question.
    const found = await searchKnowledge(ctx, 'agressieve viervoeter in de woonkamer', { teamIds: [], limit: 3 });
    expect(found.passages[0]!.heading).toBe('Honden en andere huisdieren');
    expect(found.passages[0]!.text).not.toMatch(/viervoeter/);
    const viervoeter = found.concepts.findIndex((c) => c.asked === 'viervoeter');
    expect(found.passages[0]!.matches[viervoeter]).toEqual(['questions']);
    const report = await searchKnowledge(ctx, 'termijn rapport schrijven', { teamIds: [], limit: 1 });
    expect(report.passages[0]!.heading).toBe('Verslag na het bezoek');
  });

  it('must name a heading of the file: otherwise ingest fails with a Dutch message naming file and heading', async () => {
    const file = put('handboek/fout.md', HANDBOOK.replace('"Verslag na het bezoek":', '"Verslag achteraf":'));
    const summary = await ingestFiles(ctx, { paths: [file] });
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.message).toMatch(/fout\.md/);
    expect(summary.failed[0]!.message).toMatch(/"Verslag achteraf".*staat niet in het bestand/);
    expect(() => parseMarkdown(HANDBOOK.replace('"Verslag na het bezoek":', '"Bestaat niet":'), 'x', 'werkboek.md')).toThrow(WijkwijsError);
  });
});

describe('HTML comments', () => {
  it('never reach a passage, its search text, the document reference or a citation', async () => {
    const rows = await ctx.db.sql.query<{ text: string; search_text: string; title_text: string; questions_text: string; source: string; location: string }>(
      `SELECT c.text, c.search_text, c.title_text, c.questions_text, d.source, c.location FROM chunk c JOIN document d ON d.id = c.document_id
        WHERE d.source_key LIKE '%huisbezoeken.md'`,
    );
    expect(rows.length).toBe(2);
    for (const row of rows) {
      for (const value of [row.text, row.search_text, row.title_text, row.questions_text, row.source]) {
        expect(value).not.toMatch(/<!--|-->|seed 009|redactie/);
      }
    }
    expect(rows[0]!.source).toBe('Werkboek huisbezoeken (2024), hoofdstuk 2');
    expect(rows.map((r) => r.text).join('\n')).toMatch(/Bron: Werkboek huisbezoeken \(2024\), hoofdstuk 2\./);
  });

  it('keep their lines, so locations still match the file', () => {
    const parsed = parseMarkdown(HANDBOOK, 'x');
    const report = parsed.blocks.find((b) => b.text.startsWith('Leg het gesprek'))!;
    expect(report.lineStart).toBe(HANDBOOK.split('\n').findIndex((l) => l.startsWith('Leg het gesprek')) + 1);
  });
});
