import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WEB_USER_ID } from '../../src/channels/web/server.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { webChatInChromium } from '../support/browser.ts';
import { repoRoot } from '../support/context.ts';

/** The confirm-before-store form in the web chat, in a real Chromium, and its /api/action endpoint. */

const chat = webChatInChromium({ prepare: (ctx) => ensureMember(ctx.db.prisma, { teamId: ctx.config.defaultTeam, userId: WEB_USER_ID }) });

async function sendCase(page: Page, text: string): Promise<void> {
  await page.getByLabel('Je vraag').fill(`/casus ${text}`);
  await page.keyboard.press('Enter');
}

describe('a case text in the web chat', () => {
  it('comes back anonymised in a form; an edit with a name is caught; Opslaan then stores it', async () => {
    const { page, errors } = await chat.open();
    await sendCase(page, 'Huisvesting na een brand\n\nMeneer Gerrit Hoekstra (67) woont sinds de brand in de Lindelaan 4 bij zijn dochter. Het team zoekt met de corporatie naar een nieuwe woning.');

    const forms = page.locator('form.reply-form');
    await expect.poll(() => forms.count(), { timeout: 15_000 }).toBe(1);
    const first = forms.first();
    expect(await first.locator('h2').innerText()).toBe('Casus controleren');
    const textarea = first.getByLabel('Casus zonder persoonsgegevens');
    const value = await textarea.inputValue();
    expect(value).toMatch(/Meneer \[PERSOON-1\] \(\[LEEFTIJD-1\]\)/);
    expect(value).not.toMatch(/Hoekstra|Lindelaan/);
    expect(await page.locator('.message.assistant .notice').first().innerText()).toMatch(/1 naam/);
    expect(await chat.ctx.db.prisma.document.count()).toBe(0);

    await textarea.fill(`${value}\nZijn dochter Anneke Hoekstra regelt de post.`);
    await first.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => forms.count(), { timeout: 15_000 }).toBe(2);
    expect(await first.getByRole('button', { name: 'Opslaan' }).isDisabled()).toBe(true);
    const second = forms.nth(1);
    const checked = await second.getByLabel('Casus zonder persoonsgegevens').inputValue();
    expect(checked).not.toMatch(/Anneke|Hoekstra/);
    expect(checked).toMatch(/Zijn dochter \[PERSOON-2\] regelt de post/);
    expect(await chat.ctx.db.prisma.document.count()).toBe(0);

    await second.getByRole('button', { name: 'Opslaan' }).click();
    const stored = page.locator('.message.assistant .answer', { hasText: 'is opgeslagen bij' });
    await expect.poll(() => stored.count(), { timeout: 15_000 }).toBe(1);
    const doc = await chat.ctx.db.prisma.document.findFirstOrThrow({ where: { type: 'casus' } });
    expect(doc).toMatchObject({ title: 'Huisvesting na een brand', collectionId: `team:${chat.ctx.config.defaultTeam}` });

    await page.screenshot({ path: `${repoRoot}/test-results/webchat-casus.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('is dropped with Annuleren', async () => {
    const { page, errors } = await chat.open();
    await sendCase(page, 'Een inwoner zoekt vrijwilligerswerk in de wijk.');
    const form = page.locator('form.reply-form');
    await expect.poll(() => form.count(), { timeout: 15_000 }).toBe(1);
    await form.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => page.locator('.message.assistant .answer', { hasText: 'weggegooid' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await chat.ctx.db.prisma.caseDraft.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows a failed submit next to the form and lets the coach try again', async () => {
    const { page } = await chat.open();
    await sendCase(page, 'Een inwoner met vragen over mantelzorg.');
    const form = page.locator('form.reply-form');
    await expect.poll(() => form.count(), { timeout: 15_000 }).toBe(1);
    await page.route('**/api/action', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'database_unavailable', message: 'De database is even niet bereikbaar.' } }) }),
    );
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => form.locator('.reply-form-status').innerText()).toBe('De database is even niet bereikbaar.');
    expect(await form.getByRole('button', { name: 'Opslaan' }).isEnabled()).toBe(true);
    await page.unroute('**/api/action');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.locator('.message.assistant .answer', { hasText: 'is opgeslagen bij' }).count(), { timeout: 15_000 }).toBe(1);
  });
});

describe('POST /api/action', () => {
  const action = (body: unknown) =>
    fetch(`${chat.url}/api/action`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it.each([
    ['a body of the wrong shape', { action: 'case.confirm' }, 400, /niet goed opgebouwd/],
    ['an unknown button', { actionId: 'iets.anders', value: 'x' }, 400, /knop ken ik niet/],
    ['an unknown draft', { actionId: 'case.confirm', value: 'bestaat-niet', fields: { text: 'tekst' } }, 404, /bestaat niet meer/],
    ['a confirm without its text', { actionId: 'case.confirm', value: 'bestaat-niet' }, 400, /ontbreekt/],
  ])('answers %s with a Dutch error', async (_label, body, status, message) => {
    const response = await action(body);
    expect(response.status).toBe(status);
    expect((await response.json()).error.message).toMatch(message);
  });

  it('also takes the feedback buttons', async () => {
    const answer = await chat.ctx.db.prisma.answer.create({
      data: { conversation: { create: { channel: 'web', userId: WEB_USER_ID } }, question: 'q', text: 't', mode: 'extractive' },
    });
    const response = await action({ actionId: 'feedback.up', value: answer.id });
    expect(response.status).toBe(200);
    expect((await response.json()).text).toMatch(/Dank je/);
    expect(await chat.ctx.db.prisma.feedback.count({ where: { answerId: answer.id, rating: 1 } })).toBe(1);
  });
});
