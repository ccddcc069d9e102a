/**
 * "/intervisie": plan sessions (one-off or recurring) with a werkvorm, sign up with a capacity and
 * a waiting list, reminders, and a team's request for a new slot with a date poll.
 */
import { z } from 'zod';
import type { Context, Feature } from '../assistant/context.ts';
import { actingTeam, buttonValue, notice, parseFields, selectField, unknownButton } from '../assistant/feature-kit.ts';
import type { Reply, ReplyForm, ReplyFormField, Turn, TurnAction } from '../assistant/reply.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { formatDutch } from '../lib/time.ts';
import { requireTeamRole } from '../teams/authorise.ts';
import { announceSlotJob, createSlots, RECURRENCES, type Recurrence } from './create-slots.ts';
import { loadWerkvormen } from './load-werkvormen.ts';
import { closePoll, closePollJob, requestSlot, voteSlot } from './request-slot.ts';
import { sendReminder } from './send-reminder.ts';
import { cancelSignup, signUp } from './sign-up.ts';
import { intervisieOverview } from './overview.ts';

export const INTERVISIE_ACTIONS = {
  create: 'intervisie.create',
  signup: 'intervisie.signup',
  cancel: 'intervisie.cancel',
  request: 'intervisie.request',
  vote: 'intervisie.vote',
  closePoll: 'intervisie.close-poll',
} as const;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const text = (max: number) => z.string().trim().min(1).max(max);

const createFields = z.object({
  title: text(120),
  method: text(100),
  facilitator: z.string().max(200).optional(),
  date,
  time,
  duration: count(15, 480),
  place: text(300),
  capacity: count(2, 30),
  recurrence: z.enum(Object.keys(RECURRENCES) as [Recurrence, ...Recurrence[]]),
  occurrences: count(1, 26).optional(),
});
const requestFields = z.object({
  title: text(120),
  method: text(100),
  duration: count(15, 480),
  place: text(300),
  capacity: count(2, 30),
  time,
  date1: date,
  date2: date,
  date3: z.union([date, z.literal('')]).optional(),
  date4: z.union([date, z.literal('')]).optional(),
});

/** The forms' labels, so a refusal names the fields as the user saw them. */
const FIELD_LABELS: Record<string, string> = {
  title: 'Titel',
  method: 'Werkvorm',
  facilitator: 'Procesbegeleider',
  date: 'Datum',
  time: 'Tijd',
  duration: 'Duur (minuten)',
  place: 'Plaats of link',
  capacity: 'Aantal plekken (2 tot 30)',
  recurrence: 'Herhaling',
  occurrences: 'Aantal keer',
  date1: 'Datum 1',
  date2: 'Datum 2',
  date3: 'Datum 3',
  date4: 'Datum 4',
};

/** Leads plan slots, and so do procesbegeleiders: whoever facilitates one of the team's slots. */
async function requirePlanner(ctx: Context, userId: string, teamId: string): Promise<void> {
  const facilitates = await ctx.db.prisma.intervisieSlot.findFirst({ where: { teamId, facilitatorId: userId }, select: { id: true } });
  if (facilitates) return;
  await requireTeamRole(ctx.db.prisma, { userId }, teamId, ['lead', 'admin']).catch(() => {
    throw new WijkwijsError('forbidden', 'Een intervisie plannen mag de teamleider of een procesbegeleider. Wil je er een? Gebruik /intervisie aanvragen.');
  });
}

/** The fields both forms ask: what the session is, and how long, where and for how many. */
function sessionFields(ctx: Context): { what: ReplyFormField[]; size: ReplyFormField[] } {
  const methods = Object.fromEntries(loadWerkvormen(ctx.config.knowledgeDir).map((w) => [w.slug, w.title]));
  return {
    what: [{ name: 'title', label: 'Titel', value: 'Intervisie' }, selectField('method', 'Werkvorm', methods)],
    size: [
      { name: 'duration', label: 'Duur (minuten)', value: '90', kind: 'number' },
      { name: 'place', label: 'Plaats of link', value: '' },
      { name: 'capacity', label: 'Aantal plekken', value: '8', kind: 'number' },
    ],
  };
}

