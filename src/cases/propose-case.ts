import type { PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { actingTeamOf } from '../teams/membership.ts';
import { anonymise } from '../privacy/anonymise.ts';
import { CASE_DRAFT_HOURS, countByType, MAX_CASE_CHARS, normaliseCaseText, type FoundCounts } from './case-drafts.ts';
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
  const text = normaliseCaseText(input.text);
  if (!text) {
    throw new WijkwijsError('bad_request', 'Zet de tekst van de casus achter /casus, bijvoorbeeld: /casus Een inwoner met schulden vraagt …');
  }
  if (text.length > MAX_CASE_CHARS) {
    throw new WijkwijsError(
      'bad_request',
      `De casus is te lang (${text.length} tekens, maximaal ${MAX_CASE_CHARS}). Vat hem samen: situatie, vraag aan het team, wat is besloten.`,
    );
  }
  const team = await actingTeamOf(prisma, input.userId, input.teamId);
  if ('problem' in team) {
    throw new WijkwijsError(
      'forbidden',
      team.problem === 'no_team'
        ? 'Je bent nog geen lid van een team, dus ik weet niet bij welk team deze casus hoort. Vraag de beheerder je toe te voegen aan je wijkteam.'
        : `Je bent lid van meerdere teams (${team.teamIds.join(', ')}). Stuur de casus vanuit het kanaal van het team waar hij bij hoort.`,
    );
  }
  const anonymised = anonymise(text);
  const expiresAt = new Date(now.getTime() + CASE_DRAFT_HOURS * 3_600_000);
  const draft = await prisma.$transaction(async (tx) => {
    const created = await tx.caseDraft.create({
      data: { userId: input.userId, teamId: team.teamId, text: anonymised.text, createdAt: now, expiresAt },
    });
    await recordAuditEvents(tx, [{ actorId: input.userId, action: 'case.draft_created', subjectType: 'case_draft', subjectId: created.id, teamId: team.teamId }], now);
    return created;
  });
  return { draftId: draft.id, teamId: team.teamId, text: anonymised.text, found: countByType(anonymised.entities), expiresAt };
}
