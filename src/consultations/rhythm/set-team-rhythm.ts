import type { Context } from '../../assistant/context.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { localDate } from '../../lib/time.ts';
import { requireTeamRole, type Actor } from '../../teams/authorise.ts';
import { reconcileMeetings } from '../twintig-ogen/reconcile-meetings.ts';
import { getTeamRhythm } from './get-team-rhythm.ts';
import { applyRhythmChange, defaultRhythm, rhythmChangeSchema, type Rhythm, type RhythmChange } from './rhythm.ts';

/**
 * Sets (part of) a team's rhythm; leads and admins only. Meetings already planned follow the new
 * rhythm: a meeting on a date that no longer fits (e.g. a skipped holiday) is cancelled and its
 * cases get a new place.
 */
export async function setTeamRhythm(ctx: Context, actor: Actor, teamId: string, change: RhythmChange): Promise<{ rhythm: Rhythm; moved: number }> {
  const { prisma } = ctx.db;
  const team = await prisma.team.findUnique({ where: { id: teamId }, select: { id: true } });
  if (!team) throw new WijkwijsError('not_found', `Team ${teamId} bestaat niet.`);
  await requireTeamRole(prisma, actor, teamId, ['lead', 'admin']);
  const parsed = rhythmChangeSchema.safeParse(change);
  if (!parsed.success) throw new WijkwijsError('bad_request', parsed.error.issues[0]?.message ?? 'Het teamritme is niet goed ingevuld.');
  const current = (await getTeamRhythm(prisma, teamId)) ?? defaultRhythm(teamId, localDate(ctx.clock.now(), parsed.data.timeZone));
  let rhythm: Rhythm;
  try {
    rhythm = applyRhythmChange(current, parsed.data);
  } catch (error) {
    if (error instanceof RangeError) throw new WijkwijsError('bad_request', error.message);
    throw error;
  }
  if (rhythm.facilitatorIds.length) {
    const members = await prisma.teamMember.count({ where: { teamId, userId: { in: rhythm.facilitatorIds } } });
    if (members !== rhythm.facilitatorIds.length) throw new WijkwijsError('bad_request', 'Een procesbegeleider moet lid zijn van het team.');
  }
  const { teamId: _id, ...data } = rhythm;
  await prisma.teamRhythm.upsert({ where: { teamId }, create: rhythm, update: data });
  const moved = await reconcileMeetings(ctx, rhythm);
  ctx.logger.info({ teamId, moved }, 'team rhythm set');
  return { rhythm, moved };
}
