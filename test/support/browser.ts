import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Feature } from '../../src/assistant/context.ts';
import { startWebServer, type RunningServer } from '../../src/channels/web/server.ts';
import { createTestContext, type TestContext } from './context.ts';

const CHROMIUM = '/usr/bin/chromium';

/** Debian's headless Chromium with the flags this closed network needs (no background connections). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium ontbreekt op ${CHROMIUM}: installeer het Debian-pakket chromium (.ci/run doet dat).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A new page on the web chat that collects the page's errors and console errors, to assert there are none. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  return { page, errors };
}

export interface WebChatInChromium {
  ctx: TestContext;
  url: string;
  browser: Browser;
  /** A new page on the chat, with its errors collected (see `openPage`). */
  open(): Promise<{ page: Page; errors: string[] }>;
}

/**
 * For the whole test file: a context (with `features` when given, else the real list), `prepare` run
 * on it, the web chat served from it and a Chromium. The fields are filled once the file's beforeAll ran.
 */
export function webChatInChromium(setUp: { features?: readonly Feature[]; prepare?: (ctx: TestContext) => Promise<unknown> } = {}): WebChatInChromium {
  let server: RunningServer | undefined;
  const chat = { open: () => openPage(chat.browser, chat.url) } as WebChatInChromium;
  beforeAll(async () => {
    chat.ctx = await createTestContext({ PORT: '0' }, undefined, undefined, setUp.features);
    await setUp.prepare?.(chat.ctx);
    server = await startWebServer(chat.ctx);
    chat.url = server.url;
    chat.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await chat.browser?.close();
    await server?.close();
    await chat.ctx?.close();
  });
  return chat;
}
