/**
 * Data-subject requests over the feature tables (twintig-ogen, vier-ogen, intervisie, onboarding,
 * Teams, notifications, jobs): export shows everything about the user; erasure removes their own
 * rows, keeps the team's history under the pseudonym, cancels their reminders, and leaves a
 * colleague whose id starts with theirs alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTurn } from '../../src/assistant/handle-turn.ts';
import type { Reply, Turn } from '../../src/assistant/reply.ts';
import { FEATURE_JOBS } from '../../src/features.ts';
import { runDueJobs } from '../../src/jobs/run-due-jobs.ts';
import { scheduleJob } from '../../src/jobs/schedule-job.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { deleteUserData, pseudonymFor, userIdPattern, type DeleteUserDataResult } from '../../src/data-protection/delete-user-data.ts';
import { exportUserData, type UserDataExport } from '../../src/data-protection/export-user-data.ts';
import { OPERATOR } from '../../src/teams/authorise.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext } from '../support/context.ts';

const TEAM = 'team-fd';
const SUBJECT = 'slack:T01:USUB';
const COLLEAGUE = 'slack:T01:UCOL';
// Starts with the subject's id: must never be matched by it.
const LOOKALIKE = 'slack:T01:USUB2';
const P = pseudonymFor(SUBJECT);
const clock = new ManualClock('2026-03-02T08:00:00Z');
let ctx: Awaited<ReturnType<typeof createTestContext>>;

const ids = {} as Record<
  | 'twintigDraft'
  | 'discussed'
  | 'colleagueCase'
  | 'poll'
  | 'followUp'
  | 'vierDraft'
  | 'vierAgreed'
  | 'vierAsked'
  | 'vierDecidedBySubject'
  | 'slotLed'
  | 'slotFull'
  | 'intervisieRequest'
  | 'enrollment'
  | 'lookalikeEnrollment'
  | 'conversation',
  string
>;

const turn = (userId: string, extra: Partial<Turn>): Turn => ({ channel: 'slack', userId, teamId: TEAM, ...extra });
const textReply = (text: string, extra: Partial<Reply> = {}): Reply => ({ conversationId: '', text, citations: [], actions: [], mode: 'notice', notices: [], ...extra });

beforeAll(async () => {
  ctx = await createTestContext({}, undefined, clock);
  const { prisma } = ctx.db;
  await ensureMember(prisma, { teamId: TEAM, userId: SUBJECT, displayName: 'Sanne Subject' });
  await ensureMember(prisma, { teamId: TEAM, userId: COLLEAGUE, displayName: 'Cor Collega', role: 'lead' });
  await ensureMember(prisma, { teamId: TEAM, userId: LOOKALIKE, displayName: 'Sem Lijkt' });
  await prisma.teamRhythm.create({ data: { teamId: TEAM, weekday: 2, anchorDate: '2026-03-03', startTime: '10:00', endTime: '12:00', facilitatorIds: [SUBJECT, COLLEAGUE] } });

  // Twintig-ogen: a draft through the feature's own form (never confirmed) …
  const draft = await handleTurn(ctx, turn(SUBJECT, { action: { id: 'twintig.request-submit', value: TEAM, fields: { summary: 'Gezin met schulden, moeder overbelast.', dilemma: '1', question: 'Hoe houden we de regie bij het gezin?' } } }));
  ids.twintigDraft = draft.form!.id;
  // … a case the team discussed, with RSVPs and an agreed follow-up owned by the subject …
  const discussed = await prisma.consultationRequest.create({
    data: { teamId: TEAM, requesterId: SUBJECT, status: 'discussed', summary: 'Casus A', dilemma: 'Regie', question: 'Wat nu?', rsvps: [COLLEAGUE, LOOKALIKE], outcomeDraft: { advice: 'Samen plannen', agreements: 'Huisbezoek' } },
  });
  ids.discussed = discussed.id;
  const followUp = await prisma.consultationFollowUp.create({ data: { teamId: TEAM, requestId: discussed.id, ownerId: SUBJECT, text: 'Huisbezoek plannen', dueDate: '2026-03-10' } });
  ids.followUp = followUp.id;
  await scheduleJob(ctx.db, { kind: 'twintig.remind-follow-up', key: `twintig.follow-up:${followUp.id}`, payload: { followUpId: followUp.id }, runAt: new Date('2026-03-10T08:00:00Z') });
  // … and a colleague's case the subject RSVP'd to, voted on, and was named in the unsaved outcome.
  const colleagueCase = await prisma.consultationRequest.create({
    data: {
      teamId: TEAM,
      requesterId: COLLEAGUE,
      status: 'scheduled',
      summary: 'Casus B',
      dilemma: 'Veiligheid',
      question: 'Melden?',
      rsvps: [SUBJECT, LOOKALIKE],
      outcomeDraft: { advice: 'x', agreements: 'y', followUp: { ownerId: SUBJECT, text: 'Bellen', dueDate: '2026-03-12' } },
    },
  });
  ids.colleagueCase = colleagueCase.id;
  const poll = await prisma.consultationPoll.create({
    data: { teamId: TEAM, requestId: colleagueCase.id, options: [new Date('2026-03-04T09:00:00Z'), new Date('2026-03-05T09:00:00Z')], votes: { [SUBJECT]: 0, [COLLEAGUE]: 1, [LOOKALIKE]: 1 }, closesAt: new Date('2026-03-03T12:00:00Z') },
  });
  ids.poll = poll.id;

  // Vier-ogen: expertise and a draft through the feature's commands; decided history directly.
  expect((await handleTurn(ctx, turn(SUBJECT, { text: '/vierogen expertise jeugd' }))).text).toMatch(/jeugd/);
  await handleTurn(ctx, turn(LOOKALIKE, { text: '/vierogen expertise schulden' }));
  const form = await handleTurn(ctx, turn(SUBJECT, { text: '/vierogen' }));
  const proposed = await handleTurn(ctx, turn(SUBJECT, { action: { id: 'vierogen.submit', value: form.form!.id, fields: { indication: 'Ambulante jeugdhulp voor zoon, 12 weken.', expertise: '', deadline: '' } } }));
  ids.vierDraft = proposed.form!.id;
  const at = new Date('2026-03-01T09:00:00Z');
  const agreed = await prisma.vierOgenRequest.create({ data: { teamId: TEAM, requesterId: SUBJECT, indication: 'Indicatie 1', status: 'agreed', reviewerId: COLLEAGUE, askedAt: at, decidedBy: COLLEAGUE, decidedAt: at } });
  ids.vierAgreed = agreed.id;
  await prisma.vierOgenAsk.create({ data: { requestId: agreed.id, reviewerId: COLLEAGUE, teamId: TEAM, askedAt: at, outcome: 'agreed', answeredAt: at } });
  // The colleague's check waits for the subject, who is the reviewer right now.
  const asked = await prisma.vierOgenRequest.create({ data: { teamId: TEAM, requesterId: COLLEAGUE, indication: 'Indicatie 2', status: 'asked', reviewerId: SUBJECT, askedAt: clock.now() } });
  ids.vierAsked = asked.id;
  await prisma.vierOgenAsk.create({ data: { requestId: asked.id, reviewerId: SUBJECT, teamId: TEAM, askedAt: clock.now() } });
  await scheduleJob(ctx.db, { kind: 'vierogen.time-out', key: `vierogen.timeout:${asked.id}`, payload: { requestId: asked.id, reviewerId: SUBJECT }, runAt: new Date('2026-03-02T12:00:00Z') });
  await ctx.messenger.send({ to: { userId: SUBJECT }, key: `vierogen.ask:${asked.id}:${SUBJECT}`, reply: textReply('Indicatie 2', { actions: [{ id: 'vierogen.agree', label: 'Akkoord', value: asked.id }] }) });
  const decided = await prisma.vierOgenRequest.create({ data: { teamId: TEAM, requesterId: COLLEAGUE, indication: 'Indicatie 3', status: 'not_agreed', passedBy: [LOOKALIKE], decidedBy: SUBJECT, decidedAt: at, note: 'Eerst diagnostiek' } });
  ids.vierDecidedBySubject = decided.id;
  await prisma.vierOgenAsk.create({ data: { requestId: decided.id, reviewerId: SUBJECT, teamId: TEAM, askedAt: at, outcome: 'not_agreed', answeredAt: at } });

  // Intervisie: a slot the subject leads, a full slot where they wait ahead of the look-alike, a poll.
  const slot = (extra: { facilitatorId?: string; capacity: number }) =>
    prisma.intervisieSlot.create({
      data: { teamId: TEAM, seriesId: 's', title: 'Intervisie', method: 'incidentmethode', startsAt: new Date('2026-03-09T13:00:00Z'), localDate: '2026-03-09', localTime: '14:00', durationMinutes: 90, place: 'Kamer 2', createdBy: COLLEAGUE, ...extra },
    });
  ids.slotLed = (await slot({ facilitatorId: SUBJECT, capacity: 6 })).id;
  ids.slotFull = (await slot({ capacity: 1 })).id;
  await prisma.intervisieSignup.createMany({
    data: [
      { slotId: ids.slotLed, userId: SUBJECT, status: 'confirmed' },
      { slotId: ids.slotFull, userId: COLLEAGUE, status: 'confirmed' },
      { slotId: ids.slotFull, userId: SUBJECT, status: 'waiting', position: 1 },
      { slotId: ids.slotFull, userId: LOOKALIKE, status: 'waiting', position: 2 },
    ],
  });
  const request = await prisma.intervisieRequest.create({
    data: { teamId: TEAM, requestedBy: SUBJECT, title: 'Extra intervisie', method: 'incidentmethode', durationMinutes: 90, place: 'Kamer 2', capacity: 6, options: ['2026-03-16T14:00', '2026-03-17T14:00'], closesAt: new Date('2026-03-06T12:00:00Z') },
  });
  ids.intervisieRequest = request.id;
  await prisma.intervisieVote.createMany({ data: [{ requestId: request.id, userId: SUBJECT, option: 0 }, { requestId: request.id, userId: LOOKALIKE, option: 1 }] });

  // Onboarding: the subject's own programme with a nudge pending, and the look-alike's with the subject as buddy.
  const enrollment = await prisma.onboardingEnrollment.create({ data: { teamId: TEAM, userId: SUBJECT, status: 'active', startDate: '2026-03-02', buddyId: COLLEAGUE, currentModule: 'welkom' } });
  ids.enrollment = enrollment.id;
  await prisma.onboardingModuleProgress.create({ data: { enrollmentId: enrollment.id, moduleId: 'welkom', status: 'completed', quizScore: 1, quizTotal: 2 } });
  await prisma.onboardingQuizAnswer.createMany({
    data: [
      { enrollmentId: enrollment.id, moduleId: 'welkom', question: 0, chosen: 1, correct: true, answeredAt: at },
      { enrollmentId: enrollment.id, moduleId: 'welkom', question: 1, chosen: 0, correct: false, answeredAt: at },
    ],
  });
  await scheduleJob(ctx.db, { kind: 'onboarding.nudge', key: `onboarding.nudge:${enrollment.id}:2026-03-03`, payload: { enrollmentId: enrollment.id }, runAt: new Date('2026-03-03T08:00:00Z') });
  await ctx.messenger.send({ to: { userId: COLLEAGUE }, key: `onboarding.buddy:${enrollment.id}:buddy`, reply: textReply('Jij bent buddy van Sanne Subject.') });
  const lookalike = await prisma.onboardingEnrollment.create({ data: { teamId: TEAM, userId: LOOKALIKE, status: 'active', buddyId: SUBJECT } });
  ids.lookalikeEnrollment = lookalike.id;
  await scheduleJob(ctx.db, { kind: 'onboarding.nudge', key: `onboarding.nudge:${lookalike.id}:2026-03-03`, payload: { enrollmentId: lookalike.id }, runAt: new Date('2026-03-03T08:00:00Z') });

  // A team message asking to admit someone names them in its key; a team announcement in its buttons.
  await ctx.messenger.send({ to: { teamId: TEAM }, key: `onboarding.admit:${TEAM}:${SUBJECT}`, reply: textReply('Iemand wil erbij.') });
  await ctx.messenger.send({ to: { teamId: TEAM }, key: `intervisie.slot:${ids.slotLed}`, reply: textReply('Intervisie maandag', { actions: [{ id: 'x.y', label: 'Bekijk', value: `${SUBJECT}|${LOOKALIKE}` }] }) });
  await ctx.messenger.send({ to: { userId: LOOKALIKE }, key: `intervisie.promoted:${ids.slotFull}:${LOOKALIKE}`, reply: textReply('Je bent erbij.') });
  await scheduleJob(ctx.db, { kind: 'test.ping', key: `test.ping:${SUBJECT}`, payload: { userId: SUBJECT }, runAt: new Date('2026-04-01T08:00:00Z') });
  await scheduleJob(ctx.db, { kind: 'test.ping', key: `test.ping:${LOOKALIKE}`, payload: { userId: LOOKALIKE }, runAt: new Date('2026-04-01T08:00:00Z') });

  // Microsoft Teams: the personal chat reference, a thread, a hand-off asked and one resolved.
  const conversation = await prisma.conversation.create({ data: { channel: 'msteams', userId: SUBJECT } });
  ids.conversation = conversation.id;
  await prisma.msTeamsConversation.create({ data: { conversationId: 'a:1personal', kind: 'personal', serviceUrl: 'https://smba.example/', reference: { user: { id: SUBJECT } }, userId: SUBJECT } });
  await prisma.conversationThread.create({ data: { threadKey: 'msteams:19:chan;messageid=1', userId: SUBJECT, conversationId: conversation.id } });
  await prisma.handoff.create({ data: { teamId: TEAM, askerId: SUBJECT } });
  await prisma.handoff.create({ data: { teamId: TEAM, askerId: COLLEAGUE, status: 'resolved', resolvedBy: SUBJECT } });
}, 60_000);
afterAll(() => ctx?.close());

describe('export of the feature data', () => {
  let data: UserDataExport;
  beforeAll(async () => {
    data = await exportUserData(ctx.db.prisma, OPERATOR, { userId: SUBJECT });
  });

  it('has every section filled, with named keys', () => {
    expect(data.notifications.map((n) => n.key).sort()).toEqual([`onboarding.admit:${TEAM}:${SUBJECT}`, `vierogen.ask:${ids.vierAsked}:${SUBJECT}`].sort());
    expect(data.jobs.map((j) => j.key).sort()).toEqual([`test.ping:${SUBJECT}`, `vierogen.timeout:${ids.vierAsked}`].sort());
    expect(data.msteams.conversations).toEqual([expect.objectContaining({ conversationId: 'a:1personal' })]);
    expect(data.threads).toHaveLength(1);
    expect(data.handoffs).toHaveLength(2);
    expect(data.twintigOgen.requests.map((r) => r.id).sort()).toEqual([ids.twintigDraft, ids.discussed].sort());
    expect(data.twintigOgen.rsvps).toEqual([expect.objectContaining({ id: ids.colleagueCase, status: 'scheduled' })]);
    expect(data.twintigOgen.pollVotes).toEqual([expect.objectContaining({ pollId: ids.poll, choice: 0 })]);
    expect(new Date(data.twintigOgen.pollVotes[0]!.option!).toISOString()).toBe('2026-03-04T09:00:00.000Z');
    expect(data.twintigOgen.followUps).toEqual([expect.objectContaining({ id: ids.followUp, text: 'Huisbezoek plannen' })]);
    expect(data.twintigOgen.facilitatorOf).toEqual([{ teamId: TEAM }]);
    expect(data.vierOgen.profiles).toEqual([expect.objectContaining({ teamId: TEAM, expertise: ['jeugd'] })]);
    expect(data.vierOgen.requests.map((r) => r.id).sort()).toEqual([ids.vierDraft, ids.vierAgreed].sort());
    expect(data.vierOgen.asks.map((a) => a.requestId).sort()).toEqual([ids.vierAsked, ids.vierDecidedBySubject].sort());
    expect(data.vierOgen.decided).toEqual([expect.objectContaining({ id: ids.vierDecidedBySubject, note: 'Eerst diagnostiek' })]);
    expect(data.intervisie.signups.map((s) => s.slotId).sort()).toEqual([ids.slotLed, ids.slotFull].sort());
    expect(data.intervisie.requests).toEqual([expect.objectContaining({ id: ids.intervisieRequest })]);
    expect(data.intervisie.votes).toEqual([expect.objectContaining({ option: 0 })]);
    expect(data.intervisie.slotsLed).toEqual([expect.objectContaining({ id: ids.slotLed })]);
    expect(data.onboarding.enrollments).toEqual([expect.objectContaining({ id: ids.enrollment, buddyId: COLLEAGUE })]);
    expect(data.onboarding.enrollments[0]!.modules).toEqual([expect.objectContaining({ moduleId: 'welkom', quizScore: 1 })]);
    expect(data.onboarding.enrollments[0]!.quizAnswers.map((a) => a.correct)).toEqual([true, false]);
    expect(data.onboarding.buddyOf).toEqual([expect.objectContaining({ id: ids.lookalikeEnrollment })]);
  });

  it("shows no colleague's case texts, and nothing of the look-alike's", () => {
    const json = JSON.stringify(data);
    // Their RSVP and vote on a colleague's case are theirs; the colleague's case text is not.
    expect(json).not.toContain('Casus B');
    // The checks they decided on or were asked for appear as ids and their own decision only…
    expect(json).not.toContain('Indicatie 3');
    // …except the message asking them, which is a copy of what was sent to them.
    expect(data.notifications.find((n) => n.key?.startsWith('vierogen.ask:'))!.reply).toMatchObject({ text: 'Indicatie 2' });
    expect(data.vierOgen.profiles.map((p) => p.userId)).toEqual([SUBJECT]);
    expect(data.notifications.some((n) => n.key?.includes(LOOKALIKE))).toBe(false);
    expect(data.intervisie.votes.map((v) => v.userId)).toEqual([SUBJECT]);
  });
});

describe('erasure of the feature data', () => {
  let result: DeleteUserDataResult;
  beforeAll(async () => {
    result = await deleteUserData(ctx.db.prisma, OPERATOR, { userId: SUBJECT, now: clock.now() });
  });

  it('reports what it removed', () => {
    expect(result).toMatchObject({
      pseudonym: P,
      notifications: 3, // the ask to them, the admit request about them, the buddy message about their onboarding
      msTeamsConversations: 1,
      threads: 1,
      handoffs: 1,
      memberProfiles: 1,
      consultationDrafts: 2,
      intervisieSignups: 2,
      intervisieVotes: 1,
      onboardingEnrollments: 1,
      onboardingModules: 1,
      onboardingQuizAnswers: 2,
      jobsCancelled: 3, // onboarding nudge, follow-up reminder, the job naming them
      facilitatorRoles: 1,
    });
    expect(result.teamRecordsPseudonymised).toBeGreaterThanOrEqual(15);
  });

  it("removes the user's own rows", async () => {
    const { prisma } = ctx.db;
    expect(await prisma.consultationRequest.count({ where: { id: ids.twintigDraft } })).toBe(0);
    expect(await prisma.vierOgenRequest.count({ where: { id: ids.vierDraft } })).toBe(0);
    expect(await prisma.memberProfile.count({ where: { userId: SUBJECT } })).toBe(0);
    expect(await prisma.onboardingEnrollment.count({ where: { id: ids.enrollment } })).toBe(0);
    expect(await prisma.onboardingQuizAnswer.count({ where: { enrollmentId: ids.enrollment } })).toBe(0);
    expect(await prisma.intervisieVote.count({ where: { requestId: ids.intervisieRequest } })).toBe(1);
    expect(await prisma.msTeamsConversation.count()).toBe(0);
    expect(await prisma.conversationThread.count()).toBe(0);
    expect(await prisma.notification.count({ where: { key: { startsWith: `onboarding.buddy:${ids.enrollment}` } } })).toBe(0);
  });

  it("keeps the team's history, naming the pseudonym", async () => {
    const { prisma } = ctx.db;
    expect(await prisma.consultationRequest.findUniqueOrThrow({ where: { id: ids.discussed } })).toMatchObject({ requesterId: P, status: 'discussed', rsvps: [COLLEAGUE, LOOKALIKE] });
    const colleagueCase = await prisma.consultationRequest.findUniqueOrThrow({ where: { id: ids.colleagueCase } });
    expect(colleagueCase.rsvps).toEqual([P, LOOKALIKE]);
    expect(colleagueCase.outcomeDraft).toMatchObject({ followUp: { ownerId: P } });
    expect((await prisma.consultationPoll.findUniqueOrThrow({ where: { id: ids.poll } })).votes).toEqual({ [P]: 0, [COLLEAGUE]: 1, [LOOKALIKE]: 1 });
    expect(await prisma.consultationFollowUp.findUniqueOrThrow({ where: { id: ids.followUp } })).toMatchObject({ ownerId: P, text: 'Huisbezoek plannen' });
    expect((await prisma.teamRhythm.findUniqueOrThrow({ where: { teamId: TEAM } })).facilitatorIds).toEqual([COLLEAGUE]);
    expect(await prisma.vierOgenRequest.findUniqueOrThrow({ where: { id: ids.vierAgreed } })).toMatchObject({ requesterId: P, decidedBy: COLLEAGUE, status: 'agreed' });
    expect(await prisma.vierOgenRequest.findUniqueOrThrow({ where: { id: ids.vierDecidedBySubject } })).toMatchObject({ requesterId: COLLEAGUE, decidedBy: P, passedBy: [LOOKALIKE] });
    expect((await prisma.vierOgenAsk.findMany({ where: { reviewerId: P } })).map((a) => a.requestId).sort()).toEqual([ids.vierAsked, ids.vierDecidedBySubject].sort());
    expect(await prisma.intervisieSlot.findUniqueOrThrow({ where: { id: ids.slotLed } })).toMatchObject({ facilitatorId: P, createdBy: COLLEAGUE });
    expect(await prisma.intervisieRequest.findUniqueOrThrow({ where: { id: ids.intervisieRequest } })).toMatchObject({ requestedBy: P });
    expect(await prisma.onboardingEnrollment.findUniqueOrThrow({ where: { id: ids.lookalikeEnrollment } })).toMatchObject({ userId: LOOKALIKE, buddyId: P });
    expect(await prisma.handoff.findMany()).toEqual([expect.objectContaining({ askerId: COLLEAGUE, resolvedBy: P })]);
    const announcement = await prisma.notification.findUniqueOrThrow({ where: { key: `intervisie.slot:${ids.slotLed}` } });
    expect((announcement.reply as unknown as Reply).actions[0]!.value).toBe(`${P}|${LOOKALIKE}`);
  });

  it('closes the gap on a waiting list', async () => {
    const rows = await ctx.db.prisma.intervisieSignup.findMany({ where: { slotId: ids.slotFull }, orderBy: { userId: 'asc' } });
    expect(rows.map((r) => [r.userId, r.status, r.position])).toEqual([
      [COLLEAGUE, 'confirmed', null],
      [LOOKALIKE, 'waiting', 1],
    ]);
  });

  it("cancels the user's reminders, keeps others', and moves a check waiting for them on to a colleague", async () => {
    const job = (key: string) => ctx.db.prisma.job.findUniqueOrThrow({ where: { key } });
    expect((await job(`onboarding.nudge:${ids.enrollment}:2026-03-03`)).status).toBe('cancelled');
    expect((await job(`twintig.follow-up:${ids.followUp}`)).status).toBe('cancelled');
    expect(await job(`test.ping:${P}`)).toMatchObject({ status: 'cancelled', payload: { userId: P } });
    expect(await job(`test.ping:${LOOKALIKE}`)).toMatchObject({ status: 'pending', payload: { userId: LOOKALIKE } });
    expect((await job(`onboarding.nudge:${ids.lookalikeEnrollment}:2026-03-03`)).status).toBe('pending');
    const timeout = await job(`vierogen.timeout:${ids.vierAsked}`);
    expect(timeout).toMatchObject({ status: 'pending', payload: { requestId: ids.vierAsked, reviewerId: P } });
    expect(timeout.runAt.getTime()).toBeLessThanOrEqual(clock.now().getTime());

    // The worker's next round asks the one colleague left, instead of waiting for someone erased.
    await runDueJobs(ctx, FEATURE_JOBS.filter((j) => j.kind === 'vierogen.time-out'));
    expect(await ctx.db.prisma.vierOgenRequest.findUniqueOrThrow({ where: { id: ids.vierAsked } })).toMatchObject({ status: 'asked', reviewerId: LOOKALIKE, passedBy: [P] });
  });

  it('leaves the user id nowhere in the feature tables, and the look-alike everywhere it was', async () => {
    const tables = [
      'notification', 'job', 'msteams_conversation', 'conversation_thread', 'handoff', 'team_rhythm', 'consultation_request', 'consultation_poll',
      'consultation_follow_up', 'member_profile', 'vier_ogen_request', 'vier_ogen_ask', 'intervisie_slot', 'intervisie_signup', 'intervisie_request',
      'intervisie_vote', 'onboarding_enrollment', 'onboarding_module_progress', 'onboarding_quiz_answer', 'team_member', 'audit_event',
    ];
    const subject = new RegExp(userIdPattern(SUBJECT));
    for (const table of tables) {
      const dump = JSON.stringify(await ctx.db.sql.query(`SELECT * FROM ${table}`));
      expect(subject.test(dump), table).toBe(false);
    }
    expect(await ctx.db.prisma.memberProfile.findMany({ where: { userId: LOOKALIKE } })).toEqual([expect.objectContaining({ expertise: ['schulden'] })]);
    expect(await ctx.db.prisma.notification.count({ where: { key: `intervisie.promoted:${ids.slotFull}:${LOOKALIKE}` } })).toBe(1);
    expect(await ctx.db.prisma.intervisieVote.findMany({ where: { requestId: ids.intervisieRequest } })).toEqual([expect.objectContaining({ userId: LOOKALIKE })]);
  });

  it('finds nothing the second time', async () => {
    const again = await deleteUserData(ctx.db.prisma, OPERATOR, { userId: SUBJECT, now: clock.now() });
    expect(again).toMatchObject({ notifications: 0, consultationDrafts: 0, jobsCancelled: 0, teamRecordsPseudonymised: 0, onboardingEnrollments: 0, intervisieSignups: 0 });
    const exported = await exportUserData(ctx.db.prisma, OPERATOR, { userId: SUBJECT });
    expect(exported.notifications).toEqual([]);
    expect(exported.twintigOgen.requests).toEqual([]);
    expect(exported.onboarding.buddyOf).toEqual([]);
  });
});
