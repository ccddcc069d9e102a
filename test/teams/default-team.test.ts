import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_USER_ID } from '../../src/channels/web/server.ts';
import { prepareLocalUse } from '../../src/cli/prepare-local-use.ts';
import { createTestContext } from '../support/context.ts';

/** The local web and CLI users follow WIJKWIJS_DEFAULT_TEAM, in the real database and audit trail. */
let ctx: Awaited<ReturnType<typeof createTestContext>>;
const LOCAL_USERS = [WEB_USER_ID, 'cli:local'];

beforeAll(async () => {
  ctx = await createTestContext({ WIJKWIJS_AUTO_INGEST: 'false', WIJKWIJS_DEFAULT_TEAM: 'team-oud' });
});
afterAll(() => ctx?.close());

const start = (defaultTeam: string, said: string[] = []) => prepareLocalUse({ ...ctx, config: { ...ctx.config, defaultTeam } }, (line) => said.push(line));
const rolesOf = async (userId: string) =>
  (await ctx.db.prisma.teamMember.findMany({ where: { userId }, orderBy: { teamId: 'asc' } })).map((m) => [m.teamId, m.role]);
const trail = (teamId: string) => ctx.db.prisma.auditEvent.findMany({ where: { teamId, subjectType: 'user' }, orderBy: { at: 'asc' } });

describe('changing the default team', () => {
  it('moves the local users out of the old team into the new one, and audits both', async () => {
    await start('team-oud');
    for (const user of LOCAL_USERS) expect(await rolesOf(user)).toEqual([['team-oud', 'lead']]);

    const said: string[] = [];
    await start('team-nieuw', said);
    for (const user of LOCAL_USERS) expect(await rolesOf(user)).toEqual([['team-nieuw', 'lead']]);
    expect(said).toEqual(['De lokale gebruikers zijn overgezet van team team-oud naar het standaardteam team-nieuw.']);

    const removed = await trail('team-oud');
    expect(removed.filter((e) => e.action === 'team.member_removed').map((e) => [e.subjectId, e.actorId])).toEqual(LOCAL_USERS.map((u) => [u, 'cli:operator']));
    const added = await trail('team-nieuw');
    expect(added.map((e) => [e.action, e.subjectId])).toEqual(LOCAL_USERS.map((u) => ['team.member_added', u]));
  });

  it('changes nothing on a restart with the same default team', async () => {
    const events = await ctx.db.prisma.auditEvent.count();
    const said: string[] = [];
    await start('team-nieuw', said);
    expect(said).toEqual([]);
    expect(await ctx.db.prisma.auditEvent.count()).toBe(events);
    expect(await rolesOf(WEB_USER_ID)).toEqual([['team-nieuw', 'lead']]);
  });
});
