import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  formatEffect,
  formatNumber,
  formatValue,
} from '../../packages/workbench/src/lib/format.ts';
import {
  churnModelHeadline,
  clusteringHeadline,
  taggedShare,
} from '../../packages/workbench/src/lib/workspace/overview.ts';
import { stepGate } from '../support/steps-job.ts';
import {
  launchBrowser,
  openCheckedPage,
  recordOpenApiViolations,
  screenshot,
} from './support/browser.ts';
import { seedWorkspace } from './support/seed.ts';
import { startE2eServer, type E2eServer } from './support/server.ts';

const WORKSPACE = 'shop';

/** The part of `GET .../customers/{id}/churn` the customer page shows. */
interface ChurnJson {
  readonly riskBand: string;
  readonly model: { readonly version: number };
  readonly factors: readonly { feature: string; value: unknown; contribution: number }[];
}
const FLOW_TIMEOUT = 120_000;

/**
 * The workbench in a real browser against the real server: each test continues the
 * notebook of the previous one, as an analyst would, and saves a screenshot of where it
 * ends.
 */
describe('workbench in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let answers: ReturnType<typeof recordOpenApiViolations>;
  let notebookUrl = '';

  beforeAll(async () => {
    server = await startE2eServer();
    await seedWorkspace(server, WORKSPACE);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(30_000);
    answers = recordOpenApiViolations(context);
  }, FLOW_TIMEOUT);

  afterEach(async () => {
    expect(await answers.violations()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Closes a notebook page once its autosave has stored every change. */
  async function closeSaved(page: Page): Promise<void> {
    await page.locator('[data-save-state="saved"]').waitFor();
    await page.close();
  }

  const openPage = (url: string): Promise<Page> => openCheckedPage(context, url);

  /** The little of the browser's globals the recorder below uses (no DOM lib in this tsconfig). */
  interface BrowserGlobals {
    document: {
      body: unknown;
      querySelector(selector: string): { getAttribute(name: string): string | null } | null;
    };
    MutationObserver: new (callback: () => void) => {
      observe(target: unknown, options: object): void;
    };
    seenStatuses?: string[];
  }

  /** Records every status a cell of `type` shows from now on (runs can finish within a second). */
  async function recordStatuses(page: Page, type: string): Promise<void> {
    await page.evaluate((cellType) => {
      const browser = globalThis as unknown as BrowserGlobals;
      const seen: string[] = [];
      browser.seenStatuses = seen;
      const record = () => {
        const cell = `[data-cell-type="${cellType}"]`;
        const status = browser.document
          .querySelector(`${cell} [data-status]`)
          ?.getAttribute('data-status');
        if (status && seen.at(-1) !== status) seen.push(status);
        if (browser.document.querySelector(`${cell} progress`) !== null) seen.push('progress-bar');
      };
      new browser.MutationObserver(record).observe(browser.document.body, {
        subtree: true,
        childList: true,
        attributes: true,
      });
    }, type);
  }

  const seenStatuses = (page: Page) =>
    page.evaluate(() => (globalThis as unknown as BrowserGlobals).seenStatuses ?? []);

  it(
    'signs in with the API key, picks the workspace and creates a notebook',
    async () => {
      const page = await openPage(server.url);
      await page.getByLabel('API key', { exact: true }).fill('not-a-key');
      await page.getByRole('button', { name: 'Use this key' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('API key');
      await page.getByLabel('API key', { exact: true }).fill(server.key);
      await page.getByRole('button', { name: 'Use this key' }).click();
      await page.getByRole('link', { name: 'shop (test shop)' }).click();
      await page.getByLabel('New notebook', { exact: true }).fill('Retail segments');
      await page.getByRole('button', { name: 'Create notebook' }).click();
      await page.waitForURL(/\/w\/shop\/notebooks\/[0-9a-f-]{36}$/);
      notebookUrl = page.url();
      await expect
        .poll(() => page.getByLabel('Notebook title', { exact: true }).inputValue())
        .toBe('Retail segments');

      await page.getByLabel('Add a cell', { exact: true }).selectOption('markdown');
      await page.getByRole('button', { name: 'Add cell' }).click();
      await page.getByRole('button', { name: 'Edit note' }).click();
      await page
        .getByLabel('Markdown text', { exact: true })
        .fill('# Plan\n- cluster on **RFM** features\n- name the clusters');
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('heading', { name: 'Plan' }).waitFor();

      await page.getByLabel('Add a cell', { exact: true }).selectOption('data');
      await page.getByRole('button', { name: 'Add cell' }).click();
      await page.getByRole('rowheader', { name: 'recency_days' }).waitFor();

      // Cells move with Alt+↑/↓ when focused (and with their ↑/↓ buttons).
      const order = () =>
        page
          .locator('article[data-cell-type]')
          .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell-type')));
      await page.locator('article[data-cell-type="data"]').focus();
      await page.keyboard.press('Alt+ArrowUp');
      await expect.poll(order).toEqual(['data', 'markdown']);
      await page.keyboard.press('Alt+ArrowDown');
      await expect.poll(order).toEqual(['markdown', 'data']);
      await page.getByText('Saved · version').waitFor();
      await screenshot(page, '01-notebook-created');
      await closeSaved(page);
    },
    FLOW_TIMEOUT,
  );
  it(
    'runs a Cluster cell with progress and shows elbow, silhouette and Davies–Bouldin with the recommended k',
    async () => {
      const page = await openPage(notebookUrl);
      await page.getByLabel('Add a cell', { exact: true }).selectOption('cluster');
      await page.getByRole('button', { name: 'Add cell' }).click();
      const cell = page.locator('[data-cell-type="cluster"]');
      for (const feature of ['recency_days', 'frequency', 'monetary']) {
        await cell.getByLabel(feature, { exact: true }).check();
      }
      await cell.getByLabel('Scaling', { exact: true }).selectOption('log1p');
      await cell.getByLabel('k from', { exact: true }).fill('2');
      await cell.getByLabel('to', { exact: true }).fill('6');
      await cell.getByLabel('to', { exact: true }).blur();
      await recordStatuses(page, 'cluster');
      await cell.getByRole('button', { name: 'Run clustering' }).click();
      await cell.getByText('Elbow: inertia per k').waitFor({ timeout: 60_000 });
      await cell.getByText('Silhouette per k').waitFor();
      await cell.getByText('Davies–Bouldin per k').waitFor();
      await expect
        .poll(() => cell.locator('[data-status]').getAttribute('data-status'))
        .toBe('done');
      // The cell went through `running` (with its progress bar) before `done`.
      expect(await seenStatuses(page)).toEqual(
        expect.arrayContaining(['running', 'progress-bar', 'done']),
      );
      const caption = await cell.locator('caption').textContent();
      expect(caption).toMatch(/recommended k = \d/);
      expect(await cell.locator('svg[aria-label="Elbow: inertia per k"]').count()).toBe(1);
      await page.getByText('Saved · version').waitFor();
      await screenshot(page, '02-cluster-cell', cell);
      await closeSaved(page);
    },
    FLOW_TIMEOUT,
  );

  it(
    'profiles the run and names a cluster as a tag: an invalid slug shows the error and a suggestion',
    async () => {
      const page = await openPage(notebookUrl);
      await page.getByLabel('Add a cell', { exact: true }).selectOption('profiles');
      await page.getByRole('button', { name: 'Add cell' }).click();
      const cell = page.locator('[data-cell-type="profiles"]');
      await cell.getByText('Feature z-scores per cluster').waitFor();
      await cell.getByText('Customers projected on two principal components').waitFor();
      await cell.getByText('Silhouette of sampled customers').waitFor();
      expect(await cell.locator('[data-status]').getAttribute('data-status')).toBe('done');

      const card = cell.locator('section.card').filter({ hasText: 'monetary high' });
      await card.getByRole('button', { name: 'Show sample members' }).click();
      await card
        .getByRole('link', { name: /^c\d{3}$/ })
        .first()
        .waitFor();

      await card.getByRole('button', { name: 'Name as tag…' }).click();
      const slug = card.getByLabel('Tag slug', { exact: true });
      await slug.fill('Big Spenders!');
      await card.getByText('must be lower-case ASCII words').waitFor();
      expect(await slug.getAttribute('aria-invalid')).toBe('true');
      expect(await card.getByRole('button', { name: 'Save tag' }).isDisabled()).toBe(true);
      await card.getByRole('button', { name: 'Use “big-spenders”' }).click();
      expect(await slug.inputValue()).toBe('big-spenders');
      await card.getByLabel('Display name', { exact: true }).fill('Big spenders');
      await card.getByRole('button', { name: 'Save tag' }).click();
      await card.getByRole('link', { name: 'Big spenders' }).waitFor();
      await screenshot(page, '03-profiles-named', cell);
      await closeSaved(page);
    },
    FLOW_TIMEOUT,
  );

  it(
    'trains a churn model on a label column and shows ROC, PR, the reliability diagram, lift and importance',
    async () => {
      const page = await openPage(notebookUrl);
      await page.getByLabel('Add a cell', { exact: true }).selectOption('churn');
      await page.getByRole('button', { name: 'Add cell' }).click();
      const cell = page.locator('[data-cell-type="churn"]');
      await cell.getByRole('radio', { name: 'Label column' }).check();
      await cell.getByLabel('Column', { exact: true }).selectOption('churned');
      await cell.getByLabel('Classifier', { exact: true }).selectOption('logistic');
      await recordStatuses(page, 'churn');
      await cell.getByRole('button', { name: 'Train model' }).click();
      await cell.locator('svg[aria-label="Reliability diagram"]').waitFor({ timeout: 90_000 });
      for (const chart of [
        'ROC curve',
        'Precision–recall curve',
        'Lift by decile',
        'Global importance',
      ]) {
        expect(await cell.locator(`svg[aria-label="${chart}"]`).count(), chart).toBe(1);
      }
      expect(await seenStatuses(page)).toEqual(expect.arrayContaining(['running', 'done']));
      // Mean ± sd over folds, both to the decimal place the spread allows.
      const rocAuc = await cell
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'ROC-AUC' }) })
        .getByRole('cell')
        .first()
        .textContent();
      expect(rocAuc).toMatch(/^0\.(\d+) ± 0\.\d+$/);
      const [mean, sd] = rocAuc!.split(' ± ');
      expect(mean!.length).toBe(sd!.length);
      await cell.getByText('This model is active').waitFor();
      await cell.getByRole('button', { name: 'Score every customer' }).click();
      await cell
        .getByText(/scored/i)
        .last()
        .waitFor({ timeout: 60_000 });
      await page.getByText('Saved · version').waitFor();
      await screenshot(page, '04-churn-model', cell);
      await closeSaved(page);
    },
    FLOW_TIMEOUT,
  );

  it(
    'generates suggestions, then accepts and rejects them with the keyboard and the queue changes',
    async () => {
      const page = await openPage(notebookUrl);
      await page.getByLabel('Add a cell', { exact: true }).selectOption('review');
      await page.getByRole('button', { name: 'Add cell' }).click();
      const cell = page.locator('[data-cell-type="review"]');
      await cell.getByRole('button', { name: 'Generate suggestions' }).click();
      const queue = cell.getByRole('grid', { name: 'Pending suggestions' });
      await queue.waitFor({ timeout: 60_000 });
      const rows = queue.locator('tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThan(2);
      const before = await rows.count();
      // The line under the queue counts the whole queue, not just the rows loaded.
      const { count: pending } = await server.api<{ count: number }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/suggestions/count?status=pending`,
      );
      const shownOf = (total: number) =>
        `${(before - (pending - total)).toLocaleString('en')} of ${total.toLocaleString('en')} pending shown`;
      await cell.getByText(shownOf(pending)).waitFor();
      const first = await rows.nth(0).getAttribute('data-suggestion');
      const third = await rows.nth(2).getAttribute('data-suggestion');

      await queue.focus();
      await page.keyboard.press('a'); // accept the selected (first) row
      await expect.poll(() => rows.count()).toBe(before - 1);
      await page.keyboard.press('j');
      await page.keyboard.press('r'); // j moved to the second row left: the third of the queue
      await expect.poll(() => rows.count()).toBe(before - 2);
      await cell.getByText('2 decided here').waitFor();
      await cell.getByText(shownOf(pending - 2)).waitFor();

      const accepted = await server.api<{ items: { id: string }[] }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/suggestions?status=accepted`,
      );
      expect(accepted.items.map((s) => s.id)).toEqual([first]);
      const rejected = await server.api<{ items: { id: string }[] }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/suggestions?status=rejected`,
      );
      expect(rejected.items.map((s) => s.id)).toEqual([third]);

      // Another operator decides the selected row first: deciding it here shows who won.
      const selected = await queue
        .locator('tr[aria-selected="true"]')
        .getAttribute('data-suggestion');
      await server.api('POST', `/v1/workspaces/${WORKSPACE}/suggestions/${selected}/accept`, {});
      await queue.focus();
      await page.keyboard.press('a');
      await queue
        .locator(`tr[data-suggestion="${selected}"]`)
        .getByRole('alert')
        .filter({ hasText: /^Already accepted by key [0-9a-f]{8} at / })
        .waitFor();
      await screenshot(page, '05-review-keyboard', cell);
      await closeSaved(page);
    },
    FLOW_TIMEOUT,
  );

  it(
    'bulk-accepts the suggestions of one tag after a count preview and a confirmation',
    async () => {
      const page = await openPage(notebookUrl);
      const cell = page.locator('[data-cell-type="review"]');
      await cell.getByLabel('Tag', { exact: true }).selectOption('big-spenders');
      const rows = cell.getByRole('grid', { name: 'Pending suggestions' }).locator('tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      const pending = await server.api<{ items: unknown[] }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/suggestions?status=pending&tag=big-spenders&limit=1000`,
      );
      await cell.getByRole('button', { name: 'Accept all matching…' }).click();
      const dialog = cell.getByRole('alertdialog');
      await dialog.getByText(`accept ${pending.items.length} pending suggestion`).waitFor();
      await screenshot(page, '06-bulk-preview', cell);
      await dialog.getByRole('button', { name: /^Confirm: accept/ }).click();
      await cell.getByText(`Accepted ${pending.items.length} suggestions`).waitFor();
      await cell.getByText('No pending suggestions match.').waitFor();
      const left = await server.api<{ items: unknown[] }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/suggestions?status=pending&tag=big-spenders`,
      );
      expect(left.items).toHaveLength(0);
      await screenshot(page, '07-bulk-accepted', cell);
      await closeSaved(page);
    },
    FLOW_TIMEOUT,
  );

  it(
    'shows a conflict when someone else saved first, and loads their version on request',
    async () => {
      const page = await openPage(notebookUrl);
      await page.getByText('Saved · version').waitFor();
      const id = notebookUrl.split('/').at(-1)!;
      const stored = await server.api<{ version: number }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/notebooks/${id}`,
      );
      await server.api('PATCH', `/v1/workspaces/${WORKSPACE}/notebooks/${id}`, {
        version: stored.version,
        title: 'Retail segments (edited elsewhere)',
      });
      await page.getByLabel('Notebook title', { exact: true }).fill('My title');
      await page.getByLabel('Notebook title', { exact: true }).blur();
      await page
        .getByText('Someone else changed this notebook while you were editing it.')
        .waitFor();
      await screenshot(page, '08-conflict');
      await page.getByRole('button', { name: /Load their version/ }).click();
      await expect
        .poll(() => page.getByLabel('Notebook title', { exact: true }).inputValue())
        .toBe('Retail segments (edited elsewhere)');
      await closeSaved(page);
    },
    FLOW_TIMEOUT,
  );

  it(
    'shows a customer with the tag they received, its provenance and their attributes; and the tag page',
    async () => {
      const accepted = await server.api<{ items: { customer: string; tag: string }[] }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/suggestions?status=accepted&tag=big-spenders&limit=1`,
      );
      const customer = accepted.items[0]!.customer;
      const page = await openPage(`${server.url}/w/${WORKSPACE}/customers/${customer}`);
      await page.getByRole('heading', { name: `Customer ${customer}` }).waitFor();
      const tags = page.getByRole('region', { name: 'Tags' });
      await tags.getByRole('link', { name: 'Big spenders' }).waitFor();
      expect(await tags.getByRole('row').nth(1).textContent()).toContain('cluster');
      const prediction = await server.api<ChurnJson>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/customers/${customer}/churn`,
      );
      const churn = page.getByRole('region', { name: 'Churn' });
      await churn
        .getByText(
          `probability of churn (${prediction.riskBand} risk), model v${prediction.model.version},`,
        )
        .waitFor();
      // Its factors, each value shown as the features are (not as a raw float).
      const factorRows = churn.getByRole('row');
      expect(await factorRows.count()).toBe(prediction.factors.length + 1);
      for (const [index, factor] of prediction.factors.entries()) {
        expect(
          await factorRows
            .nth(index + 1)
            .getByRole('cell')
            .allTextContents(),
        ).toEqual([factor.feature, formatValue(factor.value), formatEffect(factor.contribution)]);
      }
      await page.getByRole('region', { name: 'Attributes' }).getByText('plan').waitFor();
      await page.getByRole('region', { name: 'Features' }).getByText('recency_days').waitFor();
      await screenshot(page, '09-customer', { fullPage: true });
      // A customer with no events yet has no features to show, which the page says.
      await server.api('POST', `/v1/workspaces/${WORKSPACE}/customers`, {
        customers: [{ externalId: 'walk-in', attributes: { plan: 'basic' } }],
      });
      await page.goto(`${server.url}/w/${WORKSPACE}/customers/walk-in`);
      await page
        .getByRole('region', { name: 'Features' })
        .getByText(/^None computed yet: features are computed from the customer's events/)
        .waitFor();
      await page.goBack();
      await tags.getByRole('link', { name: 'Big spenders' }).click();
      await page.getByRole('heading', { name: 'Big spenders big-spenders' }).waitFor();
      await page
        .getByText(/cluster \d of clustering run/)
        .first()
        .waitFor();
      await page.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    "decides a customer's open suggestions on the customer page, and names who decided first",
    async () => {
      const pending = await server.api<{
        items: { id: string; customer: string; tag: string; tagDisplayName: string }[];
      }>('GET', `/v1/workspaces/${WORKSPACE}/suggestions?status=pending&limit=200`);
      // A customer with open suggestions of two different tags.
      const [toAccept, decidedElsewhere] = pending.items.flatMap((first) => {
        const second = pending.items.find(
          (s) => s.customer === first.customer && s.tag !== first.tag,
        );
        return second === undefined ? [] : [first, second];
      });
      const customer = toAccept!.customer;
      const page = await openPage(`${server.url}/w/${WORKSPACE}/customers/${customer}`);
      const open = page.getByRole('region', { name: 'Open suggestions' });
      await open.getByRole('button', { name: `Accept ${toAccept!.tagDisplayName}` }).click();
      await page
        .getByRole('region', { name: 'Tags' })
        .getByRole('link', { name: toAccept!.tagDisplayName })
        .waitFor();
      expect(
        await open.getByRole('button', { name: `Accept ${toAccept!.tagDisplayName}` }).count(),
      ).toBe(0);

      // Another operator rejects the second one while this page still offers it.
      await server.api(
        'POST',
        `/v1/workspaces/${WORKSPACE}/suggestions/${decidedElsewhere!.id}/reject`,
        {},
      );
      await open
        .getByRole('button', { name: `Accept ${decidedElsewhere!.tagDisplayName}` })
        .click();
      await open
        .getByRole('alert')
        .filter({ hasText: /^Already rejected by key / })
        .waitFor();
      const acceptAgain = `Accept ${decidedElsewhere!.tagDisplayName}`;
      expect(await open.getByRole('button', { name: acceptAgain }).count()).toBe(0);
      const held = await server.api<{ tags: { tag: string }[] }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/customers/${customer}`,
      );
      expect(held.tags.map((t) => t.tag)).toContain(toAccept!.tag);
      expect(held.tags.map((t) => t.tag)).not.toContain(decidedElsewhere!.tag);
      await screenshot(page, '09b-customer-decisions', { fullPage: true });
      await page.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'duplicates, renames and deletes notebooks from the list',
    async () => {
      const page = await openPage(`${server.url}/w/${WORKSPACE}`);
      // The conflict test left the title another user gave it.
      const title = 'Retail segments (edited elsewhere)';
      await page.getByRole('button', { name: `Duplicate ${title}`, exact: true }).click();
      await page.getByRole('link', { name: `${title} (copy)` }).waitFor();
      await page.getByRole('button', { name: `Rename ${title} (copy)` }).click();
      await page.getByLabel('New title', { exact: true }).fill('Scratch copy');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('link', { name: 'Scratch copy' }).waitFor();
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Delete Scratch copy' }).click();
      await expect.poll(() => page.getByRole('link', { name: 'Scratch copy' }).count()).toBe(0);
      await page.getByRole('link', { name: title, exact: true }).waitFor();
      await screenshot(page, '10-notebook-list');
      await page.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'lets an operator open the notebook read-only and work in the review cell',
    async () => {
      const issued = await server.api<{ secret: string }>('POST', '/v1/keys', {
        role: 'operator',
        workspace: WORKSPACE,
        name: 'operator on shift',
      });
      const operator = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      operator.setDefaultTimeout(30_000);
      const operatorAnswers = recordOpenApiViolations(operator);
      try {
        const page = await operator.newPage();
        await page.goto(notebookUrl);
        await page.getByLabel('API key', { exact: true }).fill(issued.secret);
        await page.getByRole('button', { name: 'Use this key' }).click();
        await page.getByRole('heading', { name: 'Plan' }).waitFor();
        expect(await page.getByLabel('Notebook title', { exact: true }).isDisabled()).toBe(true);
        expect(await page.getByRole('button', { name: 'Add cell' }).count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Run again' }).isDisabled()).toBe(true);
        const review = page.locator('[data-cell-type="review"]');
        await review.getByLabel('Tag', { exact: true }).selectOption('');
        await review.getByRole('grid', { name: 'Pending suggestions' }).waitFor();
        expect(await review.getByRole('button', { name: 'Generate suggestions' }).count()).toBe(0);
        // Folding a cell it may not change stays in this browser: nothing to save.
        await page
          .locator('[data-cell-type="data"]')
          .getByRole('button', { name: 'Collapse' })
          .click();
        await page.locator('[data-save-state="saved"]').waitFor();
        await screenshot(page, '11-operator');
        expect(await operatorAnswers.violations()).toEqual([]);
      } finally {
        await operator.close();
      }
    },
    FLOW_TIMEOUT,
  );

  it(
    'shows the review cell stale while the churn model it reads retrains, then reloads it for the new model',
    async () => {
      const page = await openPage(notebookUrl);
      const review = page.locator('[data-cell-type="review"]');
      const churn = page.locator('[data-cell-type="churn"]');
      const status = (cell: typeof review) =>
        cell.locator('[data-status]').getAttribute('data-status');
      await review.getByLabel('Reads', { exact: true }).selectOption('churn-1');
      await expect.poll(() => status(review)).toBe('done');
      expect(await review.getByLabel('Source', { exact: true }).inputValue()).toBe('churn');

      await recordStatuses(page, 'review');
      await churn.getByRole('button', { name: 'Train again' }).click();
      // The churn cell is still done until its job is queued: wait for the reader to turn
      // stale first, or the wait for "done" below could pass before the retraining began.
      await expect.poll(async () => (await seenStatuses(page)).includes('stale')).toBe(true);
      await expect.poll(() => status(churn), { timeout: 90_000 }).toBe('done');
      await expect.poll(() => status(review)).toBe('done');
      const seen = (await seenStatuses(page)).filter((s) => s !== 'progress-bar');
      expect(seen.slice(seen.indexOf('stale'))).toEqual(['stale', 'done']);
      // The queue names the model a suggestion came from by its version, as the churn cell does.
      const [first] = (
        await server.api<{ items: { sourceVersion: string }[] }>(
          'GET',
          `/v1/workspaces/${WORKSPACE}/suggestions?status=pending&source=churn&limit=1`,
        )
      ).items;
      const model = await server.api<{ version: number }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/churn/models/${first!.sourceVersion}`,
      );
      await review.getByText(`churn model v${model.version}`).first().waitFor();
      await screenshot(page, '12-review-reads-churn', review);
      await closeSaved(page);

      const id = notebookUrl.split('/').at(-1)!;
      const stored = await server.api<{
        cells: { id: string; output: { refs: Record<string, string> } | null }[];
      }>('GET', `/v1/workspaces/${WORKSPACE}/notebooks/${id}`);
      const refsOf = (cellId: string) => stored.cells.find((c) => c.id === cellId)?.output?.refs;
      expect(refsOf('review-1')?.modelId).toBe(refsOf('churn-1')?.modelId);
    },
    FLOW_TIMEOUT,
  );

  it(
    'reopens the notebook as it was, without recomputing',
    async () => {
      const page = await openPage(notebookUrl);
      await page.getByRole('heading', { name: 'Plan' }).waitFor();
      const types = await page
        .locator('article[data-cell-type]')
        .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell-type')));
      expect(types).toEqual(['markdown', 'data', 'cluster', 'profiles', 'churn', 'review']);
      await page.locator('[data-cell-type="cluster"]').getByText('Elbow: inertia per k').waitFor();
      await page
        .locator('[data-cell-type="profiles"]')
        .getByRole('link', { name: 'Big spenders' })
        .waitFor();
      await page
        .locator('[data-cell-type="churn"] svg[aria-label="Reliability diagram"]')
        .waitFor();
      const runs = await server.api<{ items: unknown[] }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/cluster-runs`,
      );
      expect(runs.items).toHaveLength(1);
      const models = await server.api<{ items: unknown[] }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/churn/models`,
      );
      expect(models.items).toHaveLength(2);
      await screenshot(page, '13-reopened', { fullPage: true });
      await closeSaved(page);
    },
    FLOW_TIMEOUT,
  );

  it(
    'opens the newest run and the active churn model in a new notebook, without recomputing them',
    async () => {
      const jobsBefore = await server.api<{ items: { id: string }[] }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/jobs`,
      );
      const page = await openPage(`${server.url}/w/${WORKSPACE}`);
      await page.getByRole('button', { name: 'Open the latest results' }).click();
      await page.waitForURL(/\/w\/shop\/notebooks\/[0-9a-f-]{36}$/);
      await expect
        .poll(() => page.getByLabel('Notebook title', { exact: true }).inputValue())
        .toBe('Latest results');
      const types = await page
        .locator('article[data-cell-type]')
        .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell-type')));
      expect(types).toEqual(['markdown', 'cluster', 'profiles', 'churn', 'review']);
      const cluster = page.locator('[data-cell-type="cluster"]');
      await cluster.getByText('Elbow: inertia per k').waitFor();
      // Set up as the run was computed: "Run again" would repeat it.
      expect(await cluster.getByLabel('monetary', { exact: true }).isChecked()).toBe(true);
      expect(await cluster.getByLabel('Scaling', { exact: true }).inputValue()).toBe('log1p');
      expect(await cluster.getByLabel('to', { exact: true }).inputValue()).toBe('6');
      await page
        .locator('[data-cell-type="profiles"]')
        .getByRole('link', { name: 'Big spenders' })
        .waitFor();
      const churn = page.locator('[data-cell-type="churn"]');
      await churn.locator('svg[aria-label="Reliability diagram"]').waitFor();
      await churn.getByText('This model is active').waitFor();
      expect(await churn.getByLabel('Column', { exact: true }).inputValue()).toBe('churned');
      await page
        .locator('[data-cell-type="review"]')
        .getByText(/\d+\+? pending shown/)
        .waitFor();
      for (const type of ['cluster', 'profiles', 'churn']) {
        expect(
          await page
            .locator(`[data-cell-type="${type}"] [data-status]`)
            .getAttribute('data-status'),
          type,
        ).toBe('done');
      }
      const jobsAfter = await server.api<{ items: { id: string }[] }>(
        'GET',
        `/v1/workspaces/${WORKSPACE}/jobs`,
      );
      expect(jobsAfter.items[0]!.id).toBe(jobsBefore.items[0]!.id);
      await screenshot(page, '14-latest-results', { fullPage: true });
      await closeSaved(page);
    },
    FLOW_TIMEOUT,
  );

  it(
    'sums up the workspace at a glance, follows a job under way, and reads the figures again when it ends',
    async () => {
      const base = `/v1/workspaces/${WORKSPACE}`;
      type Run = Parameters<typeof clusteringHeadline>[0];
      type Model = Parameters<typeof churnModelHeadline>[0];
      const [features, pending, coverage, runs, models] = await Promise.all([
        server.api<{ customers: number }>('GET', `${base}/features/summary`),
        server.api<{ count: number }>('GET', `${base}/suggestions/count?status=pending`),
        server.api<{ customers: number; tagged: number }>('GET', `${base}/reports/coverage`),
        server.api<{ items: Run[] }>('GET', `${base}/cluster-runs?limit=1`),
        server.api<{ items: Model[] }>('GET', `${base}/churn/models?status=active`),
      ]);
      const page = await openPage(`${server.url}/w/${WORKSPACE}`);
      const card = (name: string) => page.getByRole('region', { name, exact: true });
      const shows = async (name: string, text: string) =>
        expect.poll(() => card(name).innerText()).toContain(text);
      await shows('Customers', formatNumber(features.customers));
      await shows('Waiting for review', formatNumber(pending.count));
      await shows('Tagged', taggedShare(coverage.tagged, coverage.customers).detail);
      await shows('Clustering', clusteringHeadline(runs.items[0]!).figure);
      const active = churnModelHeadline(models.items[0]!);
      await shows('Churn model', active.figure);
      await shows('Churn model', active.detail);
      expect(await card('Under way').count()).toBe(0);

      const job = await server.api<{ id: string }>('POST', `${base}/jobs`, {
        kind: 'test-steps',
        params: { steps: 2, stepMs: 0, gated: true },
      });
      await page.reload();
      await card('Under way').getByText('test-steps:').waitFor();
      stepGate.release(job.id);
      // Followed while under way (read every 2 s): the card moves on without a reload.
      await expect
        .poll(() => card('Under way').innerText(), { timeout: 10_000 })
        .toContain('test-steps: 50.0% · step 1 of 2');
      expect(await card('Under way').locator('progress').getAttribute('value')).toBe('0.5');
      await screenshot(page, '15-at-a-glance');
      const figuresReadAgain = page.waitForResponse((response) =>
        response.url().endsWith(`${base}/suggestions/count?status=pending`),
      );
      stepGate.release(job.id);
      await card('Under way').waitFor({ state: 'detached' });
      await figuresReadAgain;
      await page.close();
    },
    FLOW_TIMEOUT,
  );
});
