/**
 * A lead enrols a newcomer with a start date and a chosen buddy, in Slack (modal) and Teams (card);
 * newcomer and buddy hear who the other is; the newcomer may move the start only as far as the team
 * allows; the lead sees it in /onboarding status and changes the buddy later.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import type { TestContext } from '../support/context.ts';
import { expectNoRawIds } from '../support/raw-ids.ts';
import { msTeamsAppFor } from '../msteams/support/serve.ts';
import { cardOf, findAction, inputsOf, person, userIdOf } from '../msteams/support/teams-client.ts';
import { buttonsOf, featureButton, formButton, modalOf } from '../slack/support/flow-helpers.ts';
import { dm, sid, slackAppFor, slackTeam } from '../slack/support/slack-app.ts';

const clock = new ManualClock('2026-05-04T08:00:00Z'); // Monday 10:00 in Amsterdam
const enrollmentOf = (ctx: TestContext, teamId: string, userId: string) => ctx.db.prisma.onboardingEnrollment.findUniqueOrThrow({ where: { teamId_userId: { teamId, userId } } });

describe('a lead enrols a newcomer in Slack', () => {
  const app = slackAppFor({ clock });
  const TEAM = 'le-slack';
  const [LEAD, NEW, ANNA, BOB] = ['ULELEAD', 'ULENEW', 'ULEANNA', 'ULEBOB'];
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = app.ctx();
    await slackTeam(app, TEAM, [[LEAD, 'Lotte Leider', 'lead'], [NEW, 'Noor Nieuw'], [ANNA, 'Anna Appel'], [BOB, 'Bob Boom']]);
  });

  it('enrols from a modal with a start date and the buddy the lead picked, and tells both', async () => {
    const slack = app.slack();
    await slack.command(ANNA, dm(ANNA), '/onboarding', 'inschrijven');
    await slack.next('response_url', (a) => /teamleider/.test(a.text));

    await slack.command(LEAD, dm(LEAD), '/onboarding', 'inschrijven');
    const modal = await slack.next('views.open', modalOf(/^Nieuwe collega inwerken/));
    const options = (name: string) => modal.args.view.blocks.find((b: any) => b.block_id === `field:${name}`).element.options.map((o: any) => o.text.text);
    expect(options('newcomer')).toEqual(['Anna Appel', 'Bob Boom', 'Noor Nieuw']);
    expect(options('buddy')).toEqual(['Kies voor mij (rotatie)', 'Anna Appel', 'Bob Boom', 'Lotte Leider', 'Noor Nieuw']);
    await slack.submit(LEAD, modal, { newcomer: sid(NEW), startDate: '2026-05-11', buddy: sid(BOB) });

    const summary = await slack.next('chat.postMessage', (a) => a.channel === dm(LEAD) && /ingeschreven/.test(a.text));
    expect(summary.args.text).toMatch(/^<@ULENEW> is ingeschreven: start maandag 11 mei 2026, buddy <@ULEBOB>/);
    const welcome = await slack.next('chat.postMessage', (a) => a.channel === dm(NEW) && /Welkom in het team/.test(a.text));
    expect(welcome.args.text).toMatch(/<@ULELEAD> heeft je ingeschreven voor het inwerkprogramma: je start op maandag 11 mei 2026/);
    expect(welcome.args.text).toMatch(/Je buddy is <@ULEBOB>\..*tot uiterlijk donderdag 21 mei 2026/);
    await slack.next('chat.postMessage', (a) => a.channel === dm(NEW) && /Je buddy is \*\*<@ULEBOB>\*\*\. <@ULELEAD> heeft jullie aan elkaar gekoppeld/.test(a.text));
    await slack.next('chat.postMessage', (a) => a.channel === dm(BOB) && /Je bent buddy van \*\*<@ULENEW>\*\*, die op maandag 11 mei 2026 begint/.test(a.text));
    expect(await enrollmentOf(ctx, TEAM, sid(NEW))).toMatchObject({ status: 'active', startDate: '2026-05-11', leadStartDate: '2026-05-11', buddyId: sid(BOB), enrolledBy: sid(LEAD) });
    expect(await ctx.db.sql.query(`SELECT 1 FROM job WHERE team_id = $1 AND kind = 'onboarding.nudge' AND status = 'pending'`, [TEAM])).toHaveLength(1);
  });

  it('lets the newcomer move the start within the days the team allows, and no further', async () => {
    const slack = app.slack();
    await slack.command(LEAD, dm(LEAD), '/onboarding', 'instellingen 5');
    await slack.next('chat.postMessage', (a) => a.channel === dm(LEAD) && /tot 5 dagen later/.test(a.text));
    const welcome = app.api().calls.find((c) => c.method === 'chat.postMessage' && c.args.channel === dm(NEW) && /Welkom in het team/.test(c.args.text))!;
    await slack.click(NEW, welcome, formButton(welcome));
    const modal = await slack.next('views.open', modalOf(/^Start van je inwerk/));
    await slack.submit(NEW, modal, { startDate: '2026-05-18', nudgeTime: '09:30' });
    await slack.next('chat.postMessage', (a) => a.channel === dm(NEW) && /je kunt hem verzetten tot uiterlijk zaterdag 16 mei 2026/.test(a.text));
    expect((await enrollmentOf(ctx, TEAM, sid(NEW))).startDate).toBe('2026-05-11');

    await slack.click(NEW, welcome, formButton(welcome));
    const again = await slack.next('views.open', modalOf(/^Start van je inwerk/));
    await slack.submit(NEW, again, { startDate: '2026-05-13', nudgeTime: '09:30' });
    await slack.next('chat.postMessage', (a) => a.channel === dm(NEW) && /^Top! Je start op woensdag 13 mei 2026/.test(a.text));
    expect(await enrollmentOf(ctx, TEAM, sid(NEW))).toMatchObject({ startDate: '2026-05-13', nudgeTime: '09:30', buddyId: sid(BOB) });
  });

  it('shows the lead the newcomer and buddy by name, and changes the buddy later: all three hear it', async () => {
    const slack = app.slack();
    await slack.command(LEAD, dm(LEAD), '/onboarding', 'status');
    const status = await slack.next('chat.postMessage', (a) => a.channel === dm(LEAD) && /Inwerkprogramma team le-slack/.test(a.text));
    expect(status.args.text).toMatch(/\*\*<@ULENEW>\*\*[\s\S]*buddy: <@ULEBOB>/);
    const change = featureButton(status, 'onboarding.edit');
    expect(change.text.text).toBe('Wijzig Noor Nieuw');
    await slack.click(LEAD, status, change);
    const modal = await slack.next('views.open', modalOf(/^Inwerken wijzigen/));
    await slack.submit(LEAD, modal, { buddy: sid(ANNA) });
    await slack.next('chat.postMessage', (a) => a.channel === dm(LEAD) && /^<@ULENEW> is bijgewerkt: start woensdag 13 mei 2026, buddy <@ULEANNA>/.test(a.text));
    await slack.next('chat.postMessage', (a) => a.channel === dm(ANNA) && /Je bent buddy van \*\*<@ULENEW>\*\*/.test(a.text));
    await slack.next('chat.postMessage', (a) => a.channel === dm(NEW) && /Je buddy is \*\*<@ULEANNA>\*\*/.test(a.text));
    await slack.next('chat.postMessage', (a) => a.channel === dm(BOB) && /Je bent niet meer de buddy van <@ULENEW>; dat is nu <@ULEANNA>/.test(a.text));
    expect(app.api().calls.filter((c) => c.method === 'chat.update' && [dm(NEW), dm(BOB)].includes(c.args.channel))).toEqual([]);
    expect(buttonsOf(status).length).toBeGreaterThan(0);
    expect((await enrollmentOf(ctx, TEAM, sid(NEW))).buddyId).toBe(sid(ANNA));
    expect(await ctx.db.prisma.auditEvent.count({ where: { teamId: TEAM, action: { in: ['onboarding.enrolled', 'onboarding.buddy_changed'] } } })).toBe(2);
  });

  it('never shows anyone by their platform id', () => {
    expectNoRawIds(app.said(), { also: [LEAD, NEW, ANNA, BOB] });
  });
});

