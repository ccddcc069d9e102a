/**
 * Changing plans: a lead moves or calls off an intervisie (in Slack and in Teams) and everyone signed
 * up or waiting hears it in the channel and personally, with the reminders following; a coach
 * withdraws a twintig-ogen case and the next waiting case moves up into its place and is told.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setTeamRhythm } from '../../src/consultations/rhythm/set-team-rhythm.ts';
import { createSlots } from '../../src/intervision/create-slots.ts';
import { signUp } from '../../src/intervision/sign-up.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { OPERATOR } from '../../src/teams/authorise.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import type { TestContext } from '../support/context.ts';
import { expectNoRawIds } from '../support/raw-ids.ts';
import { msTeamsAppFor } from '../msteams/support/serve.ts';
import { cardOf, findAction, person, place, userIdOf } from '../msteams/support/teams-client.ts';
import { featureButton, field, formButton, modalOf } from '../slack/support/flow-helpers.ts';
import type { SlackCall } from '../slack/support/fake-slack.ts';
import { dm, sid, slackAppFor, slackTeam } from '../slack/support/slack-app.ts';

const clock = new ManualClock('2026-05-04T08:00:00Z'); // Monday 10:00 in Amsterdam

describe('changing plans in Slack', () => {
  const app = slackAppFor({ clock });
  const TEAM = 'cp-slack';
  const CHANNEL = 'CCHANGES';
  const [ADMIN, LEAD, A, B, C] = ['UCPADMIN', 'UCPLEAD', 'UCPA', 'UCPB', 'UCPC'];
  let ctx: TestContext;
  let slotId = '';

  beforeAll(async () => {
    ctx = app.ctx();
    await slackTeam(app, TEAM, [[ADMIN, 'Ada Admin', 'admin'], [LEAD, 'Lotte Leider', 'lead'], [A, 'Anna Appel'], [B, 'Bob Boom'], [C, 'Cor Cornelis']]);
    const linked = await app.slack().command(ADMIN, CHANNEL, '/wijkwijs', `koppel ${TEAM}`);
    expect((await linked.json()).text).toMatch(/gekoppeld aan team cp-slack/);
    const [slot] = await createSlots(ctx, { teamId: TEAM, createdBy: sid(LEAD), title: 'Intervisie mei', method: 'incidentmethode', facilitatorId: sid(LEAD), date: '2026-05-12', time: '14:00', durationMinutes: 90, place: 'Kamer 2', capacity: 2, recurrence: 'eenmalig', occurrences: 1 });
    slotId = slot!.id;
    for (const u of [A, B, C]) await signUp(ctx, { slotId, userId: sid(u) });
  });

  const reminders = () => ctx.db.sql.query<{ key: string; run_at: Date; status: string }>(`SELECT key, run_at, status FROM job WHERE key LIKE $1 ORDER BY key`, [`intervisie.reminder:${slotId}:%`]);
  async function changeForm(user: string): Promise<SlackCall> {
    await app.slack().command(user, dm(user), '/intervisie', '');
    const list = await app.slack().next('chat.postMessage', (a) => a.channel === dm(user) && /Komende intervisie/.test(a.text));
    await app.slack().click(user, list, featureButton(list, 'intervisie.change-open'));
    return app.slack().next('views.open', modalOf(/^Intervisie wijzigen/));
  }

  it('moves a session: the channel, the participants and the waiting list hear it, the reminders follow', async () => {
    const slack = app.slack();
    await slack.command(A, dm(A), '/intervisie', '');
    const forCoach = await slack.next('chat.postMessage', (a) => a.channel === dm(A) && /Komende intervisie/.test(a.text));
    expect(() => featureButton(forCoach, 'intervisie.change-open')).toThrow();

    const modal = await changeForm(LEAD);
    await slack.submit(LEAD, modal, { what: 'verzetten', date: '2026-05-19', time: '15:00' });
    await slack.next('chat.postMessage', (a) => a.channel === CHANNEL && /^De intervisie "Intervisie mei" is verzet van dinsdag 12 mei 2026 14:00 naar dinsdag 19 mei 2026 15:00 \(door <@UCPLEAD>\)/.test(a.text));
    for (const u of [A, B]) {
      const told = await slack.next('chat.postMessage', (a) => a.channel === dm(u) && /is verzet van/.test(a.text));
      expect(featureButton(told, 'intervisie.cancel').text.text).toBe('Ik kan dan niet');
    }
    await slack.next('chat.postMessage', (a) => a.channel === dm(C) && /is verzet van.*Je stond op de wachtlijst/.test(a.text));
    await slack.next('chat.update', (a) => a.channel === CHANNEL && /dinsdag 19 mei 2026 15:00/.test(a.text));
    await slack.next('chat.postMessage', (a) => a.channel === dm(LEAD) && /^De intervisie is verzet naar dinsdag 19 mei 2026 15:00\. Het teamkanaal en 3 collega’s weten het/.test(a.text));
    expect((await reminders()).filter((r) => r.status === 'pending').map((r) => [r.key.split(':').at(-1), r.run_at.toISOString()])).toEqual([
      ['day-before', '2026-05-18T07:00:00.000Z'],
      ['hour-before', '2026-05-19T12:00:00.000Z'],
    ]);
  });

  it('calls a session off: everyone hears it and no reminder is left', async () => {
    const slack = app.slack();
    const modal = await changeForm(LEAD);
    await slack.submit(LEAD, modal, { what: 'afzeggen' });
    await slack.next('chat.postMessage', (a) => a.channel === CHANNEL && /^De intervisie "Intervisie mei" van dinsdag 19 mei 2026 15:00 gaat niet door; <@UCPLEAD> heeft hem afgezegd/.test(a.text));
    for (const u of [A, B, C]) await slack.next('chat.postMessage', (a) => a.channel === dm(u) && /gaat niet door/.test(a.text));
    await slack.next('chat.update', (a) => a.channel === CHANNEL && /Deze intervisie gaat niet door/.test(a.text));
    expect((await reminders()).filter((r) => r.status === 'pending')).toEqual([]);
    await slack.command(A, dm(A), '/overzicht', '');
    const own = await slack.next('chat.postMessage', (a) => a.channel === dm(A));
    expect(own.args.text).not.toMatch(/Intervisie mei/);
  });

  it('moves the next waiting case up when a coach withdraws one, and tells its requester', async () => {
    const slack = app.slack();
    await setTeamRhythm(ctx, OPERATOR, TEAM, { weekday: 2, intervalWeeks: 1, anchorDate: '2026-05-05', startTime: '10:00', endTime: '12:00', casesPerMeeting: 1, minutesPerCase: 30 });
    const first = await askCase(A, 'Een gezin met schulden en een huurachterstand.');
    expect(first.args.text).toMatch(/dinsdag 5 mei 2026 10:00 \(punt 1\)/);
    const second = await askCase(B, 'Een jongere die niet meer naar school gaat.');
    expect(second.args.text).toMatch(/dinsdag 12 mei 2026 10:00 \(punt 1\)/);

    await slack.click(A, first, featureButton(first, 'twintig.withdraw'));
    await slack.next('chat.postEphemeral', (a) => a.user === A && /van de agenda gehaald.*De eerstvolgende wachtende casus schuift door/.test(a.text));
    await slack.next('chat.postMessage', (a) => a.channel === dm(B) && /^Goed nieuws: er kwam een plek vrij\. Je twintig-ogen casus .* staat nu op de agenda van het teamoverleg van dinsdag 5 mei 2026 10:00 \(punt 1\)/.test(a.text));
    await slack.next('chat.update', (a) => a.channel === CHANNEL && /^Twintig-ogen casus van <@UCPB> voor het teamoverleg van dinsdag 5 mei 2026 10:00 \(punt 1 van 1\)/.test(a.text));
    await slack.next('chat.update', (a) => a.channel === CHANNEL && /^De twintig-ogen casus van <@UCPA> is ingetrokken/.test(a.text));
  });

  /** /twintigogen in the channel → modal → the anonymised text to confirm; returns the private placement reply. */
  async function askCase(user: string, summary: string): Promise<SlackCall> {
    const slack = app.slack();
    await slack.command(user, CHANNEL, '/twintigogen');
    const modal = await slack.next('views.open', modalOf(/^Casus voor het teamov/));
    const dilemma = (field(modal, 'dilemma').element.options as { value: string; text: { text: string } }[]).find((o) => /Eigen kracht/.test(o.text.text))!.value;
    await slack.submit(user, modal, { summary, dilemma, question: 'Wat kunnen we nog doen?' });
    const check = await slack.next('chat.postEphemeral', (a) => a.user === user && /Zo deel ik je casus/.test(a.text));
    await slack.click(user, check, formButton(check));
    await slack.submit(user, await slack.next('views.open', modalOf(/^Controleer je casus/)), {});
    return slack.next('chat.postEphemeral', (a) => a.user === user && /op de agenda van het teamoverleg/.test(a.text));
  }

  it('never shows anyone by their platform id', () => {
    expectNoRawIds(app.said(), { also: [LEAD, A, B, C] });
  });
});

