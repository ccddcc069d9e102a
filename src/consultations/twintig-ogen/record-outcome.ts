/**
 * Closing the loop: after the meeting the facilitator or requester records the advice and the
 * agreements; checked without personal data they become a casusbespreking of the team, and an
 * agreed follow-up gets a reminder to its owner.
 */
import { z } from 'zod';
import { notice, parseFields } from '../../assistant/feature-kit.ts';
import type { Reply, ReplyForm, Turn, TurnAction } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import { scheduleJob } from '../../jobs/schedule-job.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { atLocalTime, formatDutch, localDate } from '../../lib/time.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import { getTeamRhythm } from '../rhythm/get-team-rhythm.ts';
import { announceItem, message } from './announce-item.ts';
import { anonymiseFields, foundNotice } from './anonymise-fields.ts';
import { followUpKey, REMIND_JOB } from './follow-ups.ts';
import { storeOutcomeDocument, type Outcome } from './store-outcome.ts';
import { displayNames, facilitatorsOf, isFacilitator, requireMember } from './team-access.ts';
import { ON_AGENDA } from './upcoming-meetings.ts';

export const OUTCOME_SUBMIT = 'twintig.outcome-submit';
export const OUTCOME_CONFIRM = 'twintig.outcome-confirm';
export const OUTCOME_CANCEL = 'twintig.outcome-cancel';
/** Follow-up reminders go out at this local time on the due date. */
export const REMINDER_TIME = '09:00';

interface OutcomeDraft extends Outcome {
  followUp?: { ownerId: string; text: string; dueDate: string };
}

/** Job at the meeting's end: ask the facilitators and each requester to record the outcome. */
export async function askOutcome(ctx: Context, meetingId: string): Promise<void> {
  const { prisma } = ctx.db;
  const meeting = await prisma.consultationMeeting.findUnique({ where: { id: meetingId } });
  if (!meeting || meeting.status === 'cancelled') return;
  const items = await prisma.consultationRequest.findMany({ where: { meetingId, status: { in: ON_AGENDA } }, orderBy: { position: 'asc' } });
  if (items.length === 0) return;
  const rhythm = await getTeamRhythm(prisma, meeting.teamId);
  const facilitators = rhythm ? await facilitatorsOf(prisma, meeting.teamId, rhythm) : [];
  const recipients = new Set([...facilitators, ...items.map((i) => i.requesterId)]);
  const when = formatDutch(meeting.startsAt, rhythm?.timeZone);
  for (const userId of recipients) {
    const mine = facilitators.includes(userId) ? items : items.filter((i) => i.requesterId === userId);
    await ctx.messenger.send({
      to: { userId },
      key: `twintig.outcome:${meeting.id}:${userId}`,
      reply: message(
        `Hoe ging de casusbespreking van ${when}? Leg het advies en de afspraken vast; dan vindt het team ze later terug en krijgt wie iets toezegde een herinnering.`,
        mine.map((i) => ({ id: 'twintig.outcome-open', label: `Uitkomst vastleggen: ${i.dilemma.slice(0, 40)}`, value: i.id, style: 'primary' as const })),
      ),
    });
  }
  await prisma.consultationMeeting.update({ where: { id: meeting.id }, data: { status: 'held' } });
  ctx.logger.info({ meetingId, items: items.length, recipients: recipients.size }, 'outcome asked');
}

async function recordableItem(ctx: Context, turn: Turn, requestId: string | undefined) {
  const item = requestId ? await ctx.db.prisma.consultationRequest.findUnique({ where: { id: requestId } }) : null;
  if (!item) throw new WijkwijsError('not_found', 'Deze casus bestaat niet (meer).');
  await requireMember(ctx.db.prisma, turn.userId, item.teamId);
  const rhythm = await getTeamRhythm(ctx.db.prisma, item.teamId);
  if (item.requesterId !== turn.userId && !(await isFacilitator(ctx.db.prisma, turn.userId, item.teamId, rhythm))) {
    throw new WijkwijsError('forbidden', 'De uitkomst legt de inbrenger of de procesbegeleider vast.');
  }
  if (item.status === 'discussed') throw new WijkwijsError('bad_request', 'De uitkomst van deze casus is al vastgelegd.');
  if (!ON_AGENDA.includes(item.status)) throw new WijkwijsError('bad_request', 'Deze casus staat niet (meer) op de agenda.');
  return { item, timeZone: rhythm?.timeZone };
}

