import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { latestResultsCells } from '../../packages/workbench/src/lib/notebook/latest-results.ts';
import { formatPercent } from '../../packages/workbench/src/lib/format.ts';
import {
  launchBrowser,
  openCheckedPage,
  recordOpenApiViolations,
  screenshot,
  signedInContext,
} from './support/browser.ts';
import { AS_OF, seedWorkspace } from './support/seed.ts';
import { startE2eServer, waitForJob, type E2eServer } from './support/server.ts';

const WORKSPACE = 'shop';
const FLOW_TIMEOUT = 180_000;
const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Given by hand to more customers than the tag page lists at first (25). */
const NEWSLETTER_HOLDERS = 30;
/** A customer with purchases but no `seats` attribute: a run on seats leaves it out. */
const NO_SEATS = 'no-seats';
/** The name of the server's admin key, which makes every change made through `server.api`. */
const BOOTSTRAP_KEY_NAME = 'bootstrap admin (TAGWISE_BOOTSTRAP_KEY)';

interface SuggestionJson {
  id: string;
  customer: string;
  tag: string;
  tagDisplayName: string;
  status: string;
}
interface AcceptableJson extends SuggestionJson {
  sourceVersion: string;
  confidence: number;
  explanation: { text: string };
}
interface HoldingJson {
  tag: string;
  source: string;
  removedAt: string | null;
}
interface RunSummaryJson {
  id: string;
  jobId: string | null;
  featureNames: string[];
  scaling: string | string[];
  kRequested: number | { min: number; max: number };
  seed: number;
  customerCount: number;
}

/** The little of the browser's globals the checks below read (no DOM lib in this tsconfig). */
interface FocusGlobals {
  innerWidth: number;
  document: {
    documentElement: { scrollWidth: number };
    activeElement: {
      tagName: string;
      id: string;
      textContent: string | null;
      getAttribute(name: string): string | null;
    } | null;
  };
}

/**
 * The tag page's holders, undoing a decision in the review queue, reaching the queue from
 * the keyboard and a clustering run's left-out customers, in Chromium against the real
 * server (data made through the API, results checked through the API).
 */
