import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../packages/workbench/src/lib/format.ts';
import {
  launchBrowser,
  openCheckedPage,
  recordOpenApiViolations,
  screenshot,
  signedInContext,
} from './support/browser.ts';
import { seedWorkspace } from './support/seed.ts';
import { startE2eServer, waitForJob, type E2eServer } from './support/server.ts';

const WORKSPACE = 'shop';
const OTHER = 'outlet';
const FLOW_TIMEOUT = 120_000;

interface SuggestionJson {
  id: string;
}

/**
 * How the workbench answers hands on the keyboard and the mouse, and addresses that lead
 * nowhere, in Chromium against the real server: review by mouse then keys, the workspace
 * picker, the notebook title's save state, and the not-found pages.
 */
describe('keyboard, save state and not-found pages in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let answers: ReturnType<typeof recordOpenApiViolations>;

  beforeAll(async () => {
    server = await startE2eServer();
    await seedWorkspace(server, WORKSPACE);
    await server.api('POST', '/v1/workspaces', { slug: OTHER, name: 'Outlet (test shop)' });
    // Pending suggestions to review: a k = 3 run with one cluster named, then rule tags.
    const base = `/v1/workspaces/${WORKSPACE}`;
    const run = await waitForJob(
      server,
      WORKSPACE,
      await server.api('POST', `${base}/cluster-runs`, {
        featureNames: ['recency_days', 'frequency', 'monetary'],
        scaling: 'log1p',
        k: 3,
        seed: 1,
      }),
    );
    await server.api('POST', `${base}/cluster-runs/${run.result?.runId as string}/clusters/0/tag`, {
      slug: 'steady-buyers',
      displayName: 'Steady buyers',
      category: 'behaviour',
    });
    await waitForJob(
      server,
      WORKSPACE,
      await server.api('POST', `${base}/suggestions/generate`, { sources: ['cluster', 'rule'] }),
    );
    browser = await launchBrowser();
    // Signed in as the admin, as the key form would leave it.
    ({ context, answers } = await signedInContext(browser, server.key));
  }, FLOW_TIMEOUT);

  afterEach(async () => {
    expect(await answers.violations()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const openPage = (url: string): Promise<Page> => openCheckedPage(context, url);

  /** The accessible name of the focused element (`BODY` when nothing has the focus). */
  function focused(page: Page): Promise<string> {
    return page.evaluate(() => {
      const element = (
        globalThis as unknown as {
          document: {
            activeElement: { tagName: string; getAttribute(name: string): string | null } | null;
          };
        }
      ).document.activeElement;
      return element?.getAttribute('aria-label') ?? element?.tagName ?? 'none';
    });
  }

  /** The suggestions decided so far with `status`, by id. */
  async function decided(status: 'accepted' | 'rejected'): Promise<string[]> {
    const page = await server.api<{ items: SuggestionJson[] }>(
      'GET',
      `/v1/workspaces/${WORKSPACE}/suggestions?status=${status}&limit=500`,
    );
    return page.items.map((s) => s.id).sort();
  }

  it(
    'goes on reviewing with the keyboard after a decision made with the mouse',
    async () => {
      const notebook = await server.api<{ id: string }>(
        'POST',
        `/v1/workspaces/${WORKSPACE}/notebooks`,
        { title: 'Review by mouse and keys' },
      );
      const page = await openPage(`${server.url}/w/${WORKSPACE}/notebooks/${notebook.id}`);
      await page.getByLabel('Add a cell', { exact: true }).selectOption('review');
      await page.getByRole('button', { name: 'Add cell' }).click();
      const cell = page.locator('[data-cell-type="review"]');
      const queue = cell.getByRole('grid', { name: 'Pending suggestions' });
      await queue.waitFor();
      const rows = queue.locator('tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThan(5);
      const before = await rows.count();
      const ids = async () =>
        Promise.all((await rows.all()).map((row) => row.getAttribute('data-suggestion')));
      const [first, second, third] = await ids();

      // Accept the first row with the mouse: the focus goes to the queue, on the next row.
      await rows.nth(0).getByRole('button', { name: 'Accept' }).click();
      await expect.poll(() => rows.count()).toBe(before - 1);
      expect(await focused(page)).toBe('Pending suggestions');
      expect(await queue.locator('tr[aria-selected="true"]').getAttribute('data-suggestion')).toBe(
        second,
      );
      // The keys act at once: j moves to the third row of the queue, r rejects it.
      await page.keyboard.press('j');
      await page.keyboard.press('r');
      await expect.poll(() => rows.count()).toBe(before - 2);
      expect(await decided('accepted')).toEqual([first]);
      expect(await decided('rejected')).toEqual([third]);

      // Reject a row further down with the mouse: the row after it is selected, a accepts it.
      const [, , fourth, fifth] = await ids();
      await rows.nth(2).getByRole('button', { name: 'Reject' }).click();
      await expect.poll(() => rows.count()).toBe(before - 3);
      expect(await focused(page)).toBe('Pending suggestions');
      expect(await queue.locator('tr[aria-selected="true"]').getAttribute('data-suggestion')).toBe(
        fifth,
      );
      await page.keyboard.press('a');
      await expect.poll(() => rows.count()).toBe(before - 4);
      expect(await decided('accepted')).toEqual([first, fifth].sort());
      expect(await decided('rejected')).toEqual([third, fourth].sort());
      await cell.getByText('4 decided here').waitFor();
      await screenshot(page, 'interaction-review-mouse-then-keys', cell);
      await page.locator('[data-save-state="saved"]').waitFor();
      await page.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'opens another workspace only when the choice is confirmed, not while arrowing through the list',
    async () => {
      const page = await openPage(`${server.url}/w/${WORKSPACE}`);
      // Titled with the workspace's name, then its slug.
      const title = page.getByRole('heading', {
        level: 1,
        name: `${WORKSPACE} (test shop) ${WORKSPACE}`,
        exact: true,
      });
      await title.waitFor();
      const picker = page.getByLabel('Workspace', { exact: true });
      await expect.poll(() => picker.locator('option').count()).toBe(2);
      const open = page.getByRole('button', { name: 'Open', exact: true });
      expect(await open.isDisabled()).toBe(true);

      // Arrowing to the other workspace only chooses it.
      await picker.focus();
      // The list is in slug order.
      await page.keyboard.press(OTHER < WORKSPACE ? 'ArrowUp' : 'ArrowDown');
      await expect.poll(() => picker.inputValue()).toBe(OTHER);
      await expect.poll(() => open.isEnabled()).toBe(true);
      expect(new URL(page.url()).pathname).toBe(`/w/${WORKSPACE}`);
      await title.waitFor();
      await screenshot(page, 'interaction-workspace-chosen');

      // The keyboard confirms: Tab to the button, Enter.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('BUTTON');
      await page.keyboard.press('Enter');
      await page
        .getByRole('heading', { level: 1, name: `Outlet (test shop) ${OTHER}`, exact: true })
        .waitFor();
      expect(new URL(page.url()).pathname).toBe(`/w/${OTHER}`);
      expect(await picker.inputValue()).toBe(OTHER);
      expect(await open.isDisabled()).toBe(true);
      await page.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'says the title is unsaved while it is being edited, saved once it is stored, and who saved first on a conflict',
    async () => {
      const notebook = await server.api<{ id: string; version: number }>(
        'POST',
        `/v1/workspaces/${WORKSPACE}/notebooks`,
        { title: 'Draft title' },
      );
      const url = `/v1/workspaces/${WORKSPACE}/notebooks/${notebook.id}`;
      const page = await openPage(`${server.url}/w/${WORKSPACE}/notebooks/${notebook.id}`);
      const status = page.locator('[data-save-state]');
      await page.getByText(`Saved · version ${notebook.version}`).waitFor();

      const title = page.getByLabel('Notebook title', { exact: true });
      await title.fill('Churn review, November');
      expect(await status.getAttribute('data-save-state')).toBe('editing');
      expect(await status.textContent()).toBe('Unsaved changes (editing the title)');
      await screenshot(page, 'interaction-title-editing');
      // Nothing is stored until the title is committed.
      expect((await server.api<{ title: string }>('GET', url)).title).toBe('Draft title');

      await title.press('Enter');
      await page.getByText(`Saved · version ${notebook.version + 1}`).waitFor();
      expect(await status.getAttribute('data-save-state')).toBe('saved');
      expect((await server.api<{ title: string }>('GET', url)).title).toBe(
        'Churn review, November',
      );

      // Someone else saves meanwhile: the banner says who and when, the date written for people.
      const stored = await server.api<{ version: number }>('GET', url);
      const theirs = await server.api<{ version: number; updatedAt: string }>('PATCH', url, {
        version: stored.version,
        title: 'Their title',
      });
      await title.fill('My title');
      await title.press('Enter');
      const banner = page.locator('.conflict');
      await banner.getByText(`Version ${theirs.version} was saved`).waitFor();
      const text = (await banner.textContent()) ?? '';
      expect(text).toContain(`saved ${formatDateTime(theirs.updatedAt)} by `);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      await screenshot(page, 'interaction-title-conflict');
      await page.getByRole('button', { name: 'Keep mine (overwrite theirs)' }).click();
      await page.getByText(`Saved · version ${theirs.version + 1}`).waitFor();
      expect((await server.api<{ title: string }>('GET', url)).title).toBe('My title');
      await page.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'opens the latest results in the notebook made for them before, not in a new copy each time',
    async () => {
      const page = await openPage(`${server.url}/w/${WORKSPACE}`);
      const openLatest = async () => {
        await page.getByRole('button', { name: 'Open the latest results' }).click();
        await page.waitForURL(/\/w\/shop\/notebooks\/[0-9a-f-]{36}$/);
        return new URL(page.url()).pathname;
      };
      const first = await openLatest();
      await page.locator('[data-save-state="saved"]').waitFor();
      await page.goto(`${server.url}/w/${WORKSPACE}`);
      expect(await openLatest()).toBe(first);
      await page.locator('[data-cell-type="cluster"]').waitFor();
      const notebooks = await server.api<{ items: { title: string }[] }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/notebooks?limit=100`,
      );
      expect(notebooks.items.filter((n) => n.title === 'Latest results')).toHaveLength(1);
      await page.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'shows a not-found page with a way back for an unknown workspace, customer, tag, notebook or address, and follows a renamed tag',
    async () => {
      const page = await openPage(`${server.url}/w/no-such-shop`);
      const heading = (name: string) => page.getByRole('heading', { name, level: 1 });
      await heading('Workspace not found').waitFor();
      await page.getByText('There is no workspace “no-such-shop”').waitFor();
      await screenshot(page, 'interaction-workspace-not-found');
      await page.getByRole('link', { name: 'Go to the workspaces' }).click();
      await heading('Workspaces').waitFor();

      await page.goto(`${server.url}/w/${WORKSPACE}/customers/nobody-here`);
      await heading('Customer not found').waitFor();
      await page.getByText('There is no customer “nobody-here” in this workspace.').waitFor();

      await page.goto(
        `${server.url}/w/${WORKSPACE}/notebooks/00000000-0000-4000-8000-000000000000`,
      );
      await heading('Notebook not found').waitFor();

      await page.goto(`${server.url}/no/such/page`);
      await heading('Page not found').waitFor();
      await page.getByRole('link', { name: 'Go to the workspaces' }).waitFor();

      await page.goto(`${server.url}/w/${WORKSPACE}/tags/no-such-tag`);
      await heading('Tag not found').waitFor();
      expect(await page.title()).toBe('Tag not found · Tagwise');
      await screenshot(page, 'interaction-tag-not-found');
      await page.getByRole('link', { name: 'Go to the tag list' }).click();
      await page.getByRole('heading', { name: 'Tags', level: 2 }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/w/${WORKSPACE}`);
      expect(new URL(page.url()).hash).toBe('#tags');

      // A renamed tag: its old address (a bookmark, a link in a note) leads to it.
      await server.api('PATCH', `/v1/workspaces/${WORKSPACE}/tags/steady-buyers`, {
        slug: 'loyal-regulars',
      });
      await page.goto(`${server.url}/w/${WORKSPACE}/tags/steady-buyers`);
      await page.getByRole('heading', { name: 'Steady buyers loyal-regulars', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/w/${WORKSPACE}/tags/loyal-regulars`);
      await page.close();
    },
    FLOW_TIMEOUT,
  );
});
