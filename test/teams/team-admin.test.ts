import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WijkwijsError } from '../../src/lib/errors.ts';
import { listAuditEvents } from '../../src/data-protection/list-audit-events.ts';
import { addMember } from '../../src/teams/add-member.ts';
import { OPERATOR, requireTeamMember, type Actor } from '../../src/teams/authorise.ts';
import { createTeam } from '../../src/teams/create-team.ts';
import { listTeams } from '../../src/teams/list-teams.ts';
import { removeMember } from '../../src/teams/remove-member.ts';
import { setMemberRole } from '../../src/teams/set-member-role.ts';
import { createTestContext } from '../support/context.ts';

let ctx: Awaited<ReturnType<typeof createTestContext>>;
const orgAdmin: Actor = { userId: 'web:org-admin' };
const coach: Actor = { userId: 'web:coach' };
const lead: Actor = { userId: 'web:lead' };
const teamAdmin: Actor = { userId: 'web:team-admin' };

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.db.prisma.user.create({ data: { id: orgAdmin.userId, isAdmin: true } });
  await createTeam(ctx.db.prisma, OPERATOR, { id: 'noord', name: 'Wijkteam Noord' });
  await createTeam(ctx.db.prisma, OPERATOR, { id: 'zuid', name: 'Wijkteam Zuid' });
  await addMember(ctx.db.prisma, OPERATOR, { teamId: 'noord', userId: coach.userId });
  await addMember(ctx.db.prisma, OPERATOR, { teamId: 'noord', userId: lead.userId, role: 'lead' });
  await addMember(ctx.db.prisma, OPERATOR, { teamId: 'noord', userId: teamAdmin.userId, role: 'admin' });
});
afterAll(() => ctx?.close());

const forbidden = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WijkwijsError);
  expect((error as WijkwijsError).code).toBe('forbidden');
  expect((error as WijkwijsError).userMessage).toMatch(/mag alleen/);
};