describe('a lead enrols a newcomer in Teams', () => {
  const TEAM = 'le-teams';
  const lead = person('le-lead', 'Lies Leider');
  const newcomer = person('le-new', 'Nadia Nieuw');
  const buddy = person('le-buddy', 'Bram Buddy');
  const { ctx: context, teams } = msTeamsAppFor({ clock, roster: [lead, newcomer, buddy] });
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = context();
    await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: userIdOf(lead), role: 'lead' });
    for (const p of [newcomer, buddy]) await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: userIdOf(p) });
    for (const p of [lead, newcomer, buddy]) await teams.installPersonally(p);
  });

  it('enrols from a card and introduces newcomer and buddy in their chats', async () => {
    const [formMessage] = await teams.say(lead, 'onboarding inschrijven');
    const card = cardOf(formMessage);
    expect(inputsOf(card).find((i) => i.id === 'field.newcomer').choices.map((c: any) => c.title)).toEqual(['Bram Buddy', 'Nadia Nieuw']);
    const done = await teams.click(lead, card, findAction(card, 'onboarding.enrol'), { personal: true }, { newcomer: userIdOf(newcomer), startDate: '2026-05-12', buddy: userIdOf(buddy) });
    const toNewcomer = done.posted.filter((m) => m.conversationId === teams.personalChat(newcomer)).map((m) => m.body.text);
    expect(toNewcomer).toEqual(expect.arrayContaining([expect.stringMatching(/Lies Leider heeft je ingeschreven.*dinsdag 12 mei 2026.*Je buddy is Bram Buddy/), expect.stringMatching(/Je buddy is \*\*Bram Buddy\*\*/)]));
    const toBuddy = done.posted.filter((m) => m.conversationId === teams.personalChat(buddy)).map((m) => m.body.text);
    expect(toBuddy).toEqual([expect.stringMatching(/Je bent buddy van \*\*Nadia Nieuw\*\*, die op dinsdag 12 mei 2026 begint/)]);
    expect(await enrollmentOf(ctx, TEAM, userIdOf(newcomer))).toMatchObject({ startDate: '2026-05-12', buddyId: userIdOf(buddy), enrolledBy: userIdOf(lead) });
  });
});
