import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { isJsonMediaType, openApiViolations } from '../../support/openapi-contract.ts';

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

/**
 * Checks every answer the workbench receives from the API against the OpenAPI document (see
 * `openApiViolations`), so a client built from a wrong document cannot pass unnoticed.
 * `violations()` waits for the answers still being read and returns what was found since
 * its last call.
 */
export function recordOpenApiViolations(context: BrowserContext): {
  violations(): Promise<string[]>;
} {
  const found: string[] = [];
  const reading = new Set<Promise<void>>();
  context.on('response', (response) => {
    const contentType = response.headers()['content-type'] ?? null;
    const check = (isJsonMediaType(contentType) ? response.json() : Promise.resolve(undefined))
      .then((body: unknown) => {
        found.push(
          ...openApiViolations(
            response.request().method(),
            response.url(),
            response.status(),
            contentType,
            body,
          ),
        );
      })
      // A page closed before its answer was read: nothing left to check.
      .catch(() => undefined)
      .finally(() => reading.delete(check));
    reading.add(check);
  });
  return {
    async violations() {
      await Promise.all(reading);
      return found.splice(0);
    },
  };
}

/**
 * A browser context signed in with `key` as the key form leaves it (in local storage), whose
 * every API answer is checked against the OpenAPI document (`answers.violations()`).
 * Desktop-sized unless `options` say otherwise.
 */
export async function signedInContext(
  browser: Browser,
  key: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; answers: ReturnType<typeof recordOpenApiViolations> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(30_000);
  const answers = recordOpenApiViolations(context);
  await context.addInitScript((stored) => {
    (
      globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
    ).localStorage.setItem('tagwise.apiKey', stored);
  }, key);
  return { context, answers };
}

/** A new page of `context` at `url`; an error the page does not catch fails the test. */
export async function openCheckedPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(url);
  return page;
}
