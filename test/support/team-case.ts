import type { Context } from '../../src/assistant/context.ts';
import { confirmCase } from '../../src/cases/confirm-case.ts';
import { proposeCase } from '../../src/cases/propose-case.ts';
import { addMember } from '../../src/teams/add-member.ts';
import { OPERATOR } from '../../src/teams/authorise.ts';
import { createTeam } from '../../src/teams/create-team.ts';

/** A case discussion of team A, for tests of where team knowledge may and may not show up. */
export const TEAM_A_CASE = `Duivenplaag in het kippenhok

Een bewoner houdt kippen op een volkstuin. Duiven in het kippenhok geven overlast en de buren klagen.

## Besluit
Het team schakelde de volkstuinvereniging en buurtbemiddeling in, zonder maatwerkvoorziening.`;
export const CASE_QUESTION = 'Hebben we eerder een casus besproken over een duivenplaag in een kippenhok?';
/** Words only that case contains. */
export const CASE_TEXT = /duivenplaag|kippenhok|volkstuin/i;

/**
 * Teams team-a and team-b with the given admins, and the case stored in team A's collection by its
 * first admin, the way a coach stores one (anonymised draft, then confirmed).
 */
export async function twoTeamsWithACase(ctx: Context, admins: { a: string[]; b: string[] }): Promise<void> {
  const { prisma } = ctx.db;
  for (const [teamId, userIds] of [['team-a', admins.a], ['team-b', admins.b]] as const) {
    await createTeam(prisma, OPERATOR, { id: teamId, name: teamId === 'team-a' ? 'Team A' : 'Team B' });
    for (const userId of userIds) await addMember(prisma, OPERATOR, { teamId, userId, role: 'admin' });
  }
  const proposal = await proposeCase(prisma, { userId: admins.a[0]!, teamId: 'team-a', text: TEAM_A_CASE });
  const stored = await confirmCase(ctx, { userId: admins.a[0]!, draftId: proposal.draftId, text: proposal.text });
  if (stored.status !== 'stored') throw new Error('the team A case was not stored');
}
