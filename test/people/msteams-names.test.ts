/**
 * People by name through Teams: the name Teams sends with every activity is kept; someone who never
 * wrote is named from the roster (the connector's members endpoint, TeamsInfo.getMember) of a team
 * channel the bot is in; someone the roster does not know is never shown by id.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { markAbsence } from '../../src/assistant/mark-absence.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import type { TestContext } from '../support/context.ts';
import { expectNoRawIds, recordReplies } from '../support/raw-ids.ts';
import { msTeamsAppFor } from '../msteams/support/serve.ts';
import { person, place, userIdOf } from '../msteams/support/teams-client.ts';

const clock = new ManualClock('2026-05-04T08:00:00Z');
const where = place('names');
const lead = person('nm-lead', 'Lotte Leider');
const coach = person('nm-coach', 'Cas Coach');
const stranger = person('nm-stranger', 'Sam Vreemd');
const absent = person('nm-absent', 'Nooit Gezien');
// Only the coach is in the roster: the stranger and the absent colleague are unknown to it.
const { connector, ctx: context, teams } = msTeamsAppFor({ clock, roster: [lead, coach] });
let ctx: TestContext;
let said: ReturnType<typeof recordReplies>;

beforeAll(async () => {
  ctx = context();
  said = recordReplies(ctx);
  await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(lead), role: 'admin' });
  for (const p of [coach, stranger, absent]) await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(p) });
  await teams.installPersonally(lead);
  await teams.linkPlace(where, lead);
  // Entered by the lead for colleagues who never wrote to Wijkwijs.
  for (const [p, startsOn] of [[coach, '2026-05-11'], [absent, '2026-05-12']] as const) {
    await markAbsence(ctx, userIdOf(lead), { teamId: where.team, userId: userIdOf(p), startsOn, endsOn: startsOn, kind: 'verlof' });
  }
});

const rosterLookups = (p: { aadObjectId: string }) => connector.calls.filter((c) => c.method === 'GET' && c.path.endsWith(`/members/${p.aadObjectId}`)).length;

describe('names from Teams', () => {
  it('names a colleague who never wrote the way the roster knows them, and a stranger to it neutrally', async () => {
    const [overview] = await teams.say(lead, 'afwezig team');
    expect(overview!.body.text).toBe('Gepland: Cas Coach: verlof op maandag 11 mei 2026; een collega: verlof op dinsdag 12 mei 2026.');
    expect(rosterLookups(coach)).toBe(1);
    expect(connector.calls.find((c) => c.path.endsWith(`/members/${coach.aadObjectId}`))!.conversationId).toBe(where.channel);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: userIdOf(coach) } })).displayName).toBe('Cas Coach');
  });

  it('keeps the name Teams sends with a message, and does not ask the roster again within a week', async () => {
    await teams.say(stranger, 'afwezig 2026-05-13 ziek');
    const [overview] = await teams.say(lead, 'afwezig team');
    expect(overview!.body.text).toMatch(/Cas Coach: verlof.*Sam Vreemd: ziek op woensdag 13 mei 2026/);
    expect(rosterLookups(coach)).toBe(1);
    expect(rosterLookups(stranger)).toBe(0);
  });

  it('never shows anyone by their platform id', () => {
    expectNoRawIds(said, { also: [coach.aadObjectId, stranger.aadObjectId, absent.aadObjectId] });
  });
});
