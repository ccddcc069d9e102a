/**
 * "/afwezig": a coach marks leave, sickness or other absence as a date range, or a lead does it for
 * them; the rotations skip whoever is away and reminders wait (see the README for which does what).
 * `/afwezig` shows your absences and a form, `/afwezig 2026-04-06 t/m 2026-04-10 verlof` enters one,
 * `/afwezig terug` ends a running one, `/afwezig team` shows a lead who is away.
 */
import { z } from 'zod';
import type { Context, Feature } from '../assistant/context.ts';
import { actingTeam, buttonValue, fieldLabels, notice, parseFields, selectField, unknownButton } from '../assistant/feature-kit.ts';
import type { Reply, ReplyAction, ReplyForm, Turn, TurnAction } from '../assistant/reply.ts';
import { parseDutchDate } from '../lib/dutch-date.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { localDate } from '../lib/time.ts';
import { namePeople, type Names } from '../people/name-people.ts';
import { ABSENCE_KINDS, absencesFrom, teamTimeZone, type Absence } from '../teams/absences.ts';
import { isOrganisationAdmin, requireTeamRole } from '../teams/authorise.ts';
import { endAbsence, endRunningAbsences } from '../assistant/end-absence.ts';
import { describePeriod, markAbsence } from '../assistant/mark-absence.ts';

const SUBMIT = 'absence.submit';
const END = 'absence.end';
const KIND_WORDS: Record<string, string> = { verlof: 'verlof', ziek: 'ziek', anders: 'afwezig' };
const HELP = 'Gebruik /afwezig 2026-04-06 t/m 2026-04-10 verlof (of ziek, anders), /afwezig tot 2026-04-10, /afwezig terug, of /afwezig voor het formulier. Een teamleider ziet met /afwezig team wie er weg is.';

const formFields = z.object({
  who: z.string().max(200).optional(),
  startsOn: z.iso.date({ error: 'Kies een geldige begindatum.' }),
  endsOn: z.iso.date({ error: 'Kies een geldige einddatum.' }),
  kind: z.enum(ABSENCE_KINDS),
});

async function isLead(ctx: Context, userId: string, teamId: string): Promise<boolean> {
  const membership = await ctx.db.prisma.teamMember.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { role: true } });
  return membership?.role === 'lead' || membership?.role === 'admin' || (await isOrganisationAdmin(ctx.db.prisma, { userId }));
}

async function absenceForm(ctx: Context, turn: Turn, teamId: string, today: string): Promise<ReplyForm> {
  const fields = [
    { name: 'startsOn', label: 'Eerste dag afwezig', value: today, kind: 'date' as const },
    { name: 'endsOn', label: 'Laatste dag afwezig', value: today, kind: 'date' as const },
    selectField('kind', 'Soort', { verlof: 'Verlof', ziek: 'Ziek', anders: 'Anders' }, { hint: 'Alleen jij en je teamleider zien de soort.' }),
  ];
  if (await isLead(ctx, turn.userId, teamId)) {
    const members = await ctx.db.prisma.teamMember.findMany({ where: { teamId }, select: { userId: true }, orderBy: { userId: 'asc' } });
    const people = await namePeople(ctx, members.map((m) => m.userId));
    const others = members.filter((m) => m.userId !== turn.userId).map((m) => [m.userId, people.name(m.userId)] as const);
    fields.unshift(selectField('who', 'Wie is afwezig?', Object.fromEntries([[turn.userId, 'Ik zelf'], ...others.sort((a, b) => a[1].localeCompare(b[1]))])));
  }
  return { id: teamId, title: 'Afwezigheid doorgeven', fields, submit: { id: SUBMIT, label: 'Doorgeven' } };
}

function describe(a: Absence, zone: string, names?: Names): string {
  const who = names ? `${names.name(a.userId)}: ` : '';
  return `${who}${KIND_WORDS[a.kind]} ${describePeriod(a, zone)}`;
}

async function ownAbsences(ctx: Context, turn: Turn, teamId: string): Promise<Reply> {
  const zone = await teamTimeZone(ctx.db.prisma, teamId);
  const today = localDate(ctx.clock.now(), zone);
  const mine = await absencesFrom(ctx.db.prisma, { teamId, userId: turn.userId }, today);
  const actions: ReplyAction[] = mine.map((a) => ({ id: END, label: a.startsOn <= today ? `Ik ben terug (${a.endsOn})` : `Intrekken (${a.startsOn})`, value: a.id }));
  const list = mine.length ? `Je afwezigheid:\n${mine.map((a) => `• ${describe(a, zone)}`).join('\n')}\n\n` : '';
  return notice(turn, `${list}Geef door wanneer je er niet bent. Zolang je weg bent vraag ik je niet voor vier-ogen checks of als buddy, en herinneringen wachten tot je terug bent.`, {
    actions,
    form: await absenceForm(ctx, turn, teamId, today),
  });
}

