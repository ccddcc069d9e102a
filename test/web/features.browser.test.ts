/**
 * The web chat in Chromium with what features send: the assistant's own messages with buttons, replies
 * that replace the message with the button, and forms with select, date, time and number fields.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Feature } from '../../src/assistant/context.ts';
import { notice } from '../../src/assistant/feature-kit.ts';
import type { Reply, Turn } from '../../src/assistant/reply.ts';
import { WEB_USER_ID } from '../../src/channels/web/server.ts';
import { FEATURES } from '../../src/features.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { webChatInChromium } from '../support/browser.ts';

const turns: Turn[] = [];

const TEST_FEATURE: Feature = {
  commands: {
    webtest: async (_ctx, turn) => ({
      ...notice(turn, 'Plan een overleg.'),
      form: {
        id: 'plan-1',
        title: 'Overleg plannen',
        fields: [
          { name: 'soort', label: 'Soort overleg', value: '', kind: 'select', options: [{ value: 'twintig', label: 'Twintig ogen' }, { value: 'intervisie', label: 'Intervisie' }] },
          { name: 'datum', label: 'Datum', value: '2026-03-05', kind: 'date', hint: 'Een werkdag.' },
          { name: 'tijd', label: 'Tijd', value: '09:30', kind: 'time' },
          { name: 'aantal', label: 'Aantal collega’s', value: '4', kind: 'number', optional: true },
        ],
        submit: { id: 'webtest.plan', label: 'Plannen' },
      },
    }),
  },
  actionPrefix: 'webtest',
  onAction: async (_ctx, turn, action) => {
    turns.push(turn);
    if (action.id === 'webtest.plan') return notice(turn, `Gepland: ${action.fields?.soort} op ${action.fields?.datum} om ${action.fields?.tijd} met ${action.fields?.aantal}.`);
    return { ...notice(turn, `Je bent aangemeld voor ${action.value}.`), replacesSource: true };
  },
};

const chat = webChatInChromium({
  features: [...FEATURES, TEST_FEATURE],
  prepare: (ctx) => ensureMember(ctx.db.prisma, { teamId: ctx.config.defaultTeam, userId: WEB_USER_ID }),
});

describe('web chat with feature messages in Chromium', () => {
  it('shows a team message with its button; the reply replaces it, and an update of the message replaces it again', async () => {
    const announcement: Reply = {
      ...notice({ channel: 'web', userId: 'system' }, 'Intervisie op donderdag: wie doet mee?'),
      actions: [{ id: 'webtest.join', label: 'Ik doe mee', value: 'intervisie-7', style: 'primary' }],
    };
    await chat.ctx.messenger.send({ to: { teamId: chat.ctx.config.defaultTeam }, reply: announcement, key: 'webtest.intervisie' });
    const { page, errors } = await chat.open();

    const bubble = page.locator('.message.notification');
    await expect.poll(() => bubble.count(), { timeout: 10_000 }).toBe(1);
    expect(await bubble.innerText()).toMatch(/Bericht van Wijkwijs aan je team/);
    expect(await bubble.locator('.answer').innerText()).toMatch(/Intervisie op donderdag/);

    await bubble.getByRole('button', { name: 'Ik doe mee' }).click();
    await expect.poll(() => bubble.locator('.answer').innerText(), { timeout: 10_000 }).toMatch(/aangemeld voor intervisie-7/);
    expect(await page.locator('.message.assistant').count()).toBe(1);
    expect(turns.at(-1)).toMatchObject({ channel: 'web', teamId: chat.ctx.config.defaultTeam, action: { id: 'webtest.join', value: 'intervisie-7' } });

    // The same message updated (e.g. a new count): it takes the place of its bubble, on the next poll.
    await new Promise((r) => setTimeout(r, 5));
    await chat.ctx.messenger.send({ to: { teamId: chat.ctx.config.defaultTeam }, reply: { ...announcement, text: 'Intervisie op donderdag: 3 collega’s doen mee.' }, key: 'webtest.intervisie' });
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => page.locator('.message.notification .answer').innerText(), { timeout: 10_000 }).toMatch(/3 collega’s doen mee/);
    expect(await page.locator('.message.assistant').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('renders a form with select, date, time and number fields, labelled, and submits the chosen values', async () => {
    const { page, errors } = await chat.open();
    await page.getByLabel('Je vraag').fill('/webtest');
    await page.keyboard.press('Enter');
    const form = page.locator('form.reply-form');
    await expect.poll(() => form.count(), { timeout: 10_000 }).toBe(1);

    const select = form.getByLabel('Soort overleg');
    expect(await select.evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await select.inputValue()).toBe('');
    const date = form.getByLabel('Datum');
    expect(await date.getAttribute('type')).toBe('date');
    expect(await date.inputValue()).toBe('2026-03-05');
    expect(await date.getAttribute('aria-describedby')).toBeTruthy();
    expect(await form.locator(`#${await date.getAttribute('aria-describedby')}`).innerText()).toBe('Een werkdag.');
    expect(await form.getByLabel('Tijd').getAttribute('type')).toBe('time');
    const number = form.getByLabel(/Aantal collega’s/);
    expect(await number.getAttribute('type')).toBe('number');
    expect(await number.evaluate((el) => (el as HTMLInputElement).required)).toBe(false);

    // The select has no choice yet and is required: the browser keeps the form from going out.
    await form.getByRole('button', { name: 'Plannen' }).click();
    await new Promise((r) => setTimeout(r, 300));
    expect(turns.some((t) => t.action?.id === 'webtest.plan')).toBe(false);

    await select.selectOption('intervisie');
    await date.fill('2026-03-12');
    await form.getByLabel('Tijd').fill('14:15');
    await number.fill('6');
    await form.getByRole('button', { name: 'Plannen' }).click();
    await expect.poll(() => page.locator('.message.assistant .answer', { hasText: 'Gepland' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('.message.assistant .answer', { hasText: 'Gepland' }).innerText()).toBe('Gepland: intervisie op 2026-03-12 om 14:15 met 6.');
    expect(turns.find((t) => t.action?.id === 'webtest.plan')!.action).toMatchObject({ value: 'plan-1', fields: { soort: 'intervisie', datum: '2026-03-12', tijd: '14:15', aantal: '6' } });
    expect(errors).toEqual([]);
  });
});
