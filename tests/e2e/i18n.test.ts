// The English edition pairs page for page with the Indonesian one: same anchors, hreflang, a language
// switch that keeps the cited fragment, dates per locale, and one search index per language.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, sitePathOf, siteUrl } from './support/browser.ts';
import { builtPages, distDir } from '../support/site.ts';
import { loadSeed, projectRoot, seedIndicators } from '../support/seed.ts';

const pages = builtPages();
const byPath = new Map(pages.map((page) => [page.path, page]));
const indonesian = pages.filter(({ path }) => !path.startsWith('/en/') && path !== '/404.html');
// Starlight serves one /404.html for every language; /en/404/ is the English text as an ordinary page.
const english = pages.filter(({ path }) => path.startsWith('/en/') && path !== '/en/404/');
/** Pages built from the dictionary model, whose anchors are language-neutral by design. */
const isDictionaryView = (path: string) => /^(\/en)?\/(kompetensi|peran|glosarium)\//.test(path);

const html = (path: string) => readFileSync(byPath.get(path)!.file, 'utf8');
const mainIds = (path: string) => {
  const main = html(path).split('<main')[1]?.split('</main>')[0] ?? '';
  return [...main.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]).sort();
};

describe('page pairs', () => {
  test('every Indonesian page has an English twin and no English page is orphaned', () => {
    expect(english.map(({ path }) => path).sort()).toEqual(indonesian.map(({ path }) => `/en${path}`).sort());
  });

  test.each(indonesian.map(({ path }) => path))('%s and its English twin declare each other', (path) => {
    for (const [own, lang] of [
      [path, 'id'],
      [`/en${path}`, 'en'],
    ] as const) {
      const page = html(own);
      expect(page).toContain(`<html lang="${lang}"`);
      expect(page).toMatch(new RegExp(`hreflang="id" href="[^"]*${path}"`));
      expect(page).toMatch(new RegExp(`hreflang="en" href="[^"]*/en${path}"`));
    }
  });

  test.each(indonesian.map(({ path }) => path).filter(isDictionaryView))(
    '%s has the same anchors in both languages',
    (path) => {
      const ids = mainIds(path);
      expect(ids.length).toBeGreaterThan(0);
      expect(mainIds(`/en${path}`)).toEqual(ids);
    },
  );

  test('dates follow each language', () => {
    expect(html('/tentang/')).toContain('4 November 2022');
    expect(html('/tentang/')).toContain('10 November 2022');
    expect(html('/en/tentang/')).toContain('4 November 2022');
    expect(html('/en/tentang/')).not.toContain('Kamis');
  });

  test('English pages say that the Indonesian text prevails', () => {
    for (const path of ['/en/', '/en/kompetensi/layanan-lpse/', '/en/peran/verifikator/', '/en/tentang/']) {
      expect(html(path), path).toMatch(/Indonesian text prevails/);
    }
    expect(html('/kompetensi/layanan-lpse/')).not.toMatch(/terjemahan/);
  });
});

describe('search indexes', () => {
  const entry = JSON.parse(readFileSync(`${distDir}/pagefind/pagefind-entry.json`, 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const indexed = (list: typeof pages) => list.filter(({ path }) => html(path).includes('data-pagefind-body')).length;

  // Besides pages, each language holds a record per level, indicator and glossary term.
  const seed = loadSeed();
  const records =
    seed.competencies.reduce((sum, competency) => sum + 5 + seedIndicators(competency).length, 0) +
    readdirSync(`${projectRoot}/src/content/glossary`).filter((file) => file.endsWith('.mdx')).length;

  test('one index per language, each holding exactly that language’s pages and records', () => {
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'id']);
    expect(entry.languages.id!.page_count).toBe(indexed(indonesian) + records);
    expect(entry.languages.en!.page_count).toBe(indexed(english) + records);
    expect(entry.languages.en!.page_count).toBeGreaterThan(10);
  });
});

describe('in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  const switchLanguage = async (page: Page, label: string) => {
    const before = page.url();
    await Promise.all([
      page.waitForURL((url) => url.href !== before),
      page.locator('starlight-lang-select select').first().selectOption({ label }),
    ]);
  };

  test('switching language keeps the page and the cited indicator', async () => {
    const { page, context } = await openPage(browser, '/kompetensi/layanan-lpse/#indikator-3-2');
    await switchLanguage(page, 'English');
    expect(sitePathOf(page.url())).toBe('/en/kompetensi/layanan-lpse/');
    expect(new URL(page.url()).hash).toBe('#indikator-3-2');
    expect(await page.locator(':target').getAttribute('id')).toBe('indikator-3-2');
    await switchLanguage(page, 'Bahasa Indonesia');
    expect(page.url()).toBe(siteUrl('/kompetensi/layanan-lpse/#indikator-3-2'));
    await context.close();
  });

  /** Runs a search from the page's search dialog and returns the result links. */
  const search = async (path: string, query: string) => {
    const { page, context, cspViolations } = await openPage(browser, path);
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('#starlight__search .pagefind-ui__search-input').fill(query);
    await page.waitForSelector('.pagefind-ui__message');
    await page.waitForFunction(
      () => !document.querySelector('.pagefind-ui__message')?.textContent?.match(/^(Mencari|Searching)/),
    );
    const links = await page
      .locator('.pagefind-ui__result-link')
      .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href))
      .then((hrefs) => hrefs.map((href) => sitePathOf(href) ?? `(outside the site) ${href}`));
    // The search engine (WebAssembly, on the page's thread) runs under its Content-Security-Policy.
    expect(cspViolations).toEqual([]);
    await context.close();
    return links;
  };

  test('a search on an English page returns only English pages', async () => {
    const results = await search('/en/', 'continuity');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((path) => path.startsWith('/en/'))).toBe(true);
    expect(results).toContain('/en/kompetensi/layanan-lpse/');
  });

  test('an Indonesian word finds nothing in the English index, and finds Indonesian pages at the root', async () => {
    expect(await search('/en/', 'kelangsungan')).toEqual([]);
    const results = await search('/', 'kelangsungan');
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((path) => path.startsWith('/en/'))).toBe(false);
  });
});
