import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/context.ts';
import { runCli } from './support/run-cli.ts';

// A data directory that must never come into being: asking for help opens no database.
const dataDir = path.join(tempDir('wijkwijs-help-'), 'data');

const ASKS = [
  ['--help'],
  ['-h'],
  ['help', 'ingest'],
  ['serve', '--help'],
  ['ask', '--help'],
  ['search', '-h'],
  ['ingest', '--help'],
  ['migrate', '--help'],
  ['anonymise', '--help'],
  ['anonymize', '-h'],
  ['team', '--help'],
  ['team', 'add', '--help'],
  ['team', 'ritme', 'team-noord', '-h'],
  ['team', 'help'],
  ['privacy', '--help'],
  ['privacy', 'export', '-h'],
  ['admin', '--help'],
  ['jobs', 'list', '-h'],
];

describe('wijkwijs --help', () => {
  it('every command answers --help and -h with a Dutch usage text and exit code 0, without opening the database', async () => {
    // Four at a time: sixteen Node processes at once would only queue on two cores.
    const results = [];
    for (let i = 0; i < ASKS.length; i += 4) results.push(...(await Promise.all(ASKS.slice(i, i + 4).map((args) => runCli(args, { dataDir })))));
    for (const [i, r] of results.entries()) {
      const args = ASKS[i]!.join(' ');
      expect(r.code, args).toBe(0);
      expect(r.stderr, args).toBe('');
      expect(r.stdout, args).toMatch(/Gebruik/);
      const command = ASKS[i]![0]!.startsWith('-') || ASKS[i]![0] === 'help' ? ASKS[i]![1] : ASKS[i]![0];
      if (command) expect(r.stdout, args).toContain(command === 'anonymize' ? 'anonymise' : command);
    }
    expect(results[0]!.stdout).toMatch(/serve[\s\S]*ingest[\s\S]*team create[\s\S]*privacy export/);
    expect(results[2]!.stdout).toMatch(/^Gebruik: wijkwijs ingest/);
    expect(existsSync(dataDir)).toBe(false);
  }, 180_000);

  it('a wrong option gets a Dutch message that points at --help, with exit code 2', async () => {
    const [unknown, missing] = await Promise.all([runCli(['ask', '--jsn', 'vraag'], { dataDir }), runCli(['search', 'vraag', '--limit'], { dataDir })]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('Fout: Onbekende optie --jsn. Zie: wijkwijs ask --help\n');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Fout: De optie --limit verwacht een waarde.*wijkwijs search --help/);
    expect(existsSync(dataDir)).toBe(false);
  });
});
