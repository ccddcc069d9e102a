import type { PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { normaliseTypedText } from '../lib/typed-text.ts';
import { requireActingTeam } from '../teams/membership.ts';
import { anonymise } from '../privacy/anonymise.ts';
import { CASE_DRAFT_HOURS, countByType, MAX_CASE_CHARS, type FoundCounts } from './case-drafts.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';

export interface CaseProposal {
  draftId: string;
  teamId: string;
  /** The anonymised text, for the coach to check. */
  text: string;
  found: FoundCounts;
  expiresAt: Date;
}

/**
 * First step of storing a case: anonymise the text and keep only that version as a short-lived
 * draft for the coach to check. The text as typed is never written anywhere.
 */
export async function proposeCase(
  prisma: PrismaClient,
  input: { userId: string; teamId?: string; text: string; now?: Date },
): Promise<CaseProposal> {
  const now = input.now ?? new Date();
  const text = normaliseTypedText(input.text);
  if (!text) {
    throw new WijkwijsError('bad_request', 'Zet de tekst van de casus achter /casus, bijvoorbeeld: /casus Een inwoner met schulden vraagt …');
  }
  if (text.length > MAX_CASE_CHARS) {
    throw new WijkwijsError(
      'bad_request',
      `De casus is te lang (${text.length} tekens, maximaal ${MAX_CASE_CHARS}). Vat hem samen: situatie, vraag aan het team, wat is besloten.`,
    );
  }
  const teamId = await requireActingTeam(prisma, input.userId, input.teamId);
  const anonymised = anonymise(text);
  const expiresAt = new Date(now.getTime() + CASE_DRAFT_HOURS * 3_600_000);
  const draft = await prisma.$transaction(async (tx) => {
    const created = await tx.caseDraft.create({
      data: { userId: input.userId, teamId, text: anonymised.text, createdAt: now, expiresAt },
    });
    await recordAuditEvents(tx, [{ actorId: input.userId, action: 'case.draft_created', subjectType: 'case_draft', subjectId: created.id, teamId }], now);
    return created;
  });
  return { draftId: draft.id, teamId, text: anonymised.text, found: countByType(anonymised.entities), expiresAt };
}
