// Reflow (WCAG 2.2 SC 1.4.10) on every built page of both languages at phone widths, with every <details> open, the self-check's results filled in and the matrix comparison shown: no sideways scrolling of the page, every header control on screen and whole, no word split mid-way, no table cell cut at the edge of a box that does not scroll, only the role x competency grid scrolling sideways (inside its named, focusable region); axe in dark mode on those states; no layout shift when the islands hydrate; phone screenshots as test artefacts.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, siteUrl } from './support/browser.ts';
import { projectRoot } from '../support/seed.ts';
import { builtPages } from '../support/site.ts';

/** Phone viewports: the narrowest the SC names (also 1280 px at 400% zoom), and a common phone. */
const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
];
const pages = builtPages();

/** Where the screenshots go (git-ignored): one folder per build served (`E2E_DIST`). */
const shotDir = path.join(projectRoot, 'test-results', 'reflow', process.env.E2E_DIST ?? 'dist');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(shotDir, { recursive: true });
});
afterAll(() => browser?.close());

/** Puts a page in its widest state: every <details> open; the islands with results and a comparison shown. */
async function expandAll(page: Page, sitePath: string) {
  if (sitePath.endsWith('/cek-mandiri/')) {
    await page.locator('.self-check[data-hydrated]').waitFor();
    // Helpdesk as target; "yes" to the first eight questions, "not yet" to the ninth.
    await page.locator('.self-check-target input[type="radio"]').nth(3).check();
    const questions = page.locator('.self-check-questions fieldset.self-check-indicator');
    for (let index = 0; index < 8; index++) await questions.nth(index).locator('input[value="y"]').check();
    await questions.nth(8).locator('input[value="n"]').check();
  }
  if (sitePath.endsWith('/matriks/')) {
    // The explorer hydrates once in view.
    await page.locator('.matrix-explorer').scrollIntoViewIfNeeded();
    await page.locator('.matrix-explorer[data-hydrated]').waitFor();
    const [from, to] = [
      page.locator('.matrix-compare-pick select').nth(0),
      page.locator('.matrix-compare-pick select').nth(1),
    ];
    await from.selectOption({ index: 3 });
    await to.selectOption({ index: 1 });
    await page.locator('table.matrix-compare-table').waitFor();
  }
  await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
}

/** What breaks reflow on the page as shown, one line per problem (empty when none). */
function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (element: Element) => {
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${element.tagName.toLowerCase()}${element.className ? ` class="${element.className}"` : ''}> "${text}"`;
    };
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    };
    const viewport = document.documentElement.clientWidth;

    // 1. The page itself never scrolls sideways.
    const pageWidth = document.documentElement.scrollWidth;
    if (pageWidth > viewport) problems.push(`the page is ${pageWidth} px wide in a ${viewport}-px viewport`);

    // 2. Every header control is on screen, and none cuts its own text (site name, selects).
    for (const control of document.querySelectorAll('header :is(a, button, select, input)')) {
      if (!shown(control)) continue;
      const box = control.getBoundingClientRect();
      if (box.left < 0 || box.right > viewport + 0.5)
        problems.push(
          `header control off screen (${Math.round(box.left)}–${Math.round(box.right)}): ${describe(control)}`,
        );
    }
    for (const label of document.querySelectorAll('header .site-title span')) {
      if (shown(label) && label.scrollWidth > label.clientWidth + 1)
        problems.push(`header text cut: ${describe(label)}`);
    }

    // 3. Words wrap whole: nothing in the content may split a word at any letter ("kompete/nsi").
    for (const element of document.querySelectorAll('h1, .sl-markdown-content *')) {
      const style = getComputedStyle(element);
      if (style.overflowWrap === 'anywhere' || ['break-all', 'break-word'].includes(style.wordBreak))
        if (shown(element) && (element.textContent ?? '').trim()) {
          problems.push(`may break words mid-way (${style.overflowWrap} ${style.wordBreak}): ${describe(element)}`);
          break;
        }
    }

    // 4. Tables: a cell never reaches past a box that does not scroll, and only a named,
    //    keyboard-focusable region may scroll sideways.
    for (const table of document.querySelectorAll('table')) {
      if (!shown(table)) continue;
      let scroller: Element | null = null;
      for (let box = table.parentElement; box; box = box.parentElement) {
        const overflow = getComputedStyle(box).overflowX;
        if (overflow !== 'visible') {
          scroller = box;
          break;
        }
      }
      // A Starlight content table is its own scroll box (display: block; overflow: auto).
      if (getComputedStyle(table).overflowX !== 'visible') scroller = table;
      if (!scroller) continue;
      const scrolls = scroller.scrollWidth > scroller.clientWidth + 1;
      const overflow = getComputedStyle(scroller).overflowX;
      if (scrolls && (overflow === 'auto' || overflow === 'scroll')) {
        const named =
          scroller.getAttribute('role') === 'region' &&
          (scroller.getAttribute('aria-label') ?? '').trim() !== '' &&
          scroller.getAttribute('tabindex') === '0';
        if (!named || !scroller.querySelector('table.matrix-table'))
          problems.push(`a table scrolls sideways outside the grid's named region: ${describe(table)}`);
        continue;
      }
      const edge = scroller.getBoundingClientRect();
      for (const cell of table.querySelectorAll('th, td')) {
        if (!shown(cell)) continue;
        const box = cell.getBoundingClientRect();
        if (box.right > edge.right + 1 || box.left < edge.left - 1)
          problems.push(`table cell cut at the edge of its box: ${describe(cell)}`);
        else if (cell.scrollWidth > cell.clientWidth + 1)
          problems.push(`table cell cuts its content: ${describe(cell)}`);
      }
    }
    return problems;
  });
}

