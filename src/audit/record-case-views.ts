import { readPassages } from '../knowledge/read-passages.ts';
import type { Db } from '../lib/db.ts';
import { recordAuditEvents } from './record-audit-events.ts';

/** An answer that quotes a case discussion shows that case to the asker: one 'case.viewed' per document. */
export async function recordCaseViews(db: Db, input: { actorId: string; passageIds: string[]; now?: Date }): Promise<number> {
  if (input.passageIds.length === 0) return 0;
  const documents = new Map((await readPassages(db.prisma, input.passageIds)).map((p) => [p.documentId, p.teamId]));
  await recordAuditEvents(
    db.prisma,
    [...documents].map(([documentId, teamId]) => ({ actorId: input.actorId, action: 'case.viewed' as const, subjectType: 'document' as const, subjectId: documentId, teamId })),
    input.now,
  );
  return documents.size;
}
