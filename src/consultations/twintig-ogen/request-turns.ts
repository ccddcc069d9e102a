/**
 * Requesting a twintig-ogen consultation: /twintigogen → form → the anonymised texts to check →
 * on the agenda (or a poll for an extra session). Texts as typed are never stored: the draft row
 * holds the anonymised version only.
 */
import { actingTeam, notice, parseFields } from '../../assistant/feature-kit.ts';
import type { Reply, ReplyAction, Turn, TurnAction } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { addDays, formatDutch, localDate } from '../../lib/time.ts';
import { requireTeamRhythm } from '../rhythm/get-team-rhythm.ts';
import { anonymiseFields, foundNotice } from './anonymise-fields.ts';
import { dilemmaLabel, dilemmaOptions } from './dilemmas.ts';
import { placeRequest, type Placement } from './place-request.ts';
import { CONFIRM_LABELS, confirmForm, confirmFieldsSchema, REQUEST_LABELS, requestFieldsSchema, requestForm } from './request-forms.ts';
import { requireMember } from './team-access.ts';

const DRAFT_GONE = 'Dit concept bestaat niet meer: het is al op de agenda gezet of geannuleerd. Begin opnieuw met /twintigogen.';

export async function startRequestTurn(ctx: Context, turn: Turn, summary = ''): Promise<Reply> {
  const teamId = await actingTeam(ctx, turn);
  await requireTeamRhythm(ctx.db.prisma, teamId);
  return notice(turn, 'Vul kort in waar je het team bij nodig hebt. Je ziet alles eerst zonder persoonsgegevens terug voordat er iets wordt opgeslagen of gedeeld.', {
    form: requestForm(teamId, dilemmaOptions(ctx.config.knowledgeDir), summary),
  });
}

export async function submitRequestTurn(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply> {
  const { prisma } = ctx.db;
  const teamId = action.value ?? '';
  await requireMember(prisma, turn.userId, teamId);
  const rhythm = await requireTeamRhythm(prisma, teamId);
  const fields = parseFields(requestFieldsSchema, action, REQUEST_LABELS);
  const today = localDate(ctx.clock.now(), rhythm.timeZone);
  if (fields.urgency === 'urgent' && fields.latest_date < addDays(today, 1)) {
    throw new WijkwijsError('bad_request', 'De uiterste datum ligt vandaag of eerder. Kies een datum vanaf morgen, of overleg vandaag met een collega (vier ogen).');
  }
  const anonymised = anonymiseFields({ summary: fields.summary, question: fields.question, tried: fields.tried, dilemma: fields.dilemma_other });
  const draft = await prisma.consultationRequest.create({
    data: {
      teamId,
      requesterId: turn.userId,
      status: 'draft',
      summary: anonymised.fields.summary,
      question: anonymised.fields.question,
      tried: anonymised.fields.tried,
      dilemma: dilemmaLabel(ctx.config.knowledgeDir, fields.dilemma, anonymised.fields.dilemma),
      urgency: fields.urgency,
      latestDate: fields.urgency === 'urgent' ? fields.latest_date : null,
    },
  });
  ctx.logger.info({ requestId: draft.id, teamId, redacted: anonymised.found }, 'twintig-ogen draft created');
  return notice(turn, 'Zo deel ik je casus met het team, zonder persoonsgegevens. Controleer de tekst, pas aan waar nodig en kies "Op de agenda zetten". Er is nog niets gedeeld.', {
    notices: foundNotice(anonymised.found),
    form: confirmForm(draft.id, draft),
  });
}

export async function confirmRequestTurn(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply> {
  const { prisma } = ctx.db;
  const draft = await prisma.consultationRequest.findFirst({ where: { id: action.value ?? '', requesterId: turn.userId, status: 'draft' } });
  if (!draft) throw new WijkwijsError('not_found', DRAFT_GONE);
  await requireMember(prisma, turn.userId, draft.teamId);
  const fields = parseFields(confirmFieldsSchema, action, CONFIRM_LABELS);
  // Editing can bring a name back: anonymise again and ask for another check when anything was found.
  const again = anonymiseFields(fields);
  if (again.found > 0) {
    const updated = await prisma.consultationRequest.update({ where: { id: draft.id }, data: again.fields });
    return notice(turn, 'In je aangepaste tekst stonden nog persoonsgegevens. Die heb ik vervangen; kijk het nog eens na.', {
      notices: foundNotice(again.found),
      form: confirmForm(updated.id, updated),
    });
  }
  // Claim the draft: of two clicks at once only one puts the case on the agenda.
  const claimed = await prisma.consultationRequest.updateMany({ where: { id: draft.id, status: 'draft' }, data: { ...again.fields, status: 'requested' } });
  if (claimed.count === 0) throw new WijkwijsError('not_found', DRAFT_GONE);
  const placement = await placeRequest(ctx, draft.id);
  return placementReply(turn, draft.id, placement, draft.latestDate);
}

export async function cancelRequestTurn(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply> {
  // The first form's cancel carries the team id, the confirm form's the draft id; only a draft of this user is removed.
  const dropped = await ctx.db.prisma.consultationRequest.deleteMany({ where: { id: action.value ?? '', requesterId: turn.userId, status: 'draft' } });
  ctx.logger.info({ dropped: dropped.count }, 'twintig-ogen draft cancelled');
  return notice(turn, 'Geannuleerd; er is niets opgeslagen of gedeeld.');
}

export function requesterActions(requestId: string, placed: boolean): ReplyAction[] {
  return [
    { id: 'twintig.withdraw', label: 'Intrekken', value: requestId, style: 'danger' },
    ...(placed ? [{ id: 'twintig.move', label: 'Verplaatsen', value: requestId }] : []),
  ];
}

export function placementReply(turn: Turn, requestId: string, placement: Placement, latestDate: string | null): Reply {
  switch (placement.kind) {
    case 'placed':
      return notice(
        turn,
        `Je casus staat op de agenda van het teamoverleg van ${formatDutch(placement.startsAt, placement.timeZone)} (punt ${placement.position}). Ik heb hem aangekondigd in het teamkanaal; collega's kunnen zich melden om mee te denken. De dag ervoor komt de agenda met een voorbereiding.`,
        { actions: requesterActions(requestId, true) },
      );
    case 'poll':
      return notice(
        turn,
        `In het teamoverleg is geen plek${latestDate ? ` vóór ${latestDate}` : ''}. Ik heb het team gevraagd wanneer een extra korte casusbespreking kan: ${placement.options.map((o) => formatDutch(o, placement.timeZone)).join('; ')}. Je hoort het zodra de peiling sluit.`,
        { actions: requesterActions(requestId, false) },
      );
    case 'none':
      return notice(
        turn,
        `Er is${latestDate ? ` vóór ${latestDate}` : ''} geen overleg met plek en geen werkdag meer voor een extra bespreking. Overleg met je teamleider of bespreek de casus met een collega (vier ogen).`,
        { actions: requesterActions(requestId, false) },
      );
  }
}
