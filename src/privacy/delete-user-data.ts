import { createHash } from 'node:crypto';
import type { PrismaClient } from '../lib/db.ts';
import { requireOrganisationAdmin, type Actor } from '../teams/authorise.ts';
import { parseUserId } from '../teams/team-input.ts';
import { recordAuditEvents } from './record-audit-events.ts';

export interface DeleteUserDataResult {
  /** What now stands in the audit trail instead of the user id. */
  pseudonym: string;
  user: boolean;
  memberships: number;
  conversations: number;
  answers: number;
  feedback: number;
  caseDrafts: number;
  slackHandoffs: number;
  slackForms: number;
  auditEventsPseudonymised: number;
}

/**
 * The audit trail is kept after a deletion request: the organisation must still be able to account
 * for who viewed or stored which case (AVG art. 5(2) and 32), and a trail with holes proves
 * nothing. The user id in it is personal data, though, so it is replaced by a pseudonym. The same
 * pseudonym for all of the user's rows keeps the trail readable ("one person did these"); a plain
 * hash lets someone who already knows the id, e.g. a privacy officer handling a complaint, find the
 * rows again, while the trail itself no longer names anyone.
 */
export function pseudonymFor(userId: string): string {
  return `verwijderd:${createHash('sha256').update(userId).digest('hex').slice(0, 16)}`;
}

/** Erases everything stored about a user (AVG art. 17), in one transaction. */
export async function deleteUserData(prisma: PrismaClient, actor: Actor, input: { userId: string; now?: Date }): Promise<DeleteUserDataResult> {
  await requireOrganisationAdmin(prisma, actor);
  const userId = parseUserId(input.userId);
  const pseudonym = pseudonymFor(userId);
  return prisma.$transaction(async (tx) => {
    const ownConversations = { conversation: { userId } };
    const answers = await tx.answer.count({ where: ownConversations });
    // Feedback given by the user anywhere, plus feedback of others on this user's answers (it goes with them).
    const feedback = await tx.feedback.deleteMany({ where: { OR: [{ userId }, { answer: ownConversations }] } });
    await tx.answer.deleteMany({ where: ownConversations });
    const conversations = await tx.conversation.deleteMany({ where: { userId } });
    const caseDrafts = await tx.caseDraft.deleteMany({ where: { userId } });
    // Slack state: the user's hand-off requests and open form drafts go; as the colleague who
    // resolved someone else's hand-off they stay only as a pseudonym.
    const slackHandoffs = await tx.slackHandoff.deleteMany({ where: { askerId: userId } });
    await tx.slackHandoff.updateMany({ where: { resolvedBy: userId }, data: { resolvedBy: pseudonym } });
    const slackForms = await tx.slackForm.deleteMany({ where: { userId } });
    const memberships = await tx.teamMember.deleteMany({ where: { userId } });
    const user = await tx.user.deleteMany({ where: { id: userId } });
    const asActor = await tx.auditEvent.updateMany({ where: { actorId: userId }, data: { actorId: pseudonym } });
    const asSubject = await tx.auditEvent.updateMany({ where: { subjectType: 'user', subjectId: userId }, data: { subjectId: pseudonym } });
    const actorId = actor.userId === userId ? pseudonym : actor.userId;
    await recordAuditEvents(tx, [{ actorId, action: 'privacy.deleted', subjectType: 'user', subjectId: pseudonym }], input.now);
    return {
      pseudonym,
      user: user.count > 0,
      memberships: memberships.count,
      conversations: conversations.count,
      answers,
      feedback: feedback.count,
      caseDrafts: caseDrafts.count,
      slackHandoffs: slackHandoffs.count,
      slackForms: slackForms.count,
      auditEventsPseudonymised: asActor.count + asSubject.count,
    };
  });
}
