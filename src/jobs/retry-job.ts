import type { Db } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';

/**
 * A failed job runs again at the next round of the worker, with its attempts counted afresh. Only a
 * failed one: a pending job runs anyway, and rerunning a done one could send a message twice.
 */
export async function retryJob(db: Db, jobId: string, now: Date): Promise<{ kind: string }> {
  if (!/^[0-9a-f-]{36}$/i.test(jobId)) throw new WijkwijsError('bad_request', `"${jobId}" is geen taak-id; zie wijkwijs jobs list --failed.`);
  const rows = await db.sql.query<{ kind: string }>(
    `UPDATE job SET status = 'pending', run_at = $2, attempts = 0, locked_until = NULL, finished_at = NULL WHERE id = $1 AND status = 'failed' RETURNING kind`,
    [jobId, now],
  );
  if (rows[0]) return rows[0];
  const [found] = await db.sql.query<{ status: string }>('SELECT status FROM job WHERE id = $1', [jobId]);
  throw new WijkwijsError(found ? 'bad_request' : 'not_found', found ? `Deze taak is niet mislukt (status: ${found.status}); alleen een mislukte taak kan opnieuw.` : 'Deze taak bestaat niet (meer).');
}
