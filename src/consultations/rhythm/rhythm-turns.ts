/** `/teamritme`: show the team's rhythm, change it with a form or arguments, skip a date. */
import { actingTeam, notice } from '../../assistant/feature-kit.ts';
import type { Reply, ReplyForm, Turn, TurnAction } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { formatDutch, localDate } from '../../lib/time.ts';
import { requireTeamRole } from '../../teams/authorise.ts';
import { displayNames, requireMember } from '../twintig-ogen/team-access.ts';
import { upcomingMeetings } from '../twintig-ogen/upcoming-meetings.ts';
import { teamCalendarUrl } from '../calendar/calendar-links.ts';
import { getTeamRhythm } from './get-team-rhythm.ts';
import { defaultRhythm, describeRhythm, parseWeekday, WEEKDAYS, type Rhythm, type RhythmChange } from './rhythm.ts';
import { setTeamRhythm } from './set-team-rhythm.ts';

export const RHYTHM_SAVE = 'twintig.ritme-save';

const USAGE =
  'Zo stel je het ritme in: /teamritme dag=di elke=2 vanaf=2026-01-06 van=10:00 tot=12:00 casussen=3 minuten=30. Een datum overslaan: /teamritme overslaan 2026-12-29. Of gebruik /teamritme zonder meer voor het formulier.';

export async function rhythmCommand(ctx: Context, turn: Turn, args: string): Promise<Reply> {
  const teamId = await actingTeam(ctx, turn);
  const words = args.split(/\s+/).filter(Boolean);
  if (words.length === 0) return showRhythm(ctx, turn, teamId);
  const current = await getTeamRhythm(ctx.db.prisma, teamId);
  const skip = /^(overslaan|skip)$/i.test(words[0]!);
  const unskip = /^(terugzetten|niet-overslaan)$/i.test(words[0]!);
  if (skip || unskip) {
    const dates = words.slice(1);
    if (dates.length === 0) throw new WijkwijsError('bad_request', 'Welke datum? Bijvoorbeeld: /teamritme overslaan 2026-12-29');
    const skipped = new Set(current?.skippedDates ?? []);
    for (const d of dates) (skip ? skipped.add(d) : skipped.delete(d));
    const { rhythm, moved } = await setTeamRhythm(ctx, turn, teamId, { skippedDates: [...skipped] });
    return notice(turn, `${skip ? 'Overgeslagen' : 'Weer ingepland'}: ${dates.join(', ')}.${moved ? ` ${moved} casus(sen) van dat overleg kregen een nieuwe plek; het team ziet het in het kanaal.` : ''}\n${describeRhythm(rhythm)}`);
  }
  const change = await parseArgs(ctx, teamId, words);
  const { rhythm, moved } = await setTeamRhythm(ctx, turn, teamId, change);
  return notice(turn, `Het teamritme is opgeslagen. ${describeRhythm(rhythm)}${moved ? ` ${moved} casus(sen) kregen een nieuwe plek.` : ''}`);
}

async function showRhythm(ctx: Context, turn: Turn, teamId: string): Promise<Reply> {
  const { prisma } = ctx.db;
  await requireMember(prisma, turn.userId, teamId);
  const rhythm = await getTeamRhythm(prisma, teamId);
  const canEdit = await requireTeamRole(prisma, turn, teamId, ['lead', 'admin']).then(
    () => true,
    () => false,
  );
  const lines: string[] = [];
  if (rhythm) {
    lines.push(`Teamritme van ${teamId}: ${describeRhythm(rhythm)}`);
    const facilitators = rhythm.facilitatorIds.length ? [...(await displayNames(prisma, rhythm.facilitatorIds)).values()].join(', ') : 'de teamleiders';
    lines.push(`Procesbegeleiding: ${facilitators}.`);
    if (rhythm.skippedDates.length) lines.push(`Overgeslagen: ${rhythm.skippedDates.join(', ')}.`);
    const next = await upcomingMeetings(ctx, rhythm, 3);
    if (next.length) lines.push(`Volgende overleggen: ${next.map((m) => `${formatDutch(m.startsAt, rhythm.timeZone)} (${m.capacity - m.used} ${m.capacity - m.used === 1 ? 'plek' : 'plekken'} vrij)`).join('; ')}.`);
    lines.push(`In je eigen agenda (abonneren, alleen voor het team): ${await teamCalendarUrl(ctx, teamId, turn.userId)}`);
  } else {
    lines.push(`Team ${teamId} heeft nog geen teamritme.${canEdit ? ' Vul het formulier in.' : ' Vraag je teamleider het in te stellen.'}`);
  }
  if (!canEdit) return notice(turn, lines.join('\n'));
  lines.push(USAGE);
  return notice(turn, lines.join('\n'), { form: rhythmForm(rhythm ?? defaultRhythm(teamId, localDate(ctx.clock.now()))) });
}

