import type { PrismaClient } from '../lib/db.ts';
import { requireOrganisationAdmin, type Actor } from '../teams/authorise.ts';
import { parseUserId } from '../teams/team-input.ts';
import { pseudonymFor, userIdPattern } from './delete-user-data.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';

/**
 * Everything Wijkwijs stores about one user, for a data-subject access request (AVG art. 15).
 * Question and answer texts were anonymised before storage, so they are exported as stored.
 */
export async function exportUserData(prisma: PrismaClient, actor: Actor, input: { userId: string; now?: Date }) {
  await requireOrganisationAdmin(prisma, actor);
  const userId = parseUserId(input.userId);
  const [user, memberships, conversations, feedback, caseDrafts, auditEventsAsActor, auditEventsAboutUser, handoffs, threads, slackForms] = await Promise.all([
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
    prisma.handoff.findMany({ where: { OR: [{ askerId: userId }, { resolvedBy: userId }] }, orderBy: { createdAt: 'asc' } }),
    prisma.conversationThread.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
    prisma.slackForm.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
  ]);
  const [notifications, jobs, msteams, twintigOgen, vierOgen, intervisie, onboarding] = await Promise.all([
    notificationsOf(prisma, userId),
    jobsOf(prisma, userId),
    msTeamsOf(prisma, userId),
    twintigOgenOf(prisma, userId),
    vierOgenOf(prisma, userId),
    intervisieOf(prisma, userId),
    onboardingOf(prisma, userId),
  ]);
  const now = input.now ?? new Date();
  // An export that finds nothing (say, after an erasure) names the user by pseudonym only: the
  // trail must not bring back an id that was erased.
  const found =
    user !== null ||
    [memberships, conversations, feedback, caseDrafts, auditEventsAsActor, auditEventsAboutUser, handoffs, threads, slackForms, notifications, jobs].some((rows) => rows.length > 0) ||
    [msteams, twintigOgen, vierOgen, intervisie, onboarding].some((section) => Object.values(section).some((rows) => rows.length > 0));
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
    handoffs,
    threads,
    slackForms,
    notifications,
    jobs,
    msteams,
    twintigOgen,
    vierOgen,
    intervisie,
    onboarding,
  };
}

export type UserDataExport = Awaited<ReturnType<typeof exportUserData>>;

/** Messages to the user, and messages whose key names them (e.g. the team's request to admit them). */
async function notificationsOf(prisma: PrismaClient, userId: string) {
  const named = new RegExp(userIdPattern(userId));
  const rows = await prisma.notification.findMany({
    where: { OR: [{ userId }, { key: { contains: userId } }] },
    orderBy: { createdAt: 'asc' },
    select: { id: true, key: true, userId: true, teamId: true, reply: true, createdAt: true, updatedAt: true },
  });
  return rows.filter((n) => n.userId === userId || (n.key !== null && named.test(n.key)));
}

/** Scheduled work that names the user: ids, kinds and times only. */
async function jobsOf(prisma: PrismaClient, userId: string) {
  return prisma.$queryRaw<{ id: string; kind: string; key: string | null; status: string; runAt: Date; finishedAt: Date | null }[]>`
    SELECT id, kind, key, status, run_at AS "runAt", finished_at AS "finishedAt" FROM job
    WHERE key ~ ${userIdPattern(userId)} OR payload::text ~ ${userIdPattern(userId)} ORDER BY run_at`;
}

async function msTeamsOf(prisma: PrismaClient, userId: string) {
  return { conversations: await prisma.msTeamsConversation.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }) };
}

