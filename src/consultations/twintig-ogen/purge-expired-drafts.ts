import { Prisma } from '../../generated/prisma/client.ts';
import type { ExpiredRows } from '../../assistant/context.ts';
import { unconfirmedBefore } from '../../assistant/feature-kit.ts';
import type { Transaction } from '../../lib/db.ts';
import { ON_AGENDA } from './upcoming-meetings.ts';

/**
 * A case never put on the agenda (status 'draft'), and the outcome of a discussed case typed but
 * never saved (the outcome_draft of a case still on the agenda; after "Opslaan" it holds the
 * confirmed outcome and the status is 'discussed', so that one stays). The case itself stays when
 * only its outcome draft expires: the outcome can still be recorded again. `updatedAt` counts:
 * editing a draft (a second anonymisation round) is still working on it.
 */
export async function purgeExpiredDrafts(tx: Transaction, now: Date): Promise<ExpiredRows[]> {
  const cutoff = unconfirmedBefore(now);
  const drafts = await tx.consultationRequest.deleteMany({ where: { status: 'draft', updatedAt: { lt: cutoff } } });
  const outcomes = await tx.consultationRequest.updateMany({
    where: { outcomeDraft: { not: Prisma.DbNull }, status: { in: ON_AGENDA }, updatedAt: { lt: cutoff } },
    data: { outcomeDraft: Prisma.DbNull },
  });
  return [
    { kind: 'twintigOgenDrafts', label: 'twintig-ogen aanvraag/aanvragen', count: drafts.count },
    { kind: 'outcomeDrafts', label: 'uitkomst(en)', count: outcomes.count },
  ];
}
