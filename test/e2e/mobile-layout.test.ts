import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  openCheckedPage,
  recordOpenApiViolations,
  screenshot,
  signedInContext,
} from './support/browser.ts';
import { seedWorkspace } from './support/seed.ts';
import { startE2eServer, waitForJob, type E2eServer } from './support/server.ts';
import { tagSeededWorkspace, type TaggedWorkspace } from './support/tagging.ts';

const WORKSPACE = 'shop';
const FLOW_TIMEOUT = 180_000;
/** An iPhone-sized screen. */
const PHONE = { width: 390, height: 844 };

/** 300 characters without a space, and the kinds of long value customers' data holds. */
const LONG_TOKEN = 'x'.repeat(100) + 'y'.repeat(100) + 'z'.repeat(100);
const LONG_URL = `https://shop.example.com/campaigns/${'spring-sale-'.repeat(12)}landing?utm_source=newsletter&utm_medium=email`;
const LONG_EMAIL = `${'first.middle.last.'.repeat(5)}name@subdomain.example-company-with-a-long-name.com`;
const LONG_CUSTOMER = 'long-values';

/** The little of the browser's globals the measurements below use (no DOM lib in this tsconfig). */
interface Box {
  left: number;
  right: number;
}
interface ElementLike {
  tagName: string;
  className: unknown;
  id: string;
  parentElement: ElementLike | null;
  getBoundingClientRect(): Box;
  closest(selector: string): { getAttribute(name: string): string | null } | null;
}
interface BrowserGlobals {
  innerWidth: number;
  document: {
    documentElement: { scrollWidth: number };
    querySelectorAll(selector: string): Iterable<ElementLike>;
  };
  getComputedStyle(element: ElementLike): { overflowX: string; display: string };
}

/** How wide the page is: wider than the window when it scrolls sideways. */
const pageWidth = (page: Page) =>
  page.evaluate(
    () => (globalThis as unknown as BrowserGlobals).document.documentElement.scrollWidth,
  );

interface Overflow {
  viewport: number;
  scrollWidth: number;
  /** Elements reaching past the right edge of the screen, outside any scrolling frame. */
  outside: string[];
}

