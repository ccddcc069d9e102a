/**
 * Who is away, through Slack: coaches enter leave or sickness as a date range; the vier-ogen rotation
 * and the buddy choice skip them, a check waiting for someone who leaves goes on to a colleague,
 * nudges and follow-up reminders wait until they are back, intervisie reminders skip them, and the
 * lead's /overzicht shows who is away and who reviewed how often. In Teams, a lead enters it for a
 * colleague from the card.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { scheduleFollowUpReminder } from '../../src/consultations/twintig-ogen/follow-ups.ts';
import { createSlots } from '../../src/intervision/create-slots.ts';
import { signUp } from '../../src/intervision/sign-up.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { advanceClock } from '../support/advance-clock.ts';
import type { TestContext } from '../support/context.ts';
import { expectNoRawIds } from '../support/raw-ids.ts';
import { msTeamsAppFor } from '../msteams/support/serve.ts';
import { cardOf, findAction, inputsOf, person, userIdOf } from '../msteams/support/teams-client.ts';
import { featureButton } from '../slack/support/flow-helpers.ts';
import { dm, sid, slackAppFor, slackTeam } from '../slack/support/slack-app.ts';
import { requestCheck } from '../slack/support/vier-ogen.ts';

const clock = new ManualClock('2026-05-04T08:00:00Z'); // Monday 10:00 in Amsterdam
const app = slackAppFor({ clock });
const TEAM = 'ab-slack';
const CHANNEL = 'CABSENCE';
const [LEAD, REQ, ANNA, BOB, COR, NEW] = ['UABLEAD', 'UABREQ', 'UABANNA', 'UABBOB', 'UABCOR', 'UABNEW'];
const colleagues = [LEAD, ANNA, BOB, COR, NEW];
let ctx: TestContext;

beforeAll(async () => {
  ctx = app.ctx();
  await slackTeam(app, TEAM, [[LEAD, 'Lotte Leider', 'lead'], [REQ, 'Rik Vrager'], [ANNA, 'Anna Appel'], [BOB, 'Bob Boom'], [COR, 'Cor Cornelis'], [NEW, 'Noor Nieuw']]);
});

const say = (user: string, command: string, text: string) => app.slack().command(user, dm(user), command, text);
const toDm = (user: string, match: RegExp) => app.slack().next('chat.postMessage', (a) => a.channel === dm(user) && match.test(a.text));
const enrollment = () => ctx.db.prisma.onboardingEnrollment.findUniqueOrThrow({ where: { teamId_userId: { teamId: TEAM, userId: sid(NEW) } } });
const nudgeDates = async () =>
  (await ctx.db.prisma.notification.findMany({ where: { userId: sid(NEW), key: { startsWith: 'onboarding.nudge:' } }, orderBy: { createdAt: 'asc' } })).map((n) => n.key!.split(':').at(-1));

describe('absence', () => {
  it('takes a date range with a kind, lists it with a button to call it off, and refuses nonsense in Dutch', async () => {
    await say(ANNA, '/afwezig', '2026-05-04 t/m 2026-05-08 verlof');
    await toDm(ANNA, /^Genoteerd: verlof van maandag 4 mei 2026 t\/m vrijdag 8 mei 2026\./);
    await say(ANNA, '/afwezig', '2026-05-20 t/m 2026-05-22 verlof');
    await say(ANNA, '/afwezig', '');
    const list = await toDm(ANNA, /Je afwezigheid:/);
    expect(list.args.text).toMatch(/• verlof van maandag 4 mei 2026 t\/m vrijdag 8 mei 2026\n• verlof van woensdag 20 mei 2026 t\/m vrijdag 22 mei 2026/);
    await app.slack().click(ANNA, list, featureButton(list, 'absence.end', /Intrekken/));
    await app.slack().next('chat.update', (a) => /ingetrokken/.test(a.text));
    expect(await ctx.db.prisma.memberAbsence.count({ where: { userId: sid(ANNA) } })).toBe(1);

    await say(ANNA, '/afwezig', '2026-05-10 t/m 2026-05-01');
    await app.slack().next('response_url', (a) => /einddatum ligt vóór de begindatum/.test(a.text));
    await say(ANNA, '/afwezig', '31-02-2026');
    await app.slack().next('response_url', (a) => /\/afwezig 2026-04-06 t\/m 2026-04-10 verlof/.test(a.text));
  });

  it('skips whoever is away in the vier-ogen rotation, and hands a waiting check on when the asked colleague leaves', async () => {
    const slack = app.slack();
    const { reviewer, ask } = await requestCheck(slack, { requester: REQ, channel: CHANNEL, colleagues, indication: 'Begeleid wonen bij aanbieder Y, want zelfstandig wonen lukt niet meer.' });
    // Anna would be first by id, but she is on leave.
    expect(reviewer).toBe(BOB);
    await say(BOB, '/afwezig', 'tot 2026-05-05');
    const handedOn = await slack.next('chat.update', (a) => a.channel === dm(BOB) && a.ts === ask.result!.ts);
    expect(handedOn.args.text).toMatch(/Je bent afwezig; ik heb deze vier-ogen check aan een collega doorgegeven/);
    const next = await slack.next('chat.postMessage', (a) => /vraagt je om een vier-ogen check/.test(a.text));
    expect(next.args.channel).toBe(dm(COR));
    expect(next.args.text).toMatch(/^<@UABREQ> vraagt je om een vier-ogen check/);
    await slack.click(COR, next, featureButton(next, 'vierogen.agree'));
    await slack.next('chat.postMessage', (a) => a.channel === dm(REQ) && /^<@UABCOR> heeft je vier-ogen check bekeken: akkoord/.test(a.text));
  });

  it('chooses a buddy who is there, and lets the nudges wait while the newcomer is away', async () => {
    await say(NEW, '/onboarding', 'start 2026-05-06');
    await toDm(NEW, /^Top! Je start op woensdag 6 mei 2026/);
    const e = await enrollment();
    // Anna and Bob are away; of the others the rotation takes the first by id.
    expect(e.buddyId).toBe(sid(COR));
    await say(NEW, '/afwezig', '2026-05-07 t/m 2026-05-08 ziek');
    await toDm(NEW, /^Genoteerd: ziek van donderdag 7 mei 2026 t\/m vrijdag 8 mei 2026/);
  });

  it('keeps reminders from someone away until they are back, and gives the stall of their newcomer to the lead', async () => {
    const slot = (await createSlots(ctx, { teamId: TEAM, createdBy: sid(LEAD), title: 'Intervisie mei', method: 'incidentmethode', facilitatorId: sid(LEAD), date: '2026-05-12', time: '14:00', durationMinutes: 90, place: 'Kamer 2', capacity: 8, recurrence: 'eenmalig', occurrences: 1 }))[0]!;
    for (const u of [LEAD, BOB]) await signUp(ctx, { slotId: slot.id, userId: sid(u) });
    const request = await ctx.db.prisma.consultationRequest.create({ data: { teamId: TEAM, requesterId: sid(BOB), status: 'discussed', summary: 'Schulden', dilemma: '1', question: 'Wat nu?' } });
    const followUp = await ctx.db.prisma.consultationFollowUp.create({ data: { teamId: TEAM, requestId: request.id, ownerId: sid(BOB), text: 'Contact met de schuldhulp opnemen.', dueDate: '2026-05-11' } });
    await scheduleFollowUpReminder(ctx, followUp, followUp.dueDate, 'Europe/Amsterdam');

    await say(BOB, '/afwezig', '2026-05-11 t/m 2026-05-12 verlof');
    // The newcomer's buddy will be away when the newcomer stalls: the lead stands in.
    await say(COR, '/afwezig', '2026-05-13 t/m 2026-05-15 verlof');
    const told = await toDm(BOB, /Je bent afwezig tijdens intervisie waarvoor je bent aangemeld/);
    expect(told.args.text).toMatch(/Intervisie mei, dinsdag 12 mei 2026 14:00/);
    expect(featureButton(told, 'intervisie.cancel').text.text).toBe('Afmelden dinsdag 12 mei 2026');

    app.slack().step();
    await advanceClock(ctx, clock, '2026-05-11T10:00:00Z');
    expect(await nudgeDates()).toEqual(['2026-05-06', '2026-05-11']);
    await advanceClock(ctx, clock, '2026-05-12T21:00:00Z');
    await app.slack().next('chat.postMessage', (a) => a.channel === dm(LEAD) && /^Morgen is er intervisie/.test(a.text));
    await app.slack().none('chat.postMessage', (a) => a.channel === dm(BOB) && /intervisie|Herinnering/.test(a.text));
    await advanceClock(ctx, clock, '2026-05-13T07:30:00Z'); // Wednesday 09:30, Bob is back
    await app.slack().next('chat.postMessage', (a) => a.channel === dm(BOB) && /^Herinnering: vandaag zou je afspraak uit de casusbespreking klaar zijn/.test(a.text));
    // Three working days without a step since the newcomer was back: the lead hears it, not the buddy on leave.
    await app.slack().next('chat.postMessage', (a) => a.channel === dm(LEAD) && /^<@UABNEW> is al 3 werkdagen niet verder gegaan/.test(a.text));
    expect(app.api().calls.some((c) => c.method === 'chat.postMessage' && c.args.channel === dm(COR) && /werkdagen niet verder/.test(c.args.text))).toBe(false);
  });

  it('shows the lead who is away and who reviewed how often', async () => {
    clock.set('2026-05-20T08:00:00Z');
    await say(ANNA, '/afwezig', '2026-05-20 ziek');
    await say(LEAD, '/overzicht', '');
    const overview = await toDm(LEAD, /\*\*Team ab-slack\*\*/);
    expect(overview.args.text).toMatch(/Nu afwezig: <@UABANNA>: ziek op woensdag 20 mei 2026\./);
    expect(overview.args.text).toMatch(/Vier ogen, laatste 90 dagen: <@UABCOR> 1× beoordeeld \(1× gevraagd\), <@UABBOB> 0× beoordeeld \(1× gevraagd\),.* <@UABANNA> 0× beoordeeld \(0× gevraagd\)/);
  });

  it('never shows anyone by their platform id', () => {
    expectNoRawIds(app.said(), { also: [LEAD, REQ, ANNA, BOB, COR, NEW] });
  });
});