describe.each(VIEWPORTS)('at $width x $height', (viewport) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport });
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  test.each(pages)(
    '$path reflows: no sideways scrolling, header controls on screen, no word split, no cut table cell',
    async ({ path: sitePath }) => {
      await page.goto(siteUrl(sitePath));
      await page.waitForLoadState('networkidle');
      await expandAll(page, sitePath);
      expect(await reflowProblems(page), sitePath).toEqual([]);
    },
  );
});

/** The theme and language selects whose chosen text does not fit their box, as `text (needs/has px)`. */
function cutSelects(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const measure = document.createElement('canvas').getContext('2d')!;
    return [
      ...document.querySelectorAll<HTMLSelectElement>(
        `${scope} :is(starlight-theme-select, starlight-lang-select) select`,
      ),
    ]
      .filter((select) => select.offsetWidth > 0)
      .flatMap((select) => {
        const style = getComputedStyle(select);
        measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = select.options[select.selectedIndex]?.text ?? '';
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const needs = measure.measureText(text).width;
        return needs > room + 0.5 ? [`${text} (${Math.ceil(needs)}/${Math.floor(room)} px)`] : [];
      });
  }, scope);
}

describe('header controls fit on laptops and in the phone menu', () => {
  test.each([
    { width: 800, height: 600 },
    { width: 1366, height: 768 },
  ])('at $width px: site name, search, theme and language whole and on screen', async (viewport) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    for (const sitePath of ['/', '/en/', '/cek-mandiri/', '/en/matriks/']) {
      await page.goto(siteUrl(sitePath));
      expect(await reflowProblems(page), sitePath).toEqual([]);
      expect(await cutSelects(page, 'header'), sitePath).toEqual([]);
      expect(await page.locator('header starlight-theme-select select').isVisible()).toBe(true);
    }
    await context.close();
  });

  test('at 320 px the menu holds the theme and language selects, whole and on screen', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS[0] });
    const page = await context.newPage();
    for (const sitePath of ['/', '/en/']) {
      await page.goto(siteUrl(sitePath));
      await page.locator('button[popovertarget="starlight__sidebar"]').click();
      const selects = page.locator('#starlight__sidebar :is(starlight-theme-select, starlight-lang-select) select');
      await selects.first().waitFor();
      expect(await selects.count()).toBe(2);
      for (const box of await selects.evaluateAll((all) =>
        all.map((select) => select.getBoundingClientRect().toJSON()),
      ))
        expect(box.right, sitePath).toBeLessThanOrEqual(320);
      expect(await cutSelects(page, '#starlight__sidebar'), sitePath).toEqual([]);
    }
    await context.close();
  });
});

describe('islands hydrate without moving the page (CLS 0)', () => {
  test.each(['/', '/matriks/', '/cek-mandiri/', '/en/matriks/', '/en/cek-mandiri/'])(
    '%s at 390 px',
    async (sitePath) => {
      const context = await browser.newContext({ viewport: VIEWPORTS[1] });
      await context.addInitScript(() => {
        const shifts: number[] = ((window as unknown as { __shifts: number[] }).__shifts = []);
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
            if (!entry.hadRecentInput) shifts.push(entry.value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page = await context.newPage();
      await page.goto(siteUrl(sitePath));
      await page.waitForLoadState('networkidle');
      // The explorer hydrates when scrolled into view, the self-check when the browser is idle.
      const island = page.locator('.matrix-explorer, .self-check');
      if ((await island.count()) > 0) {
        await island.first().scrollIntoViewIfNeeded();
        await page.locator('.matrix-explorer[data-hydrated], .self-check[data-hydrated]').waitFor();
      }
      await page.waitForTimeout(500);
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
      expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
      await context.close();
    },
  );
});

describe('phone screenshots and dark mode', () => {
  /** The page states the screenshots show, with the part worth looking at. */
  const views = [
    { name: 'home', path: '/', focus: '.home-tasks' },
    { name: 'home-en', path: '/en/', focus: '.home-tasks' },
    { name: 'role', path: '/peran/helpdesk/', focus: 'table.standard-table' },
    { name: 'matrix', path: '/matriks/', focus: '.matrix-explorer' },
    { name: 'self-check-results', path: '/cek-mandiri/', focus: '.self-check-results' },
  ];

  test.each(views)('$name at 320 px in both themes: a screenshot, and no axe violation in dark mode', async (view) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: VIEWPORTS[0], colorScheme });
      const page = await context.newPage();
      await page.goto(siteUrl(view.path));
      await page.waitForLoadState('networkidle');
      await expandAll(page, view.path);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
      expect(await reflowProblems(page), view.path).toEqual([]);
      await page.screenshot({ path: path.join(shotDir, `${view.name}-320-${colorScheme}.png`) });
      // The part worth seeing, just below the fixed header.
      await page
        .locator(view.focus)
        .first()
        .evaluate((element) => scrollTo(0, element.getBoundingClientRect().top + scrollY - 72));
      await page.screenshot({ path: path.join(shotDir, `${view.name}-320-${colorScheme}-part.png`) });
      if (colorScheme === 'dark') {
        const violations = await axeViolations(page);
        expect(violations, `axe (dark) on ${view.path}:\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
      }
      await context.close();
    }
  });
});