describe('calling an intervisie off in Teams', () => {
  const where = place('changes');
  const lead = person('cp-lead', 'Lies Leider');
  const coach = person('cp-coach', 'Cas Coach');
  const { ctx: context, teams } = msTeamsAppFor({ clock, roster: [lead, coach] });
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = context();
    await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(lead), role: 'admin' });
    await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(coach) });
    for (const p of [lead, coach]) await teams.installPersonally(p);
    await teams.linkPlace(where, lead);
    const [slot] = await createSlots(ctx, { teamId: where.team, createdBy: userIdOf(lead), title: 'Intervisie juni', method: 'incidentmethode', facilitatorId: null, date: '2026-05-14', time: '10:00', durationMinutes: 60, place: 'Online', capacity: 4, recurrence: 'eenmalig', occurrences: 1 });
    await signUp(ctx, { slotId: slot!.id, userId: userIdOf(coach) });
  });

  it('calls it off from a card; the channel and the coach’s chat hear it', async () => {
    const [list] = await teams.say(lead, 'intervisie');
    const opened = await teams.click(lead, cardOf(list), findAction(cardOf(list), 'intervisie.change-open'), { personal: true });
    const form = cardOf(opened.posted.find((m) => m.conversationId === teams.personalChat(lead)));
    const done = await teams.click(lead, form, findAction(form, 'intervisie.change'), { personal: true }, { what: 'afzeggen' });
    expect(teams.inChannel(done.posted, where).map((m) => m.body.text)).toEqual([expect.stringMatching(/^De intervisie "Intervisie juni" van donderdag 14 mei 2026 10:00 gaat niet door; Lies Leider heeft hem afgezegd/)]);
    expect(done.posted.filter((m) => m.conversationId === teams.personalChat(coach)).map((m) => m.body.text)).toEqual([expect.stringMatching(/gaat niet door/)]);
  });
});
