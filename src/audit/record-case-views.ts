import type { Db } from '../lib/db.ts';
import { recordAuditEvents } from './record-audit-events.ts';

/** An answer that quotes a case discussion shows that case to the asker: one 'case.viewed' per document. */
export async function recordCaseViews(db: Db, input: { actorId: string; passageIds: string[]; now?: Date }): Promise<number> {
  if (input.passageIds.length === 0) return 0;
  const documents = await db.sql.query<{ document_id: string; team_id: string | null }>(
    'SELECT DISTINCT document_id, team_id FROM chunk WHERE id = ANY($1::text[])',
    [input.passageIds],
  );
  await recordAuditEvents(
    db.prisma,
    documents.map((d) => ({ actorId: input.actorId, action: 'case.viewed' as const, subjectType: 'document' as const, subjectId: d.document_id, teamId: d.team_id })),
    input.now,
  );
  return documents.length;
}
