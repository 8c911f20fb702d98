// Lighthouse (mobile preset, system Chromium) on every page type in both languages, and the first load
// of every page against its budget: 30 KB gzip for a content page, 50 KB for the two tools, no search
// file before the visitor shows intent, and nothing but the one stylesheet blocking the first render.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';
import { launchBrowser, siteUrl } from './support/browser.ts';
import { builtPages } from '../support/site.ts';

/** One page of each type; each is run in Indonesian and in English. */
const PAGE_TYPES = {
  home: '/',
  competency: '/kompetensi/layanan-lpse/',
  role: '/peran/admin-sistem/',
  matrix: '/matriks/',
  selfCheck: '/cek-mandiri/',
};
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const KB = 1024;
/** The interactive tools may weigh more than a content page. */
const TOOLS = [
  '/matriks/',
  '/cek-mandiri/',
  '/masukan/',
  '/rekap-unit/',
  '/en/matriks/',
  '/en/cek-mandiri/',
  '/en/masukan/',
  '/en/rekap-unit/',
];
const budgetOf = (path: string) => (TOOLS.includes(path) ? 50 * KB : 30 * KB);
/** Search code and data (Pagefind's UI, runtime, WebAssembly, index): loaded only on intent. */
const isSearchFile = (url: string) =>
  /\/pagefind\/|\/_astro\/search-[\w-]+\.[\w-]+\.(js|css)$/.test(new URL(url).pathname);

describe('Lighthouse, mobile preset', () => {
  let chrome: chromeLauncher.LaunchedChrome;
  beforeAll(async () => {
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM_PATH,
      chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    });
  });
  afterAll(() => chrome?.kill());

  /** Category scores (0-1) and the failing audits of one run. */
  async function audit(path: string) {
    const result = await lighthouse(siteUrl(path), {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    const lhr = result!.lhr;
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, lhr.categories[id]!.score]));
    const failing = Object.values(lhr.audits)
      .filter(
        (entry) => entry.score !== null && entry.score < 1 && ['binary', 'numeric'].includes(entry.scoreDisplayMode),
      )
      .map((entry) => `${entry.id}: ${entry.displayValue ?? entry.score}`);
    return { scores, failing };
  }

  const cases = Object.entries(PAGE_TYPES).flatMap(([type, path]) => [
    { type, path },
    { type, path: `/en${path}` },
  ]);
  test.each(cases)(
    '$type $path scores 100 in all four categories',
    async ({ path }) => {
      let run = await audit(path);
      // Performance varies between runs on a shared machine; Lighthouse's advice is the median of
      // several runs, so a first run below 100 is followed by two more and judged on the median.
      if (run.scores.performance !== 1) {
        const runs = [run, await audit(path), await audit(path)];
        run = runs.sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0))[1]!;
      }
      expect(run.scores, `audits below 100: ${run.failing.join('; ')}`).toEqual(
        Object.fromEntries(CATEGORIES.map((id) => [id, 1])),
      );
    },
    120_000,
  );
});

describe('first-load weight (gzip) of every page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  test.each(builtPages().filter(({ path }) => path.endsWith('/')))(
    '$path stays within its budget',
    async ({ path }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const bodies: Promise<number>[] = [];
      const urls: string[] = [];
      page.on('response', (response) => {
        urls.push(response.url());
        // The preview server does not compress, so each body is gzipped here as a host would serve it.
        bodies.push(
          response.body().then(
            (body) => gzipSync(body).length,
            () => 0,
          ),
        );
      });
      await page.goto(siteUrl(path));
      await page.waitForLoadState('networkidle');
      // What held the first render back (Chromium's Resource Timing says): the one stylesheet only.
      const blocking = await page.evaluate(() =>
        (performance.getEntriesByType('resource') as (PerformanceResourceTiming & { renderBlockingStatus?: string })[])
          .filter((entry) => entry.renderBlockingStatus === 'blocking')
          .map((entry) => new URL(entry.name).pathname),
      );
      // Scroll to the end so islands that hydrate when visible load their code too.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      const total = (await Promise.all(bodies)).reduce((sum, size) => sum + size, 0);
      await context.close();
      expect(blocking, `${path}: render-blocking`).toHaveLength(1);
      expect(blocking[0]).toMatch(/\/_astro\/[\w.-]+\.css$/);
      expect(urls.filter(isSearchFile), `${path}: search files before intent`).toEqual([]);
      expect(total).toBeGreaterThan(5 * KB);
      expect(total, `${path}: ${(total / KB).toFixed(1)} KB`).toBeLessThanOrEqual(budgetOf(path));
    },
  );
});
