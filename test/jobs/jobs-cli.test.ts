/**
 * `wijkwijs jobs`: what the worker has not done although it was due, what failed after all its
 * attempts, what is planned, and a failed job run again; as real processes on a data directory.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/db.ts';
import { migrate } from '../../src/lib/migrate.ts';
import { tempDir } from '../support/context.ts';
import { runCli } from '../support/run-cli.ts';

const dataDir = tempDir('wijkwijs-jobs-cli-');
const cli = (args: string[]) => runCli(args, { dataDir });
const FAILED = '11111111-1111-4111-8111-111111111111';
const DUE = '22222222-2222-4222-8222-222222222222';

describe('wijkwijs jobs', () => {
  it('lists due, failed and planned jobs, and runs a failed one again', async () => {
    const db = await openDatabase({ dataDir });
    await migrate(db.sql);
    await db.sql.query(
      `INSERT INTO job (id, kind, team_id, payload, run_at, status, attempts, last_error) VALUES
         ($1, 'intervisie.send-reminder', 'noord', '{}', now() - interval '2 hours', 'failed', 5, 'slack unreachable'),
         ($2, 'onboarding.nudge', 'noord', '{}', now() - interval '1 hour', 'pending', 0, NULL),
         (gen_random_uuid()::text, 'twintig.post-agenda', 'zuid', '{}', now() + interval '1 day', 'pending', 0, NULL),
         (gen_random_uuid()::text, 'twintig.post-agenda', 'zuid', '{}', now() - interval '3 days', 'done', 1, NULL)`,
      [FAILED, DUE],
    );
    await db.close();

    const due = await cli(['jobs', 'list', '--due']);
    expect(due.stdout.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${DUE} .* onboarding\\.nudge {2}team noord {2}pending$`))]);
    const failed = await cli(['jobs', 'list', '--failed', '--json']);
    expect(JSON.parse(failed.stdout)).toEqual([expect.objectContaining({ id: FAILED, kind: 'intervisie.send-reminder', attempts: 5, lastError: 'slack unreachable' })]);
    const planned = await cli(['jobs', 'list', '--team', 'zuid']);
    expect(planned.stdout).toMatch(/twintig\.post-agenda {2}team zuid {2}pending\n$/);

    expect(await cli(['jobs', 'retry', FAILED])).toMatchObject({ code: 0, stdout: `Taak ${FAILED} (intervisie.send-reminder) loopt opnieuw zodra de server de taken nakijkt.\n` });
    expect((await cli(['jobs', 'list', '--failed'])).stdout).toBe('Er zijn geen mislukte taken.\n');
    const again = await cli(['jobs', 'retry', DUE]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^Fout: Deze taak is niet mislukt \(status: pending\)/);
    const both = await cli(['jobs', 'list', '--due', '--failed']);
    expect(both).toMatchObject({ code: 2, stderr: 'Fout: Kies --due of --failed, niet allebei.\n' });
  }, 240_000);
});
