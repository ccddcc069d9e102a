/**
 * The operator's commands for organisation admins and the audit trail, as real processes on a data
 * directory: admin add/list/remove, privacy audit filtered by actor and action, and audit rows past
 * WIJKWIJS_AUDIT_RETENTION_DAYS purged with the rest.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/db.ts';
import { tempDir } from '../support/context.ts';
import { runCli } from '../support/run-cli.ts';

const dataDir = tempDir('wijkwijs-admin-cli-');
const SLOW = 240_000;
const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { dataDir, env });

describe('wijkwijs admin and privacy audit', () => {
  it('gives and takes the organisation admin role, listing admins by name', async () => {
    expect(await cli(['admin', 'add', 'slack:T01:UANNA'])).toMatchObject({ code: 0, stdout: 'slack:T01:UANNA is nu beheerder van de organisatie.\n' });
    expect(await cli(['admin', 'add', 'slack:T01:UBOOT'], { WIJKWIJS_ADMINS: 'slack:T01:UBOOT' })).toMatchObject({ code: 0, stdout: 'slack:T01:UBOOT was al beheerder; er is niets veranderd.\n' });
    expect((await cli(['admin', 'list'])).stdout).toBe('slack:T01:UANNA\nslack:T01:UBOOT\n');
    const refused = await cli(['admin', 'remove', 'slack:T01:UBOOT'], { WIJKWIJS_ADMINS: 'slack:T01:UBOOT' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^Fout: Deze beheerder staat in WIJKWIJS_ADMINS/);
    expect(await cli(['admin', 'remove', 'slack:T01:UANNA'])).toMatchObject({ code: 0, stdout: 'slack:T01:UANNA is geen beheerder van de organisatie meer.\n' });
  }, SLOW);

  it('filters the audit trail by actor and action, and purges rows past their retention', async () => {
    const byAction = await cli(['privacy', 'audit', '--action', 'organisation.*', '--json']);
    expect(JSON.parse(byAction.stdout).map((e: { actorId: string; action: string; subjectId: string }) => [e.actorId, e.action, e.subjectId])).toEqual([
      ['cli:operator', 'organisation.admin_removed', 'slack:T01:UANNA'],
      ['config:WIJKWIJS_ADMINS', 'organisation.admin_added', 'slack:T01:UBOOT'],
      ['cli:operator', 'organisation.admin_added', 'slack:T01:UANNA'],
    ]);
    const byActor = await cli(['privacy', 'audit', '--actor', 'config:WIJKWIJS_ADMINS', '--action', 'organisation.admin_added']);
    expect(byActor.stdout.trim().split('\n')).toEqual([expect.stringMatching(/config:WIJKWIJS_ADMINS {2}organisation\.admin_added {2}user:slack:T01:UBOOT$/)]);
    const bad = await cli(['privacy', 'audit', '--action', 'drop table']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^Fout: Ongeldige actie "drop table"/);

    const db = await openDatabase({ dataDir });
    await db.sql.query(`INSERT INTO audit_event (actor_id, action, subject_type, subject_id, at) VALUES ('cli:operator', 'team.created', 'team', 'oud', now() - interval '800 days'), ('cli:operator', 'team.created', 'team', 'recent', now() - interval '700 days')`);
    await db.close();
    const purged = await cli(['privacy', 'purge']);
    expect(purged.stdout).toMatch(/Auditregels ouder dan de bewaartermijn: 1\./);
    const left = JSON.parse((await cli(['privacy', 'audit', '--action', 'team.created', '--json'])).stdout).map((e: { subjectId: string }) => e.subjectId);
    expect(left).toEqual(['recent']);
  }, SLOW);
});
