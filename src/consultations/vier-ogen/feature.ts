/**
 * "/vierogen": a colleague checks an intended indication for specialist care before it is issued.
 * Flow: form → anonymised text for the coach to check → a colleague by rotation (Akkoord / Niet
 * akkoord / Ik pas, with a time-out) → the requester hears the outcome; the audit trail keeps it.
 */
import { z } from 'zod';
import type { Context, Feature } from '../../assistant/context.ts';
import { actingTeam, buttonValue, notice, parseFields, unknownButton } from '../../assistant/feature-kit.ts';
import type { Reply, ReplyForm, Turn, TurnAction } from '../../assistant/reply.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { parseDutchDate } from '../../lib/dutch-date.ts';
import { formatDutch, localDate } from '../../lib/time.ts';
import { teamTimeZone } from '../../teams/absences.ts';
import { endRunningAbsences } from '../../assistant/end-absence.ts';
import { markAbsence } from '../../assistant/mark-absence.ts';
import { handOverChecks } from './away-reviewer.ts';
import { rotationOverview } from './rotation.ts';
import { timeoutMinutesOf } from './ask-next-reviewer.ts';
import { confirmCheck, withdrawCheck } from './confirm-check.ts';
import { decideCheck } from './decide-check.ts';
import { passCheck, requireAskedReviewer } from './pass-check.ts';
import { proposeCheck } from './propose-check.ts';
import { EXPERTISE_TAGS, loadRequest } from './request.ts';
import { timeOutCheck } from './time-out-check.ts';
import { parseExpertise, updateExpertise, updateTimeout } from './update-profile.ts';
import { vierOgenOverview } from './overview.ts';
import { purgeExpiredDrafts } from './purge-expired-drafts.ts';

export const VIEROGEN_ACTIONS = {
  submit: 'vierogen.submit',
  confirm: 'vierogen.confirm',
  cancel: 'vierogen.cancel',
  agree: 'vierogen.agree',
  disagree: 'vierogen.disagree',
  disagreeConfirm: 'vierogen.disagree-confirm',
  pass: 'vierogen.pass',
} as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const submitFields = z.object({
  indication: z.string().max(20_000),
  expertise: z.union([z.enum(EXPERTISE_TAGS), z.literal(''), z.literal('geen')]).optional(),
  deadline: z.union([isoDate, z.literal('')]).optional(),
});
const confirmFields = z.object({ text: z.string().max(20_000) });
const noteFields = z.object({ note: z.string().max(2000).optional() });

/** The forms' labels, so a refusal names the fields as the user saw them. */
const FIELD_LABELS: Record<string, string> = {
  indication: 'Voorgenomen indicatie',
  expertise: 'Gewenste expertise',
  deadline: 'Besluit nodig vóór',
  text: 'Indicatie zonder persoonsgegevens',
  note: 'Toelichting',
};

export function newCheckForm(): ReplyForm {
  return {
    id: 'vierogen-new',
    title: 'Vier-ogen check aanvragen',
    fields: [
      { name: 'indication', label: 'Voorgenomen indicatie', value: '', multiline: true, hint: 'Welke hulp, bij welke aanbieder, en waarom. Geen namen of andere herleidbare gegevens.' },
      {
        name: 'expertise',
        label: 'Gewenste expertise',
        value: '',
        kind: 'select',
        optional: true,
        options: [{ value: '', label: 'Geen voorkeur' }, ...EXPERTISE_TAGS.map((t) => ({ value: t, label: t }))],
      },
      { name: 'deadline', label: 'Besluit nodig vóór', value: '', kind: 'date', optional: true },
    ],
    submit: { id: VIEROGEN_ACTIONS.submit, label: 'Verder' },
  };
}

function confirmForm(requestId: string, text: string): ReplyForm {
  return {
    id: requestId,
    title: 'Vier-ogen check controleren',
    fields: [{ name: 'text', label: 'Indicatie zonder persoonsgegevens', value: text, multiline: true }],
    submit: { id: VIEROGEN_ACTIONS.confirm, label: 'Vraag een collega' },
    cancel: { id: VIEROGEN_ACTIONS.cancel, label: 'Annuleren' },
  };
}

