import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/context.ts';
import { runCli } from '../support/run-cli.ts';

/** `wijkwijs team ritme …` in a real process on a PGlite data directory. */
const dataDir = tempDir('wijkwijs-ritme-cli-');
const SLOW = 240_000;
const cli = (args: string[]) => runCli(args, { dataDir });

describe('wijkwijs team ritme', () => {
  it('sets, shows and skips dates of a team rhythm', async () => {
    expect((await cli(['team', 'create', 'oost', '--name', 'Wijkteam Oost'])).code).toBe(0);
    expect((await cli(['team', 'add', 'oost', 'slack:T1:U9', '--naam', 'Fenna Frits'])).code).toBe(0);
    const none = await cli(['team', 'ritme', 'oost']);
    expect(none.stdout).toMatch(/nog geen teamritme/);
    const set = await cli(['team', 'ritme', 'oost', '--weekday', 'do', '--every', '2', '--from', '2026-01-08', '--start', '09:30', '--end', '11:00', '--cases', '2', '--minutes', '40', '--skip', '2026-12-24', '--facilitator', 'slack:T1:U9']);
    expect(set).toMatchObject({ code: 0 });
    expect(set.stdout).toMatch(/Om de 2 weken op donderdag, 09:30–11:00 \(Europe\/Amsterdam\), vanaf 2026-01-08; 2 twintig-ogen casussen van 40 minuten/);
    expect(set.stdout).toMatch(/^Procesbegeleiding: Fenna Frits \(slack:T1:U9\)$/m);
    const json = JSON.parse((await cli(['team', 'ritme', 'oost', '--skip', '2026-12-31', '--json'])).stdout);
    expect(json).toMatchObject({ weekday: 4, intervalWeeks: 2, skippedDates: ['2026-12-24', '2026-12-31'], facilitatorIds: ['slack:T1:U9'] });
    const bad = await cli(['team', 'ritme', 'oost', '--start', '12:00', '--end', '11:00']);
    expect(bad.code).toBe(2); // bad input
    expect(bad.stderr).toMatch(/eindtijd/);
  }, SLOW);
});
