/**
 * A newcomer walks the whole programme in accelerated time (ManualClock), through the core only:
 * join → start form → buddy → nudges on working days across the DST change → parts, reflection,
 * quiz (one wrong) → later → skip → a question in between → restart → stall → lead view → done.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMemberJoined, handleTurn } from '../../src/assistant/handle-turn.ts';
import type { Reply, Turn } from '../../src/assistant/reply.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { readProgramme } from '../../src/onboarding/programme.ts';
import { ensureMember, isMember } from '../../src/teams/membership.ts';
import { createTestContext, LogCapture, repoRoot, tempDir } from '../support/context.ts';
import { advanceClock } from '../support/advance-clock.ts';
import { expectNoRawIds, recordReplies } from '../support/raw-ids.ts';

const TEAM = 'team-walk';
const NEWCOMER = 'slack:T1:UNEW';
const LEAD = 'slack:T1:ULEAD';
const BUDDY_BUSY = 'slack:T1:UANNA';
const BUDDY_FREE = 'slack:T1:UBOB';
const programme = readProgramme(path.join(repoRoot, 'knowledge', 'onboarding'));

const dataDir = tempDir('wijkwijs-onboarding-walk-');
const clock = new ManualClock('2026-03-20T07:00:00Z'); // Friday 20 March 2026, 08:00 in Amsterdam
const logs = new LogCapture();
let ctx: Awaited<ReturnType<typeof createTestContext>>;
let said: ReturnType<typeof recordReplies> = [];

const open = () => createTestContext({ WIJKWIJS_DATA_DIR: dataDir }, logs, clock);

beforeAll(async () => {
  ctx = await open();
  said = recordReplies(ctx);
  await ingestFiles(ctx, { paths: [path.join(repoRoot, 'knowledge')] });
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: LEAD, displayName: 'Lotte Leider', role: 'lead' });
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: BUDDY_BUSY, displayName: 'Anna Ervaren' });
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: BUDDY_FREE, displayName: 'Bob Ervaren' });
  // Anna already looks after another newcomer, so the rotation should pick Bob.
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: 'slack:T1:UOLD', displayName: 'Eerdere Nieuwe' });
  await ctx.db.prisma.onboardingEnrollment.create({ data: { teamId: TEAM, userId: 'slack:T1:UOLD', status: 'active', startDate: '2026-03-02', buddyId: BUDDY_BUSY, buddyAssignedAt: new Date('2026-03-01T00:00:00Z'), currentModule: programme.modules[0]!.id } });
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

const as = (userId: string, extra: Partial<Turn>): Promise<Reply> => handleTurn(ctx, { channel: 'slack', userId, teamId: TEAM, ...extra });
const say = (userId: string, text: string) => as(userId, { text });
const click = (userId: string, r: Reply, id: string, label?: RegExp) => {
  const action = r.actions.find((a) => a.id === id && (!label || label.test(a.label)));
  if (!action) throw new Error(`no ${id} button in: ${r.text}`);
  return as(userId, { action: { id, value: action.value } });
};
const answer = (r: Reply, correct: boolean) => {
  const m = programme.modules.find((x) => r.text.includes(x.title))!;
  const q = m.quiz.find((x) => r.text.includes(x.question))!;
  const index = correct ? q.correct : (q.correct + 1) % q.options.length;
  return as(NEWCOMER, { action: { id: 'onboarding.answer', value: r.actions.find((a) => a.id === 'onboarding.answer' && a.value.endsWith(`|${index}`))!.value } });
};
const notifications = async (userId: string) =>
  (await ctx.db.prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } })).map((n) => ({ key: n.key ?? '', reply: n.reply as unknown as Reply }));
const enrollment = () => ctx.db.prisma.onboardingEnrollment.findUniqueOrThrow({ where: { teamId_userId: { teamId: TEAM, userId: NEWCOMER } } });

async function advanceTo(iso: string): Promise<void> {
  await advanceClock(ctx, clock, iso);
}

const nudgeDates = async () =>
  (await notifications(NEWCOMER)).map((n) => /^onboarding\.nudge:[^:]+:(\d{4}-\d\d-\d\d)$/.exec(n.key)?.[1]).filter(Boolean) as string[];

describe('onboarding walk through the core', () => {
  let enrollmentId = '';

  it('lets only a lead admit someone who joins the team channel without being a member', async () => {
    await handleMemberJoined(ctx, { channel: 'slack', teamId: TEAM, userId: NEWCOMER, userName: 'Noor Nieuw' });
    // Joining a channel grants nothing by itself: no membership, no programme, only a question to the team.
    expect(await isMember(ctx.db.prisma, NEWCOMER, TEAM)).toBe(false);
    expect(await notifications(NEWCOMER)).toHaveLength(0);
    const question = await ctx.db.prisma.notification.findUniqueOrThrow({ where: { key: `onboarding.admit:${TEAM}:${NEWCOMER}` } });
    expect(question.teamId).toBe(TEAM);
    const admit = (question.reply as unknown as Reply).actions.find((a) => a.id === 'onboarding.admit')!;
    await expect(as(BUDDY_FREE, { action: { id: admit.id, value: admit.value } })).rejects.toThrow(/teamleider/);
    expect(await isMember(ctx.db.prisma, NEWCOMER, TEAM)).toBe(false);
    const done = await as(LEAD, { action: { id: admit.id, value: admit.value } });
    expect(done.replacesSource).toBe(true);
    expect(await isMember(ctx.db.prisma, NEWCOMER, TEAM)).toBe(true);
  });

  it('welcomes a newcomer who joins the team channel with a start-date and time form', async () => {
    await handleMemberJoined(ctx, { channel: 'slack', teamId: TEAM, userId: NEWCOMER, userName: 'Noor Nieuw' }); // a rejoin changes nothing
    const welcome = (await notifications(NEWCOMER)).filter((n) => n.key.startsWith('onboarding.welcome:'));
    expect(welcome).toHaveLength(1);
    expect(welcome[0]!.reply.text).toMatch(/Welkom in het team Noor/);
    const form = welcome[0]!.reply.form!;
    expect(form.fields.map((f) => [f.name, f.kind])).toEqual([['startDate', 'date'], ['nudgeTime', 'time']]);
    const e = await enrollment();
    expect(e.status).toBe('awaiting_start');
    enrollmentId = e.id;
    expect(form.id).toBe(enrollmentId);
    // A colleague cannot start someone else's programme.
    await expect(as(BUDDY_FREE, { action: { id: 'onboarding.start', value: form.id, fields: { startDate: '2026-03-23', nudgeTime: '09:30' } } })).rejects.toThrow(/collega/);
    await expect(as(NEWCOMER, { action: { id: 'onboarding.start', value: form.id, fields: { startDate: '23-03-2026', nudgeTime: '09:30' } } })).rejects.toThrow(/startdatum/);
  });

  it('starts on the chosen date, assigns the least busy buddy and introduces them to each other', async () => {
    const r = await as(NEWCOMER, { action: { id: 'onboarding.start', value: enrollmentId, fields: { startDate: '2026-03-23', nudgeTime: '09:30' } } });
    expect(r.text).toMatch(/maandag 23 maart 2026/);
    expect(r.text).toMatch(/Bob Ervaren/);
    const e = await enrollment();
    expect(e).toMatchObject({ status: 'active', startDate: '2026-03-23', nudgeTime: '09:30', buddyId: BUDDY_FREE, currentModule: programme.modules[0]!.id });
    expect((await notifications(NEWCOMER)).some((n) => n.key === `onboarding.buddy:${enrollmentId}:newcomer:${BUDDY_FREE}` && /Bob Ervaren/.test(n.reply.text))).toBe(true);
    expect((await notifications(BUDDY_FREE)).some((n) => n.key === `onboarding.buddy:${enrollmentId}:buddy:${BUDDY_FREE}` && /Noor Nieuw/.test(n.reply.text))).toBe(true);
    expect(await notifications(BUDDY_BUSY)).toHaveLength(0);
    expect((await say(NEWCOMER, '/overzicht')).text).toMatch(new RegExp(`module 1 van ${programme.modules.length}`));
    expect((await say(BUDDY_FREE, '/overzicht')).text).toMatch(/buddy van 1 nieuwe collega/);
  });

  it('nudges on the start day at 09:30 local time, not before and not at the weekend', async () => {
    await advanceTo('2026-03-23T08:29:00Z'); // weekend passed, 09:29 on Monday
    expect(await nudgeDates()).toEqual([]);
    await advanceTo('2026-03-23T08:31:00Z');
    expect(await nudgeDates()).toEqual(['2026-03-23']);
    const nudge = (await notifications(NEWCOMER)).at(-1)!.reply;
    expect(nudge.text).toContain(programme.modules[0]!.parts[0]!.text);
    expect(nudge.citations[0]?.source).toMatch(/knowledge\/handboek\/missie-en-opdracht\.md$/);
  });

  it('reads the parts with Verder, acknowledges the reflection without storing it, and explains a wrong answer', async () => {
    let r = (await notifications(NEWCOMER)).at(-1)!.reply;
    const first = programme.modules[0]!;
    for (let i = 1; i < first.parts.length; i++) {
      r = await click(NEWCOMER, r, 'onboarding.next');
      expect(r.text).toContain(first.parts[i]!.text);
      expect(r.citations.length).toBe(1);
      expect(r.text).toMatch(/\[1\]/);
    }
    const stale = r;
    r = await click(NEWCOMER, r, 'onboarding.next');
    expect(r.form?.submit.id).toBe('onboarding.reflect');
    expect(r.text).toContain(first.reflection);
    // An old "Verder" clicked twice does not skip the reflection.
    const again = await click(NEWCOMER, stale, 'onboarding.next');
    expect(again.text).toMatch(/al verder/);
    expect(again.form?.submit.id).toBe('onboarding.reflect');

    r = await as(NEWCOMER, { action: { id: 'onboarding.reflect', value: r.form!.id, fields: { antwoord: 'Ik nam bij mevrouw Jansen aan de Dorpsstraat alles over.' } } });
    expect(r.text).toMatch(/bewaar ik niet/);
    const dump = await ctx.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM notification WHERE reply::text ILIKE '%Jansen%'`);
    expect(dump[0]!.n).toBe(0);
    expect(logs.text).not.toMatch(/Jansen/);

    const firstQuestion = r;
    r = await answer(r, false);
    const q = first.quiz[0]!;
    expect(r.text).toMatch(/Niet helemaal/);
    expect(r.text).toContain(q.options[q.correct]!);
    expect(r.text).toContain(q.explanation);
    // The same question answered again (a double click) is not counted twice.
    const repeat = await answer(firstQuestion, true);
    expect(repeat.text).toMatch(/al beantwoord/);
    for (let i = 1; i < first.quiz.length; i++) r = await answer(r, true);
    expect(r.text).toMatch(new RegExp(`Je had ${first.quiz.length - 1} van ${first.quiz.length}`));
    expect(r.text).toContain(first.task!);
    expect(r.text).toContain(programme.modules[1]!.title);
    const progress = await ctx.db.prisma.onboardingModuleProgress.findUniqueOrThrow({ where: { enrollmentId_moduleId: { enrollmentId, moduleId: first.id } } });
    expect(progress).toMatchObject({ status: 'completed', quizScore: first.quiz.length - 1, quizTotal: first.quiz.length, attempts: first.quiz.length });
    expect(await ctx.db.prisma.onboardingQuizAnswer.count({ where: { enrollmentId } })).toBe(first.quiz.length);
  });

  it('answers a question in between with citations and then resumes at the same place', async () => {
    const before = await enrollment();
    const r = await say(NEWCOMER, 'Hoe lang heb ik om de hulpvraag te verkennen?');
    expect(r.mode).toBe('extractive');
    expect(r.text).toMatch(/zes weken/i);
    expect(r.citations.some((c) => c.source.includes('handboek/werkwijze.md'))).toBe(true);
    // The programme's own files are not answer knowledge.
    expect(r.citations.some((c) => c.source.includes('onboarding'))).toBe(false);
    const after = await enrollment();
    expect([after.currentModule, after.currentStep]).toEqual([before.currentModule, before.currentStep]);
    expect(await ctx.db.prisma.document.count({ where: { sourceKey: { contains: 'onboarding' } } })).toBe(0);
    const resumed = await say(NEWCOMER, '/onboarding verder');
    expect(resumed.text).toContain(programme.modules[1]!.parts[0]!.text);
    expect((await enrollment()).currentStep).toBe(before.currentStep);
  });

  it('waits for the next module until it is due, then "later" postpones to the next working day', async () => {
    await advanceTo('2026-03-25T12:00:00Z'); // module 2 is due on the fourth working day
    expect(await nudgeDates()).toEqual(['2026-03-23']);
    await advanceTo('2026-03-26T08:31:00Z');
    expect(await nudgeDates()).toEqual(['2026-03-23', '2026-03-26']);
    const nudge = (await notifications(NEWCOMER)).at(-1)!.reply;
    expect(nudge.text).toContain(programme.modules[1]!.parts[0]!.text);
    const later = await click(NEWCOMER, nudge, 'onboarding.later');
    expect(later.text).toMatch(/vrijdag 27 maart 2026 09:30/);
    await advanceTo('2026-03-27T08:29:00Z');
    expect(await nudgeDates()).toEqual(['2026-03-23', '2026-03-26']);
    await advanceTo('2026-03-27T08:31:00Z');
    expect(await nudgeDates()).toEqual(['2026-03-23', '2026-03-26', '2026-03-27']);
    expect((await notifications(NEWCOMER)).at(-1)!.reply.text).toMatch(/verdergaan waar je was/);
  });

  it('finishes module 2 by typing "verder" and skips module 3 with "sla over"', async () => {
    // The bare word works like the command for a newcomer; for a colleague it stays a question.
    const colleague = await say(BUDDY_FREE, 'verder');
    expect(colleague.mode).not.toBe('notice');
    let r = await say(NEWCOMER, 'Verder');
    const second = programme.modules[1]!;
    expect(r.text).toContain(second.parts[1]!.text);
    while (r.actions.some((a) => a.id === 'onboarding.next') || r.form) {
      r = r.form ? await as(NEWCOMER, { action: { id: 'onboarding.reflect', value: r.form.id } }) : await click(NEWCOMER, r, 'onboarding.next');
    }
    for (let i = 0; i < second.quiz.length; i++) r = await answer(r, true);
    expect(r.text).toMatch(new RegExp(`Je had ${second.quiz.length} van ${second.quiz.length}`));
    const skipped = await say(NEWCOMER, '/onboarding sla over');
    expect(skipped.text).toContain(`Module "${programme.modules[2]!.title}" sla ik over`);
    expect(skipped.text).toContain(programme.modules[3]!.title);
    expect((await enrollment()).currentModule).toBe(programme.modules[3]!.id);
  });

  it('keeps nudging at 09:30 local time after the switch to summer time, and never at the weekend', async () => {
    await advanceTo('2026-04-01T12:00:00Z');
    const rows = await ctx.db.sql.query<{ key: string; run_at: Date; status: string }>(`SELECT key, run_at, status FROM job WHERE key LIKE $1 ORDER BY run_at`, [`onboarding.nudge:${enrollmentId}:%`]);
    const byDate = new Map(rows.map((r) => [r.key.split(':').at(-1)!, r]));
    expect(new Date(byDate.get('2026-03-27')!.run_at).toISOString()).toBe('2026-03-27T08:30:00.000Z'); // CET
    expect(new Date(byDate.get('2026-03-30')!.run_at).toISOString()).toBe('2026-03-30T07:30:00.000Z'); // CEST
    expect(new Date(byDate.get('2026-04-02')!.run_at).toISOString()).toBe('2026-04-02T07:30:00.000Z');
    expect(byDate.has('2026-03-28') || byDate.has('2026-03-29')).toBe(false);
    // Module 4 is not due before 6 April: no nudges in between.
    expect(await nudgeDates()).toEqual(['2026-03-23', '2026-03-26', '2026-03-27']);
  });

  it('survives a restart: progress intact and the jobs go on', async () => {
    const before = await enrollment();
    await ctx.close();
    ctx = await open();
    recordReplies(ctx, said);
    const after = await enrollment();
    expect(after).toMatchObject({ currentModule: before.currentModule, currentStep: before.currentStep, buddyId: BUDDY_FREE, status: 'active' });
    expect(await ctx.db.prisma.onboardingModuleProgress.count({ where: { enrollmentId } })).toBe(3);
    // Monday 6 April is Tweede Paasdag: module 4 is due on the Tuesday, and nobody is nudged on the holiday.
    await advanceTo('2026-04-06T07:31:00Z');
    expect(await nudgeDates()).toEqual(['2026-03-23', '2026-03-26', '2026-03-27']);
    await advanceTo('2026-04-07T07:31:00Z');
    expect(await nudgeDates()).toEqual(['2026-03-23', '2026-03-26', '2026-03-27', '2026-04-07']);
    expect((await notifications(NEWCOMER)).at(-1)!.reply.text).toContain(programme.modules[3]!.parts[0]!.text);
  }, 30_000);

  it('tells the buddy once when the newcomer stalls, and shows it in the lead view', async () => {
    await advanceTo('2026-04-08T12:00:00Z');
    expect((await notifications(BUDDY_FREE)).filter((n) => n.key.startsWith('onboarding.stalled:'))).toHaveLength(0);
    await advanceTo('2026-04-10T07:31:00Z'); // three working days after module 4 became due
    await advanceTo('2026-04-14T07:31:00Z');
    const stalled = (await notifications(BUDDY_FREE)).filter((n) => n.key.startsWith('onboarding.stalled:'));
    expect(stalled).toHaveLength(1);
    expect(stalled[0]!.reply.text).toMatch(/Noor Nieuw is al 3 werkdagen/);

    const view = await say(LEAD, '/onboarding status');
    expect(view.text).toMatch(/Noor Nieuw\*\* ⚠️ loopt vast: \d werkdagen stil/);
    expect(view.text).toContain(`module 4 van ${programme.modules.length}`);
    expect(view.text).toContain(`${programme.modules[0]!.title}: ${programme.modules[0]!.quiz.length - 1}/${programme.modules[0]!.quiz.length}`);
    expect(view.text).toContain(`${programme.modules[1]!.title}: ${programme.modules[1]!.quiz.length}/${programme.modules[1]!.quiz.length}`);
    expect(view.text).toContain(`${programme.modules[2]!.title}: overgeslagen`);
    expect(view.text).toMatch(/buddy: Bob Ervaren/);
    await expect(say(NEWCOMER, '/onboarding status')).rejects.toThrow(/teamleider/);

    await expect(as(BUDDY_BUSY, { action: { id: 'onboarding.buddy-ack', value: enrollmentId } })).rejects.toThrow(/buddy/);
    const ack = await as(BUDDY_FREE, { action: { id: 'onboarding.buddy-ack', value: enrollmentId } });
    expect(ack.text).toMatch(/Noor Nieuw/);
    const own = await say(NEWCOMER, '/onboarding');
    expect(own.text).toMatch(/Jouw inwerkprogramma/);
    expect(own.text).toContain(programme.modules[3]!.title);
  });

  it('completes the programme, congratulates and tells the buddy and the lead', async () => {
    let r = await say(NEWCOMER, '/onboarding verder');
    for (let guard = 0; guard < 200 && !/Gefeliciteerd/.test(r.text); guard++) {
      if (r.form) r = await as(NEWCOMER, { action: { id: 'onboarding.reflect', value: r.form.id } });
      else if (r.actions.some((a) => a.id === 'onboarding.answer')) r = await answer(r, true);
      else r = await click(NEWCOMER, r, 'onboarding.next');
    }
    expect(r.text).toMatch(/Gefeliciteerd/);
    expect(r.text).toContain(`${programme.modules.length - 1} van ${programme.modules.length} modules gedaan, 1 overgeslagen`);
    expect((await enrollment()).status).toBe('completed');
    for (const who of [BUDDY_FREE, LEAD]) {
      expect((await notifications(who)).some((n) => n.key === `onboarding.completed:${enrollmentId}:${who}` && /Noor Nieuw heeft het inwerkprogramma afgerond/.test(n.reply.text))).toBe(true);
    }
    const pending = await ctx.db.sql.query(`SELECT id FROM job WHERE status = 'pending' AND key LIKE $1`, [`onboarding.nudge:${enrollmentId}:%`]);
    expect(pending).toHaveLength(0);
    const view = await say(LEAD, '/onboarding status');
    expect(view.text).toMatch(/Noor Nieuw\*\*\n• afgerond/);
  });
});

describe('what people read', () => {
  it('names people and never shows their platform id', () => {
    expectNoRawIds(said);
  });
});
