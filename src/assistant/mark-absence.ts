import type { Context } from './context.ts';
import { noticeReply } from './reply.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import type { AbsenceKind } from '../generated/prisma/enums.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { addDays, formatDutch, localDate } from '../lib/time.ts';
import { namePeople } from '../people/name-people.ts';
import { dateColumn, localDateOf, teamTimeZone, type Absence } from '../teams/absences.ts';
import { requireTeamRole } from '../teams/authorise.ts';
import { isMember } from '../teams/membership.ts';

/** Leave is planned months ahead at most; a longer absence is entered again later. */
const MAX_DAYS = 366;
/** A sick day forgotten last week can still be entered; older ones change nothing any more. */
const LATEST_PAST_DAYS = 14;

export interface MarkAbsenceInput {
  teamId: string;
  /** Whose absence; the actor's own when left out. Someone else's only for a lead or admin of the team. */
  userId?: string;
  startsOn: string;
  endsOn: string;
  kind: AbsenceKind;
}

/**
 * Records an absence, by the coach or by a lead for them (who is then told), and lets every feature
 * move what waits for them (see `Feature.onAbsence`). Audited with ids only: the kind (sick or not)
 * stays out of the audit trail.
 */
export async function markAbsence(ctx: Context, actorId: string, input: MarkAbsenceInput): Promise<Absence> {
  const { prisma } = ctx.db;
  const userId = input.userId ?? actorId;
  if (userId !== actorId) await requireTeamRole(prisma, { userId: actorId }, input.teamId, ['lead', 'admin']);
  if (!(await isMember(prisma, userId, input.teamId))) {
    throw new WijkwijsError('forbidden', userId === actorId ? `Je bent geen lid van team ${input.teamId}.` : `Die collega is geen lid van team ${input.teamId}.`);
  }
  const zone = await teamTimeZone(prisma, input.teamId);
  const today = localDate(ctx.clock.now(), zone);
  checkRange(input.startsOn, input.endsOn, today);
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.memberAbsence.create({
      data: { teamId: input.teamId, userId, startsOn: dateColumn(input.startsOn), endsOn: dateColumn(input.endsOn), kind: input.kind, recordedBy: actorId, createdAt: ctx.clock.now() },
    });
    await recordAuditEvents(tx, [{ actorId, action: 'absence.recorded', subjectType: 'user', subjectId: userId, teamId: input.teamId }], ctx.clock.now());
    return created;
  });
  const absence: Absence = { ...row, startsOn: localDateOf(row.startsOn), endsOn: localDateOf(row.endsOn) };
  if (userId !== actorId) {
    const people = await namePeople(ctx, [actorId]);
    await ctx.messenger.send({
      to: { userId },
      reply: noticeReply(`${people.name(actorId)} heeft voor je genoteerd dat je afwezig bent ${describePeriod(absence, zone)}. Klopt dat niet? Kijk met /afwezig.`, { people: people.named() }),
    });
  }
  for (const feature of ctx.features) await feature.onAbsence?.(ctx, { teamId: absence.teamId, userId, startsOn: absence.startsOn, endsOn: absence.endsOn });
  ctx.logger.info({ teamId: input.teamId, byLead: userId !== actorId, days: daysBetween(input.startsOn, input.endsOn) + 1 }, 'absence recorded');
  return absence;
}

function checkRange(startsOn: string, endsOn: string, today: string): void {
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && localDateOf(dateColumn(d)) === d;
  if (!valid(startsOn) || !valid(endsOn)) throw new WijkwijsError('bad_request', 'Geef de datums als JJJJ-MM-DD, bijvoorbeeld 2026-04-06 t/m 2026-04-10.');
  if (endsOn < startsOn) throw new WijkwijsError('bad_request', 'De einddatum ligt vóór de begindatum.');
  if (endsOn < addDays(today, -LATEST_PAST_DAYS)) throw new WijkwijsError('bad_request', 'Deze afwezigheid is al voorbij; die hoef je niet meer door te geven.');
  if (daysBetween(startsOn, endsOn) >= MAX_DAYS) throw new WijkwijsError('bad_request', 'Geef een afwezigheid van hooguit een jaar door; verleng hem later als dat nodig is.');
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "van maandag 6 april t/m vrijdag 10 april 2026", or "op …" for one day. */
export function describePeriod(a: Pick<Absence, 'startsOn' | 'endsOn'>, zone: string): string {
  const day = (d: string) => formatDutch(new Date(`${d}T12:00:00Z`), zone, false);
  return a.startsOn === a.endsOn ? `op ${day(a.startsOn)}` : `van ${day(a.startsOn)} t/m ${day(a.endsOn)}`;
}
