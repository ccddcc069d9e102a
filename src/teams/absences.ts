/**
 * Who is away when: absences are ranges of local dates of the team (both inclusive). Rotations
 * (vier-ogen, buddies) skip whoever is away, and reminders to someone away wait for their return.
 */
import type { AbsenceKind } from '../generated/prisma/enums.ts';
import type { PrismaClient } from '../lib/db.ts';
import { addDays, DEFAULT_TIME_ZONE } from '../lib/time.ts';

export const ABSENCE_KINDS = ['verlof', 'ziek', 'anders'] as const satisfies readonly AbsenceKind[];

export interface Absence {
  id: string;
  teamId: string;
  userId: string;
  startsOn: string;
  endsOn: string;
  kind: AbsenceKind;
  recordedBy: string;
}

/** A local date as the DATE column holds it, and back. */
export const dateColumn = (localDate: string): Date => new Date(`${localDate}T00:00:00Z`);
export const localDateOf = (column: Date): string => column.toISOString().slice(0, 10);

function toAbsence(row: { id: string; teamId: string; userId: string; startsOn: Date; endsOn: Date; kind: AbsenceKind; recordedBy: string }): Absence {
  return { ...row, startsOn: localDateOf(row.startsOn), endsOn: localDateOf(row.endsOn) };
}

/** The members of a team away on this local date. */
export async function absentOn(prisma: PrismaClient, teamId: string, date: string): Promise<Set<string>> {
  const day = dateColumn(date);
  const rows = await prisma.memberAbsence.findMany({ where: { teamId, startsOn: { lte: day }, endsOn: { gte: day } }, select: { userId: true } });
  return new Set(rows.map((r) => r.userId));
}

/**
 * The first date on or after `date` on which the user is not away in this team: `date` itself when
 * they are there. Back-to-back absences (leave, then sick) are followed through.
 */
export async function presentFrom(prisma: PrismaClient, teamId: string, userId: string, date: string): Promise<string> {
  const rows = await prisma.memberAbsence.findMany({ where: { teamId, userId, endsOn: { gte: dateColumn(date) } }, orderBy: { startsOn: 'asc' } });
  let day = date;
  for (const a of rows.map(toAbsence)) if (a.startsOn <= day && a.endsOn >= day) day = addDays(a.endsOn, 1);
  return day;
}

/** Absences of a team (or one member) that have not ended before `from`, soonest first. */
export async function absencesFrom(prisma: PrismaClient, where: { teamId: string; userId?: string }, from: string): Promise<Absence[]> {
  const rows = await prisma.memberAbsence.findMany({ where: { ...where, endsOn: { gte: dateColumn(from) } }, orderBy: [{ startsOn: 'asc' }, { userId: 'asc' }] });
  return rows.map(toAbsence);
}

/** The team's time zone: that of its meeting rhythm, else the default. Absences are its local dates. */
export async function teamTimeZone(prisma: PrismaClient, teamId: string): Promise<string> {
  const rhythm = await prisma.teamRhythm.findUnique({ where: { teamId }, select: { timeZone: true } });
  return rhythm?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** The last day of the user's most recent absence that ended before `date`, if any. */
export async function lastAbsenceEnd(prisma: PrismaClient, teamId: string, userId: string, date: string): Promise<string | undefined> {
  const row = await prisma.memberAbsence.findFirst({ where: { teamId, userId, endsOn: { lt: dateColumn(date) } }, orderBy: { endsOn: 'desc' }, select: { endsOn: true } });
  return row ? localDateOf(row.endsOn) : undefined;
}
