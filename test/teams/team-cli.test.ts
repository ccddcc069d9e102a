import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/context.ts';
import { runCli } from '../support/run-cli.ts';

/** `wijkwijs team …` as the operator runs it, in a real process on a PGlite data directory. */
const dataDir = tempDir('wijkwijs-team-cli-');
// Every command is a fresh process opening PGlite from disk: seconds each on these machines.
const SLOW = 240_000;

const cli = (args: string[]) => runCli(args, { dataDir });

describe('wijkwijs team', () => {
  it('creates a team, adds a lead, and lists it', async () => {
    const created = await cli(['team', 'create', 'noord', '--name', 'Wijkteam Noord']);
    expect(created).toMatchObject({ code: 0, stdout: 'Team noord (Wijkteam Noord) is aangemaakt.\n' });

    const added = await cli(['team', 'add', 'noord', 'slack:T01:U02', '--role', 'lead']);
    expect(added).toMatchObject({ code: 0, stdout: 'slack:T01:U02 is toegevoegd aan team noord.\n' });

    const listed = await cli(['team', 'list', '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([{ id: 'noord', name: 'Wijkteam Noord', members: [{ userId: 'slack:T01:U02', displayName: null, role: 'lead' }] }]);
  }, SLOW);

  it('takes the name colleagues see with --naam, also for someone already in the team', async () => {
    const named = await cli(['team', 'add', 'noord', 'slack:T01:U02', '--naam', 'Lotte  Leider ']);
    expect(named).toMatchObject({ code: 0, stdout: 'slack:T01:U02 was al lid van team noord; de naam is nu Lotte Leider.\n' });
    const listed = await cli(['team', 'list']);
    expect(listed.stdout).toContain('  Lotte Leider (slack:T01:U02): teamleider');
    const empty = await cli(['team', 'add', 'noord', 'slack:T01:U04', '--naam', ' ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^Fout: Geef een naam van 1 tot 120 tekens/);
  }, SLOW);

  it('fails with a Dutch message and exit code on mistakes', async () => {
    const unknownTeam = await cli(['team', 'add', 'zuid', 'slack:T01:U03']);
    expect(unknownTeam.code).toBe(1);
    expect(unknownTeam.stderr).toMatch(/^Fout: Team zuid bestaat niet\. Maak het eerst aan met: wijkwijs team create zuid/);

    const noName = await cli(['team', 'create', 'zuid']);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toMatch(/--name/);
  }, SLOW);
});