describe('absence in Teams', () => {
  const TEAM = 'ab-teams';
  const lead = person('ab-lead', 'Lies Leider');
  const coach = person('ab-coach', 'Cas Coach');
  const { ctx: context, teams } = msTeamsAppFor({ clock, roster: [lead, coach] });

  beforeAll(async () => {
    clock.set('2026-05-04T08:00:00Z');
    await ensureMember(context().db.prisma, { teamId: TEAM, userId: userIdOf(lead), role: 'lead' });
    await ensureMember(context().db.prisma, { teamId: TEAM, userId: userIdOf(coach) });
    for (const p of [lead, coach]) await teams.installPersonally(p);
  });

  it('names afwezig and beheer in the help', async () => {
    const [help] = await teams.say(coach, 'help', { personal: true });
    expect(help!.body.text).toMatch(/Verder ken ik \(zonder \/\): .*\bafwezig\b.*/);
    expect(help!.body.text).toMatch(/\bbeheer\b/);
  });

  it('lets a lead enter a colleague’s leave from the card; the colleague hears who did', async () => {
    const [formMessage] = await teams.say(lead, 'afwezig', { personal: true });
    const card = cardOf(formMessage);
    expect(inputsOf(card).find((i) => i.id === 'field.who').choices.map((c: any) => c.title)).toEqual(['Ik zelf', 'Cas Coach']);
    const done = await teams.click(lead, card, findAction(card, 'absence.submit'), { personal: true }, { who: userIdOf(coach), startsOn: '2026-05-11', endsOn: '2026-05-15', kind: 'verlof' });
    const toCoach = done.posted.filter((m) => m.conversationId === teams.personalChat(coach)).map((m) => m.body.text);
    expect(toCoach).toEqual([expect.stringMatching(/^Lies Leider heeft voor je genoteerd dat je afwezig bent van maandag 11 mei 2026 t\/m vrijdag 15 mei 2026/)]);
    expect(await context().db.prisma.memberAbsence.findMany({ where: { teamId: TEAM }, select: { userId: true, kind: true, recordedBy: true } })).toEqual([{ userId: userIdOf(coach), kind: 'verlof', recordedBy: userIdOf(lead) }]);
  });
});
