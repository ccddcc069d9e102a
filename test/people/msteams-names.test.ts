/**
 * People by name through Teams: a colleague's name comes from the roster (the connector's members
 * endpoint, TeamsInfo.getMember), is kept, and someone the roster does not know is never shown by id.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import type { TestContext } from '../support/context.ts';
import { expectNoRawIds, recordReplies } from '../support/raw-ids.ts';
import { msTeamsAppFor } from '../msteams/support/serve.ts';
import { person, userIdOf } from '../msteams/support/teams-client.ts';

const clock = new ManualClock('2026-05-04T08:00:00Z');
const TEAM = 'nm-teams';
const lead = person('nm-lead', 'Lotte Leider');
const coach = person('nm-coach', 'Cas Coach');
const stranger = person('nm-stranger', 'Onbekend');
// The stranger is not in the roster: Teams cannot name them.
const { connector, ctx: context, teams } = msTeamsAppFor({ clock, roster: [lead, coach] });
let ctx: TestContext;
let said: ReturnType<typeof recordReplies>;

beforeAll(async () => {
  ctx = context();
  said = recordReplies(ctx);
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: userIdOf(lead), role: 'lead' });
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: userIdOf(coach) });
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: userIdOf(stranger) });
  for (const p of [lead, coach, stranger]) await teams.installPersonally(p);
});

const rosterLookups = (p: { aadObjectId: string }) => connector.calls.filter((c) => c.method === 'GET' && c.path.endsWith(`/members/${p.aadObjectId}`)).length;

describe('names from the Teams roster', () => {
  it('names a colleague the way the roster knows them', async () => {
    await teams.say(coach, 'afwezig 2026-05-11 t/m 2026-05-15 verlof');
    await teams.say(stranger, 'afwezig 2026-05-12 ziek');
    const [overview] = await teams.say(lead, 'afwezig team');
    expect(overview!.body.text).toMatch(/Gepland: Cas Coach: verlof van maandag 11 mei 2026 t\/m vrijdag 15 mei 2026; een collega: ziek op dinsdag 12 mei 2026\./);
    expect(rosterLookups(coach)).toBe(1);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: userIdOf(coach) } })).displayName).toBe('Cas Coach');
  });

  it('keeps the name and does not ask the roster again within a week', async () => {
    const [overview] = await teams.say(lead, 'afwezig team');
    expect(overview!.body.text).toMatch(/Cas Coach: verlof/);
    expect(rosterLookups(coach)).toBe(1);
  });

  it('never shows anyone by their platform id', () => {
    expectNoRawIds(said, { also: [coach.aadObjectId, stranger.aadObjectId] });
  });
});