/** How far the page reaches sideways, and what sticks out (to say what broke the layout). */
function measureOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const browser = globalThis as unknown as BrowserGlobals;
    const viewport = browser.innerWidth;
    // A frame that scrolls sideways, or the 1-pixel box of text kept for screen readers only
    // (anything else clipping content would hide it, which is no fix).
    const scrolls = (element: ElementLike) => {
      const overflow = browser.getComputedStyle(element).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') return true;
      const box = element.getBoundingClientRect();
      return (overflow === 'hidden' || overflow === 'clip') && box.right - box.left <= 1;
    };
    const insideFrame = (element: ElementLike) => {
      for (let up = element.parentElement; up !== null; up = up.parentElement) {
        if (scrolls(up)) return true;
      }
      return false;
    };
    const inChart = (element: ElementLike) => {
      const label = element.closest('svg[aria-label]')?.getAttribute('aria-label');
      return label ? ` in chart "${label}"` : '';
    };
    const name = (element: ElementLike) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
        typeof element.className === 'string' && element.className !== ''
          ? `.${element.className.trim().split(/\s+/).join('.')}`
          : ''
      }${element.tagName.toLowerCase() === 'svg' ? '' : inChart(element)}`;
    const sticksOut = (element: ElementLike) =>
      element.getBoundingClientRect().right > viewport + 1 && !insideFrame(element);
    // The outermost elements that stick out: those are what widen the page.
    const outside: string[] = [];
    for (const element of browser.document.querySelectorAll('body *')) {
      const parent = element.parentElement;
      if (sticksOut(element) && (parent === null || !sticksOut(parent))) {
        outside.push(
          `${name(element)} reaches ${Math.round(element.getBoundingClientRect().right)}px`,
        );
      }
    }
    return {
      viewport,
      scrollWidth: browser.document.documentElement.scrollWidth,
      outside: outside.slice(0, 30),
    };
  });
}

/** The page fits the screen's width: nothing makes it scroll sideways. */
async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const overflow = await measureOverflow(page);
  expect(overflow, what).toEqual({ viewport: PHONE.width, scrollWidth: PHONE.width, outside: [] });
}

/**
 * The workbench on a phone-sized screen in Chromium: every page fits the width of the screen
 * (wide tables scroll inside their own frame, charts shrink to fit), the review queue can be
 * worked without scrolling the page sideways, and long unbroken values wrap instead of
 * widening the page.
 */
describe('workbench at phone width in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let answers: ReturnType<typeof recordOpenApiViolations>;
  let tagged: TaggedWorkspace;
  let notebookUrl = '';

  beforeAll(async () => {
    server = await startE2eServer();
    await seedWorkspace(server, WORKSPACE);
    tagged = await tagSeededWorkspace(server, WORKSPACE);
    const training = await waitForJob(
      server,
      WORKSPACE,
      await server.api('POST', `/v1/workspaces/${WORKSPACE}/churn/train`, {
        label: { kind: 'column', column: 'churned' },
        model: 'logistic',
        seed: 1,
      }),
    );
    await server.api(
      'POST',
      `/v1/workspaces/${WORKSPACE}/churn/models/${training.result?.modelId as string}/activate`,
      { override: true, reason: 'the first model of the workspace' },
    );
    // Churn scores, and the suggestions they make, for the review queue to show.
    const base = `/v1/workspaces/${WORKSPACE}`;
    await waitForJob(server, WORKSPACE, await server.api('POST', `${base}/churn/score`, {}));
    await waitForJob(
      server,
      WORKSPACE,
      await server.api('POST', `${base}/suggestions/generate`, { sources: ['churn'] }),
    );
    await server.api('POST', `/v1/workspaces/${WORKSPACE}/customers`, {
      customers: [
        {
          externalId: LONG_CUSTOMER,
          attributes: { plan: 'basic', note: LONG_TOKEN, landing: LONG_URL, email: LONG_EMAIL },
        },
      ],
    });
    browser = await launchBrowser();
    // Signed in as the admin, as the key form would leave it.
    ({ context, answers } = await signedInContext(browser, server.key, {
      viewport: PHONE,
      deviceScaleFactor: 1,
    }));
  }, FLOW_TIMEOUT);

  afterEach(async () => {
    expect(await answers.violations()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const openPage = (path: string): Promise<Page> =>
    openCheckedPage(context, `${server.url}${path}`);

  it(
    'fits the workspace list and the workspace page, header included, to the screen',
    async () => {
      const home = await openPage('/');
      await home.getByRole('link', { name: 'shop (test shop)' }).waitFor();
      await home.getByRole('button', { name: 'Sign out' }).waitFor();
      await expectNoSidewaysScroll(home, 'workspace list');
      // The header's sign-out button is on screen, not past its right edge.
      const signOut = await home.getByRole('button', { name: 'Sign out' }).boundingBox();
      expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(PHONE.width);
      await screenshot(home, 'phone-01-workspaces');
      await home.close();

      const workspace = await openPage(`/w/${WORKSPACE}`);
      await workspace.getByRole('button', { name: 'Open the latest results' }).waitFor();
      await workspace.getByText('No notebooks yet.').waitFor();
      await expectNoSidewaysScroll(workspace, 'workspace page');
      await workspace.getByRole('button', { name: 'Open the latest results' }).click();
      await workspace.waitForURL(/\/w\/shop\/notebooks\/[0-9a-f-]{36}$/);
      notebookUrl = new URL(workspace.url()).pathname;
      await workspace.locator('[data-save-state="saved"]').waitFor();
      // The list with a notebook in it, its actions included.
      await workspace.goto(`${server.url}/w/${WORKSPACE}`);
      await workspace.getByRole('button', { name: 'Delete Latest results' }).waitFor();
      await expectNoSidewaysScroll(workspace, 'workspace page with a notebook');
      await screenshot(workspace, 'phone-02-workspace', { fullPage: true });
      // The review page: its queue reads as cards, as in a notebook.
      await workspace.getByRole('link', { name: 'Review them' }).click();
      await workspace.getByRole('grid', { name: 'Pending suggestions' }).waitFor();
      await expectNoSidewaysScroll(workspace, 'review page');
      await screenshot(workspace, 'phone-02-review-page');
      await workspace.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'fits a notebook with every kind of cell to the screen, its charts shrunk to fit',
    async () => {
      const page = await openPage(notebookUrl);
      const status = (type: string) =>
        page.locator(`[data-cell-type="${type}"] [data-status]`).getAttribute('data-status');
      await expect.poll(() => status('cluster')).toBe('done');
      for (const type of ['data', 'segment', 'report']) {
        await page.getByLabel('Add a cell', { exact: true }).selectOption(type);
        await page.getByRole('button', { name: 'Add cell' }).click();
        await page.locator(`[data-cell-type="${type}"]`).waitFor();
      }
      await page
        .locator('[data-cell-type="data"]')
        .getByRole('rowheader', { name: 'recency_days' })
        .waitFor();
      // The Data cell lists the long values among the most frequent of each text attribute.
      await page.locator('[data-cell-type="data"]').getByText(LONG_TOKEN).waitFor();
      await page
        .locator('[data-cell-type="profiles"]')
        .getByText('Feature z-scores per cluster')
        .waitFor();
      await page
        .locator('[data-cell-type="churn"] svg[aria-label="Reliability diagram"]')
        .waitFor();
      const review = page.locator('[data-cell-type="review"]');
      const queue = review.getByRole('grid', { name: 'Pending suggestions' });
      await expect.poll(() => queue.locator('tbody tr').count()).toBeGreaterThan(0);
      await page
        .locator('[data-cell-type="segment"] output[data-count]')
        .getByText(/customers? match$/)
        .waitFor();
      const report = page.locator('[data-cell-type="report"]');
      await report.locator('svg').first().waitFor();
      await expect.poll(() => report.locator('[aria-busy="true"]').count()).toBe(0);
      await page.locator('[data-save-state="saved"]').waitFor();

      await expectNoSidewaysScroll(page, 'notebook');

      // Every chart fits the screen and keeps a legible size.
      const charts = await page.locator('figure svg[aria-label]').evaluateAll((svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          return { label: svg.getAttribute('aria-label'), left: box.left, right: box.right };
        }),
      );
      expect(charts.length).toBeGreaterThan(5);
      for (const chart of charts) {
        expect(chart.right, chart.label ?? '').toBeLessThanOrEqual(PHONE.width);
        expect(chart.right - chart.left, chart.label ?? '').toBeGreaterThanOrEqual(240);
      }

      // The review queue is worked without scrolling the page: the first row's buttons are
      // on screen and accept the suggestion.
      const first = queue.locator('tbody tr').first();
      const id = await first.getAttribute('data-suggestion');
      for (const name of ['Accept', 'Reject']) {
        const button = await first.getByRole('button', { name }).boundingBox();
        expect(button!.x, name).toBeGreaterThanOrEqual(0);
        expect(button!.x + button!.width, name).toBeLessThanOrEqual(PHONE.width);
      }
      await first.getByRole('button', { name: 'Accept' }).click();
      await expect.poll(() => queue.locator(`tr[data-suggestion="${id}"]`).count()).toBe(0);
      const accepted = await server.api<{ items: { id: string }[] }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/suggestions?status=accepted&limit=500`,
      );
      expect(accepted.items.map((s) => s.id)).toContain(id);
      await expectNoSidewaysScroll(page, 'notebook after a decision');
      await screenshot(page, 'phone-03-notebook', { fullPage: true });
      for (const type of ['data', 'cluster', 'profiles', 'churn', 'review', 'segment', 'report']) {
        await screenshot(page, `phone-03-${type}`, page.locator(`[data-cell-type="${type}"]`));
      }
      await page.locator('[data-save-state="saved"]').waitFor();
      await page.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'wraps long unbroken attribute values on the customer page instead of widening it',
    async () => {
      const page = await openPage(`/w/${WORKSPACE}/customers/${LONG_CUSTOMER}`);
      await page.getByRole('heading', { name: `Customer ${LONG_CUSTOMER}` }).waitFor();
      const attributes = page.getByRole('region', { name: 'Attributes' });
      for (const value of [LONG_TOKEN, LONG_URL, LONG_EMAIL]) {
        // The whole value is there to read (not cut off), and it stays on screen.
        const shown = attributes.getByText(value, { exact: true });
        expect(await shown.textContent()).toBe(value);
        const box = await shown.boundingBox();
        expect(box!.x + box!.width, value).toBeLessThanOrEqual(PHONE.width);
      }
      await expectNoSidewaysScroll(page, 'customer page with long values');
      await screenshot(page, 'phone-04-customer-long-values', { fullPage: true });

      // A customer with tags, churn factors and open suggestions.
      const held = await server.api<{ items: { customer: string }[] }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/suggestions?status=accepted&tag=${tagged.clusterTag}&limit=1`,
      );
      const customer = held.items[0]!.customer;
      await page.goto(`${server.url}/w/${WORKSPACE}/customers/${customer}`);
      await page.getByRole('region', { name: 'Tags' }).getByRole('link').first().waitFor();
      await page.getByRole('region', { name: 'Features' }).getByText('recency_days').waitFor();
      await expectNoSidewaysScroll(page, 'customer page');
      await screenshot(page, 'phone-05-customer', { fullPage: true });
      await page.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'keeps the desktop layout at 1280 px: charts at the size they ask for, the review queue a table',
    async () => {
      const { context: desktop, answers: desktopAnswers } = await signedInContext(
        browser,
        server.key,
      );
      try {
        const page = await desktop.newPage();
        await page.goto(`${server.url}${notebookUrl}`);
        const svgWidth = (label: string) =>
          page
            .locator(`figure svg[aria-label="${label}"]`)
            .evaluate((svg) => svg.getBoundingClientRect().width);
        await page.locator('figure svg[aria-label="Reliability diagram"]').waitFor();
        expect(await svgWidth('ROC curve')).toBe(300);
        expect(await svgWidth('Lift by decile')).toBe(360);
        expect(await svgWidth('Cluster sizes')).toBe(520);
        const queue = page
          .locator('[data-cell-type="review"]')
          .getByRole('grid', { name: 'Pending suggestions' });
        await queue.locator('tbody tr').first().waitFor();
        const display = await queue.evaluate(
          (table) =>
            (globalThis as unknown as BrowserGlobals).getComputedStyle(
              table as unknown as ElementLike,
            ).display,
        );
        expect(display).toBe('table');
        expect(await queue.getByRole('columnheader', { name: 'Confidence' }).isVisible()).toBe(
          true,
        );
        expect(await pageWidth(page)).toBe(1280);
        await screenshot(page, 'desktop-notebook', { fullPage: true });
        await page.goto(`${server.url}/w/${WORKSPACE}/customers/${LONG_CUSTOMER}`);
        await page.getByRole('region', { name: 'Attributes' }).getByText(LONG_TOKEN).waitFor();
        expect(await pageWidth(page)).toBe(1280);
        await screenshot(page, 'desktop-customer-long-values', { fullPage: true });
        expect(await desktopAnswers.violations()).toEqual([]);
      } finally {
        await desktop.close();
      }
    },
    FLOW_TIMEOUT,
  );

  it(
    'fits the tag page, with its provenance and history, to the screen',
    async () => {
      const page = await openPage(`/w/${WORKSPACE}/tags/${tagged.clusterTag}`);
      await page.getByRole('heading', { name: /Steady buyers/ }).waitFor();
      await page
        .getByText(/cluster \d of clustering run/)
        .first()
        .waitFor();
      await expectNoSidewaysScroll(page, 'tag page');
      await screenshot(page, 'phone-06-tag', { fullPage: true });
      await page.close();
    },
    FLOW_TIMEOUT,
  );
});
