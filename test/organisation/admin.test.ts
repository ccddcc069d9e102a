/**
 * The organisation admin role in chat: the first admin comes from WIJKWIJS_ADMINS, and an admin
 * makes others admin, creates teams and appoints leads with /beheer (Slack) or "beheer" (Teams),
 * naming people by @-mention. Nobody else may; every change is in the audit trail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import type { TestContext } from '../support/context.ts';
import { expectNoRawIds } from '../support/raw-ids.ts';
import { msTeamsAppFor } from '../msteams/support/serve.ts';
import { person, userIdOf } from '../msteams/support/teams-client.ts';
import { dm, sid, slackAppFor } from '../slack/support/slack-app.ts';

const clock = new ManualClock('2026-05-04T08:00:00Z');
const isAdmin = async (ctx: TestContext, userId: string) => (await ctx.db.prisma.user.findUnique({ where: { id: userId } }))?.isAdmin ?? false;

describe('organisation admins in Slack', () => {
  const [BOOT, ANNA, BOB] = ['UORBOOT', 'UORANNA', 'UORBOB'];
  const app = slackAppFor({ clock, env: { WIJKWIJS_ADMINS: `${sid(BOOT)}, ` } });
  let ctx: TestContext;

  beforeAll(() => {
    ctx = app.ctx();
    for (const [u, name] of [[BOOT, 'Beheer Begin'], [ANNA, 'Anna Appel'], [BOB, 'Bob Boom']] as const) app.api().names.set(u, name);
  });

  const beheer = (user: string, text: string) => app.slack().command(user, dm(user), '/beheer', text);

  it('makes the admins named in WIJKWIJS_ADMINS admin at start, and refuses /beheer to anyone else', async () => {
    expect(await isAdmin(ctx, sid(BOOT))).toBe(true);
    expect(await ctx.db.prisma.auditEvent.count({ where: { actorId: 'config:WIJKWIJS_ADMINS', action: 'organisation.admin_added', subjectId: sid(BOOT) } })).toBe(1);
    await beheer(ANNA, `admin <@${ANNA}|anna>`);
    await app.slack().next('response_url', (a) => /alleen een beheerder van de organisatie/.test(a.text));
    expect(await isAdmin(ctx, sid(ANNA))).toBe(false);
  });

  it('lets an admin make a colleague admin by @-mention, who then creates a team and appoints its lead', async () => {
    await beheer(BOOT, `admin <@${ANNA}|anna>`);
    await app.slack().next('chat.postMessage', (a) => a.channel === dm(BOOT) && a.text === '<@UORANNA> is nu beheerder van de organisatie.');
    expect(await isAdmin(ctx, sid(ANNA))).toBe(true);

    await beheer(ANNA, 'team or-noord Wijkteam Noord');
    await app.slack().next('chat.postMessage', (a) => a.channel === dm(ANNA) && /^Team or-noord \(Wijkteam Noord\) is aangemaakt/.test(a.text));
    await beheer(ANNA, `leider or-noord <@${BOB}>`);
    await app.slack().next('chat.postMessage', (a) => a.channel === dm(ANNA) && a.text === '<@UORBOB> is teamleider van team or-noord.');
    expect(await ctx.db.prisma.teamMember.findUnique({ where: { teamId_userId: { teamId: 'or-noord', userId: sid(BOB) } } })).toMatchObject({ role: 'lead' });

    await beheer(ANNA, '');
    await app.slack().next('chat.postMessage', (a) => a.channel === dm(ANNA) && /^Beheerders van de organisatie: <@UORANNA>, <@UORBOOT>\./.test(a.text));
    const audit = await ctx.db.prisma.auditEvent.findMany({ where: { action: { startsWith: 'organisation.' } }, orderBy: { at: 'asc' } });
    expect(audit.map((e) => [e.actorId, e.action, e.subjectId])).toEqual([
      ['config:WIJKWIJS_ADMINS', 'organisation.admin_added', sid(BOOT)],
      [sid(BOOT), 'organisation.admin_added', sid(ANNA)],
    ]);
  });

  it('keeps a bootstrap admin and refuses an admin taking the role from themselves', async () => {
    await beheer(ANNA, `geen-admin <@${BOOT}>`);
    await app.slack().next('response_url', (a) => /staat in WIJKWIJS_ADMINS/.test(a.text));
    await beheer(ANNA, `geen-admin <@${ANNA}>`);
    await app.slack().next('response_url', (a) => /jezelf geen beheerder af maken/.test(a.text));
    await beheer(BOOT, `geen-admin <@${ANNA}>`);
    await app.slack().next('chat.postMessage', (a) => a.channel === dm(BOOT) && a.text === '<@UORANNA> is geen beheerder van de organisatie meer.');
    expect(await isAdmin(ctx, sid(ANNA))).toBe(false);
    await beheer(BOOT, 'leider or-noord Niemand Bekend');
    await app.slack().next('response_url', (a) => /Ik ken geen collega die "Niemand Bekend" heet/.test(a.text));
  });

  it('never shows anyone by their platform id', () => {
    expectNoRawIds(app.said(), { also: [BOOT, ANNA, BOB] });
  });
});

describe('organisation admins in Teams', () => {
  const admin = person('or-admin', 'Ada Admin');
  const tom = person('or-tom', 'Tom Teams');
  const { ctx, teams } = msTeamsAppFor({ clock, env: { WIJKWIJS_ADMINS: userIdOf(admin) }, roster: [admin] });

  beforeAll(() => teams.installPersonally(admin));

  it('takes the colleague from the @-mention in "beheer admin @Tom"', async () => {
    const [reply] = await teams.say(admin, `beheer admin <at>${tom.name}</at>`, { personal: true }, [tom]);
    expect(reply!.body.text).toBe('Tom Teams is nu beheerder van de organisatie.');
    expect(await isAdmin(ctx(), userIdOf(tom))).toBe(true);
  });
});
