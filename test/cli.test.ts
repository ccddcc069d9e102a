import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/context.ts';
import { runCli } from './support/run-cli.ts';

const dataDir = tempDir('wijkwijs-cli-');

const cli = (args: string[], input?: string) => runCli(args, { dataDir, input });

describe('wijkwijs CLI', () => {
  beforeAll(async () => {
    const result = await cli(['ingest', 'knowledge/handboek', 'knowledge/methoden', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ failed: [], updated: 0 });
  });

  it('search --json in batch mode answers one JSON array per input line, in order', async () => {
    const questions = ['Hoe lang heb ik om de hulpvraag te verkennen?', '', 'uit welke onderdelen bestaat SoNeStra'];
    const result = await cli(['search', '--json', '--limit', '3'], `${questions.join('\n')}\n`);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toEqual([]);
    expect(lines[0]).toHaveLength(3);
    expect(Object.keys(lines[0][0]).sort()).toEqual(['id', 'location', 'score', 'source', 'text', 'title', 'type']);
    expect(lines[0][0].text).toMatch(/zes weken/i);
    expect(lines[2][0].source).toBe('knowledge/methoden/sonestra.md');
  });

  it('ask --json prints the Reply with citations', async () => {
    const result = await cli(['ask', '--json', 'Wat zijn de vier kernwaarden?']);
    expect(result.code).toBe(0);
    const reply = JSON.parse(result.stdout);
    expect(reply.mode).toBe('extractive');
    expect(reply.citations[0].source).toBe('knowledge/handboek/kernwaarden.md');
  });

  it('re-ingest skips unchanged files', async () => {
    const again = await cli(['ingest', 'knowledge/handboek']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 toegevoegd, 0 bijgewerkt, 0 hersteld, 11 ongewijzigd/);
  });

  it('unsupported files and bad options fail with a Dutch message and exit code', async () => {
    const sheet = path.join(dataDir, 'lijst.xlsx');
    writeFileSync(sheet, 'x');
    const failed = await cli(['ingest', sheet]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/wordt niet ondersteund/);

    const badType = await cli(['search', 'vier-ogen', '--type', 'roman']);
    expect(badType.code).toBe(2);
    expect(badType.stderr).toMatch(/Onbekend type "roman"/);

    const unknown = await cli(['verzin']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Onbekende opdracht/);
  });

  it('anonymise --json returns the text with placeholders and entity offsets into the input', async () => {
    const input = 'Mevrouw Jansen belt vanaf 06-12345678.';
    const result = await cli(['anonymise', '--json'], input);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.text).toBe('Mevrouw [PERSOON-1] belt vanaf [TELEFOON-1].');
    for (const e of out.entities) expect(input.slice(e.start, e.end)).toBe(e.text);
    expect(out.entities.map((e: { type: string }) => e.type)).toEqual(['PERSOON', 'TELEFOON']);
  });
});
