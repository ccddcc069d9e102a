/**
 * The confirm-before-store conversation for case texts, in channel-neutral Turn/Reply terms:
 * "/casus <tekst>" → the anonymised text as a form → Opslaan (stored, or shown again when the
 * edit brought personal data back) or Annuleren.
 */
import type { Context } from '../assistant/context.ts';
import { buttonValue, notice } from '../assistant/feature-kit.ts';
import type { Reply, ReplyForm, Turn, TurnAction } from '../assistant/reply.ts';
import { WijkwijsError } from '../lib/errors.ts';
import type { EntityType } from '../privacy/index.ts';
import { cancelCase } from './cancel-case.ts';
import { CASE_DRAFT_HOURS, type FoundCounts } from './case-drafts.ts';
import { confirmCase } from './confirm-case.ts';
import { proposeCase } from './propose-case.ts';

export const CASE_CONFIRM = 'case.confirm';
export const CASE_CANCEL = 'case.cancel';

/** "/casus <tekst>": `text` is what follows the command. */
export async function proposeCaseTurn(ctx: Context, turn: Turn, text: string): Promise<Reply> {
  const started = Date.now();
  const proposal = await proposeCase(ctx.db.prisma, { userId: turn.userId, teamId: turn.teamId, text });
  ctx.logger.info({ draftId: proposal.draftId, teamId: proposal.teamId, redacted: total(proposal.found), chars: proposal.text.length, durationMs: Date.now() - started }, 'case draft created');
  return formReply(
    turn,
    `Zo sla ik de casus op, zonder persoonsgegevens. Controleer de tekst, pas hem aan waar nodig en kies Opslaan. Er is nog niets opgeslagen; dit concept vervalt over ${CASE_DRAFT_HOURS} uur.`,
    proposal.draftId,
    proposal.text,
    foundNotice(proposal.found, 'Vervangen door een code'),
  );
}

export async function confirmCaseTurn(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply> {
  const draftId = buttonValue(action, 'het concept');
  const text = action.fields?.text;
  if (text === undefined) throw new WijkwijsError('bad_request', 'De tekst van de casus ontbreekt in het formulier.');
  const started = Date.now();
  const result = await confirmCase(ctx, { userId: turn.userId, draftId, text });
  if (result.status === 'needs_check') {
    ctx.logger.info({ draftId, redacted: total(result.found) }, 'case draft needs another check');
    return formReply(
      turn,
      'In je aangepaste tekst stonden nog persoonsgegevens. Die heb ik vervangen; controleer de tekst opnieuw en kies dan Opslaan.',
      result.draftId,
      result.text,
      foundNotice(result.found, 'Opnieuw vervangen'),
    );
  }
  ctx.logger.info({ documentId: result.documentId, teamId: result.teamId, chunks: result.chunks, durationMs: Date.now() - started }, 'case stored');
  return notice(turn, `De casus is opgeslagen bij ${result.teamName} als "${result.title}". Alleen leden van dit team vinden hem terug, bijvoorbeeld met de vraag of jullie eerder een vergelijkbare casus hebben besproken.`);
}

export async function cancelCaseTurn(ctx: Context, turn: Turn, action: TurnAction): Promise<Reply> {
  const dropped = await cancelCase(ctx.db.prisma, { userId: turn.userId, draftId: buttonValue(action, 'het concept') });
  // The value is not logged: it came from the client and need not be an id at all.
  ctx.logger.info({ dropped }, 'case draft cancelled');
  return notice(turn, 'Het concept is weggegooid; er is niets opgeslagen.');
}

export function caseForm(draftId: string, text: string): ReplyForm {
  return {
    id: draftId,
    title: 'Casus controleren',
    fields: [{ name: 'text', label: 'Casus zonder persoonsgegevens', value: text, multiline: true }],
    submit: { id: CASE_CONFIRM, label: 'Opslaan' },
    cancel: { id: CASE_CANCEL, label: 'Annuleren' },
  };
}

function formReply(turn: Turn, text: string, draftId: string, caseText: string, notices: string[]): Reply {
  return notice(turn, text, { notices, form: caseForm(draftId, caseText) });
}

const TYPE_WORDS: Record<EntityType, [string, string]> = {
  PERSOON: ['naam', 'namen'],
  BSN: ['BSN', "BSN's"],
  IBAN: ['rekeningnummer', 'rekeningnummers'],
  TELEFOON: ['telefoonnummer', 'telefoonnummers'],
  EMAIL: ['e-mailadres', 'e-mailadressen'],
  POSTCODE: ['postcode', 'postcodes'],
  ADRES: ['adres', 'adressen'],
  DATUM: ['datum', 'data'],
  GEBOORTEDATUM: ['geboortedatum', 'geboortedata'],
  KENTEKEN: ['kenteken', 'kentekens'],
  LEEFTIJD: ['leeftijd', 'leeftijden'],
  DOCUMENTNUMMER: ['paspoort- of documentnummer', 'paspoort- of documentnummers'],
  VNUMMER: ['V-nummer', 'V-nummers'],
  DOSSIERNUMMER: ['cliënt- of dossiernummer', 'cliënt- of dossiernummers'],
};

/** "Vervangen door een code: 2 namen, 1 BSN." — counts only, so the notice itself holds nothing personal. */
function foundNotice(found: FoundCounts, lead: string): string[] {
  const parts = (Object.entries(found) as [EntityType, number][]).map(([type, n]) => `${n} ${TYPE_WORDS[type][n === 1 ? 0 : 1]}`);
  return parts.length ? [`${lead}: ${parts.join(', ')}.`] : ['Ik vond geen persoonsgegevens in de tekst. Kijk toch even na of er niets in staat dat naar een inwoner leidt.'];
}

function total(found: FoundCounts): number {
  return Object.values(found).reduce((sum, n) => sum + (n ?? 0), 0);
}