export async function openOutcomeTurn(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply> {
  const { item } = await recordableItem(ctx, turn, action.value);
  const members = await ctx.db.prisma.teamMember.findMany({ where: { teamId: item.teamId }, select: { userId: true } });
  const names = await displayNames(ctx.db.prisma, members.map((m) => m.userId));
  const form: ReplyForm = {
    id: item.id,
    title: 'Uitkomst van de casusbespreking',
    fields: [
      { name: 'advice', label: 'Advies van het team', value: '', multiline: true },
      { name: 'agreements', label: 'Afspraken', value: '', multiline: true },
      { name: 'followup_owner', label: 'Wie doet de vervolgafspraak?', value: '', kind: 'select', optional: true, options: [{ value: '', label: 'Geen vervolgafspraak' }, ...[...names].map(([value, label]) => ({ value, label }))] },
      { name: 'followup_text', label: 'Vervolgafspraak', value: '', optional: true },
      { name: 'followup_due', label: 'Klaar op', value: '', kind: 'date', optional: true },
    ],
    submit: { id: OUTCOME_SUBMIT, label: 'Verder' },
    cancel: { id: OUTCOME_CANCEL, label: 'Annuleren' },
  };
  return notice(turn, `Dilemma: ${item.dilemma}. Vat kort samen wat het team adviseerde en wat is afgesproken. Je ziet het eerst zonder persoonsgegevens terug.`, { form });
}

const OUTCOME_LABELS = { advice: 'Advies', agreements: 'Afspraken', followup_owner: 'Wie doet de vervolgafspraak?', followup_text: 'Vervolgafspraak', followup_due: 'Klaar op' };

const outcomeSchema = z
  .object({
    advice: z.string().trim().min(1, 'Vul het advies van het team in.').max(6000, 'Het advies is te lang (maximaal 6000 tekens).'),
    agreements: z.string().trim().min(1, 'Vul de afspraken in (of "geen").').max(6000, 'De afspraken zijn te lang (maximaal 6000 tekens).'),
    followup_owner: z.string().trim().optional().default(''),
    followup_text: z.string().trim().max(1000).optional().default(''),
    followup_due: z.string().trim().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Schrijf de datum als JJJJ-MM-DD.').optional().default(''),
  })
  .refine((f) => !f.followup_owner || (f.followup_text && f.followup_due), { message: 'Geef bij een vervolgafspraak ook aan wat er gebeurt en wanneer het klaar is.' });

function confirmOutcomeForm(requestId: string, draft: OutcomeDraft): ReplyForm {
  return {
    id: requestId,
    title: 'Controleer de uitkomst',
    fields: [
      { name: 'advice', label: 'Advies (zonder persoonsgegevens)', value: draft.advice, multiline: true },
      { name: 'agreements', label: 'Afspraken', value: draft.agreements, multiline: true },
      ...(draft.followUp ? [{ name: 'followup_text', label: `Vervolgafspraak (klaar op ${draft.followUp.dueDate})`, value: draft.followUp.text }] : []),
    ],
    submit: { id: OUTCOME_CONFIRM, label: 'Opslaan' },
    cancel: { id: OUTCOME_CANCEL, label: 'Annuleren' },
  };
}

export async function submitOutcomeTurn(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply> {
  const { item, timeZone } = await recordableItem(ctx, turn, action.value);
  const fields = parseFields(outcomeSchema, action, OUTCOME_LABELS);
  if (fields.followup_owner) {
    await requireMember(ctx.db.prisma, fields.followup_owner, item.teamId).catch(() => {
      throw new WijkwijsError('bad_request', 'Wie de vervolgafspraak doet, moet lid zijn van het team.');
    });
    if (fields.followup_due < localDate(ctx.clock.now(), timeZone)) throw new WijkwijsError('bad_request', 'De datum van de vervolgafspraak ligt in het verleden.');
  }
  const anonymised = anonymiseFields({ advice: fields.advice, agreements: fields.agreements, followup: fields.followup_text });
  const draft: OutcomeDraft = {
    advice: anonymised.fields.advice,
    agreements: anonymised.fields.agreements,
    followUp: fields.followup_owner ? { ownerId: fields.followup_owner, text: anonymised.fields.followup, dueDate: fields.followup_due } : undefined,
  };
  await ctx.db.prisma.consultationRequest.update({ where: { id: item.id }, data: { outcomeDraft: draft as object } });
  return notice(turn, 'Zo leg ik de casusbespreking vast voor het team. Controleer de tekst en kies Opslaan; er is nog niets opgeslagen.', {
    notices: foundNotice(anonymised.found),
    form: confirmOutcomeForm(item.id, draft),
  });
}

export async function confirmOutcomeTurn(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply> {
  const { item, timeZone } = await recordableItem(ctx, turn, action.value);
  const draft = item.outcomeDraft as unknown as OutcomeDraft | null;
  if (!draft) throw new WijkwijsError('not_found', 'Er is geen uitkomst om op te slaan. Kies opnieuw "Uitkomst vastleggen".');
  const fields = parseFields(
    z.object({ advice: z.string().trim().min(1, 'Het advies is leeg.').max(6000), agreements: z.string().trim().min(1, 'De afspraken zijn leeg.').max(6000), followup_text: z.string().trim().max(1000).optional() }),
    action,
    OUTCOME_LABELS,
  );
  const again = anonymiseFields({ advice: fields.advice, agreements: fields.agreements, followup: fields.followup_text ?? draft.followUp?.text ?? '' });
  const checked: OutcomeDraft = {
    advice: again.fields.advice,
    agreements: again.fields.agreements,
    followUp: draft.followUp ? { ...draft.followUp, text: again.fields.followup || draft.followUp.text } : undefined,
  };
  if (again.found > 0) {
    await ctx.db.prisma.consultationRequest.update({ where: { id: item.id }, data: { outcomeDraft: checked as object } });
    return notice(turn, 'In je aangepaste tekst stonden nog persoonsgegevens. Die heb ik vervangen; kijk het nog eens na.', { notices: foundNotice(again.found), form: confirmOutcomeForm(item.id, checked) });
  }
  // Claim the case: of two submits at once only one stores it.
  const claimed = await ctx.db.prisma.consultationRequest.updateMany({ where: { id: item.id, status: { in: ON_AGENDA } }, data: { status: 'discussed', outcomeDraft: { advice: checked.advice, agreements: checked.agreements } } });
  if (claimed.count === 0) throw new WijkwijsError('bad_request', 'De uitkomst van deze casus is al vastgelegd.');
  if (checked.followUp) {
    const f = await ctx.db.prisma.consultationFollowUp.create({ data: { teamId: item.teamId, requestId: item.id, ownerId: checked.followUp.ownerId, text: checked.followUp.text, dueDate: checked.followUp.dueDate, createdAt: ctx.clock.now() } });
    await scheduleJob(ctx.db, { kind: REMIND_JOB, key: followUpKey(f.id), payload: { followUpId: f.id }, runAt: atLocalTime(f.dueDate, REMINDER_TIME, timeZone) });
  }
  let stored: { documentId: string; title: string };
  try {
    stored = await storeOutcomeDocument(ctx, item.id);
  } catch (error) {
    await ctx.db.prisma.consultationRequest.update({ where: { id: item.id }, data: { status: item.status, outcomeDraft: checked as object } });
    await ctx.db.prisma.consultationFollowUp.deleteMany({ where: { requestId: item.id } });
    throw error;
  }
  await recordAuditEvents(ctx.db.prisma, [{ actorId: turn.userId, action: 'case.stored', subjectType: 'document', subjectId: stored.documentId, teamId: item.teamId }], ctx.clock.now());
  await announceItem(ctx, item.id);
  ctx.logger.info({ requestId: item.id, documentId: stored.documentId, followUp: Boolean(checked.followUp) }, 'twintig-ogen outcome stored');
  return notice(
    turn,
    `Opgeslagen als "${stored.title}". Alleen jullie team vindt deze casusbespreking terug, bijvoorbeeld met de vraag of jullie eerder een vergelijkbare casus bespraken.${checked.followUp ? ' Wie de vervolgafspraak doet, krijgt op de afgesproken dag een herinnering.' : ''}`,
  );
}

export async function cancelOutcomeTurn(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply> {
  const item = action.value ? await ctx.db.prisma.consultationRequest.findUnique({ where: { id: action.value } }) : null;
  if (item && ON_AGENDA.includes(item.status)) {
    await requireMember(ctx.db.prisma, turn.userId, item.teamId);
    await ctx.db.sql.query(`UPDATE consultation_request SET outcome_draft = NULL WHERE id = $1`, [item.id]);
  }
  return notice(turn, 'Geannuleerd; er is niets opgeslagen. Je kunt de uitkomst later alsnog vastleggen met de knop.');
}
