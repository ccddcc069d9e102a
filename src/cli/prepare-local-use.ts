import type { Context } from '../assistant/context.ts';
import { ingestFiles } from '../knowledge/ingest-files.ts';
import { placeLocalUsers } from '../teams/place-local-users.ts';
import { WEB_USER_ID } from '../channels/web/server.ts';

/**
 * What the embedded default needs before the first question: the bundled knowledge indexed (only
 * changed files on later starts) and the local users in the default team.
 */
export async function prepareLocalUse(ctx: Context, say: (line: string) => void): Promise<void> {
  const { config } = ctx;
  const { movedFrom } = await placeLocalUsers(ctx.db.prisma, { teamId: config.defaultTeam, teamName: 'Wijkteam', userIds: [WEB_USER_ID, 'cli:local'], displayName: 'Lokale gebruiker' });
  if (movedFrom) say(`De lokale gebruikers zijn overgezet van team ${movedFrom} naar het standaardteam ${config.defaultTeam}.`);
  if (!config.autoIngest) return;
  const summary = await ingestFiles(ctx, {
    paths: [config.knowledgeDir],
    prune: true,
    onProgress: (p) => {
      if (p.status !== 'unchanged' && (p.index === 1 || p.index % 10 === 0 || p.index === p.total)) say(`Kennisbank inlezen: ${p.index}/${p.total}`);
    },
  });
  if (summary.added + summary.updated + summary.repaired + summary.removed > 0) {
    say(`Kennisbank bijgewerkt: ${summary.added} nieuw, ${summary.updated} gewijzigd, ${summary.repaired} hersteld, ${summary.removed} verwijderd (${summary.chunks} passages).`);
  }
  if (summary.statisticsRepaired) say('Kennisbank: de zoekstatistieken waren onvolledig en zijn opnieuw geteld.');
  for (const f of summary.failed) say(`Let op: ${f.file} kon niet worden ingelezen: ${f.message}`);
}
