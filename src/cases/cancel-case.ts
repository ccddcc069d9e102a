import type { PrismaClient } from '../lib/db.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';

/** Drops the coach's own draft. Unknown, expired or someone else's ids change nothing, and say nothing. */
export async function cancelCase(prisma: PrismaClient, input: { userId: string; draftId: string; now?: Date }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const draft = await tx.caseDraft.findFirst({ where: { id: input.draftId, userId: input.userId }, select: { id: true, teamId: true } });
    if (!draft) return false;
    await tx.caseDraft.delete({ where: { id: draft.id } });
    await recordAuditEvents(tx, [{ actorId: input.userId, action: 'case.draft_cancelled', subjectType: 'case_draft', subjectId: draft.id, teamId: draft.teamId }], input.now);
    return true;
  });
}
