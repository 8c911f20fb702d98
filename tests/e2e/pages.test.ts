// Every built page: served with 200, lang="id", one h1, no third-party requests, a strict CSP, no broken internal links
// or anchors, no phone numbers. (Accessibility, which does not depend on the base path, is accessibility.test.ts.)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { launchBrowser, siteOrigin, sitePathOf, siteUrl, watchCspViolations } from './support/browser.ts';
import { maskDigits, PHONE_PATTERN } from '../support/seed.ts';
import { builtPages, isBuiltFile } from '../support/site.ts';

const pages = builtPages();
const pagePaths = new Set(pages.map(({ path }) => path));

let browser: Browser;
/** The element ids of every built page, as the browser sees them after load. */
const idsByPath = new Map<string, Set<string>>();

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const { path } of pages) {
    await page.goto(siteUrl(path));
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((element) => element.id));
    idsByPath.set(path, new Set(ids));
  }
  await context.close();
});
afterAll(() => browser?.close());

/** The text a reader can get from the page: the body without scripts, styles and templates. */
const readableText = (page: Page) =>
  page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('script, style, template, noscript').forEach((element) => element.remove());
    return body.textContent ?? '';
  });

test('the build has the pages the site promises', () => {
  for (const path of [
    '/',
    '/kompetensi/',
    '/peran/',
    '/glosarium/',
    '/tentang/',
    '/404.html',
    '/kompetensi/layanan-lpse/',
    '/kompetensi/keamanan-informasi/',
    '/kompetensi/aplikasi-spse/',
    '/peran/koordinator/',
    '/peran/admin-sistem/',
    '/peran/verifikator/',
    '/peran/helpdesk/',
  ]) {
    expect(pagePaths, path).toContain(path);
  }
});

test('publishes no build-time search records (they reach the search index only)', () => {
  for (const prefix of ['', '/en']) expect(isBuiltFile(`${prefix}/search-records.json`), prefix || '/').toBe(false);
});

test('an unknown address answers 404 with the not-found page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(siteUrl('/tidak-ada-halaman-ini/'));
  expect(response?.status()).toBe(404);
  expect(await page.locator('h1').innerText()).toContain('404');
  await context.close();
});

describe.each(pages)('$path', ({ path }) => {
  let context: BrowserContext;
  let page: Page;
  let response: Response | null;
  const requests: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    context = await browser.newContext();
    context.on('request', (request) => requests.push(request.url()));
    await watchCspViolations(context, cspViolations);
    page = await context.newPage();
    response = await page.goto(siteUrl(path));
    await page.waitForLoadState('networkidle');
  });
  afterAll(() => context?.close());

  test('is served with status 200, lang="id" ("en" under /en/), exactly one h1', async () => {
    expect(response?.status()).toBe(200);
    // Indonesian is the site's language; only a translation under /en/ may say otherwise.
    expect(await page.getAttribute('html', 'lang')).toBe(path.startsWith('/en/') ? 'en' : 'id');
    expect(await page.locator('h1').count()).toBe(1);
    expect((await page.locator('h1').innerText()).trim()).not.toBe('');
  });

  test('requests nothing from any other origin', () => {
    const origin = siteOrigin();
    expect(requests.length).toBeGreaterThan(0);
    const foreign = requests.filter((url) => {
      const { protocol, origin: other } = new URL(url);
      return !['data:', 'blob:'].includes(protocol) && other !== origin;
    });
    expect(foreign).toEqual([]);
  });

  test('declares a Content-Security-Policy that allows only its own origin, and breaks none of it', async () => {
    const policy = await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
    expect(policy, 'no CSP meta element').toBeTruthy();
    const directives = new Map(
      policy!
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .filter(([name]) => name)
        .map(([name, ...sources]) => [name!, sources]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    // Scripts: the site's own files and hashed inline scripts only; never inline code at large or eval.
    const scriptSources = directives.get('script-src') ?? [];
    expect(scriptSources).toContain("'self'");
    expect(
      scriptSources.filter((source) => !/^'(self|wasm-unsafe-eval|sha256-[A-Za-z0-9+/=]+)'$/.test(source)),
    ).toEqual([]);
    // No other host anywhere: no scheme or host source but data: images.
    const hosts = [...directives].flatMap(([name, sources]) =>
      sources.filter((source) => !source.startsWith("'") && !(name === 'img-src' && source === 'data:')),
    );
    expect(hosts).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  test('has no broken internal links or anchors', async () => {
    const origin = siteOrigin();
    const hrefs = await page
      .locator('a[href]')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    const broken: string[] = [];
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      const inSite = sitePathOf(url);
      if (inSite === null) {
        broken.push(`${href} (outside the site's base path)`);
        continue;
      }
      const target = decodeURI(inSite);
      if (pagePaths.has(target)) {
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && !idsByPath.get(target)!.has(fragment))
          broken.push(`${href} (no element with id "${fragment}")`);
      } else if (!isBuiltFile(target)) {
        broken.push(`${href} (no such page)`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('shows no phone number', async () => {
    const text = await readableText(page);
    // Masked, so a failure says where a number is without repeating it.
    expect(maskDigits(text.match(PHONE_PATTERN)?.[0] ?? '')).toBe('');
    expect(await page.locator('a[href^="tel:"]').count()).toBe(0);
  });
});
