/**
 * A lead's /overzicht in Slack lists what is planned for the team from the job table (agendas,
 * reminders, nudges) with Dutch dates in the team's own time zone; a coach does not get that part.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setTeamRhythm } from '../../src/consultations/rhythm/set-team-rhythm.ts';
import { placeRequest } from '../../src/consultations/twintig-ogen/place-request.ts';
import { createSlots } from '../../src/intervision/create-slots.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { OPERATOR } from '../../src/teams/authorise.ts';
import { expectNoRawIds } from '../support/raw-ids.ts';
import { dm, sid, slackAppFor, slackTeam } from '../slack/support/slack-app.ts';

const clock = new ManualClock('2026-05-04T08:00:00Z'); // Monday
const app = slackAppFor({ clock });
const TEAM = 'so-slack';
const [LEAD, COACH, NEW] = ['USOLEAD', 'USOCOACH', 'USONEW'];
beforeAll(async () => {
  const ctx = app.ctx();
  await slackTeam(app, TEAM, [[LEAD, 'Lotte Leider', 'lead'], [COACH, 'Cas Coach'], [NEW, 'Noor Nieuw']]);
  // A team that meets in London time: its overview speaks London time, whatever zone a job was planned in.
  await setTeamRhythm(ctx, OPERATOR, TEAM, { weekday: 4, intervalWeeks: 1, anchorDate: '2026-05-07', startTime: '10:00', endTime: '12:00', casesPerMeeting: 2, minutesPerCase: 30, timeZone: 'Europe/London' });
  const request = await ctx.db.prisma.consultationRequest.create({ data: { teamId: TEAM, requesterId: sid(COACH), status: 'requested', summary: 'Schulden', dilemma: '1. Zelf doen of overnemen?', question: 'Wat nu?' } });
  await placeRequest(ctx, request.id);
  await createSlots(ctx, { teamId: TEAM, createdBy: sid(LEAD), title: 'Intervisie mei', method: 'incidentmethode', facilitatorId: null, date: '2026-05-08', time: '14:00', durationMinutes: 90, place: 'Kamer 2', capacity: 6, recurrence: 'eenmalig', occurrences: 1 });
});

describe("the lead's overview of what is planned", () => {
  it('lists the agenda, the reminders and the nudges with when, in the team’s time zone', async () => {
    await app.slack().command(NEW, dm(NEW), '/onboarding', 'start 2026-05-06');
    await app.slack().next('chat.postMessage', (a) => a.channel === dm(NEW) && /^Top!/.test(a.text));
    await app.slack().command(LEAD, dm(LEAD), '/overzicht', '');
    const overview = await app.slack().next('chat.postMessage', (a) => a.channel === dm(LEAD) && /\*\*Team so-slack\*\*/.test(a.text));
    const planned = overview.args.text.slice(overview.args.text.indexOf('Gepland:'));
    expect(planned.split('\n')).toEqual([
      'Gepland:',
      '• woensdag 6 mei 2026 08:00: berichtje van het inwerkprogramma aan <@USONEW>',
      '• woensdag 6 mei 2026 16:00: agenda twintig ogen in het teamkanaal voor het teamoverleg van donderdag 7 mei 2026 10:00 (1 casus)',
      '• donderdag 7 mei 2026 08:00: herinnering een dag vóór intervisie "Intervisie mei" aan 0 deelnemers',
      '• donderdag 7 mei 2026 12:00: vraag naar de uitkomst van het teamoverleg van donderdag 7 mei 2026 10:00 (1 casus)',
      '• vrijdag 8 mei 2026 12:00: herinnering een uur vóór intervisie "Intervisie mei" aan 0 deelnemers',
    ]);
  });

  it('keeps the team part for its leads', async () => {
    await app.slack().command(COACH, dm(COACH), '/overzicht', '');
    const own = await app.slack().next('chat.postMessage', (a) => a.channel === dm(COACH));
    expect(own.args.text).toMatch(/^Dit staat voor je klaar:\n[\s\S]*• Twintig ogen: je casus/);
    expect(own.args.text).not.toMatch(/Gepland|Team so-slack/);
  });

  it('never shows anyone by their platform id', () => {
    expectNoRawIds(app.said(), { also: [LEAD, COACH, NEW] });
  });
});
