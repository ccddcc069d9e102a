import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTurn } from '../../src/assistant/handle-turn.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { deleteUserData, pseudonymFor, type DeleteUserDataResult } from '../../src/data-protection/delete-user-data.ts';
import { exportUserData } from '../../src/data-protection/export-user-data.ts';
import { addMember } from '../../src/teams/add-member.ts';
import { OPERATOR } from '../../src/teams/authorise.ts';
import { createTeam } from '../../src/teams/create-team.ts';
import { createTestContext, repoRoot } from '../support/context.ts';

/** Data-subject requests: export (AVG art. 15) and erasure (art. 17) of everything about one user. */
let ctx: Awaited<ReturnType<typeof createTestContext>>;
const subject = 'slack:T01:UGERDA';
const colleague = 'slack:T01:UHENK';
let subjectAnswerId: string;
let colleagueAnswerId: string;
let storedCaseId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge/handboek`] });
  await createTeam(ctx.db.prisma, OPERATOR, { id: 'team-dsr', name: 'Team DSR' });
  await addMember(ctx.db.prisma, OPERATOR, { teamId: 'team-dsr', userId: subject, role: 'lead' });
  await addMember(ctx.db.prisma, OPERATOR, { teamId: 'team-dsr', userId: colleague });

  const turn = { channel: 'slack' as const, teamId: 'team-dsr' };
  const mine = await handleTurn(ctx, { ...turn, userId: subject, text: 'Hoe lang heb ik om de hulpvraag van meneer Jan de Vries te verkennen?' });
  subjectAnswerId = mine.answerId!;
  await handleTurn(ctx, { ...turn, userId: subject, action: { id: 'feedback.down', value: subjectAnswerId, comment: 'Mist de uitzondering voor Piet Bakker' } });
  await handleTurn(ctx, { ...turn, userId: colleague, action: { id: 'feedback.up', value: subjectAnswerId } });
  const theirs = await handleTurn(ctx, { ...turn, userId: colleague, text: 'Wat zijn de kernwaarden?' });
  colleagueAnswerId = theirs.answerId!;
  await handleTurn(ctx, { ...turn, userId: subject, action: { id: 'feedback.up', value: colleagueAnswerId } });

  const draft = await handleTurn(ctx, { ...turn, userId: subject, text: '/casus Een inwoner met schulden vraagt hulp bij de administratie.' });
  const stored = await handleTurn(ctx, { ...turn, userId: subject, action: { id: 'case.confirm', value: draft.form!.id, fields: { text: draft.form!.fields[0]!.value } } });
  expect(stored.text).toMatch(/opgeslagen/);
  storedCaseId = (await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'case.stored', actorId: subject } })).subjectId;
  await handleTurn(ctx, { ...turn, userId: subject, text: '/casus Een tweede casus die nog wacht op controle.' });
});
afterAll(() => ctx?.close());

describe('privacy export', () => {
  let data: Awaited<ReturnType<typeof exportUserData>>;
  beforeAll(async () => {
    data = await exportUserData(ctx.db.prisma, OPERATOR, { userId: subject });
  });

  it('is for organisation admins only', async () => {
    await expect(exportUserData(ctx.db.prisma, { userId: colleague }, { userId: subject })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(exportUserData(ctx.db.prisma, { userId: subject }, { userId: subject })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('contains everything stored about the user, anonymised as stored, and nothing about others', () => {
    expect(data.user).toMatchObject({ id: subject });
    expect(data.memberships).toEqual([expect.objectContaining({ teamId: 'team-dsr', role: 'lead' })]);
    expect(data.conversations).toHaveLength(1);
    const answer = data.conversations[0]!.answers[0]!;
    expect(answer.id).toBe(subjectAnswerId);
    expect(answer.question).toMatch(/\[PERSOON-1\]/);
    expect(answer.question).not.toMatch(/Vries/);
    expect(data.feedback.map((f) => f.answerId).sort()).toEqual([subjectAnswerId, colleagueAnswerId].sort());
    expect(data.feedback.find((f) => f.answerId === subjectAnswerId)!.comment).not.toMatch(/Bakker/);
    expect(data.caseDrafts).toHaveLength(1);
    expect(data.auditEventsAsActor.map((e) => e.action)).toEqual(expect.arrayContaining(['case.draft_created', 'case.stored']));
    expect(data.auditEventsAboutUser.map((e) => e.action)).toEqual(['team.member_added']);
    const json = JSON.stringify(data);
    expect(json).not.toContain('Wat zijn de kernwaarden');
    expect(json).not.toContain(colleague);
  });

  it('is itself recorded in the audit trail', async () => {
    const events = await ctx.db.prisma.auditEvent.findMany({ where: { action: 'privacy.exported' } });
    expect(events).toEqual([expect.objectContaining({ actorId: 'cli:operator', subjectType: 'user', subjectId: subject })]);
  });
});

describe('privacy delete', () => {
  let refusal: unknown;
  let usersAfterRefusal: number;
  let result: DeleteUserDataResult;
  beforeAll(async () => {
    refusal = await deleteUserData(ctx.db.prisma, { userId: colleague }, { userId: subject }).catch((error: unknown) => error);
    usersAfterRefusal = await ctx.db.prisma.user.count({ where: { id: subject } });
    // An export before the erasure, as an admin answering a request would do; the trail keeps both.
    await exportUserData(ctx.db.prisma, OPERATOR, { userId: subject });
    result = await deleteUserData(ctx.db.prisma, OPERATOR, { userId: subject });
  });

  it('is for organisation admins only', () => {
    expect(refusal).toMatchObject({ code: 'forbidden' });
    expect(usersAfterRefusal).toBe(1);
  });

  it('erases the user, their conversations, feedback, drafts and memberships, with counts', async () => {
    expect(result).toMatchObject({
      pseudonym: pseudonymFor(subject),
      user: true,
      memberships: 1,
      conversations: 1,
      answers: 1,
      // their own two votes, and the colleague's vote on their answer (it goes with the answer)
      feedback: 3,
      caseDrafts: 1,
    });
    expect(result.pseudonym).toMatch(/^verwijderd:[0-9a-f]{16}$/);
    expect(await ctx.db.prisma.user.count({ where: { id: subject } })).toBe(0);
    expect(await ctx.db.prisma.conversation.count({ where: { userId: subject } })).toBe(0);
    expect(await ctx.db.prisma.feedback.count({ where: { userId: subject } })).toBe(0);
    expect(await ctx.db.prisma.caseDraft.count({ where: { userId: subject } })).toBe(0);
    expect(await ctx.db.prisma.teamMember.count({ where: { userId: subject } })).toBe(0);
  });

  it("leaves other users' data and the team's stored case alone", async () => {
    expect(await ctx.db.prisma.answer.count({ where: { id: colleagueAnswerId } })).toBe(1);
    expect(await ctx.db.prisma.teamMember.count({ where: { userId: colleague } })).toBe(1);
    expect(await ctx.db.prisma.document.count({ where: { id: storedCaseId } })).toBe(1);
  });

  it('keeps the audit trail, with the user id replaced by the pseudonym everywhere', async () => {
    const pseudonym = pseudonymFor(subject);
    const all = JSON.stringify(await ctx.db.sql.query('SELECT * FROM audit_event'));
    expect(all).not.toContain(subject);
    const theirs = await ctx.db.prisma.auditEvent.findMany({ where: { OR: [{ actorId: pseudonym }, { subjectId: pseudonym }] } });
    expect(theirs.map((e) => e.action)).toEqual(expect.arrayContaining(['case.draft_created', 'case.stored', 'team.member_added', 'privacy.exported', 'privacy.deleted']));
    expect(theirs.find((e) => e.action === 'privacy.deleted')).toMatchObject({ actorId: 'cli:operator', subjectType: 'user', subjectId: pseudonym });
  });

  it('finds nothing the second time, and says so in counts', async () => {
    const again = await deleteUserData(ctx.db.prisma, OPERATOR, { userId: subject });
    expect(again).toMatchObject({ user: false, memberships: 0, conversations: 0, answers: 0, feedback: 0, caseDrafts: 0 });
    const exported = await exportUserData(ctx.db.prisma, OPERATOR, { userId: subject });
    expect(exported).toMatchObject({ user: null, memberships: [], conversations: [], feedback: [], caseDrafts: [], auditEventsAsActor: [] });
    // Neither request brought the erased id back into the trail.
    expect(JSON.stringify(await ctx.db.sql.query('SELECT * FROM audit_event'))).not.toContain(subject);
  });
});

describe('Slack state of a user', () => {
  it('is exported and erased too; as resolver of a colleague\'s hand-off the user stays a pseudonym', async () => {
    const anna = 'slack:T01:UANNA';
    const bram = 'slack:T01:UBRAM';
    await ctx.db.prisma.handoff.create({ data: { teamId: 'team-dsr', askerId: anna } });
    const bramsHandoff = await ctx.db.prisma.handoff.create({ data: { teamId: 'team-dsr', askerId: bram, status: 'resolved', resolvedBy: anna } });
    await ctx.db.prisma.slackForm.create({ data: { userId: anna, form: { id: 'f', title: 'Casus' } } });
    const annasConversation = await ctx.db.prisma.conversation.create({ data: { channel: 'slack', userId: anna } });
    await ctx.db.prisma.conversationThread.create({ data: { threadKey: 'slack:T01:C01:1700000000.000100', userId: anna, conversationId: annasConversation.id } });

    const exported = await exportUserData(ctx.db.prisma, OPERATOR, { userId: anna });
    expect(exported.handoffs).toHaveLength(2);
    expect(exported.slackForms).toHaveLength(1);
    expect(exported.threads).toEqual([expect.objectContaining({ threadKey: 'slack:T01:C01:1700000000.000100', conversationId: annasConversation.id })]);

    const result = await deleteUserData(ctx.db.prisma, OPERATOR, { userId: anna });
    expect(result).toMatchObject({ handoffs: 1, slackForms: 1, threads: 1, conversations: 1 });
    expect(await ctx.db.prisma.handoff.count({ where: { askerId: anna } })).toBe(0);
    expect(await ctx.db.prisma.conversationThread.count({ where: { userId: anna } })).toBe(0);
    expect(await ctx.db.prisma.slackForm.count({ where: { userId: anna } })).toBe(0);
    const kept = await ctx.db.prisma.handoff.findUniqueOrThrow({ where: { id: bramsHandoff.id } });
    expect(kept.resolvedBy).toBe(pseudonymFor(anna));
  });
});
