import { readFile } from 'node:fs/promises';
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
const FLOW_TIMEOUT = 120_000;

/**
 * Segments, reports and tag history in Chromium against the real server, on a workspace
 * whose customers already carry tags (seeded, clustered, suggested and decided through the
 * API), each flow in a notebook of its own.
 */
describe('segments, reports and tag history in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let answers: ReturnType<typeof recordOpenApiViolations>;
  let tagged: TaggedWorkspace;

  beforeAll(async () => {
    server = await startE2eServer();
    await seedWorkspace(server, WORKSPACE);
    tagged = await tagSeededWorkspace(server, WORKSPACE);
    browser = await launchBrowser();
    // Signed in as the admin, as the key form would leave it.
    ({ context, answers } = await signedInContext(browser, server.key, {
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    }));
  }, FLOW_TIMEOUT);

  afterEach(async () => {
    expect(await answers.violations()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A new notebook with one cell of `type`, open in a page. */
  async function notebookWith(type: string, title: string): Promise<Page> {
    const notebook = await server.api<{ id: string }>(
      'POST',
      `/v1/workspaces/${WORKSPACE}/notebooks`,
      { title },
    );
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${server.url}/w/${WORKSPACE}/notebooks/${notebook.id}`);
    await page.getByLabel('Add a cell', { exact: true }).selectOption(type);
    await page.getByRole('button', { name: 'Add cell' }).click();
    return page;
  }

  it(
    'builds a segment and downloads its CSV',
    async () => {
      const page = await notebookWith('segment', 'High spenders');
      const cell = page.locator('[data-cell-type="segment"]');
      const count = cell.locator('output[data-count]');
      const shown = async () => Number(await count.getAttribute('data-count'));
      // No conditions: everyone.
      await expect.poll(shown).toBe(90);

      await cell.getByRole('button', { name: 'Add feature' }).click();
      const feature = cell.locator('li.condition').nth(0);
      await feature.getByLabel('Feature', { exact: true }).selectOption('monetary');
      await feature.getByLabel('Operator', { exact: true }).selectOption('>=');
      await feature.getByLabel('Value', { exact: true }).fill('100');
      await expect.poll(shown).toBeLessThan(90);
      const bySpend = await shown();
      expect(bySpend).toBeGreaterThan(0);

      // A row just added is not counted, but is no error until it is left incomplete; then
      // it says what it lacks.
      await cell.getByRole('button', { name: 'Add tag' }).click();
      const tag = cell.locator('li.condition').nth(1);
      await cell.getByText('Complete the conditions to count customers.').waitFor();
      expect(await tag.getByRole('alert').count()).toBe(0);
      await cell.getByLabel('Segment name', { exact: true }).focus();
      await tag.getByRole('alert').filter({ hasText: 'choose a tag' }).waitFor();
      await tag.getByLabel('Tag', { exact: true }).selectOption(tagged.clusterTag);
      await cell.getByText(/customers? match$/).waitFor();
      const both = await shown();
      expect(both).toBeLessThanOrEqual(bySpend);
      await cell.locator('summary').filter({ hasText: 'matching customers' }).click();
      const sample = cell.getByRole('table', { name: 'Sample of matching customers' });
      await expect.poll(() => sample.locator('tbody tr').count()).toBe(Math.min(both, 20));

      await cell.getByLabel('Segment name', { exact: true }).fill('High-spending steady buyers');
      const slug = cell.getByLabel('Segment slug', { exact: true });
      expect(await slug.inputValue()).toBe('high-spending-steady-buyers');
      await slug.fill('High Spenders!');
      await cell.getByRole('button', { name: 'Use “high-spenders”' }).click();
      // Counted live, not yet saved: the badge says so rather than "Not run".
      expect(await cell.locator('[data-status]').textContent()).toBe('Not saved');
      await cell.getByRole('button', { name: 'Save segment' }).click();
      await cell.getByText('Saved as').waitFor();
      expect(await cell.getByText('The conditions differ from the saved segment.').count()).toBe(0);
      await expect
        .poll(() => cell.locator('[data-status]').getAttribute('data-status'))
        .toBe('done');
      const members = cell.getByRole('table', { name: 'Members of segment high-spenders' });
      await expect.poll(() => members.locator('tbody tr').count()).toBe(Math.min(both, 25));

      await cell.getByRole('button', { name: 'Take snapshot' }).click();
      await cell.locator('svg[aria-label="Segment size over time"]').waitFor();
      await cell.getByText(`${both} at the last snapshot`).waitFor();
      // The first snapshot lists its members as having entered, linked to their pages.
      const entered = cell.getByRole('region', { name: 'Entered at this snapshot' });
      await expect.poll(() => entered.getByRole('link').count()).toBe(Math.min(both, 50));

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        cell.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('high-spenders.csv');
      const csv = await readFile((await download.path())!, 'utf8');
      const lines = csv.split(/\r?\n/).filter((line) => line !== '');
      expect(lines[0]).toMatch(/^external_id,/);
      expect(lines.length - 1).toBe(both);
      await cell.getByText('Downloaded high-spenders.csv').waitFor();
      await screenshot(page, '20-segment-cell', cell);

      // Another cell opens the saved segment with its conditions.
      await page.getByLabel('Add a cell', { exact: true }).selectOption('segment');
      await page.getByRole('button', { name: 'Add cell' }).click();
      const second = page.locator('[data-cell-type="segment"]').nth(1);
      await second.getByLabel('Open a saved segment').selectOption('high-spenders');
      await second.getByText('Saved as').waitFor();
      expect(await second.locator('li.condition').count()).toBe(2);
      await expect
        .poll(async () => Number(await second.locator('output').getAttribute('data-count')))
        .toBe(both);

      // Deleting the saved segment keeps its conditions in the cell, ready to save again.
      page.once('dialog', (dialog) => void dialog.accept());
      await second.getByRole('button', { name: 'Delete segment' }).click();
      await second.getByRole('button', { name: 'Save segment' }).waitFor();
      expect(await second.locator('li.condition').count()).toBe(2);
      await expect.poll(() => second.getByLabel('Open a saved segment').count()).toBe(0);
      await page.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'the report cell shows coverage, acceptance and the reliability chart',
    async () => {
      const page = await notebookWith('report', 'Tag health');
      const cell = page.locator('[data-cell-type="report"]');
      await cell.locator('svg[aria-label="Customers tagged per category"]').waitFor();
      await cell.locator('svg[aria-label="Tag distribution"]').waitFor();
      await cell.locator('svg[aria-label="Decisions per source"]').waitFor();
      const reliability = cell.locator('svg[aria-label="Confidence against acceptance"]');
      await reliability.waitFor();
      expect(await reliability.locator('circle').count()).toBeGreaterThan(0);

      const coverage = await server.api<{ customers: number; tagged: number }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/reports/coverage`,
      );
      await cell
        .getByRole('region', { name: 'Coverage' })
        .getByText(`${coverage.tagged} of ${coverage.customers} customers`)
        .waitFor();
      const bySource = cell.getByRole('table', { name: 'Acceptance per source' });
      const clusterRow = bySource.getByRole('row').filter({ hasText: /^cluster/ });
      const cells = await clusterRow.getByRole('cell').allTextContents();
      // Pending, accepted, auto-accepted, rejected, rate.
      expect(cells.slice(1, 4).map(Number)).toEqual([tagged.accepted, 0, tagged.rejected]);

      const gaps = cell.getByRole('table', { name: 'Calibration gap per source' });
      expect(
        await gaps
          .getByRole('row')
          .filter({ hasText: /^cluster/ })
          .textContent(),
      ).toContain(String(tagged.accepted + tagged.rejected));
      await screenshot(page, '21-report-cell', cell);

      // A window starting tomorrow holds none of today's decisions.
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      await cell.getByLabel('Acceptance of suggestions since').fill(tomorrow);
      await expect
        .poll(async () => (await clusterRow.getByRole('cell').allTextContents()).slice(1, 4))
        .toEqual(['0', '0', '0']);
      await page.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'the report cell draws the training and current churn scores as overlapping bars from zero',
    async () => {
      const base = `/v1/workspaces/${WORKSPACE}/churn`;
      const label = { kind: 'column', column: 'churned', positive: 'Yes' };
      await waitForJob(server, WORKSPACE, await server.api('POST', `${base}/train`, { label }));
      await waitForJob(server, WORKSPACE, await server.api('POST', `${base}/score`, {}));
      const page = await notebookWith('report', 'Churn drift');
      const bars = page
        .locator('[data-cell-type="report"]')
        .locator('svg[aria-label="Churn scores: training against now"] g[aria-label="rect"] rect');
      await bars.first().waitFor();
      // The bottom edge of every bar with a height (an empty bin draws a bar of none).
      const bottoms = await bars.evaluateAll((rects) =>
        rects
          .map((rect) => ({
            top: Number(rect.getAttribute('y')),
            height: Number(rect.getAttribute('height')),
          }))
          .filter(({ height }) => height > 0)
          .map(({ top, height }) => top + height),
      );
      // Stacked bars would start where the other population's bar ends.
      expect(bottoms.length).toBeGreaterThan(2);
      expect(new Set(bottoms.map((bottom) => bottom.toFixed(1))).size).toBe(1);
      await page.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'tag page shows version history and rolls back',
    async () => {
      const tagPath = `/v1/workspaces/${WORKSPACE}/tags/${tagged.clusterTag}`;
      await server.api('PATCH', tagPath, {
        definition: 'Buy often and spend steadily',
        message: 'first definition',
      });
      await server.api('PATCH', tagPath, {
        displayName: 'Regulars',
        status: 'deprecated',
        message: 'merged into the loyalty programme',
      });
      const before = await server.api<{
        version: number;
        holders: number;
        pendingSuggestions: number;
      }>('GET', tagPath);

      const page = await openCheckedPage(
        context,
        `${server.url}/w/${WORKSPACE}/tags/${tagged.clusterTag}`,
      );
      // The facts at the top: who holds the tag and how many of its suggestions wait.
      const fact = (term: string) =>
        page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
      expect(before.holders).toBe(tagged.accepted);
      await expect
        .poll(() => fact('Holders').textContent())
        .toBe(`${tagged.accepted.toLocaleString('en')} customers`);
      expect(await fact('Waiting for review').textContent()).toBe(
        `${before.pendingSuggestions.toLocaleString('en')} suggestions`,
      );
      const history = page.getByRole('region', { name: 'Version history' });
      const latest = history.locator(`li[data-version="${before.version}"]`);
      await latest.getByText('“merged into the loyalty programme”').waitFor();
      const rename = latest.getByRole('row').filter({ hasText: 'Display name' });
      expect(await rename.getByRole('cell').allTextContents()).toEqual([
        'Steady buyers',
        'Regulars',
      ]);
      expect(await history.locator('li[data-version]').count()).toBe(before.version);

      const target = before.version - 1;
      await history.getByRole('button', { name: `Roll back to version ${target}…` }).click();
      const dialog = history.getByRole('alertdialog');
      await dialog.getByText('Display name: Regulars → Steady buyers').waitFor();
      await dialog.getByText('Status: deprecated → active').waitFor();
      await screenshot(page, '22-tag-rollback-confirm', history);
      await dialog
        .getByLabel('Why (kept with the new version)')
        .fill('the programme was cancelled');
      await dialog.getByRole('button', { name: `Confirm: roll back to version ${target}` }).click();

      const restored = history.locator(`li[data-version="${before.version + 1}"]`);
      await restored.getByText('“the programme was cancelled”').waitFor();
      await restored.getByText('current').waitFor();
      const back = restored.getByRole('row').filter({ hasText: 'Display name' });
      expect(await back.getByRole('cell').allTextContents()).toEqual(['Regulars', 'Steady buyers']);
      await page.getByRole('heading', { name: `Steady buyers ${tagged.clusterTag}` }).waitFor();
      const after = await server.api<{ displayName: string; status: string; version: number }>(
        'GET',
        tagPath,
      );
      expect(after).toMatchObject({
        displayName: 'Steady buyers',
        status: 'active',
        version: before.version + 1,
      });
      await screenshot(page, '23-tag-history', { fullPage: true });
      await page.close();
    },
    FLOW_TIMEOUT,
  );
});
