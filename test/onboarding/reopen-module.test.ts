/**
 * A skipped module can be done after all, through Slack: "/onboarding heropen <n>" or the "Alsnog"
 * button in the newcomer's own view makes it the current module again; after it the programme goes
 * on where the newcomer was.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { readProgramme } from '../../src/onboarding/programme.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { repoRoot, type TestContext } from '../support/context.ts';
import { featureButton } from '../slack/support/flow-helpers.ts';
import { dm, sid, slackAppFor, slackTeam } from '../slack/support/slack-app.ts';

const clock = new ManualClock('2026-05-04T08:00:00Z');
const programme = readProgramme(path.join(repoRoot, 'knowledge', 'onboarding'));
const app = slackAppFor({ clock });
const TEAM = 'ro-slack';
const [NEW, BUDDY, LEAD] = ['URONEW', 'UROBUDDY', 'UROLEAD'];
let ctx: TestContext;

beforeAll(async () => {
  ctx = app.ctx();
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(NEW) });
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(BUDDY) });
  await slackTeam(app, TEAM, [[LEAD, 'Lotte Leider', 'lead'], [NEW, 'Noor Nieuw']]);
});

const enrollment = () => ctx.db.prisma.onboardingEnrollment.findUniqueOrThrow({ where: { teamId_userId: { teamId: TEAM, userId: sid(NEW) } } });
const progressOf = async (moduleId: string) => (await ctx.db.prisma.onboardingModuleProgress.findUnique({ where: { enrollmentId_moduleId: { enrollmentId: (await enrollment()).id, moduleId } } }))?.status;
const [first, second, third] = programme.modules;

describe('reopening a skipped module', () => {
  it('reopens it by number and comes back to where the newcomer was afterwards', async () => {
    const slack = app.slack();
    await slack.command(NEW, dm(NEW), '/onboarding', 'start 2026-05-04');
    await slack.next('chat.postMessage', (a) => a.channel === dm(NEW) && /^Top!/.test(a.text));
    await slack.command(NEW, dm(NEW), '/onboarding', 'sla over');
    await slack.next('chat.postMessage', (a) => a.channel === dm(NEW) && a.text.includes(`Module "${first!.title}" sla ik over`) && /\/onboarding heropen 1/.test(a.text));
    expect((await enrollment()).currentModule).toBe(second!.id);

    await slack.command(NEW, dm(NEW), '/onboarding', 'heropen 1');
    const reopened = await slack.next('chat.postMessage', (a) => a.channel === dm(NEW) && /staat weer voor je open/.test(a.text));
    expect(featureButton(reopened, 'onboarding.next').text.text).toBe('Beginnen');
    expect(await enrollment()).toMatchObject({ currentModule: first!.id, currentStep: 0, status: 'active' });
    expect(await progressOf(first!.id)).toBe('started');

    // Skipping it once more moves on to the module the newcomer had reached, not past it.
    await slack.command(NEW, dm(NEW), '/onboarding', 'sla over');
    await slack.next('chat.postMessage', (a) => a.channel === dm(NEW) && /sla ik over/.test(a.text));
    expect((await enrollment()).currentModule).toBe(second!.id);
  });

  it('offers "Alsnog" for a skipped module in the own view, and refuses a module that was not skipped', async () => {
    const slack = app.slack();
    await slack.command(NEW, dm(NEW), '/onboarding', '');
    const view = await slack.next('chat.postMessage', (a) => a.channel === dm(NEW) && /Jouw inwerkprogramma/.test(a.text));
    const alsnog = featureButton(view, 'onboarding.reopen', new RegExp(`Alsnog: ${first!.title}`));
    await slack.click(NEW, view, alsnog);
    await slack.next('chat.postMessage', (a) => a.channel === dm(NEW) && /staat weer voor je open/.test(a.text));
    expect((await enrollment()).currentModule).toBe(first!.id);

    await slack.command(NEW, dm(NEW), '/onboarding', 'heropen 3');
    await slack.next('response_url', (a) => /niet overgeslagen/.test(a.text));
    expect(await progressOf(third!.id)).toBeUndefined();
    await slack.command(BUDDY, dm(BUDDY), '/onboarding', 'heropen 1');
    await slack.next('chat.postMessage', (a) => a.channel === dm(BUDDY) && /geen inwerkprogramma/.test(a.text));
  });

  it('lets the lead see the skipped module by its number and reopen it from /onboarding status; the newcomer hears it', async () => {
    const slack = app.slack();
    await slack.command(NEW, dm(NEW), '/onboarding', 'sla over');
    await slack.next('chat.postMessage', (a) => a.channel === dm(NEW) && /sla ik over/.test(a.text));
    await slack.command(LEAD, dm(LEAD), '/onboarding', 'status');
    const status = await slack.next('chat.postMessage', (a) => a.channel === dm(LEAD) && /Inwerkprogramma team ro-slack/.test(a.text));
    expect(status.args.text).toContain(`quiz: 1. ${first!.title}: overgeslagen`);
    const reopen = featureButton(status, 'onboarding.reopen');
    expect(reopen.text.text).toMatch(/^Heropen voor Noor Nieuw: /);
    await slack.click(LEAD, status, reopen);
    await slack.next('chat.postMessage', (a) => a.channel === dm(LEAD) && /^Module ".*" staat weer open voor <@URONEW>, die het van mij hoort/.test(a.text));
    const told = await slack.next('chat.postMessage', (a) => a.channel === dm(NEW) && /^<@UROLEAD> heeft een overgeslagen module weer opengezet/.test(a.text));
    expect(featureButton(told, 'onboarding.next').text.text).toBe('Beginnen');
    expect(await enrollment()).toMatchObject({ currentModule: first!.id, status: 'active' });
  });
});