const STATUS_WORDS: Record<string, string> = { draft: 'nog niet verstuurd', asked: 'wacht op een collega' };

async function vierogenCommand(ctx: Context, turn: Turn, args: string): Promise<Reply> {
  const [sub = '', ...rest] = args.split(/\s+/).filter(Boolean);
  const restText = args.slice(args.indexOf(sub) + sub.length).trim();
  switch (sub.toLowerCase()) {
    // Kept from before /afwezig: the same absence, from today.
    case 'afwezig': {
      const until = parseDutchDate(rest[0]);
      if (!until) throw new WijkwijsError('bad_request', 'Geef de datum tot en met wanneer je afwezig bent, bijvoorbeeld /vierogen afwezig 2026-04-10 (of gebruik /afwezig).');
      const teamId = await actingTeam(ctx, turn);
      const zone = await teamTimeZone(ctx.db.prisma, teamId);
      await markAbsence(ctx, turn.userId, { teamId, startsOn: localDate(ctx.clock.now(), zone), endsOn: until, kind: 'anders' });
      return notice(turn, `Genoteerd: tot en met ${formatDutch(new Date(`${until}T12:00:00Z`), zone, false)} vraag ik jou niet voor vier-ogen checks.`);
    }
    case 'aanwezig': {
      await endRunningAbsences(ctx, turn.userId, await actingTeam(ctx, turn));
      return notice(turn, 'Welkom terug! Je doet weer mee in de rotatie voor vier-ogen checks.');
    }
    case 'expertise': {
      const teamId = await actingTeam(ctx, turn);
      const tags = restText ? parseExpertise(restText) : [];
      await updateExpertise(ctx, { userId: turn.userId, teamId, expertise: tags });
      return notice(turn, tags.length ? `Je expertise is nu: ${tags.join(', ')}. Bij een vraag op dat gebied krijg je voorrang.` : 'Je expertise is leeggemaakt.');
    }
    case 'instellingen': {
      const teamId = await actingTeam(ctx, turn);
      if (!rest[0]) return notice(turn, `Collega’s krijgen nu ${await timeoutMinutesOf(ctx, teamId)} minuten werktijd (werkdagen 9–17 uur) om te reageren. Wijzigen: /vierogen instellingen <minuten>.`);
      const minutes = Number(rest[0]);
      await updateTimeout(ctx, { userId: turn.userId, teamId, minutes });
      return notice(turn, `Ingesteld: een collega krijgt ${minutes} minuten werktijd (werkdagen 9–17 uur) om te reageren, daarna vraag ik de volgende.`);
    }
    case '':
    case 'status': {
      const open = await ctx.db.prisma.vierOgenRequest.findMany({
        where: { requesterId: turn.userId, status: { in: ['draft', 'asked'] } },
        orderBy: { createdAt: 'asc' },
        select: { status: true, createdAt: true },
      });
      const list = open.length
        ? `Je open aanvragen:\n${open.map((r) => `- ${formatDutch(r.createdAt)}: ${STATUS_WORDS[r.status] ?? r.status}`).join('\n')}\n\n`
        : '';
      if (sub === 'status') return notice(turn, list || 'Je hebt geen open vier-ogen aanvragen.');
      return notice(turn, `${list}Beschrijf de voorgenomen indicatie; ik haal er eerst persoonsgegevens uit en laat je de tekst controleren voordat een collega hem ziet.`, {
        form: newCheckForm(),
      });
    }
    default:
      return notice(turn, 'Gebruik /vierogen om een check aan te vragen, of /vierogen afwezig <datum>, /vierogen aanwezig, /vierogen expertise jeugd, schulden, /vierogen status.');
  }
}

const requestIdOf = (action: TurnAction) => buttonValue(action, 'de aanvraag');

