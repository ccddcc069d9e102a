import { createHash } from 'node:crypto';
import type { PrismaClient } from '../lib/db.ts';
import { requireOrganisationAdmin, type Actor } from '../teams/authorise.ts';
import { parseUserId } from '../teams/team-input.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';

export interface DeleteUserDataResult {
  /** What now stands in the audit trail and the team's shared records instead of the user id. */
  pseudonym: string;
  user: boolean;
  memberships: number;
  conversations: number;
  answers: number;
  feedback: number;
  caseDrafts: number;
  /** "Vraag een collega" requests the user made (in any channel). */
  handoffs: number;
  slackForms: number;
  auditEventsPseudonymised: number;
  /** Messages to the user, and messages about them (e.g. a request to admit them, their onboarding). */
  notifications: number;
  msTeamsConversations: number;
  /** Which Slack or Teams thread continued which of their conversations. */
  threads: number;
  memberProfiles: number;
  /** Twintig-ogen cases never put on the agenda, and vier-ogen checks never sent. */
  consultationDrafts: number;
  intervisieSignups: number;
  intervisieVotes: number;
  onboardingEnrollments: number;
  onboardingModules: number;
  onboardingQuizAnswers: number;
  /** Pending reminders and nudges for the user (their onboarding, follow-ups they owned…). */
  jobsCancelled: number;
  /** Team facilitator lists the user was taken off. */
  facilitatorRoles: number;
  /** Rows of the team's shared history that now name the pseudonym instead of the user. */
  teamRecordsPseudonymised: number;
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

/**
 * A PostgreSQL regular expression matching the user id as a whole inside a key, payload or message
 * ("slack:T1:U1" must not match inside "slack:T1:U12"). Ids are joined to other parts by ":" or
 * quotes, never by letters, digits, ".", "_" or "-".
 */
export function userIdPattern(userId: string): string {
  return `(?<![A-Za-z0-9_.-])${userId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_.-])`;
}

/** Erases everything stored about a user (AVG art. 17), in one transaction. */
export async function deleteUserData(prisma: PrismaClient, actor: Actor, input: { userId: string; now?: Date }): Promise<DeleteUserDataResult> {
  await requireOrganisationAdmin(prisma, actor);
  const userId = parseUserId(input.userId);
  const pseudonym = pseudonymFor(userId);
  const pattern = userIdPattern(userId);
  const now = input.now ?? new Date();
  // As in the purge: an ISO string cast to timestamp keeps these zone-less columns in UTC.
  const at = now.toISOString();
  return prisma.$transaction(async (tx) => {
    let teamRecords = 0;
    const pseudonymise = (count: number | { count: number }) => {
      teamRecords += typeof count === 'number' ? count : count.count;
    };

    // Onboarding and follow-up ids first: their jobs and notifications are keyed by them, not by the user.
    const enrollmentIds = (await tx.onboardingEnrollment.findMany({ where: { userId }, select: { id: true } })).map((e) => e.id);
    const followUpIds = (await tx.consultationFollowUp.findMany({ where: { ownerId: userId, status: 'open' }, select: { id: true } })).map((f) => f.id);
    const enrollmentKeys = enrollmentIds.map((id) => `^onboarding\\.[a-z-]+:${id}(:|$)`);

    // Jobs. A pending vier-ogen time-out waiting for this user as reviewer is not theirs but the
    // requester's: cancelling it would leave a colleague's check waiting forever. It is pointed at
    // the pseudonym and made due now, so the worker moves the check on to the next colleague. Every
    // other pending job that names the user, or their onboarding, or a follow-up reminder that would
    // go to them, is cancelled. Finished jobs keep their row for the job log, with the pseudonym.
    pseudonymise(
      await tx.$executeRaw`UPDATE job SET payload = jsonb_set(payload, '{reviewerId}', to_jsonb(${pseudonym}::text)), run_at = LEAST(run_at, ${at}::timestamp)
        WHERE status = 'pending' AND kind = 'vierogen.time-out' AND payload->>'reviewerId' = ${userId}`,
    );
    const cancelKeys = [...enrollmentIds.map((id) => `onboarding.nudge:${id}:`), ...followUpIds.map((id) => `twintig.follow-up:${id}`)];
    const jobsCancelled = await tx.$executeRaw`UPDATE job SET status = 'cancelled', finished_at = ${at}::timestamp
      WHERE status = 'pending' AND (key ~ ${pattern} OR payload::text ~ ${pattern} OR EXISTS (SELECT 1 FROM unnest(${cancelKeys}::text[]) k WHERE starts_with(job.key, k)))`;
    pseudonymise(
      await tx.$executeRaw`UPDATE job SET key = regexp_replace(key, ${pattern}, ${pseudonym}, 'g'), payload = regexp_replace(payload::text, ${pattern}, ${pseudonym}, 'g')::jsonb
        WHERE key ~ ${pattern} OR payload::text ~ ${pattern}`,
    );

    // Notifications: the user's own messages go, and so do messages about them to others (the
    // request to admit them, their onboarding progress to the lead and buddy). A team announcement
    // that merely lists them (an RSVP, a sign-up count) stays with the team under the pseudonym.
    const notifications = await tx.$executeRaw`DELETE FROM notification
      WHERE user_id = ${userId} OR key ~ ${pattern} OR EXISTS (SELECT 1 FROM unnest(${enrollmentKeys}::text[]) k WHERE notification.key ~ k)`;
    pseudonymise(
      await tx.$executeRaw`UPDATE notification SET reply = regexp_replace(reply::text, ${pattern}, ${pseudonym}, 'g')::jsonb WHERE reply::text ~ ${pattern}`,
    );

    // Their thread links (Slack, Teams) and the reference to their Teams personal chat are theirs alone.
    const threads = await tx.conversationThread.deleteMany({ where: { userId } });
    const msTeamsConversations = await tx.msTeamsConversation.deleteMany({ where: { userId } });

    const ownConversations = { conversation: { userId } };
    const answers = await tx.answer.count({ where: ownConversations });
    // Feedback given by the user anywhere, plus feedback of others on this user's answers (it goes with them).
    const feedback = await tx.feedback.deleteMany({ where: { OR: [{ userId }, { answer: ownConversations }] } });
    // Hand-offs point at the user's answers: the asker's own go first; as the colleague who resolved
    // someone else's they stay only as a pseudonym.
    const handoffs = await tx.handoff.deleteMany({ where: { askerId: userId } });
    pseudonymise(await tx.handoff.updateMany({ where: { resolvedBy: userId }, data: { resolvedBy: pseudonym } }));
    await tx.answer.deleteMany({ where: ownConversations });
    const conversations = await tx.conversation.deleteMany({ where: { userId } });
    const caseDrafts = await tx.caseDraft.deleteMany({ where: { userId } });
    // Slack's forms waiting to be opened by the user.
    const slackForms = await tx.slackForm.deleteMany({ where: { userId } });

    // Twintig-ogen. A draft was never shared, so it is the user's alone and goes. A case that reached
    // the team (requested, on the agenda, discussed) is the team's record of its consultations, the
    // source of a stored casusbespreking and of follow-ups: it stays, under the pseudonym. The same
    // holds for their name on RSVP lists, poll votes (the tally stays right) and follow-ups they
    // agreed to (their reminders were cancelled above).
    const twintigDrafts = await tx.consultationRequest.deleteMany({ where: { requesterId: userId, status: 'draft' } });
    pseudonymise(await tx.consultationRequest.updateMany({ where: { requesterId: userId }, data: { requesterId: pseudonym } }));
    pseudonymise(await tx.$executeRaw`UPDATE consultation_request SET rsvps = array_replace(rsvps, ${userId}, ${pseudonym}) WHERE ${userId} = ANY(rsvps)`);
    pseudonymise(
      await tx.$executeRaw`UPDATE consultation_request SET outcome_draft = regexp_replace(outcome_draft::text, ${pattern}, ${pseudonym}, 'g')::jsonb WHERE outcome_draft::text ~ ${pattern}`,
    );
    pseudonymise(
      await tx.$executeRaw`UPDATE consultation_poll SET votes = (votes - ${userId}::text) || jsonb_build_object(${pseudonym}::text, votes->${userId}::text) WHERE (votes ->> ${userId}::text) IS NOT NULL`,
    );
    pseudonymise(await tx.consultationFollowUp.updateMany({ where: { ownerId: userId }, data: { ownerId: pseudonym } }));
    // The facilitator list is the team's current set-up, not history: a pseudonym there would be
    // asked to record outcomes and would keep the team leads from being asked instead. So they are
    // taken off it.
    const facilitatorRoles = await tx.$executeRaw`UPDATE team_rhythm SET facilitator_ids = array_remove(facilitator_ids, ${userId}) WHERE ${userId} = ANY(facilitator_ids)`;

    // Vier-ogen. A check never sent (a draft, or one withdrawn before anyone was asked) was seen by
    // no colleague and goes. A sent check is the team's accountability for an indication decision
    // ("four eyes looked at this"): requester, reviewer, decider and who passed stay as the pseudonym.
    const vierOgenDrafts = await tx.$executeRaw`DELETE FROM vier_ogen_request
      WHERE requester_id = ${userId} AND (status = 'draft' OR (status = 'withdrawn' AND asked_at IS NULL))`;
    pseudonymise(await tx.vierOgenRequest.updateMany({ where: { requesterId: userId }, data: { requesterId: pseudonym } }));
    pseudonymise(await tx.vierOgenRequest.updateMany({ where: { reviewerId: userId }, data: { reviewerId: pseudonym } }));
    pseudonymise(await tx.vierOgenRequest.updateMany({ where: { decidedBy: userId }, data: { decidedBy: pseudonym } }));
    pseudonymise(await tx.$executeRaw`UPDATE vier_ogen_request SET passed_by = array_replace(passed_by, ${userId}, ${pseudonym}) WHERE ${userId} = ANY(passed_by)`);
    pseudonymise(await tx.vierOgenAsk.updateMany({ where: { reviewerId: userId }, data: { reviewerId: pseudonym } }));
    // Expertise and absence describe the person, not the team's work: gone.
    const memberProfiles = await tx.memberProfile.deleteMany({ where: { userId } });

    // Intervisie. Sign-ups and votes are the user's own and go (a waiting list closes the gap they
    // leave). A slot they lead or created and a date poll they started are the team's sessions: kept,
    // naming the pseudonym.
    await tx.$executeRaw`UPDATE intervisie_signup s SET position = s.position - 1
      FROM intervisie_signup mine WHERE mine.user_id = ${userId} AND mine.status = 'waiting'
        AND s.slot_id = mine.slot_id AND s.status = 'waiting' AND s.position > mine.position`;
    const intervisieSignups = await tx.intervisieSignup.deleteMany({ where: { userId } });
    const intervisieVotes = await tx.intervisieVote.deleteMany({ where: { userId } });
    pseudonymise(await tx.intervisieSlot.updateMany({ where: { facilitatorId: userId }, data: { facilitatorId: pseudonym } }));
    pseudonymise(await tx.intervisieSlot.updateMany({ where: { createdBy: userId }, data: { createdBy: pseudonym } }));
    pseudonymise(await tx.intervisieRequest.updateMany({ where: { requestedBy: userId }, data: { requestedBy: pseudonym } }));

    // Onboarding: their enrollment, progress and quiz answers are about them only. As someone's buddy
    // they are part of that newcomer's record, which keeps the pseudonym.
    const onboardingModules = await tx.onboardingModuleProgress.deleteMany({ where: { enrollmentId: { in: enrollmentIds } } });
    const onboardingQuizAnswers = await tx.onboardingQuizAnswer.deleteMany({ where: { enrollmentId: { in: enrollmentIds } } });
    const onboardingEnrollments = await tx.onboardingEnrollment.deleteMany({ where: { id: { in: enrollmentIds } } });
    pseudonymise(await tx.onboardingEnrollment.updateMany({ where: { buddyId: userId }, data: { buddyId: pseudonym } }));

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
      handoffs: handoffs.count,
      slackForms: slackForms.count,
      auditEventsPseudonymised: asActor.count + asSubject.count,
      notifications,
      msTeamsConversations: msTeamsConversations.count,
      threads: threads.count,
      memberProfiles: memberProfiles.count,
      consultationDrafts: twintigDrafts.count + vierOgenDrafts,
      intervisieSignups: intervisieSignups.count,
      intervisieVotes: intervisieVotes.count,
      onboardingEnrollments: onboardingEnrollments.count,
      onboardingModules: onboardingModules.count,
      onboardingQuizAnswers: onboardingQuizAnswers.count,
      jobsCancelled,
      facilitatorRoles,
      teamRecordsPseudonymised: teamRecords,
    };
  });
}
