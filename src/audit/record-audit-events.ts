import type { PrismaClient } from '../lib/db.ts';

/**
 * The audit trail answers "who looked at or changed which case, team or user, and when" for the
 * privacy officer. It holds ids and actions only: never a text, so it can be kept longer than the
 * conversations themselves.
 */
export type AuditAction =
  | 'case.draft_created'
  | 'case.draft_cancelled'
  | 'case.stored'
  | 'case.viewed'
  | 'team.created'
  | 'team.member_added'
  | 'team.member_removed'
  | 'team.role_changed'
  | 'channel.linked'
  | 'channel.relinked'
  | 'channel.unlinked'
  | 'privacy.exported'
  | 'privacy.deleted'
  | 'vierogen.agreed'
  | 'vierogen.not_agreed'
  | 'vierogen.no_reviewer';

export type AuditSubjectType = 'document' | 'case_draft' | 'team' | 'user' | 'vierogen_request' | 'channel';

export interface AuditEventInput {
  actorId: string;
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId: string;
  teamId?: string | null;
  at?: Date;
}

/** Works with the client and with a transaction, so an audit row commits together with its change. */
export type AuditWriter = Pick<PrismaClient, 'auditEvent'>;

export async function recordAuditEvents(prisma: AuditWriter, events: AuditEventInput[], now = new Date()): Promise<void> {
  if (events.length === 0) return;
  await prisma.auditEvent.createMany({
    data: events.map((e) => ({
      actorId: e.actorId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      teamId: e.teamId ?? null,
      at: e.at ?? now,
    })),
  });
}
