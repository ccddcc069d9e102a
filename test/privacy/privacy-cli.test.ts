import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/context.ts';
import { runCli } from '../support/run-cli.ts';

/** `wijkwijs privacy export|delete|purge` as the operator runs them, in real processes. */
const dataDir = tempDir('wijkwijs-privacy-cli-');
const user = 'slack:T01:UCLI';
// Every command is a fresh process opening PGlite from disk: seconds each on these machines.
const SLOW = 240_000;

const cli = (args: string[]) => runCli(args, { dataDir });

describe('wijkwijs privacy', () => {
  it('exports a user as JSON, deletes them with a Dutch summary, and records both', async () => {
    // A team membership gives the exported user something to show.
    expect((await cli(['team', 'create', 'oost', '--name', 'Wijkteam Oost'])).code).toBe(0);
    expect((await cli(['team', 'add', 'oost', user])).code).toBe(0);

    const exported = await cli(['privacy', 'export', '--user', user]);
    expect(exported.code).toBe(0);
    const data = JSON.parse(exported.stdout);
    expect(data).toMatchObject({ userId: user, user: { id: user }, memberships: [{ teamId: 'oost', role: 'member' }], conversations: [] });

    const deleted = await cli(['privacy', 'delete', '--user', user]);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toMatch(/^Verwijderd voor slack:T01:UCLI: 0 gesprek\(ken\), 0 vraag\/antwoord\(en\), 0 feedback, 0 casusconcept\(en\), 0 vraag\/vragen aan collega’s, 0 thread-koppeling\(en\), 0 Slack-formulier\(en\), 1 teamlidmaatschap\(pen\), gebruikersgegevens: ja\./);
    expect(deleted.stdout).toMatch(/\nOok verwijderd: 0 bericht\(en\), 0 nooit verstuurd\(e\) concept\(en\) .* 0 geplande herinnering\(en\) geannuleerd\.\n/);
    expect(deleted.stdout).toMatch(/voortaan als verwijderd:[0-9a-f]{16} \(2 regel\(s\) aangepast\); in de teamgeschiedenis .* 0 regel\(s\)\.\n/);

    const audit = await cli(['privacy', 'audit', '--team', 'oost', '--json']);
    expect(audit.code).toBe(0);
    expect(audit.stdout).not.toContain(user);
    // privacy.* events belong to no team; the team trail shows the membership, now pseudonymised.
    expect(JSON.parse(audit.stdout).map((e: { action: string }) => e.action).sort()).toEqual(['team.created', 'team.member_added']);
  }, SLOW);

  it('purges, and refuses a request without --user', async () => {
    const purged = await cli(['privacy', 'purge']);
    expect(purged).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Opgeruimd: 0 gesprek\(ken\).*; 0 oud\(e\) bericht\(en\) en 0 afgeronde taak\/taken\.\nNooit bevestigde concepten: 0 twintig-ogen/) });
    const missing = await cli(['privacy', 'delete']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--user/);
  }, SLOW);
});
