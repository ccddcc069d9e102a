import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { webChatInChromium } from '../support/browser.ts';
import { repoRoot } from '../support/context.ts';

const chat = webChatInChromium({ prepare: (ctx) => ingestFiles(ctx, { paths: [`${repoRoot}/knowledge`] }) });

describe('local web chat in Chromium', () => {
  it('answers a question with citations whose passage opens on click, and records 👍', async () => {
    const { page, errors } = await chat.open();

    await page.getByLabel('Je vraag').fill('Hoe lang heb ik om de hulpvraag te verkennen?');
    await page.keyboard.press('Enter');

    const answer = page.locator('.message.assistant.mode-extractive');
    await expect.poll(() => answer.count(), { timeout: 15_000 }).toBe(1);
    expect(await answer.locator('.answer').innerText()).toMatch(/zes weken/i);

    const passage = answer.locator('.passage').first();
    expect(await passage.isHidden()).toBe(true);
    await answer.locator('button.marker', { hasText: '[1]' }).first().click();
    await expect.poll(() => passage.isVisible()).toBe(true);
    expect(await passage.innerText()).toMatch(/zes weken/i);
    expect(await answer.locator('.source-title').first().innerText()).toMatch(/Werkwijze/);

    await answer.getByRole('button', { name: /nuttig/i }).click();
    await expect.poll(() => answer.locator('.feedback-status').innerText()).toMatch(/Dank je/);
    expect(await chat.ctx.db.prisma.feedback.count({ where: { rating: 1 } })).toBe(1);

    // A follow-up continues the same conversation.
    await page.getByLabel('Je vraag').fill('en hoe zit het met vier-ogen?');
    await page.getByRole('button', { name: 'Vraag', exact: true }).click();
    await expect.poll(() => page.locator('.message.assistant.mode-extractive').count(), { timeout: 15_000 }).toBe(2);
    expect(await chat.ctx.db.prisma.conversation.count()).toBe(1);

    await page.screenshot({ path: `${repoRoot}/test-results/webchat.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it.each([
    [1280, 800],
    [390, 844],
  ])('keeps the question box in view at %i×%i: the message list scrolls, not the page', async (width, height) => {
    const page = await chat.browser.newPage({ viewport: { width, height } });
    await page.goto(chat.url);
    const questions = ['Hoe lang heb ik om de hulpvraag te verkennen?', 'Uit welke vier onderdelen bestaat SoNeStra?', 'Wanneer moet ik het vier-ogen principe toepassen?'];
    for (const [i, question] of questions.entries()) {
      await page.getByLabel('Je vraag').fill(question);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.message.assistant:not(.pending)').count(), { timeout: 15_000 }).toBe(i + 1);
    }
    const layout = await page.evaluate(() => {
      const box = document.querySelector('#question')!.getBoundingClientRect();
      const list = document.querySelector('main')!;
      return {
        inputTop: box.top,
        inputBottom: box.bottom,
        viewport: window.innerHeight,
        pageOverflow: document.documentElement.scrollHeight - window.innerHeight,
        scrollY: window.scrollY,
        listOverflow: list.scrollHeight - list.clientHeight,
      };
    });
    expect(layout.inputTop).toBeGreaterThanOrEqual(0);
    expect(layout.inputBottom).toBeLessThanOrEqual(layout.viewport);
    expect(layout.pageOverflow).toBeLessThanOrEqual(0);
    expect(layout.scrollY).toBe(0);
    // Three answers do not fit: the list itself holds them and scrolls.
    expect(layout.listOverflow).toBeGreaterThan(0);
    await page.close();
  });

  it("shows the server's Dutch error message instead of failing silently", async () => {
    const page = await chat.browser.newPage();
    await page.goto(chat.url);
    // Only the page is under test here: the server's own error answers are tested over HTTP.
    await page.route('**/api/chat', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'database_unavailable', message: 'De database is even niet bereikbaar.' } }) }),
    );
    await page.getByLabel('Je vraag').fill('Wat zijn de kernwaarden?');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.message.error').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('.message.error').innerText()).toBe('De database is even niet bereikbaar.');
    expect(await page.getByRole('button', { name: 'Vraag', exact: true }).isEnabled()).toBe(true);
  });
});