async function createForm(ctx: Context, teamId: string): Promise<ReplyForm> {
  const members = await ctx.db.prisma.teamMember.findMany({ where: { teamId }, include: { user: true }, orderBy: { userId: 'asc' } });
  const facilitators = { '': 'Nog niet bekend', ...Object.fromEntries(members.map((m) => [m.userId, m.user.displayName ?? m.userId])) };
  const session = sessionFields(ctx);
  return {
    id: 'intervisie-new',
    title: 'Intervisie plannen',
    fields: [
      ...session.what,
      selectField('facilitator', 'Procesbegeleider', facilitators, { optional: true }),
      { name: 'date', label: 'Datum', value: '', kind: 'date' },
      { name: 'time', label: 'Tijd', value: '14:00', kind: 'time' },
      ...session.size,
      selectField('recurrence', 'Herhaling', { eenmalig: 'Eenmalig', 'elke-week': 'Elke week', 'elke-2-weken': 'Elke 2 weken', 'elke-4-weken': 'Elke 4 weken' }),
      { name: 'occurrences', label: 'Aantal keer', value: '1', kind: 'number', optional: true, hint: 'Alleen bij herhaling.' },
    ],
    submit: { id: INTERVISIE_ACTIONS.create, label: 'Plannen en aankondigen' },
  };
}

function requestForm(ctx: Context): ReplyForm {
  const session = sessionFields(ctx);
  return {
    id: 'intervisie-request',
    title: 'Intervisie aanvragen',
    fields: [
      ...session.what,
      ...session.size,
      { name: 'time', label: 'Tijd', value: '14:00', kind: 'time' },
      { name: 'date1', label: 'Datum 1', value: '', kind: 'date' },
      { name: 'date2', label: 'Datum 2', value: '', kind: 'date' },
      { name: 'date3', label: 'Datum 3', value: '', kind: 'date', optional: true },
      { name: 'date4', label: 'Datum 4', value: '', kind: 'date', optional: true },
    ],
    submit: { id: INTERVISIE_ACTIONS.request, label: 'Peiling starten' },
  };
}

async function intervisieCommand(ctx: Context, turn: Turn, args: string): Promise<Reply> {
  const teamId = await actingTeam(ctx, turn);
  switch (args.trim().toLowerCase()) {
    case 'nieuw':
      await requirePlanner(ctx, turn.userId, teamId);
      return notice(turn, 'Plan een intervisie. Ik kondig hem aan in het teamkanaal en stuur herinneringen.', { form: await createForm(ctx, teamId) });
    case 'aanvragen':
      return notice(turn, 'Stel 2 tot 4 datums voor; het team stemt en de datum met de meeste stemmen wordt het.', { form: requestForm(ctx) });
    case '': {
      const upcoming = await ctx.db.prisma.intervisieSlot.findMany({
        where: { teamId, status: 'planned', startsAt: { gt: ctx.clock.now() } },
        orderBy: { startsAt: 'asc' },
        take: 5,
        select: {
          id: true,
          title: true,
          startsAt: true,
          timeZone: true,
          capacity: true,
          signups: { where: { OR: [{ status: 'confirmed' }, { userId: turn.userId }] }, select: { userId: true, status: true } },
        },
      });
      const slots = upcoming.map(({ signups, ...slot }) => ({
        ...slot,
        confirmed: signups.filter((g) => g.status === 'confirmed').length,
        mine: signups.find((g) => g.userId === turn.userId)?.status ?? null,
      }));
      if (slots.length === 0) return notice(turn, 'Er staat geen intervisie gepland. Wil je er een? Gebruik /intervisie aanvragen.');
      const lines = slots.map((s) => {
        const mine = s.mine === 'confirmed' ? ' – je bent aangemeld' : s.mine === 'waiting' ? ' – je staat op de wachtlijst' : '';
        return `- ${s.title}, ${formatDutch(s.startsAt, s.timeZone)}: ${s.confirmed}/${s.capacity}${mine}`;
      });
      return notice(turn, `Komende intervisie:\n${lines.join('\n')}`, {
        actions: slots.filter((s) => s.mine !== 'confirmed' && s.mine !== 'waiting').map((s) => ({ id: INTERVISIE_ACTIONS.signup, label: `Aanmelden ${formatDutch(s.startsAt, s.timeZone, false)}`, value: s.id })),
      });
    }
    default:
      return notice(turn, 'Gebruik /intervisie (komende sessies), /intervisie nieuw (plannen) of /intervisie aanvragen (datumpeiling).');
  }
}

