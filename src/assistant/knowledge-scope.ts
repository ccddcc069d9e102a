/**
 * What a reply may cite is decided by who reads it, never by the asker alone: a case discussion of
 * team A must not be posted where people outside team A read along.
 */
import type { PrismaClient } from '../lib/db.ts';
import { isMember, teamIdsOf } from '../teams/membership.ts';
import type { Audience, Turn } from './reply.ts';

/** The place a reply goes to: who asked, who reads it, and the team the place is linked to. */
export type ReadingPlace = Pick<Turn, 'channel' | 'userId' | 'teamId' | 'audience'>;

export function audienceOf(place: Pick<Turn, 'channel' | 'audience'>): Audience {
  // The web chat and the command line have one reader; elsewhere an unknown place counts as shared.
  return place.audience ?? (place.channel === 'web' || place.channel === 'cli' ? 'private' : 'shared');
}

/**
 * The teams whose own knowledge (their case discussions) a reply in this place may cite, on top of
 * the organisation-wide knowledge everyone may read:
 * - private: the asker's teams;
 * - shared, in a place linked to a team the asker belongs to: that team only;
 * - shared otherwise (an unlinked channel, a group chat, another team's channel): none.
 */
export async function citableTeamIds(prisma: PrismaClient, place: ReadingPlace): Promise<string[]> {
  if (audienceOf(place) === 'private') return teamIdsOf(prisma, place.userId);
  if (place.teamId && (await isMember(prisma, place.userId, place.teamId))) return [place.teamId];
  return [];
}

/** Whether a passage of `passageTeamId` (null: organisation-wide) may be shown in this place. */
export async function mayCite(prisma: PrismaClient, place: ReadingPlace, passageTeamId: string | null): Promise<boolean> {
  return passageTeamId === null || (await citableTeamIds(prisma, place)).includes(passageTeamId);
}
