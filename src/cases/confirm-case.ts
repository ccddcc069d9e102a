import type { Embedder } from '../knowledge/embedder.ts';
import { storeTextDocument } from '../knowledge/store-text-document.ts';
import type { Db } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { normaliseTypedText } from '../lib/typed-text.ts';
import { isMember } from '../teams/membership.ts';
import { anonymise } from '../privacy/anonymise.ts';
import { countByType, MAX_CASE_CHARS, type FoundCounts } from './case-drafts.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';

export type ConfirmCaseResult =
  | { status: 'stored'; documentId: string; teamId: string; teamName: string; title: string; chunks: number }
  /** The edited text still held personal data: it was replaced and the coach must check again. */
  | { status: 'needs_check'; draftId: string; text: string; found: FoundCounts; expiresAt: Date };

export const DRAFT_GONE =
  'Dit concept bestaat niet meer: het is al opgeslagen of geannuleerd, of het is na 24 uur vervallen. Stuur de casus opnieuw met /casus.';

/**
 * Second step: the coach submits the checked (maybe edited) text. It is anonymised again, since
 * editing can bring a name back; only text in which nothing new is found gets stored, as a case
 * discussion in the coach's team collection.
 */
export async function confirmCase(
  deps: { db: Db; embedder: Embedder },
  input: { userId: string; draftId: string; text: string; now?: Date },
): Promise<ConfirmCaseResult> {
  const { prisma } = deps.db;
  const now = input.now ?? new Date();
  // Someone else's draft id gets the same answer as an unknown one: its existence is not disclosed.
  const draft = await prisma.caseDraft.findFirst({ where: { id: input.draftId, userId: input.userId, expiresAt: { gt: now } } });
  if (!draft) throw new WijkwijsError('not_found', DRAFT_GONE);
  if (!(await isMember(prisma, input.userId, draft.teamId))) {
    throw new WijkwijsError('forbidden', `Je bent geen lid meer van team ${draft.teamId}, dus je kunt deze casus daar niet opslaan.`);
  }
  const text = normaliseTypedText(input.text);
  if (!text) throw new WijkwijsError('bad_request', 'De tekst is leeg. Vul de casus in, of kies Annuleren.');
  if (text.length > MAX_CASE_CHARS) throw new WijkwijsError('bad_request', `De casus is te lang (${text.length} tekens, maximaal ${MAX_CASE_CHARS}).`);

  const again = anonymise(text);
  if (again.entities.length > 0) {
    await prisma.caseDraft.update({ where: { id: draft.id }, data: { text: again.text } });
    return { status: 'needs_check', draftId: draft.id, text: again.text, found: countByType(again.entities), expiresAt: draft.expiresAt };
  }

  // Claim the draft before storing: of two submits at once (a double click) only one gets it; the
  // other is told the draft is gone. Should storing fail, the draft is put back for another try.
  const claimed = await prisma.caseDraft.deleteMany({ where: { id: draft.id, userId: input.userId } });
  if (claimed.count === 0) throw new WijkwijsError('not_found', DRAFT_GONE);
  const { title, body } = titleAndBody(text, now);
  let stored: { documentId: string; chunks: number };
  try {
    stored = await storeTextDocument(deps, {
      sourceKey: `casus/${draft.teamId}/${draft.id}`,
      title,
      type: 'casus',
      markdown: body,
      teamId: draft.teamId,
      reference: `Casusbespreking van team ${draft.teamId}, vastgelegd via Wijkwijs op ${dutchDate(now)}`,
      meta: { origin: 'chat', storedAt: now.toISOString() },
    });
  } catch (error) {
    await prisma.caseDraft.create({ data: { ...draft, text: again.text } }).catch(() => undefined);
    throw error;
  }
  await recordAuditEvents(prisma, [{ actorId: input.userId, action: 'case.stored', subjectType: 'document', subjectId: stored.documentId, teamId: draft.teamId }], now);
  const team = await prisma.team.findUnique({ where: { id: draft.teamId }, select: { name: true } });
  return { status: 'stored', documentId: stored.documentId, teamId: draft.teamId, teamName: team?.name ?? draft.teamId, title, chunks: stored.chunks };
}

/** A first line that reads as a title ("# …", or a short line before a blank one) names the case; else the date does. */
function titleAndBody(text: string, now: Date): { title: string; body: string } {
  const [first = '', ...rest] = text.split('\n');
  const heading = /^#{1,6}\s+(.+)$/.exec(first.trim());
  const shortLineAlone = first.trim().length <= 80 && !/[.!?:;,]$/.test(first.trim()) && rest[0]?.trim() === '' && rest.join('').trim() !== '';
  const title = heading ? heading[1]!.trim() : shortLineAlone ? first.trim() : '';
  if (title) return { title, body: rest.join('\n').trim() || title };
  return { title: `Casusbespreking van ${dutchDate(now)}`, body: text };
}

function dutchDate(date: Date): string {
  return date.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
}
