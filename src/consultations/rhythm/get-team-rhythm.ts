import type { PrismaClient } from '../../lib/db.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import type { Rhythm } from './rhythm.ts';

export async function getTeamRhythm(prisma: PrismaClient, teamId: string): Promise<Rhythm | undefined> {
  const row = await prisma.teamRhythm.findUnique({ where: { teamId } });
  if (!row) return undefined;
  const { updatedAt: _updated, ...rhythm } = row;
  return rhythm;
}

export async function requireTeamRhythm(prisma: PrismaClient, teamId: string): Promise<Rhythm> {
  const rhythm = await getTeamRhythm(prisma, teamId);
  if (!rhythm) {
    throw new WijkwijsError('not_found', `Team ${teamId} heeft nog geen teamritme, dus ik weet niet wanneer het teamoverleg is. Vraag je teamleider het in te stellen met /teamritme.`);
  }
  return rhythm;
}
