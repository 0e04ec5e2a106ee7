import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Debian's Chromium, headless (Playwright cannot download its own browsers here). */
export async function launchBrowser(): Promise<Browser> {
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Saves `test/e2e/screenshots/<name>.png` (git-ignored): the part a flow is about when
 * given (a cell), else the visible page (`fullPage` for the whole notebook).
 */
export async function screenshot(
  page: Page,
  name: string,
  target?: Locator | { fullPage: true },
): Promise<void> {
  const path = `${SCREENSHOTS}${name}.png`;
  if (target === undefined) await page.screenshot({ path });
  else if ('fullPage' in target) await page.screenshot({ path, fullPage: true });
  else await target.screenshot({ path });
}
