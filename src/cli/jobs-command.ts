import { parseArgs } from 'node:util';
import type { Context } from '../assistant/context.ts';
import { listJobs } from '../jobs/list-jobs.ts';
import { retryJob } from '../jobs/retry-job.ts';
import { WijkwijsError } from '../lib/errors.ts';

export const JOBS_HELP = `  jobs list [--due | --failed] [--team <id>] [--json]
                                 geplande taken (herinneringen, agenda's, berichtjes); --due: wat al
                                 had moeten lopen, --failed: wat na alle pogingen is mislukt
  jobs retry <taak-id>           laat een mislukte taak opnieuw lopen`;

/** `wijkwijs jobs …`: what the job worker will do, has not done, or gave up on. */
export async function jobsCommand(args: string[], withContext: <T>(fn: (ctx: Context) => Promise<T>) => Promise<T>): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { due: { type: 'boolean' }, failed: { type: 'boolean' }, team: { type: 'string' }, json: { type: 'boolean' } } });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  switch (sub) {
    case 'list': {
      if (values.due && values.failed) throw new WijkwijsError('bad_request', 'Kies --due of --failed, niet allebei.');
      const which = values.due ? 'due' : values.failed ? 'failed' : 'planned';
      const jobs = await withContext((ctx) => listJobs(ctx.db, { which, now: ctx.clock.now(), teamId: values.team, limit: 200 }));
      if (values.json) say(JSON.stringify(jobs, null, 2));
      else if (jobs.length === 0) say({ due: 'Er wacht geen taak die al had moeten lopen.', failed: 'Er zijn geen mislukte taken.', planned: 'Er staan geen taken gepland.' }[which]);
      else for (const j of jobs) say(`${j.id}  ${amsterdam(j.runAt)}  ${j.kind}${j.teamId ? `  team ${j.teamId}` : ''}  ${j.status}${j.attempts ? `, ${j.attempts} poging(en)` : ''}${j.lastError ? `: ${j.lastError}` : ''}`);
      return 0;
    }
    case 'retry': {
      if (positionals.length !== 1) throw new WijkwijsError('bad_request', 'Gebruik: wijkwijs jobs retry <taak-id>');
      const job = await withContext((ctx) => retryJob(ctx.db, positionals[0]!, ctx.clock.now()));
      say(`Taak ${positionals[0]} (${job.kind}) loopt opnieuw zodra de server de taken nakijkt.`);
      return 0;
    }
    default:
      throw new WijkwijsError('bad_request', `Onbekende jobs-opdracht${sub ? ` "${sub}"` : ''}. Mogelijk:\n${JOBS_HELP}`);
  }
}

function amsterdam(date: Date): string {
  return date.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' });
}
