/**
 * People by name through Slack: names come from users.info, are kept with their fetch time and
 * fetched again after a week; a name given by hand is kept; Slack messages mention people (<@U…>)
 * while what the web chat reads of the same message names them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { addMember } from '../../src/teams/add-member.ts';
import { OPERATOR } from '../../src/teams/authorise.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import type { TestContext } from '../support/context.ts';
import { expectNoRawIds } from '../support/raw-ids.ts';
import { dm, sid, slackAppFor } from '../slack/support/slack-app.ts';

const clock = new ManualClock('2026-05-04T08:00:00Z'); // Monday 10:00 in Amsterdam
const app = slackAppFor({ clock });
const TEAM = 'nm-slack';
const [LEAD, COACH, NAMED] = ['UNMLEAD', 'UNMCOACH', 'UNMNAMED'];
let ctx: TestContext;

beforeAll(async () => {
  ctx = app.ctx();
  app.api().names.set(LEAD, 'Lotte Leider');
  app.api().names.set(COACH, 'Cas Coach');
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(LEAD), role: 'lead' });
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(COACH) });
  // Named by an admin (wijkwijs team add … --naam): that name stays, whatever Slack says.
  await addMember(ctx.db.prisma, OPERATOR, { teamId: TEAM, userId: sid(NAMED), displayName: 'Nina Genoemd' });
  app.api().names.set(NAMED, 'nina.g');
});

const lookups = (user: string) => app.api().callsTo('users.info').filter((c) => c.args.user === user).length;
const lastToCoach = () => ctx.db.prisma.notification.findFirstOrThrow({ where: { userId: sid(COACH) }, orderBy: { createdAt: 'desc' } });

describe('names from Slack', () => {
  it('mentions the lead in Slack and names them for the web chat, fetched once from users.info', async () => {
    const slack = app.slack();
    await slack.command(LEAD, dm(LEAD), '/afwezig', '');
    const modal = await slack.next('views.open');
    const who = modal.args.view.blocks.find((b: any) => b.block_id === 'field:who');
    // The lead picks a colleague by name; nobody's id shows in the form.
    expect(who.element.options.map((o: any) => o.text.text)).toEqual(['Ik zelf', 'Cas Coach', 'Nina Genoemd']);
    await slack.submit(LEAD, modal, { who: sid(COACH), startsOn: '2026-05-11', endsOn: '2026-05-15', kind: 'verlof' });
    const toCoach = await slack.next('chat.postMessage', (a) => a.channel === dm(COACH));
    expect(toCoach.args.text).toMatch(/^<@UNMLEAD> heeft voor je genoteerd dat je afwezig bent van maandag 11 mei 2026 t\/m vrijdag 15 mei 2026/);
    expect(JSON.stringify(toCoach.args.blocks)).toContain('<@UNMLEAD> heeft');
    expect(((await lastToCoach()).reply as { text: string }).text).toMatch(/^Lotte Leider heeft voor je genoteerd/);
    await slack.next('chat.postMessage', (a) => a.channel === dm(LEAD) && /^Genoteerd voor <@UNMCOACH>, die het van mij hoort: verlof/.test(a.text));
    expect(lookups(LEAD)).toBe(1);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: sid(LEAD) } })).displayName).toBe('Lotte Leider');
  });

  it('uses the stored name within a week and fetches it again after', async () => {
    const slack = app.slack();
    await slack.command(COACH, dm(COACH), '/afwezig', 'terug'); // nothing runs yet: not away today
    await slack.command(LEAD, dm(LEAD), '/afwezig', 'team');
    await slack.next('chat.postMessage', (a) => a.channel === dm(LEAD) && /Gepland: <@UNMCOACH>: verlof/.test(a.text));
    expect(lookups(COACH)).toBe(1);

    app.api().names.set(COACH, 'Cas de Coach');
    clock.set('2026-05-12T08:00:00Z'); // eight days on: the name is refreshed
    await slack.command(LEAD, dm(LEAD), '/afwezig', 'team');
    await slack.next('chat.postMessage', (a) => a.channel === dm(LEAD) && /Nu afwezig: <@UNMCOACH>: verlof/.test(a.text));
    expect(lookups(COACH)).toBe(2);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: sid(COACH) } })).displayName).toBe('Cas de Coach');
  });

  it('keeps a name an admin gave and never asks Slack for it', async () => {
    const slack = app.slack();
    await slack.command(LEAD, dm(LEAD), '/afwezig', '');
    const modal = await slack.next('views.open');
    expect(JSON.stringify(modal.args.view)).toContain('Nina Genoemd');
    expect(lookups(NAMED)).toBe(0);
  });

  it('never shows anyone by their platform id', () => {
    expectNoRawIds(app.said(), { also: [LEAD, COACH, NAMED] });
  });
});