export function rhythmForm(rhythm: Rhythm): ReplyForm {
  return {
    id: rhythm.teamId,
    title: 'Teamritme',
    fields: [
      { name: 'weekday', label: 'Dag', value: String(rhythm.weekday), kind: 'select', options: WEEKDAYS.map((w) => ({ value: String(w.value), label: w.name })) },
      { name: 'interval', label: 'Om de hoeveel weken', value: String(rhythm.intervalWeeks), kind: 'number' },
      { name: 'anchor', label: 'Datum van een overleg', value: rhythm.anchorDate, kind: 'date', hint: 'Vanaf hier tellen de weken.' },
      { name: 'start', label: 'Begint om', value: rhythm.startTime, kind: 'time' },
      { name: 'end', label: 'Eindigt om', value: rhythm.endTime, kind: 'time' },
      { name: 'cases', label: 'Casussen per overleg', value: String(rhythm.casesPerMeeting), kind: 'number' },
      { name: 'minutes', label: 'Minuten per casus', value: String(rhythm.minutesPerCase), kind: 'number' },
      { name: 'skipped', label: 'Overslaan (vakanties)', value: rhythm.skippedDates.join(', '), optional: true, hint: 'Data als JJJJ-MM-DD, gescheiden door komma’s.' },
      { name: 'facilitators', label: 'Procesbegeleider(s)', value: rhythm.facilitatorIds.join(', '), optional: true, hint: 'Gebruikers-id’s of namen van teamleden, gescheiden door komma’s.' },
      { name: 'timeZone', label: 'Tijdzone', value: rhythm.timeZone, optional: true },
    ],
    submit: { id: RHYTHM_SAVE, label: 'Opslaan' },
  };
}

export async function saveRhythmTurn(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply> {
  const teamId = action.value ?? '';
  const f = action.fields ?? {};
  const number = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));
  const list = (v: string | undefined) => (v ?? '').split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean);
  const change: RhythmChange = {
    weekday: number(f.weekday),
    intervalWeeks: number(f.interval),
    anchorDate: f.anchor || undefined,
    startTime: f.start || undefined,
    endTime: f.end || undefined,
    casesPerMeeting: number(f.cases),
    minutesPerCase: number(f.minutes),
    skippedDates: f.skipped !== undefined ? list(f.skipped) : undefined,
    facilitatorIds: f.facilitators !== undefined ? await resolveMembers(ctx, teamId, f.facilitators.split(/[,;]/)) : undefined,
    timeZone: f.timeZone?.trim() || undefined,
  };
  const { rhythm, moved } = await setTeamRhythm(ctx, turn, teamId, change);
  return notice(turn, `Het teamritme is opgeslagen. ${describeRhythm(rhythm)}${moved ? ` ${moved} casus(sen) kregen een nieuwe plek.` : ''}`);
}

/** Facilitators by user id or display name, among the team's members. */
async function resolveMembers(ctx: Context, teamId: string, given: string[]): Promise<string[]> {
  const wanted = given.map((g) => g.trim()).filter(Boolean);
  if (wanted.length === 0) return [];
  const members = await ctx.db.prisma.teamMember.findMany({ where: { teamId }, include: { user: true } });
  return wanted.map((w) => {
    const match = members.find((m) => m.userId === w || m.user.displayName?.toLowerCase() === w.toLowerCase());
    if (!match) throw new WijkwijsError('bad_request', `"${w}" is geen lid van team ${teamId}; een procesbegeleider moet in het team zitten.`);
    return match.userId;
  });
}

/** Settings of the form `woord=waarde` that are taken as they are typed (numbers as numbers). */
const PLAIN_SETTINGS: Record<string, { field: keyof RhythmChange; number?: true }> = {
  elke: { field: 'intervalWeeks', number: true },
  casussen: { field: 'casesPerMeeting', number: true },
  minuten: { field: 'minutesPerCase', number: true },
  vanaf: { field: 'anchorDate' },
  van: { field: 'startTime' },
  tot: { field: 'endTime' },
  tz: { field: 'timeZone' },
  tijdzone: { field: 'timeZone' },
};

async function parseArgs(ctx: Context, teamId: string, words: string[]): Promise<RhythmChange> {
  const change: RhythmChange = {};
  for (const word of words) {
    const m = /^([a-z]+)=(.+)$/i.exec(word);
    if (!m) throw new WijkwijsError('bad_request', `Dit begrijp ik niet: "${word}". ${USAGE}`);
    const [, key, value] = m as unknown as [string, string, string];
    const plain = PLAIN_SETTINGS[key.toLowerCase()];
    if (plain) {
      Object.assign(change, { [plain.field]: plain.number ? Number(value) : value });
    } else if (key.toLowerCase() === 'dag') {
      const day = parseWeekday(value);
      if (!day) throw new WijkwijsError('bad_request', `Onbekende dag "${value}"; gebruik ma, di, wo, do of vr.`);
      change.weekday = day;
    } else if (key.toLowerCase() === 'begeleider') {
      change.facilitatorIds = await resolveMembers(ctx, teamId, value.split(','));
    } else {
      throw new WijkwijsError('bad_request', `Onbekende instelling "${key}". ${USAGE}`);
    }
  }
  return change;
}