async function teamAbsences(ctx: Context, turn: Turn, teamId: string): Promise<Reply> {
  await requireTeamRole(ctx.db.prisma, { userId: turn.userId }, teamId, ['lead', 'admin']);
  const lines = await absenceLines(ctx, teamId);
  return notice(turn, lines.text || `In team ${teamId} is niemand afwezig en er staat geen afwezigheid gepland.`, { people: lines.people });
}

async function absenceLines(ctx: Context, teamId: string): Promise<{ text: string; people: Reply['people'] }> {
  const zone = await teamTimeZone(ctx.db.prisma, teamId);
  const today = localDate(ctx.clock.now(), zone);
  const all = await absencesFrom(ctx.db.prisma, { teamId }, today);
  const names = await namePeople(ctx, all.map((a) => a.userId));
  const now = all.filter((a) => a.startsOn <= today).map((a) => describe(a, zone, names));
  const later = all.filter((a) => a.startsOn > today).slice(0, 10).map((a) => describe(a, zone, names));
  const parts = [now.length ? `Nu afwezig: ${now.join('; ')}.` : '', later.length ? `Gepland: ${later.join('; ')}.` : ''].filter(Boolean);
  return { text: parts.join('\n'), people: names.named() };
}

/** "2026-04-06 t/m 2026-04-10 verlof", "2026-04-06 ziek", "tot 2026-04-10". */
function parseRange(words: string[], today: string): { startsOn: string; endsOn: string; kind: (typeof ABSENCE_KINDS)[number] } {
  const kindWord = words.find((w) => (ABSENCE_KINDS as readonly string[]).includes(w.toLowerCase()));
  const kind = (kindWord?.toLowerCase() ?? 'anders') as (typeof ABSENCE_KINDS)[number];
  const rest = words.filter((w) => w !== kindWord && !['t/m', 'tm', 'tot', 'tot-en-met', 'van', '-'].includes(w.toLowerCase()));
  const dates = rest.map((w) => parseDutchDate(w));
  if (dates.length === 0 || dates.length > 2 || dates.some((d) => !d)) throw new WijkwijsError('bad_request', HELP);
  const untilOnly = words[0]?.toLowerCase() === 'tot' && dates.length === 1;
  const [first, second] = dates as string[];
  return untilOnly ? { startsOn: today, endsOn: first!, kind } : { startsOn: first!, endsOn: second ?? first!, kind };
}

async function afwezigCommand(ctx: Context, turn: Turn, args: string): Promise<Reply> {
  const teamId = await actingTeam(ctx, turn);
  const words = args.split(/\s+/).filter(Boolean);
  const sub = words[0]?.toLowerCase() ?? '';
  if (sub === '') return ownAbsences(ctx, turn, teamId);
  if (sub === 'team') return teamAbsences(ctx, turn, teamId);
  if (sub === 'help' || sub === 'hulp') return notice(turn, HELP);
  const zone = await teamTimeZone(ctx.db.prisma, teamId);
  const today = localDate(ctx.clock.now(), zone);
  if (sub === 'terug') {
    const ended = await endRunningAbsences(ctx, turn.userId, teamId);
    return notice(turn, ended ? 'Welkom terug! Je doet weer mee in de rotaties en krijgt je herinneringen weer.' : 'Je stond niet als afwezig genoteerd.');
  }
  const absence = await markAbsence(ctx, turn.userId, { teamId, ...parseRange(words, today) });
  return notice(turn, `Genoteerd: ${describe(absence, zone)}. In die tijd vraag ik je niet voor vier-ogen checks of als buddy, en herinneringen wachten tot je terug bent.`);
}

async function onAction(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply> {
  switch (action.id) {
    case SUBMIT: {
      const teamId = buttonValue(action, 'het team');
      const zone = await teamTimeZone(ctx.db.prisma, teamId);
      const form = await absenceForm(ctx, turn, teamId, localDate(ctx.clock.now(), zone));
      const f = parseFields(formFields, action, fieldLabels(form));
      const absence = await markAbsence(ctx, turn.userId, { teamId, userId: f.who || turn.userId, startsOn: f.startsOn, endsOn: f.endsOn, kind: f.kind });
      const names = await namePeople(ctx, [absence.userId]);
      const who = absence.userId === turn.userId ? 'Genoteerd' : `Genoteerd voor ${names.name(absence.userId)}, die het van mij hoort`;
      return notice(turn, `${who}: ${KIND_WORDS[absence.kind]} ${describePeriod(absence, zone)}.`, { people: names.named() });
    }
    case END: {
      const outcome = await endAbsence(ctx, turn.userId, buttonValue(action, 'de afwezigheid'));
      return notice(turn, outcome === 'removed' ? 'De geplande afwezigheid is ingetrokken.' : 'Welkom terug! Vanaf vandaag doe je weer mee.', { replacesSource: true });
    }
  }
  throw unknownButton();
}

export const absenceFeature: Feature = {
  commands: { afwezig: afwezigCommand },
  actionPrefix: 'absence',
  onAction,
  async teamOverview(ctx, teamId) {
    const { text, people } = await absenceLines(ctx, teamId);
    return { lines: text ? [text] : [], people };
  },
};
