// Every page type survives whatever is stored under the keys the site and Starlight read: corrupt JSON,
// foreign strings, data of the wrong shape, storage that throws on read or on write. No page error,
// no CSP violation, and the theme falls back to the system's choice.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, siteUrl, watchCspViolations } from './support/browser.ts';
import { checkContent } from '../../src/lib/load-files.ts';
import { STORAGE_KEY } from '../../src/lib/self-check-store.ts';
import { FEEDBACK_STORAGE_KEY } from '../../src/lib/feedback/store.ts';
import { projectRoot } from '../support/seed.ts';

const { dictionary } = await checkContent(projectRoot);
if (!dictionary) throw new Error('The real content does not validate (see `npm run check`).');
const competency = dictionary.competencies[0]!.slug;
const role = dictionary.roles.at(-1)!.slug;

/**
 * Every key read from storage: Starlight's theme (localStorage) and sidebar state (sessionStorage),
 * the self-check's record and the feedback list. The first test fails if a page writes a key missing here.
 */
const KEYS = ['starlight-theme', 'sl-sidebar-state', STORAGE_KEY, FEEDBACK_STORAGE_KEY];

/** One page of each type, both languages among them. */
const PAGES = [
  '/',
  '/en/kompetensi/',
  `/kompetensi/${competency}/`,
  '/peran/',
  `/en/peran/${role}/`,
  '/matriks/',
  '/en/matriks/',
  '/cek-mandiri/',
  '/en/cek-mandiri/',
  '/masukan/',
  '/en/masukan/',
  '/glosarium/',
  '/en/unduh/',
  '/tentang/',
  '/404.html',
];

/** What an old version, another site on the same origin or a curious user may have left behind. */
const JUNK = [
  '{',
  '{"theme":"dark"}',
  'a b',
  '<img src=x>',
  'null',
  '[]',
  '{"hash":"","open":"yes","scroll":"far"}',
  '{"version":1,"answers":{"x":[["y"]]}}',
  'x'.repeat(100_000),
];

/**
 * The pages a junk set is tried on: a third of the page types in turn (so each type meets three sets,
 * and every page reads the theme and sidebar keys), plus the self-check and the feedback page, the
 * readers of their keys.
 */
const pagesFor = (set: number) => [
  ...new Set([...PAGES.filter((_, index) => index % 3 === set % 3), '/cek-mandiri/', '/masukan/']),
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A context that records page errors and CSP violations of all its pages. */
async function watchedContext(options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const problems: string[] = [];
  await watchCspViolations(context, problems);
  context.on('weberror', (error) => problems.push(`${error.page()?.url()}: ${error.error().message}`));
  return { context, problems };
}

/** Opens a path in a new page of the context, or in `page`, once its islands have hydrated. */
async function load(context: BrowserContext, path: string, page?: Page): Promise<Page> {
  page ??= await context.newPage();
  const response = await page.goto(siteUrl(path));
  expect(response?.status(), path).toBe(200);
  // Scrolled into view, so `client:visible` islands hydrate too.
  for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'), undefined, { timeout: 15_000 });
  return page;
}

/** The theme the page shows and the picker's choice. */
const themeOf = (page: Page) =>
  page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    picker: document.querySelector<HTMLSelectElement>('starlight-theme-select select')?.value,
  }));

test('the site reads and writes no storage key beyond those this test fills', async () => {
  const { context, problems } = await watchedContext();
  // One tab throughout: sessionStorage belongs to the tab, and leaving a page is when Starlight saves
  // the sidebar state.
  const page = await context.newPage();
  for (const path of [...PAGES, '/']) {
    await load(context, path, page);
    await page.locator('starlight-theme-select select').first().selectOption('dark', { force: true });
  }
  const written = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]);
  expect(written.length).toBeGreaterThan(0);
  for (const key of written) expect(KEYS, `storage key "${key}" is not filled with junk by this test`).toContain(key);
  expect(problems).toEqual([]);
  await context.close();
});

describe.each(
  JUNK.map((value, index) => [index, value.length > 40 ? `${value.slice(0, 12)}… (${value.length})` : value]),
)('junk set %i (%s first) under every key', (offset) => {
  test('a third of the page types and the self-check load without error, in the system theme', async () => {
    const { context, problems } = await watchedContext({ colorScheme: 'dark' });
    // Before any page script: every key gets a junk value, a different one per key and per set.
    await context.addInitScript(
      ({ keys, junk, offset }) => {
        keys.forEach((key, index) => {
          const value = junk[(index + offset) % junk.length]!;
          try {
            localStorage.setItem(key, value);
            sessionStorage.setItem(key, value);
          } catch {
            // A value over the quota is junk the page never sees; the others still apply.
          }
        });
      },
      { keys: KEYS, junk: JUNK, offset },
    );
    for (const path of pagesFor(offset)) {
      const page = await load(context, path);
      expect(await themeOf(page), path).toEqual({ theme: 'dark', picker: 'auto' });
      await page.close();
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});

test('a sidebar state for this very sidebar, but of the wrong shape, is ignored', async () => {
  const { context, problems } = await watchedContext({ viewport: { width: 1366, height: 800 } });
  const page = await load(context, '/peran/');
  const openGroups = () =>
    page
      .locator('#starlight__sidebar details')
      .evaluateAll((all) => all.map((details) => (details as HTMLDetailsElement).open));
  const before = await openGroups();
  const hash = await page.locator('sl-sidebar-state-persist').getAttribute('data-hash');
  await page.evaluate(
    (hash) => sessionStorage.setItem('sl-sidebar-state', JSON.stringify({ hash, open: 'all', scroll: 'top' })),
    hash,
  );
  await page.reload();
  expect(await openGroups()).toEqual(before);
  expect(problems).toEqual([]);
  await context.close();
});

describe('storage the browser refuses', () => {
  test('every page type loads when reading storage throws, in the system theme', async () => {
    const { context, problems } = await watchedContext({ colorScheme: 'light' });
    // As in a browser that blocks site data: touching either storage throws a SecurityError.
    await context.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage'] as const) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException('The user denied access to storage.', 'SecurityError');
          },
        });
      }
    });
    for (const path of PAGES) {
      const page = await load(context, path);
      expect(await themeOf(page), path).toEqual({ theme: 'light', picker: 'auto' });
      await page.close();
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  test('choosing a theme when storage is full still applies it to the page', async () => {
    const { context, problems } = await watchedContext({ colorScheme: 'light' });
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    for (const path of ['/', '/cek-mandiri/']) {
      const page = await load(context, path);
      await page.locator('starlight-theme-select select').first().selectOption('dark', { force: true });
      expect(await themeOf(page), path).toEqual({ theme: 'dark', picker: 'dark' });
      await page.close();
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
