/**
 * A newcomer through the onboarding programme end to end in Slack: joining the linked channel, the
 * lead's admission click, the start modal, buddy DMs, nudges on working days as the clock moves,
 * the buttons in the DM, a question in between, and the lead's overview.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { readProgramme } from '../../src/onboarding/programme.ts';
import { ensureMember, isMember } from '../../src/teams/membership.ts';
import { LogCapture, repoRoot, type TestContext } from '../support/context.ts';
import { expectNoRawIds } from '../support/raw-ids.ts';
import { dm, sid, slackAppFor } from './support/slack-app.ts';
import { eventCallback, messageTs, postEvent, WORKSPACE, type FakeSlack, type SlackCall } from './support/fake-slack.ts';
import { buttonsOf, coreValue, createDriver, featureButton, field, formButton, modalOf } from './support/flow-helpers.ts';
import { advanceClock } from '../support/advance-clock.ts';

const clock = new ManualClock('2026-03-13T08:00:00Z'); // Friday 09:00 in Amsterdam
const programme = readProgramme(path.join(repoRoot, 'knowledge', 'onboarding'));
const logs = new LogCapture();
const app = slackAppFor({ clock, logs, ingest: true });
let ctx: TestContext;
let slackApi: FakeSlack;
let slack: ReturnType<typeof app.slack>;

const TEAM = 'sl-onboarding';
const CHANNEL = 'CONBOARDING';
const [ADMIN, LEAD, BOB, NEW] = ['UOBADMIN', 'UOBLEAD', 'UOBBOB', 'UOBNEW'];
const NEW_DM = 'DOBNEW';

beforeAll(async () => {
  ({ ctx, slackApi, slack } = { ctx: app.ctx(), slackApi: app.api(), slack: app.slack() });
  slackApi.names.set(NEW, 'Noor Nieuw');
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(ADMIN), displayName: 'Olga Admin', role: 'admin' });
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(LEAD), displayName: 'Lotte Leider', role: 'lead' });
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(BOB), displayName: 'Bob Ervaren' });
});

const enrollment = () => ctx.db.prisma.onboardingEnrollment.findUniqueOrThrow({ where: { teamId_userId: { teamId: TEAM, userId: sid(NEW) } } });

async function advanceTo(iso: string): Promise<void> {
  slack.step();
  await advanceClock(ctx, clock, iso);
}

/** What the bot said next to the newcomer in their DM: a normal message, so it stays in the conversation. */
const toNewcomer = (match: RegExp) => slack.next('chat.postMessage', (a) => a.channel === NEW_DM && match.test(a.text));
/** The daily nudges (not the replies to clicks), which open with a greeting. */
const nudgesSoFar = () => slackApi.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === NEW_DM && /^(Goedemorgen! Er staat een nieuwe module|Hoi! Zullen we verdergaan)/.test(c.args.text));

/** Answers the quiz question shown in `message` by clicking a button; right or wrong on purpose. */
async function answer(message: SlackCall, correct: boolean): Promise<void> {
  const m = programme.modules.find((x) => message.args.text.includes(x.title))!;
  const q = m.quiz.find((x) => message.args.text.includes(x.question))!;
  const index = correct ? q.correct : (q.correct + 1) % q.options.length;
  const button = buttonsOf(message).find((b) => b.action_id.startsWith('wijkwijs.act') && /onboarding\.answer/.test(b.value) && coreValue(b).endsWith(`|${index}`))!;
  await slack.click(NEW, message, button);
}