async function twintigOgenOf(prisma: PrismaClient, userId: string) {
  const [requests, rsvps, pollVotes, followUps, facilitatorOf] = await Promise.all([
    prisma.consultationRequest.findMany({ where: { requesterId: userId }, orderBy: { createdAt: 'asc' } }),
    // Another coach's case: the user's RSVP is theirs, the case text is not, so ids and dates only.
    prisma.consultationRequest.findMany({
      where: { rsvps: { has: userId }, NOT: { requesterId: userId } },
      orderBy: { createdAt: 'asc' },
      select: { id: true, teamId: true, meetingId: true, status: true, meeting: { select: { localDate: true } } },
    }),
    prisma.$queryRaw<{ pollId: string; requestId: string; teamId: string; choice: number; option: Date | null; status: string }[]>`
      SELECT id AS "pollId", request_id AS "requestId", team_id AS "teamId", (votes ->> ${userId}::text)::int AS choice,
             options[(votes ->> ${userId}::text)::int + 1] AS option, status
      FROM consultation_poll WHERE (votes ->> ${userId}::text) IS NOT NULL ORDER BY created_at`,
    prisma.consultationFollowUp.findMany({ where: { ownerId: userId }, orderBy: { createdAt: 'asc' } }),
    prisma.teamRhythm.findMany({ where: { facilitatorIds: { has: userId } }, select: { teamId: true } }),
  ]);
  return { requests, rsvps, pollVotes, followUps, facilitatorOf };
}

async function vierOgenOf(prisma: PrismaClient, userId: string) {
  const [profiles, requests, asks, decided, passed] = await Promise.all([
    prisma.memberProfile.findMany({ where: { userId }, orderBy: { teamId: 'asc' } }),
    prisma.vierOgenRequest.findMany({ where: { requesterId: userId }, orderBy: { createdAt: 'asc' } }),
    // The indication asked about is the requester's (anonymised) text: the ask itself is exported.
    prisma.vierOgenAsk.findMany({ where: { reviewerId: userId }, orderBy: { askedAt: 'asc' } }),
    prisma.vierOgenRequest.findMany({
      where: { decidedBy: userId },
      orderBy: { decidedAt: 'asc' },
      select: { id: true, teamId: true, status: true, decidedAt: true, note: true },
    }),
    prisma.vierOgenRequest.findMany({ where: { passedBy: { has: userId } }, orderBy: { createdAt: 'asc' }, select: { id: true, teamId: true } }),
  ]);
  return { profiles, requests, asks, decided, passed };
}

async function intervisieOf(prisma: PrismaClient, userId: string) {
  const [signups, requests, votes, slotsLed, slotsCreated] = await Promise.all([
    prisma.intervisieSignup.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
    prisma.intervisieRequest.findMany({ where: { requestedBy: userId }, orderBy: { createdAt: 'asc' } }),
    prisma.intervisieVote.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
    prisma.intervisieSlot.findMany({ where: { facilitatorId: userId }, orderBy: { startsAt: 'asc' } }),
    prisma.intervisieSlot.findMany({ where: { createdBy: userId }, orderBy: { startsAt: 'asc' }, select: { id: true, teamId: true, title: true, startsAt: true } }),
  ]);
  return { signups, requests, votes, slotsLed, slotsCreated };
}

async function onboardingOf(prisma: PrismaClient, userId: string) {
  const [enrollments, buddyOf] = await Promise.all([
    prisma.onboardingEnrollment.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
    // As buddy only the link is theirs; the newcomer's progress belongs to the newcomer.
    prisma.onboardingEnrollment.findMany({ where: { buddyId: userId }, orderBy: { createdAt: 'asc' }, select: { id: true, teamId: true, buddyAssignedAt: true } }),
  ]);
  const ids = enrollments.map((e) => e.id);
  const [modules, quizAnswers] = await Promise.all([
    prisma.onboardingModuleProgress.findMany({ where: { enrollmentId: { in: ids } }, orderBy: [{ enrollmentId: 'asc' }, { startedAt: 'asc' }] }),
    prisma.onboardingQuizAnswer.findMany({ where: { enrollmentId: { in: ids } }, orderBy: { answeredAt: 'asc' } }),
  ]);
  return {
    enrollments: enrollments.map((e) => ({
      ...e,
      modules: modules.filter((m) => m.enrollmentId === e.id),
      quizAnswers: quizAnswers.filter((a) => a.enrollmentId === e.id),
    })),
    buddyOf,
  };
}