async function onAction(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply> {
  switch (action.id) {
    case INTERVISIE_ACTIONS.create: {
      const teamId = await actingTeam(ctx, turn);
      await requirePlanner(ctx, turn.userId, teamId);
      const f = parseFields(createFields, action, FIELD_LABELS);
      const slots = await createSlots(ctx, {
        teamId,
        createdBy: turn.userId,
        title: f.title,
        method: f.method,
        facilitatorId: f.facilitator || null,
        date: f.date,
        time: f.time,
        durationMinutes: f.duration,
        place: f.place,
        capacity: f.capacity,
        recurrence: f.recurrence,
        occurrences: f.occurrences ?? 1,
      });
      const dates = slots.map((s) => formatDutch(s.startsAt, s.timeZone)).join(', ');
      return notice(turn, `Gepland: ${slots.length === 1 ? dates : `${slots.length} bijeenkomsten (${dates})`}. De aankondiging staat in het teamkanaal.`);
    }
    case INTERVISIE_ACTIONS.signup: {
      const result = await signUp(ctx, { slotId: buttonValue(action), userId: turn.userId });
      if (result.status === 'waiting') return notice(turn, `De intervisie is vol. Je staat op de wachtlijst, plek ${result.position}. Komt er een plek vrij, dan meld ik je automatisch aan en hoor je het van mij.`);
      return notice(turn, `Je bent aangemeld. ${result.preparation}`);
    }
    case INTERVISIE_ACTIONS.cancel: {
      const result = await cancelSignup(ctx, { slotId: buttonValue(action), userId: turn.userId });
      return notice(turn, result.was ? 'Je bent afgemeld.' + (result.promoted ? ' Je plek gaat naar de eerste op de wachtlijst.' : '') : 'Je was niet aangemeld voor deze intervisie.');
    }
    case INTERVISIE_ACTIONS.request: {
      const teamId = await actingTeam(ctx, turn);
      const f = parseFields(requestFields, action, FIELD_LABELS);
      const options = [f.date1, f.date2, f.date3, f.date4].filter((d): d is string => Boolean(d)).map((d) => `${d}T${f.time}`);
      await requestSlot(ctx, { teamId, userId: turn.userId, title: f.title, method: f.method, durationMinutes: f.duration, place: f.place, capacity: f.capacity, options });
      return notice(turn, 'De datumpeiling staat in het teamkanaal. Sluit hem zelf, of hij sluit vanzelf na een paar dagen.');
    }
    case INTERVISIE_ACTIONS.vote: {
      const m = /^(.+):(\d)$/.exec(buttonValue(action));
      if (!m) throw new WijkwijsError('bad_request', 'Deze stemknop klopt niet.');
      await voteSlot(ctx, { requestId: m[1]!, option: Number(m[2]), userId: turn.userId });
      return notice(turn, 'Je stem is geteld.');
    }
    case INTERVISIE_ACTIONS.closePoll: {
      const slot = await closePoll(ctx, { requestId: buttonValue(action), userId: turn.userId });
      return notice(turn, slot ? `De peiling is gesloten: de intervisie is op ${formatDutch(slot.startsAt, slot.timeZone)} en is aangekondigd.` : 'De peiling was al gesloten.');
    }
  }
  throw unknownButton();
}

export const intervisieFeature: Feature = {
  overview: intervisieOverview,
  commands: { intervisie: intervisieCommand },
  actionPrefix: 'intervisie',
  onAction,
  jobs: [sendReminder, announceSlotJob, closePollJob],
};