describe('onboarding through Slack', () => {
  let admission: SlackCall;
  let welcome: SlackCall;
  let latest: SlackCall;

  it('asks the team channel to admit someone who joins it without being a member', async () => {
    await linkChannel();
    slack.step();
    const joined = await postEvent(app.url(), eventCallback({ type: 'member_joined_channel', user: NEW, channel: CHANNEL, channel_type: 'C', team: WORKSPACE, inviter: LEAD, ts: messageTs() }));
    expect(joined.status).toBe(200);
    admission = await slack.next('chat.postMessage', (a) => a.channel === CHANNEL && /<@UOBNEW> is bij het teamkanaal gekomen/.test(a.text));
    expect(featureButton(admission, 'onboarding.admit').text.text).toBe('Toevoegen en inwerken');
    await slack.none('chat.postMessage', (a) => a.channel === NEW_DM);
    expect(await isMember(ctx.db.prisma, sid(NEW), TEAM)).toBe(false);

    await slack.click(BOB, admission, featureButton(admission, 'onboarding.admit'));
    await slack.next('chat.postEphemeral', (a) => a.user === BOB && /teamleider/.test(a.text));
    expect(await isMember(ctx.db.prisma, sid(NEW), TEAM)).toBe(false);

    await slack.click(LEAD, admission, featureButton(admission, 'onboarding.admit'));
    const admitted = await slack.next('chat.update', (a) => a.channel === CHANNEL && a.ts === admission.result!.ts);
    expect(admitted.args.text).toMatch(/is toegevoegd aan team sl-onboarding/);
    expect(buttonsOf(admitted)).toEqual([]);
    welcome = await toNewcomer(/^Welkom in het team/);
    expect(formButton(welcome).action_id).toBe('wijkwijs.form.notification');
    expect(await isMember(ctx.db.prisma, sid(NEW), TEAM)).toBe(true);
  });

  it('starts from the modal in the DM and introduces the buddy to both', async () => {
    await slack.click(NEW, welcome, formButton(welcome));
    const modal = await slack.next('views.open', modalOf(/^Start van je inwerk/));
    expect(field(modal, 'startDate').element).toMatchObject({ type: 'datepicker', initial_date: '2026-03-13' });
    expect(field(modal, 'nudgeTime').element.type).toBe('timepicker');
    await slack.submit(NEW, modal, { startDate: '2026-03-16', nudgeTime: '09:30' });
    latest = await toNewcomer(/^Top! Je start op maandag 16 maart 2026/);
    const e = await enrollment();
    expect(e).toMatchObject({ status: 'active', startDate: '2026-03-16', nudgeTime: '09:30' });
    expect(e.buddyId).toMatch(new RegExp(`^slack:${WORKSPACE}:U`));
    const buddy = e.buddyId!.split(':')[2]!;
    expect([ADMIN, LEAD, BOB]).toContain(buddy);
    await toNewcomer(/Je buddy is/);
    const toBuddy = await slack.next('chat.postMessage', (a) => a.channel === dm(buddy) && /Je bent buddy van \*\*<@UOBNEW>\*\*/.test(a.text));
    expect(toBuddy.args.text).toMatch(/maandag 16 maart 2026/);
  });

  it('nudges by DM on the start day at the chosen time, not at the weekend', async () => {
    await advanceTo('2026-03-16T08:29:00Z'); // the weekend passed; 09:29 on Monday
    expect(nudgesSoFar()).toHaveLength(0);
    await advanceTo('2026-03-16T08:31:00Z');
    latest = await toNewcomer(/Module 1 van \d+/);
    expect(nudgesSoFar()).toHaveLength(1);
    expect(latest.args.text).toContain(programme.modules[0]!.parts[0]!.text);
    expect(JSON.stringify(latest.args.blocks)).toContain('Bronnen');
    expect(featureButton(latest, 'onboarding.next').text.text).toBe('Verder');
  });

  it('goes through the parts with Verder, the reflection in a modal, and explains a wrong quiz answer', async () => {
    const first = programme.modules[0]!;
    for (let i = 1; i < first.parts.length; i++) {
      await slack.click(NEW, latest, featureButton(latest, 'onboarding.next'));
      latest = await toNewcomer(new RegExp(`deel ${i + 1} van ${first.parts.length}`));
      expect(latest.args.text).toContain(first.parts[i]!.text);
    }
    await slack.click(NEW, latest, featureButton(latest, 'onboarding.next'));
    const reflection = await slack.next('views.open', modalOf(/^Reflectie/));
    await toNewcomer(/even stilstaan/);
    await slack.submit(NEW, reflection, { antwoord: 'Ik nam bij mevrouw Jansen aan de Dorpsstraat alles over.' });
    latest = await toNewcomer(/bewaar|quizvraag 1 van/);
    expect(latest.args.text).toContain(first.quiz[0]!.question);
    expect(JSON.stringify(slackApi.calls.filter((c) => c.method !== 'views.open'))).not.toMatch(/Jansen/);
    expect(logs.text).not.toMatch(/Jansen/);

    await answer(latest, false);
    latest = await toNewcomer(/Niet helemaal/);
    const q = first.quiz[0]!;
    expect(latest.args.text).toContain(q.options[q.correct]!);
    expect(latest.args.text).toContain(q.explanation);
    for (let i = 1; i < first.quiz.length; i++) {
      await answer(latest, true);
      latest = await toNewcomer(/Goed!/);
    }
    expect(latest.args.text).toMatch(new RegExp(`Je had ${first.quiz.length - 1} van ${first.quiz.length}`));
    expect(latest.args.text).toContain(programme.modules[1]!.title);
  });

  it('postpones with Later and skips a module with Sla over, from the nudges', async () => {
    await advanceTo('2026-03-19T08:31:00Z'); // module 2 is due on the fourth working day
    latest = await toNewcomer(/Module 2 van/);
    expect(nudgesSoFar()).toHaveLength(2);
    await slack.click(NEW, latest, featureButton(latest, 'onboarding.later'));
    await toNewcomer(/vrijdag 20 maart 2026 09:30/);
    await advanceTo('2026-03-20T08:29:00Z');
    expect(nudgesSoFar()).toHaveLength(2);
    await advanceTo('2026-03-20T08:31:00Z');
    latest = await toNewcomer(/verdergaan waar je was/);
    await slack.click(NEW, latest, featureButton(latest, 'onboarding.skip'));
    latest = await toNewcomer(/sla ik over/);
    expect(latest.args.text).toContain(`Module "${programme.modules[1]!.title}" sla ik over`);
    expect(latest.args.text).toContain(programme.modules[2]!.title);
  });

  it('answers a question in between with sources, then resumes where the newcomer was', async () => {
    const before = await enrollment();
    await slack.command(NEW, NEW_DM, '/vraag', 'Hoe lang heb ik om de hulpvraag te verkennen?');
    const answer = await toNewcomer(/zes weken/i);
    expect(answer.args.text).toMatch(/\[1\]/);
    expect(answer.args.text).toMatch(/Bronnen:[\s\S]*Werkwijze/i);
    const after = await enrollment();
    expect([after.currentModule, after.currentStep]).toEqual([before.currentModule, before.currentStep]);

    await slack.command(NEW, NEW_DM, '/onboarding', 'verder');
    latest = await toNewcomer(/Module 3 van/);
    expect(latest.args.text).toContain(programme.modules[2]!.parts[0]!.text);
  });

  it('shows the lead where the newcomer is and the quiz results', async () => {
    await slack.command(NEW, CHANNEL, '/onboarding', 'status');
    await slack.next('response_url', (a) => /teamleider/.test(a.text));
    await slack.command(LEAD, CHANNEL, '/onboarding', 'status');
    const view = await slack.next('chat.postEphemeral', (a) => a.user === LEAD && a.channel === CHANNEL);
    expect(view.args.text).toMatch(/\*\*<@UOBNEW>\*\*/);
    expect(view.args.text).toMatch(/buddy: <@UOB(ADMIN|LEAD|BOB)>/);
    expect(view.args.text).toContain(`module 3 van ${programme.modules.length}`);
    expect(view.args.text).toContain(`${programme.modules[0]!.title}: ${programme.modules[0]!.quiz.length - 1}/${programme.modules[0]!.quiz.length}`);
    expect(view.args.text).toContain(`${programme.modules[1]!.title}: overgeslagen`);
  });
});

async function linkChannel(): Promise<void> {
  const linked = await slack.command(ADMIN, CHANNEL, '/wijkwijs', `koppel ${TEAM}`);
  expect((await linked.json()).text).toMatch(/gekoppeld aan team sl-onboarding/);
}

describe('what people read', () => {
  it('names people and never shows their platform id', () => {
    expectNoRawIds(app.said());
  });
});