describe('tag holders, undo in review, keyboard reach and left-out customers in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let wide: BrowserContext;
  let phone: BrowserContext;
  let answers: ReturnType<typeof recordOpenApiViolations>[];
  /** A notebook opening the first run (RFM, k = 3) and the review queue. */
  let reviewNotebook: string;
  /** A notebook opening the run on frequency and seats, which left a customer out. */
  let seatsNotebook: string;
  const base = `/v1/workspaces/${WORKSPACE}`;

  async function notebookFor(runId: string, title: string): Promise<string> {
    const run = await server.api<RunSummaryJson>('GET', `${base}/cluster-runs/${runId}`);
    const cells = latestResultsCells({ run: { ...run } as never, model: null });
    const notebook = await server.api<{ id: string }>('POST', `${base}/notebooks`, {
      title,
      cells,
    });
    return `/w/${WORKSPACE}/notebooks/${notebook.id}`;
  }

  beforeAll(async () => {
    server = await startE2eServer();
    await seedWorkspace(server, WORKSPACE);
    // One more customer, with a purchase but without seats; features again for everyone.
    await server.api('POST', `${base}/customers`, {
      customers: [{ externalId: NO_SEATS, attributes: { plan: 'basic' } }],
    });
    await server.api('POST', `${base}/events`, {
      events: [
        {
          eventId: `${NO_SEATS}-o1`,
          customerId: NO_SEATS,
          occurredAt: '2025-12-01T10:00:00.000Z',
          kind: 'purchase',
          amount: 42,
          quantity: 1,
          invoice: `${NO_SEATS}-inv1`,
          category: 'basics',
        },
      ],
    });
    await waitForJob(
      server,
      WORKSPACE,
      await server.api('POST', `${base}/jobs`, {
        kind: 'feature-refresh',
        params: { asOf: AS_OF, scope: 'all' },
      }),
    );
    const rfm = await waitForJob(
      server,
      WORKSPACE,
      await server.api('POST', `${base}/cluster-runs`, {
        featureNames: ['recency_days', 'frequency', 'monetary'],
        scaling: 'log1p',
        k: 3,
        seed: 1,
      }),
    );
    const rfmRun = rfm.result?.runId as string;
    await server.api('POST', `${base}/cluster-runs/${rfmRun}/clusters/0/tag`, {
      slug: 'steady-buyers',
      displayName: 'Steady buyers',
      category: 'behaviour',
    });
    await waitForJob(
      server,
      WORKSPACE,
      await server.api('POST', `${base}/suggestions/generate`, { sources: ['cluster', 'rule'] }),
    );
    const seats = await waitForJob(
      server,
      WORKSPACE,
      await server.api('POST', `${base}/cluster-runs`, {
        featureNames: ['frequency', 'seats'],
        k: 2,
        seed: 1,
      }),
    );
    // Tags given by hand: one held by many, one held by nobody.
    for (const slug of ['newsletter', 'gift-buyers']) {
      await server.api('POST', `${base}/tags`, {
        slug,
        displayName: slug === 'newsletter' ? 'Newsletter' : 'Gift buyers',
        kind: 'fact',
        category: 'interest',
      });
    }
    for (let i = 1; i <= NEWSLETTER_HOLDERS; i++) {
      await server.api('POST', `${base}/customers/c${String(i).padStart(3, '0')}/tags`, {
        tag: 'newsletter',
        reason: 'signed up',
      });
    }
    reviewNotebook = await notebookFor(rfmRun, 'Review with undo');
    seatsNotebook = await notebookFor(seats.result?.runId as string, 'Seats and frequency');

    browser = await launchBrowser();
    const signedInWide = await signedInContext(browser, server.key, { viewport: WIDE });
    const signedInPhone = await signedInContext(browser, server.key, {
      viewport: PHONE,
      deviceScaleFactor: 1,
    });
    wide = signedInWide.context;
    phone = signedInPhone.context;
    answers = [signedInWide.answers, signedInPhone.answers];
  }, FLOW_TIMEOUT);

  afterEach(async () => {
    for (const recorded of answers) expect(await recorded.violations()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const openPage = (context: BrowserContext, path: string): Promise<Page> =>
    openCheckedPage(context, `${server.url}${path}`);

  /** The focused element: its tag, and its label (aria-label, else its text). */
  function focused(page: Page): Promise<string> {
    return page.evaluate(() => {
      const element = (globalThis as unknown as FocusGlobals).document.activeElement;
      if (element === null) return 'none';
      const name = element.getAttribute('aria-label') ?? element.textContent ?? '';
      return `${element.tagName} ${name.trim().replace(/\s+/g, ' ').slice(0, 60)}`;
    });
  }

  /** How wide the page is: wider than the window when it scrolls sideways. */
  function scrollWidth(page: Page): Promise<{ viewport: number; scrollWidth: number }> {
    return page.evaluate(() => {
      const browser = globalThis as unknown as FocusGlobals;
      return {
        viewport: browser.innerWidth,
        scrollWidth: browser.document.documentElement.scrollWidth,
      };
    });
  }

  /** The customer's tags held now, by slug. */
  async function heldTags(customer: string): Promise<string[]> {
    const history = await server.api<{ items: HoldingJson[] }>(
      'GET',
      `${base}/customers/${customer}/tags?limit=500`,
    );
    return history.items
      .filter((h) => h.removedAt === null)
      .map((h) => h.tag)
      .sort();
  }

  async function suggestionStatus(id: string): Promise<string | undefined> {
    for (const status of ['pending', 'accepted', 'rejected']) {
      const page = await server.api<{ items: SuggestionJson[] }>(
        'GET',
        `${base}/suggestions?status=${status}&limit=1000`,
      );
      if (page.items.some((s) => s.id === id)) return status;
    }
    return undefined;
  }

  it(
    'lists the customers holding a tag with where each got it, shows more on demand, and says when nobody holds a tag',
    async () => {
      const page = await openPage(wide, `/w/${WORKSPACE}/tags/newsletter`);
      const section = page.locator('section', {
        has: page.getByRole('heading', { name: 'Holders', level: 2 }),
      });
      const rows = section.locator('tbody tr');
      await section
        .getByText(`${NEWSLETTER_HOLDERS} customers hold this tag; the first 25 are listed.`)
        .waitFor();
      expect(await rows.count()).toBe(25);
      // Each row: the customer linked to their page, the source in words, no confidence for a
      // tag given by hand, the key that gave it, the date for people.
      expect(await section.locator('thead th').allInnerTexts()).toEqual([
        'Customer',
        'Source',
        'Confidence',
        'Given by',
        'Holds it since',
      ]);
      const first = rows.nth(0);
      const link = first.getByRole('link', { name: 'c001' });
      expect(await link.getAttribute('href')).toBe(`/w/${WORKSPACE}/customers/c001`);
      expect(await first.locator('td').nth(1).textContent()).toBe('given by hand');
      expect(await first.locator('td').nth(2).innerText()).toBe('–');
      expect(await first.locator('td').nth(3).innerText()).toBe(BOOTSTRAP_KEY_NAME);
      expect(await first.locator('td').nth(4).innerText()).toMatch(
        /^\d{1,2} \w{3,4} \d{4}, \d{2}:\d{2}$/,
      );
      await screenshot(page, 'holders-01-first-page-1280', { fullPage: true });

      await section.getByRole('button', { name: 'Show more' }).click();
      await expect.poll(() => rows.count()).toBe(NEWSLETTER_HOLDERS);
      await section.getByText(`${NEWSLETTER_HOLDERS} customers hold this tag.`).waitFor();
      expect(await section.getByRole('button', { name: 'Show more' }).count()).toBe(0);
      const listed = await rows.locator('td:first-child').allTextContents();
      expect(new Set(listed.map((t) => t.trim())).size).toBe(NEWSLETTER_HOLDERS);

      // A holder's link opens the customer.
      await link.click();
      await page.getByRole('heading', { name: 'Customer c001', level: 1 }).waitFor();
      // The customer's own page lists the tag given by hand among their tags.
      const customerTags = page.getByRole('region', { name: 'Tags' });
      const newsletterRow = customerTags
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: 'newsletter' }) });
      expect(await newsletterRow.textContent()).toContain('given by hand');
      expect(await newsletterRow.textContent()).toContain('signed up');

      // A holding from an accepted suggestion names the run that suggested it, the
      // suggestion's confidence and the key that accepted it.
      const [suggestion] = (
        await server.api<{ items: AcceptableJson[] }>(
          'GET',
          `${base}/suggestions?status=pending&source=cluster&limit=1`,
        )
      ).items;
      await server.api('POST', `${base}/suggestions/${suggestion!.id}/accept`, {});
      await page.goto(`${server.url}/w/${WORKSPACE}/tags/${suggestion!.tag}`);
      const row = rows.filter({ has: page.getByRole('link', { name: suggestion!.customer }) });
      await row.waitFor();
      expect(await row.locator('td').nth(1).textContent()).toBe(
        `clustering run ${suggestion!.sourceVersion.slice(0, 8)}`,
      );
      expect(await row.locator('td').nth(2).innerText()).toBe(
        formatPercent(suggestion!.confidence),
      );
      expect(await row.locator('td').nth(3).innerText()).toBe(BOOTSTRAP_KEY_NAME);
      await screenshot(page, 'holders-02-accepted-1280', section);
      // The customer's page gives that tag the same confidence, and the suggestion's reason.
      await row.getByRole('link', { name: suggestion!.customer }).click();
      const acceptedRow = page
        .getByRole('region', { name: 'Tags' })
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: suggestion!.tagDisplayName }) });
      await acceptedRow.waitFor();
      const acceptedText = await acceptedRow.innerText();
      expect(acceptedText).toContain(formatPercent(suggestion!.confidence));
      expect(acceptedText).toContain('accepted');
      expect(acceptedText).toContain(suggestion!.explanation.text);

      // A tag nobody holds says so, with how customers get it.
      await page.goto(`${server.url}/w/${WORKSPACE}/tags/gift-buyers`);
      await page.getByText('No customer holds this tag.').waitFor();
      expect(
        await page
          .locator('section', { has: page.getByRole('heading', { name: 'Holders' }) })
          .locator('table')
          .count(),
      ).toBe(0);
      await page.close();

      const small = await openPage(phone, `/w/${WORKSPACE}/tags/newsletter`);
      await small.getByText('the first 25 are listed').waitFor();
      expect(await scrollWidth(small)).toEqual({ viewport: PHONE.width, scrollWidth: PHONE.width });
      await screenshot(
        small,
        'holders-03-phone-390',
        small.locator('section', {
          has: small.getByRole('heading', { name: 'Holders', level: 2 }),
        }),
      );
      await small.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'undoes an accept or a rejection from the review queue by button, u key and Tab: the suggestion is pending and back in its place, an accept’s tag is taken back and a tag held before stays',
    async () => {
      const page = await openPage(wide, reviewNotebook);
      const cell = page.locator('[data-cell-type="review"]');
      const queue = cell.getByRole('grid', { name: 'Pending suggestions' });
      const rows = queue.locator('tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThan(5);
      const pending = await server.api<{ items: SuggestionJson[] }>(
        'GET',
        `${base}/suggestions?status=pending&limit=1000`,
      );
      const byId = new Map(pending.items.map((s) => [s.id, s]));
      const rowIds = () =>
        rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-suggestion')));
      const selectedSuggestion = async () =>
        byId.get(
          (await queue.locator('tr[aria-selected="true"]').getAttribute('data-suggestion')) ?? '',
        )!;
      const notice = cell.locator('.decided');
      const undoButton = notice.getByRole('button', { name: 'Undo' });
      const backInQueue = (s: SuggestionJson) =>
        `Undone: the suggestion “${s.tagDisplayName}” for customer ${s.customer} is back in the queue`;

      // Accept with the mouse, then Undo: the customer no longer holds the tag, the suggestion
      // is pending again and back at the top of the queue, selected.
      const order = await rowIds();
      const first = byId.get(order[0]!)!;
      expect(await heldTags(first.customer)).not.toContain(first.tag);
      await rows.nth(0).getByRole('button', { name: 'Accept' }).click();
      await notice
        .getByText(`Accepted “${first.tagDisplayName}” for customer ${first.customer}.`)
        .waitFor();
      expect(await heldTags(first.customer)).toContain(first.tag);
      expect(await suggestionStatus(first.id)).toBe('accepted');
      expect((await rowIds())[0]).toBe(order[1]);
      expect(await undoButton.getAttribute('aria-keyshortcuts')).toBe('u');
      await screenshot(page, 'undo-01-accepted-1280', cell);
      await undoButton.click();
      await notice.getByText(`${backInQueue(first)}; the tag was taken back.`).waitFor();
      expect(await heldTags(first.customer)).not.toContain(first.tag);
      expect(await suggestionStatus(first.id)).toBe('pending');
      expect(await undoButton.count()).toBe(0);
      expect(await rowIds()).toEqual(order);
      expect((await selectedSuggestion()).id).toBe(first.id);
      await screenshot(page, 'undo-02-undone-1280', cell);
      // The queue has the focus again.
      expect(await focused(page)).toBe('TABLE Pending suggestions');
      // The customer's page no longer lists the tag, and offers the suggestion again.
      const customerPage = await openPage(wide, `/w/${WORKSPACE}/customers/${first.customer}`);
      await customerPage
        .getByRole('heading', { name: `Customer ${first.customer}`, level: 1 })
        .waitFor();
      await customerPage
        .getByRole('region', { name: 'Open suggestions' })
        .getByRole('button', { name: `Accept ${first.tagDisplayName}` })
        .waitFor();
      expect(
        await customerPage
          .getByRole('region', { name: 'Tags' })
          .getByRole('link', { name: first.tagDisplayName, exact: true })
          .count(),
      ).toBe(0);
      await customerPage.close();

      // By the keys: j moves to the second row, a accepts it, u undoes; it is back in its place.
      await page.keyboard.press('j');
      const second = await selectedSuggestion();
      expect(second.id).toBe(order[1]);
      await page.keyboard.press('a');
      await notice
        .getByText(`Accepted “${second.tagDisplayName}” for customer ${second.customer}.`)
        .waitFor();
      expect(await heldTags(second.customer)).toContain(second.tag);
      await page.keyboard.press('u');
      await notice.getByText(`${backInQueue(second)}; the tag was taken back.`).waitFor();
      expect(await heldTags(second.customer)).not.toContain(second.tag);
      expect(await suggestionStatus(second.id)).toBe('pending');
      expect(await rowIds()).toEqual(order);
      expect((await selectedSuggestion()).id).toBe(second.id);

      // The Undo button is reachable with Tab as well: back from the queue, then Enter.
      await page.keyboard.press('j');
      const third = await selectedSuggestion();
      await page.keyboard.press('a');
      await notice.getByText(`Accepted “${third.tagDisplayName}”`).waitFor();
      let presses = 0;
      while ((await focused(page)) !== 'BUTTON Undo' && presses < 5) {
        await page.keyboard.press('Shift+Tab');
        presses++;
      }
      expect(await focused(page)).toBe('BUTTON Undo');
      await page.keyboard.press('Enter');
      await notice.getByText(`${backInQueue(third)}; the tag was taken back.`).waitFor();
      expect(await heldTags(third.customer)).not.toContain(third.tag);
      expect(await suggestionStatus(third.id)).toBe('pending');

      // A customer given the tag by hand before the accept keeps it; the suggestion is pending.
      await queue.focus();
      await page.keyboard.press('j');
      const fourth = await selectedSuggestion();
      await server.api('POST', `${base}/customers/${fourth.customer}/tags`, {
        tag: fourth.tag,
        reason: 'given at the counter',
      });
      await page.keyboard.press('a');
      await notice.getByText(`Accepted “${fourth.tagDisplayName}”`).waitFor();
      await page.keyboard.press('u');
      await notice
        .getByText(`${backInQueue(fourth)}; the customer keeps the tag they held before.`)
        .waitFor();
      expect(await heldTags(fourth.customer)).toContain(fourth.tag);
      expect(await suggestionStatus(fourth.id)).toBe('pending');
      await screenshot(page, 'undo-03-kept-1280', cell);
      const keptPage = await openPage(wide, `/w/${WORKSPACE}/customers/${fourth.customer}`);
      const keptRow = keptPage
        .getByRole('region', { name: 'Tags' })
        .getByRole('row')
        // Named as the tag is, whether a suggestion gave it or a person did.
        .filter({
          has: keptPage.getByRole('link', { name: fourth.tagDisplayName, exact: true }),
        });
      await keptRow.waitFor();
      expect(await keptRow.textContent()).toContain('given by hand');
      expect(await keptRow.textContent()).toContain('given at the counter');
      await keptPage.close();

      // A rejection is undone too: pending again, the customer's tags untouched.
      await queue.focus();
      await page.keyboard.press('j');
      const fifth = await selectedSuggestion();
      const fifthTags = await heldTags(fifth.customer);
      await page.keyboard.press('r');
      await notice
        .getByText(`Rejected “${fifth.tagDisplayName}” for customer ${fifth.customer}.`)
        .waitFor();
      expect(await suggestionStatus(fifth.id)).toBe('rejected');
      expect(await undoButton.count()).toBe(1);
      await screenshot(page, 'undo-04-rejected-1280', cell);
      await page.keyboard.press('u');
      await notice.getByText(`${backInQueue(fifth)}.`, { exact: true }).waitFor();
      expect(await suggestionStatus(fifth.id)).toBe('pending');
      expect(await heldTags(fifth.customer)).toEqual(fifthTags);
      expect(await rowIds()).toEqual(order);
      await cell.getByText('u undoes the last decision').waitFor();

      // Undone elsewhere first: the API's reason is shown and Undo is no longer offered.
      await page.keyboard.press('j');
      const sixth = await selectedSuggestion();
      await page.keyboard.press('a');
      await notice.getByText(`Accepted “${sixth.tagDisplayName}”`).waitFor();
      await server.api('POST', `${base}/suggestions/${sixth.id}/reopen`);
      await page.keyboard.press('u');
      await notice
        .getByRole('alert')
        .getByText(
          `Could not undo: the suggestion “${sixth.tagDisplayName}” for customer ${sixth.customer} is pending: there is no decision to undo`,
        )
        .waitFor();
      expect(await undoButton.count()).toBe(0);
      expect(await suggestionStatus(sixth.id)).toBe('pending');
      await screenshot(page, 'undo-05-refused-1280', cell);
      await page.locator('[data-save-state="saved"]').waitFor();
      await page.close();

      // On a phone the notice and its Undo fit the screen.
      const small = await openPage(phone, reviewNotebook);
      const smallCell = small.locator('[data-cell-type="review"]');
      const smallRows = smallCell
        .getByRole('grid', { name: 'Pending suggestions' })
        .locator('tbody tr');
      await expect.poll(() => smallRows.count()).toBeGreaterThan(1);
      const seventh = byId.get((await smallRows.nth(0).getAttribute('data-suggestion')) ?? '')!;
      await smallRows.nth(0).getByRole('button', { name: 'Accept' }).click();
      const smallUndo = smallCell.locator('.decided').getByRole('button', { name: 'Undo' });
      await smallUndo.waitFor();
      const box = await smallUndo.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      expect(await scrollWidth(small)).toEqual({ viewport: PHONE.width, scrollWidth: PHONE.width });
      await smallUndo.scrollIntoViewIfNeeded();
      await screenshot(small, 'undo-06-phone-390');
      await smallUndo.click();
      await smallCell.getByText(`${backInQueue(seventh)}; the tag was taken back.`).waitFor();
      expect(await heldTags(seventh.customer)).not.toContain(seventh.tag);
      expect(await suggestionStatus(seventh.id)).toBe('pending');
      expect(await scrollWidth(small)).toEqual({ viewport: PHONE.width, scrollWidth: PHONE.width });
      await small.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'reaches the review queue from the top of a notebook in a few key presses, and any cell from the outline',
    async () => {
      const page = await openPage(wide, reviewNotebook);
      const queue = page.getByRole('grid', { name: 'Pending suggestions' });
      await queue.locator('tbody tr').first().waitFor();

      // The first Tab shows the skip link; Enter moves past the header.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('A Skip to content');
      const skip = await page.getByRole('link', { name: 'Skip to content' }).boundingBox();
      expect(skip!.y).toBeGreaterThanOrEqual(0);
      await screenshot(page, 'reach-01-skip-link-1280');
      await page.keyboard.press('Enter');
      expect((await focused(page)).startsWith('MAIN')).toBe(true);

      // Then the way back, the title, and the link to the queue.
      const steps: string[] = [];
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Tab');
        steps.push(await focused(page));
      }
      expect(steps).toEqual([`A ← ${WORKSPACE}`, 'INPUT ', 'A Go to the review queue']);
      await page.keyboard.press('Enter');
      expect(await focused(page)).toBe('TABLE Pending suggestions');
      // The queue's keys work at once.
      const selected = () =>
        queue.locator('tr[aria-selected="true"]').getAttribute('data-suggestion');
      const before = await selected();
      await page.keyboard.press('j');
      expect(await selected()).not.toBe(before);

      // The outline links every cell; following one puts the focus on that cell.
      const outline = page.getByRole('navigation', { name: 'Cells in this notebook' });
      expect(await outline.getByRole('link').allTextContents()).toEqual([
        'Go to the review queue',
        '1. About this notebook',
        '2. Clustering',
        '3. Cluster profiles',
        '4. Review queue',
      ]);
      await outline.getByRole('link', { name: '2. Clustering' }).click();
      expect(
        await page.evaluate(
          () =>
            (globalThis as unknown as FocusGlobals).document.activeElement?.getAttribute(
              'data-cell-type',
            ) ?? null,
        ),
      ).toBe('cluster');
      await screenshot(page, 'reach-02-outline-1280');
      await page.close();

      const small = await openPage(phone, reviewNotebook);
      await small.getByRole('navigation', { name: 'Cells in this notebook' }).waitFor();
      await small.getByRole('grid', { name: 'Pending suggestions' }).waitFor();
      expect(await scrollWidth(small)).toEqual({ viewport: PHONE.width, scrollWidth: PHONE.width });
      await small.keyboard.press('Tab');
      expect(await focused(small)).toBe('A Skip to content');
      await screenshot(small, 'reach-03-phone-390');
      await small.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'says how many customers a clustering run left out and which feature they lack',
    async () => {
      const page = await openPage(wide, seatsNotebook);
      const cell = page.locator('[data-cell-type="cluster"]');
      // 91 customers; the one without seats is left out.
      await cell.getByText('90 customers clustered; 1 left out (no value in seats).').waitFor();
      await screenshot(page, 'cluster-01-left-out-1280', cell);
      await page.close();

      const rfm = await openPage(wide, reviewNotebook);
      await rfm
        .locator('[data-cell-type="cluster"]')
        .getByText('91 customers clustered; none left out.')
        .waitFor();
      await rfm.close();

      const small = await openPage(phone, seatsNotebook);
      await small.getByText('1 left out (no value in seats)').waitFor();
      expect(await scrollWidth(small)).toEqual({ viewport: PHONE.width, scrollWidth: PHONE.width });
      await screenshot(small, 'cluster-02-phone-390', small.locator('[data-cell-type="cluster"]'));
      await small.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'takes away the last decision’s Undo once a bulk decision is made, so u no longer reopens it',
    async () => {
      const page = await openPage(wide, reviewNotebook);
      const cell = page.locator('[data-cell-type="review"]');
      const rows = cell.getByRole('grid', { name: 'Pending suggestions' }).locator('tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThan(1);
      const pending = await server.api<{ items: SuggestionJson[] }>(
        'GET',
        `${base}/suggestions?status=pending&limit=1000`,
      );
      const byId = new Map(pending.items.map((s) => [s.id, s]));
      const accepted = byId.get((await rows.nth(0).getAttribute('data-suggestion')) ?? '')!;
      // The bulk rejection's tag: another tag than the accepted one's, with pending suggestions.
      const other = pending.items.find((s) => s.tag !== accepted.tag)!;
      const othersPending = pending.items.filter((s) => s.tag === other.tag).length;

      const notice = cell.locator('.decided');
      await rows.nth(0).getByRole('button', { name: 'Accept' }).click();
      await notice.getByRole('button', { name: 'Undo' }).waitFor();

      await cell.getByLabel('Tag', { exact: true }).selectOption(other.tag);
      await cell.getByRole('button', { name: 'Reject all matching…' }).click();
      const confirm = cell.getByRole('alertdialog');
      await confirm.getByText(`This will reject ${othersPending} pending suggestion`).waitFor();
      await confirm.getByRole('button', { name: `Confirm: reject ${othersPending}` }).click();
      await cell.getByRole('status').getByText(`Rejected ${othersPending} suggestions.`).waitFor();
      expect(await notice.getByRole('button', { name: 'Undo' }).count()).toBe(0);
      expect((await notice.textContent())?.trim()).toBe('');
      await screenshot(page, 'undo-07-after-bulk-1280', cell);

      // u from the queue now asks for no undo: the single accept stands. The j after it moves
      // the selection, so the u has been handled by then.
      const reopens: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/reopen')) reopens.push(request.url());
      });
      // The queue of the rejected tag is empty now: back to all tags.
      await cell.getByLabel('Tag', { exact: true }).selectOption('');
      await expect.poll(() => rows.count()).toBeGreaterThan(1);
      const queue = cell.getByRole('grid', { name: 'Pending suggestions' });
      await queue.focus();
      const selectedBefore = await queue
        .locator('tr[aria-selected="true"]')
        .getAttribute('data-suggestion');
      await page.keyboard.press('u');
      await page.keyboard.press('j');
      await expect
        .poll(() => queue.locator('tr[aria-selected="true"]').getAttribute('data-suggestion'))
        .not.toBe(selectedBefore);
      expect(reopens).toEqual([]);
      expect(await suggestionStatus(accepted.id)).toBe('accepted');
      expect(await suggestionStatus(other.id)).toBe('rejected');
      await page.close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'gives an operator a review page of its own, reached from the overview and a tag, its filters in the address',
    async () => {
      const issued = await server.api<{ secret: string }>('POST', '/v1/keys', {
        role: 'operator',
        workspace: WORKSPACE,
        name: 'operator on the review page',
      });
      const operator = await signedInContext(browser, issued.secret, { viewport: WIDE });
      answers.push(operator.answers);
      const page = await openPage(operator.context, `/w/${WORKSPACE}`);
      await page
        .getByRole('region', { name: 'Waiting for review', exact: true })
        .getByRole('link', { name: 'Review them' })
        .click();
      await page.waitForURL(`${server.url}/w/${WORKSPACE}/review`);
      await page
        .getByRole('heading', { level: 1, name: `Review in ${WORKSPACE} (test shop)` })
        .waitFor();
      const queue = page.getByRole('grid', { name: 'Pending suggestions' });
      await queue.waitFor();
      expect(await page.getByRole('button', { name: 'Generate suggestions' }).count()).toBe(0);

      // An operator chooses the filters here (a notebook's are the analyst's), and the address
      // keeps them.
      const pending = await server.api<{ items: SuggestionJson[] }>(
        'GET',
        `${base}/suggestions?status=pending&limit=1000`,
      );
      const ofTagOf = (slug: string) => pending.items.filter((s) => s.tag === slug);
      const { tag } = pending.items.find((s) => ofTagOf(s.tag).length >= 2)!;
      const ofTag = ofTagOf(tag);
      await page.getByLabel('Tag', { exact: true }).selectOption(tag);
      await page.waitForURL(`${server.url}/w/${WORKSPACE}/review?tag=${tag}`);
      const shown = `of ${ofTag.length} pending shown`;
      await page.getByText(shown).waitFor();
      const tagCells = queue.locator('tbody tr td:nth-child(2)');
      expect(new Set(await tagCells.allTextContents())).toEqual(
        new Set([ofTag[0]!.tagDisplayName]),
      );

      // Decided with the keyboard, as in a notebook's queue.
      const first = await queue.locator('tbody tr').first().getAttribute('data-suggestion');
      await queue.focus();
      await page.keyboard.press('a');
      await page.getByText('1 decided here').waitFor();
      expect(await suggestionStatus(first!)).toBe('accepted');
      await screenshot(page, 'review-page-1280');

      // The address reopens the same queue, one decision shorter.
      await page.reload();
      await page.getByText(`of ${ofTag.length - 1} pending shown`).waitFor();
      expect(await page.getByLabel('Tag', { exact: true }).inputValue()).toBe(tag);

      // A tag's page leads to its own queue.
      await page.goto(`${server.url}/w/${WORKSPACE}/tags/${tag}`);
      const waiting = page
        .locator('dt', { hasText: 'Waiting for review' })
        .locator('xpath=following-sibling::dd[1]');
      await expect
        .poll(() => waiting.textContent())
        .toBe(`${(ofTag.length - 1).toLocaleString('en')} suggestions\u00a0· review them`);
      await page.getByRole('link', { name: 'review them' }).click();
      await page.waitForURL(`${server.url}/w/${WORKSPACE}/review?tag=${tag}`);
      await page.getByText(`of ${ofTag.length - 1} pending shown`).waitFor();
      await operator.context.close();
    },
    FLOW_TIMEOUT,
  );
});