describe('who may manage teams', () => {
  it('lets only organisation admins (and the operator) create teams', async () => {
    await forbidden(createTeam(ctx.db.prisma, coach, { id: 'oost', name: 'Oost' }));
    await forbidden(createTeam(ctx.db.prisma, lead, { id: 'oost', name: 'Oost' }));
    await forbidden(createTeam(ctx.db.prisma, teamAdmin, { id: 'oost', name: 'Oost' }));
    // An unknown user, or one who merely claims a privileged-looking id, gets nothing either.
    await forbidden(createTeam(ctx.db.prisma, { userId: 'cli:operator' }, { id: 'oost', name: 'Oost' }));
    expect(await ctx.db.prisma.team.findUnique({ where: { id: 'oost' } })).toBeNull();

    expect(await createTeam(ctx.db.prisma, orgAdmin, { id: 'oost', name: 'Wijkteam Oost' })).toEqual({ id: 'oost', name: 'Wijkteam Oost' });
    await expect(createTeam(ctx.db.prisma, orgAdmin, { id: 'oost', name: 'Nog een keer' })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('lets team admins manage their own team only; members and leads may not', async () => {
    await forbidden(addMember(ctx.db.prisma, coach, { teamId: 'noord', userId: 'web:nieuw' }));
    await forbidden(addMember(ctx.db.prisma, lead, { teamId: 'noord', userId: 'web:nieuw' }));
    await forbidden(addMember(ctx.db.prisma, teamAdmin, { teamId: 'zuid', userId: 'web:nieuw' }));
    await forbidden(setMemberRole(ctx.db.prisma, coach, { teamId: 'noord', userId: coach.userId, role: 'admin' }));
    await forbidden(removeMember(ctx.db.prisma, lead, { teamId: 'noord', userId: coach.userId }));
    expect(await ctx.db.prisma.teamMember.count({ where: { userId: 'web:nieuw' } })).toBe(0);
    expect((await ctx.db.prisma.teamMember.findUniqueOrThrow({ where: { teamId_userId: { teamId: 'noord', userId: coach.userId } } })).role).toBe('member');

    expect(await addMember(ctx.db.prisma, teamAdmin, { teamId: 'noord', userId: 'web:nieuw' })).toBe('added');
    await setMemberRole(ctx.db.prisma, teamAdmin, { teamId: 'noord', userId: 'web:nieuw', role: 'lead' });
    await removeMember(ctx.db.prisma, teamAdmin, { teamId: 'noord', userId: 'web:nieuw' });
    expect(await ctx.db.prisma.teamMember.count({ where: { userId: 'web:nieuw' } })).toBe(0);
  });

  it('lets organisation admins manage any team', async () => {
    expect(await addMember(ctx.db.prisma, orgAdmin, { teamId: 'zuid', userId: 'web:zuid-coach', role: 'lead' })).toBe('added');
    await setMemberRole(ctx.db.prisma, orgAdmin, { teamId: 'zuid', userId: 'web:zuid-coach', role: 'member' });
    expect((await ctx.db.prisma.teamMember.findUniqueOrThrow({ where: { teamId_userId: { teamId: 'zuid', userId: 'web:zuid-coach' } } })).role).toBe('member');
  });
});

describe('membership changes', () => {
  it('adding someone twice without a role keeps their role; with a role it changes it', async () => {
    await addMember(ctx.db.prisma, OPERATOR, { teamId: 'zuid', userId: 'web:twee', role: 'lead' });
    expect(await addMember(ctx.db.prisma, OPERATOR, { teamId: 'zuid', userId: 'web:twee' })).toBe('unchanged');
    expect((await ctx.db.prisma.teamMember.findUniqueOrThrow({ where: { teamId_userId: { teamId: 'zuid', userId: 'web:twee' } } })).role).toBe('lead');
    expect(await addMember(ctx.db.prisma, OPERATOR, { teamId: 'zuid', userId: 'web:twee', role: 'admin' })).toBe('role_changed');
  });

  it('refuses unknown teams, non-members, bad ids and bad roles with Dutch messages', async () => {
    await expect(addMember(ctx.db.prisma, OPERATOR, { teamId: 'bestaat-niet', userId: 'web:x' })).rejects.toMatchObject({ code: 'not_found', userMessage: expect.stringMatching(/bestaat niet/) });
    await expect(setMemberRole(ctx.db.prisma, OPERATOR, { teamId: 'zuid', userId: 'web:geen-lid', role: 'lead' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeMember(ctx.db.prisma, OPERATOR, { teamId: 'zuid', userId: 'web:geen-lid' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(createTeam(ctx.db.prisma, OPERATOR, { id: 'Team Noord!', name: 'x' })).rejects.toMatchObject({ code: 'bad_request', userMessage: expect.stringMatching(/kleine letters/) });
    await expect(createTeam(ctx.db.prisma, OPERATOR, { id: 'west', name: '  ' })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(addMember(ctx.db.prisma, OPERATOR, { teamId: 'zuid', userId: 'web:x', role: 'baas' })).rejects.toMatchObject({ code: 'bad_request', userMessage: expect.stringMatching(/Onbekende rol/) });
  });

  it('records every change in the audit trail with ids only', async () => {
    await createTeam(ctx.db.prisma, OPERATOR, { id: 'audit-team', name: 'Audit' });
    await addMember(ctx.db.prisma, OPERATOR, { teamId: 'audit-team', userId: 'web:a1' });
    await setMemberRole(ctx.db.prisma, OPERATOR, { teamId: 'audit-team', userId: 'web:a1', role: 'lead' });
    await removeMember(ctx.db.prisma, OPERATOR, { teamId: 'audit-team', userId: 'web:a1' });
    const events = await ctx.db.prisma.auditEvent.findMany({ where: { teamId: 'audit-team' } });
    // Sorted by action rather than time: two changes can fall in the same millisecond.
    expect(events.map((e) => [e.actorId, e.action, e.subjectType, e.subjectId]).sort()).toEqual([
      ['cli:operator', 'team.created', 'team', 'audit-team'],
      ['cli:operator', 'team.member_added', 'user', 'web:a1'],
      ['cli:operator', 'team.member_removed', 'user', 'web:a1'],
      ['cli:operator', 'team.role_changed', 'user', 'web:a1'],
    ]);
    // A refused change leaves no trace.
    expect(await ctx.db.prisma.auditEvent.count({ where: { actorId: coach.userId } })).toBe(0);
  });
});

describe('listings are scoped', () => {
  it('shows a member only their own teams, an admin all of them', async () => {
    expect((await listTeams(ctx.db.prisma, coach)).map((t) => t.id)).toEqual(['noord']);
    expect((await listTeams(ctx.db.prisma, { userId: 'web:niemand' })).map((t) => t.id)).toEqual([]);
    const all = (await listTeams(ctx.db.prisma, orgAdmin)).map((t) => t.id);
    expect(all).toEqual(expect.arrayContaining(['noord', 'zuid', 'oost']));
    const noord = (await listTeams(ctx.db.prisma, OPERATOR)).find((t) => t.id === 'noord')!;
    expect(noord.members).toEqual(expect.arrayContaining([{ userId: lead.userId, displayName: null, role: 'lead' }]));
  });

  it("shows a team's audit trail to its leads and admins only", async () => {
    await forbidden(listAuditEvents(ctx.db.prisma, coach, { teamId: 'noord' }));
    await forbidden(listAuditEvents(ctx.db.prisma, lead, { teamId: 'zuid' }));
    const events = await listAuditEvents(ctx.db.prisma, lead, { teamId: 'noord' });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.teamId === 'noord')).toBe(true);
    // Newest first.
    expect([...events].sort((a, b) => b.at.getTime() - a.at.getTime()).map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect((await listAuditEvents(ctx.db.prisma, teamAdmin, { teamId: 'noord', limit: 2 })).length).toBe(2);
    expect((await listAuditEvents(ctx.db.prisma, orgAdmin, { teamId: 'zuid' })).length).toBeGreaterThan(0);
  });

  it("keeps a team's own data to its members: not other teams, not organisation admins", async () => {
    await expect(requireTeamMember(ctx.db.prisma, coach, 'noord')).resolves.toBeUndefined();
    await expect(requireTeamMember(ctx.db.prisma, coach, 'zuid')).rejects.toMatchObject({ code: 'forbidden', userMessage: expect.stringMatching(/alleen zichtbaar voor leden van team zuid/) });
    await expect(requireTeamMember(ctx.db.prisma, orgAdmin, 'noord')).rejects.toMatchObject({ code: 'forbidden' });
  });
});
