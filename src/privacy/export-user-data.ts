import type { PrismaClient } from '../lib/db.ts';
import { requireOrganisationAdmin, type Actor } from '../teams/authorise.ts';
import { parseUserId } from '../teams/team-input.ts';
import { pseudonymFor } from './delete-user-data.ts';
import { recordAuditEvents } from './record-audit-events.ts';

/**
 * Everything Wijkwijs stores about one user, for a data-subject access request (AVG art. 15).
 * Question and answer texts were anonymised before storage, so they are exported as stored.
 */
export async function exportUserData(prisma: PrismaClient, actor: Actor, input: { userId: string; now?: Date }) {
  await requireOrganisationAdmin(prisma, actor);
  const userId = parseUserId(input.userId);
  const [user, memberships, conversations, feedback, caseDrafts, auditEventsAsActor, auditEventsAboutUser, slackHandoffs, slackForms] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId } }),
    prisma.teamMember.findMany({ where: { userId }, orderBy: { teamId: 'asc' }, select: { teamId: true, role: true, createdAt: true } }),
    prisma.conversation.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      include: {
        answers: {
          orderBy: { createdAt: 'asc' },
          select: { id: true, question: true, text: true, citations: true, mode: true, createdAt: true },
        },
      },
    }),
    prisma.feedback.findMany({ where: { userId }, orderBy: { createdAt: 'asc' }, select: { id: true, answerId: true, rating: true, comment: true, createdAt: true } }),
    prisma.caseDraft.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
    prisma.auditEvent.findMany({ where: { actorId: userId }, orderBy: { at: 'asc' } }),
    prisma.auditEvent.findMany({ where: { subjectType: 'user', subjectId: userId }, orderBy: { at: 'asc' } }),
    prisma.slackHandoff.findMany({ where: { OR: [{ askerId: userId }, { resolvedBy: userId }] }, orderBy: { createdAt: 'asc' } }),
    prisma.slackForm.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
  ]);
  const now = input.now ?? new Date();
  // An export that finds nothing (say, after an erasure) names the user by pseudonym only: the
  // trail must not bring back an id that was erased.
  const found = user !== null || [memberships, conversations, feedback, caseDrafts, auditEventsAsActor, auditEventsAboutUser, slackHandoffs, slackForms].some((rows) => rows.length > 0);
  await recordAuditEvents(prisma, [{ actorId: actor.userId, action: 'privacy.exported', subjectType: 'user', subjectId: found ? userId : pseudonymFor(userId) }], now);
  return {
    exportedAt: now.toISOString(),
    userId,
    user,
    memberships,
    conversations,
    feedback,
    caseDrafts,
    auditEventsAsActor,
    auditEventsAboutUser,
    slackHandoffs,
    slackForms,
  };
}

export type UserDataExport = Awaited<ReturnType<typeof exportUserData>>;