async function onAction(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply> {
  switch (action.id) {
    case VIEROGEN_ACTIONS.submit: {
      const fields = parseFields(submitFields, action, FIELD_LABELS);
      const expertise = fields.expertise && fields.expertise !== 'geen' ? fields.expertise : null;
      const proposal = await proposeCheck(ctx, { userId: turn.userId, teamId: turn.teamId, indication: fields.indication, expertise, deadline: fields.deadline || null });
      return notice(turn, 'Zo krijgt je collega de vraag te zien, zonder persoonsgegevens. Controleer en pas aan waar nodig; er is nog niemand gevraagd.', {
        notices: [proposal.found ? `Vervangen door een code: ${proposal.found} persoonsgegeven(s).` : 'Ik vond geen persoonsgegevens. Kijk toch even of niets naar een inwoner leidt.'],
        form: confirmForm(proposal.requestId, proposal.text),
      });
    }
    case VIEROGEN_ACTIONS.confirm: {
      const requestId = requestIdOf(action);
      const result = await confirmCheck(ctx, { userId: turn.userId, requestId, text: parseFields(confirmFields, action, FIELD_LABELS).text });
      if (result.status === 'needs_check') {
        return notice(turn, 'In je aangepaste tekst stonden nog persoonsgegevens. Die heb ik vervangen; controleer de tekst opnieuw.', { form: confirmForm(requestId, result.text) });
      }
      return notice(
        turn,
        result.reviewerId
          ? 'Verstuurd. Ik heb een collega gevraagd en laat je weten wat die ervan vindt. Reageert die niet op tijd, dan vraag ik de volgende.'
          : 'Er is op dit moment geen collega beschikbaar. Vraag je teamleider om mee te kijken.',
      );
    }
    case VIEROGEN_ACTIONS.cancel:
      await withdrawCheck(ctx, { userId: turn.userId, requestId: requestIdOf(action) });
      return notice(turn, 'De aanvraag is ingetrokken; er is niemand gevraagd.');
    case VIEROGEN_ACTIONS.agree: {
      const result = await decideCheck(ctx, { requestId: requestIdOf(action), reviewerId: turn.userId, agreed: true });
      return notice(turn, result.text, { replacesSource: true });
    }
    case VIEROGEN_ACTIONS.disagree: {
      const requestId = requestIdOf(action);
      await requireAskedReviewer(ctx, requestId, turn.userId);
      return notice(turn, 'Waarom niet akkoord? Een korte toelichting helpt je collega (geen namen).', {
        form: {
          id: requestId,
          title: 'Niet akkoord',
          fields: [{ name: 'note', label: 'Toelichting', value: '', multiline: true, optional: true }],
          submit: { id: VIEROGEN_ACTIONS.disagreeConfirm, label: 'Niet akkoord geven' },
        },
      });
    }
    case VIEROGEN_ACTIONS.disagreeConfirm: {
      const result = await decideCheck(ctx, { requestId: requestIdOf(action), reviewerId: turn.userId, agreed: false, note: parseFields(noteFields, action, FIELD_LABELS).note });
      return notice(turn, result.text, { replacesSource: true });
    }
    case VIEROGEN_ACTIONS.pass: {
      const requestId = requestIdOf(action);
      await requireAskedReviewer(ctx, requestId, turn.userId);
      await passCheck(ctx, { requestId, reviewerId: turn.userId, outcome: 'passed' });
      // Replaces the question in the colleague's chat, so it keeps the indication (as the updated notification does).
      const { indication } = await loadRequest(ctx.db.prisma, requestId);
      return notice(turn, `${indication}\n\nHelemaal goed, ik vraag een andere collega.`, { replacesSource: true });
    }
  }
  throw unknownButton();
}

export const vierOgenFeature: Feature = {
  overview: vierOgenOverview,
  teamOverview: rotationOverview,
  onAbsence: handOverChecks,
  commands: { vierogen: vierogenCommand },
  actionPrefix: 'vierogen',
  onAction,
  jobs: [timeOutCheck],
  purgeExpired: purgeExpiredDrafts,
};
