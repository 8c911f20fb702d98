// The site served with the response headers of public/_headers on top of each page's own CSP meta:
// every page type in both languages, the search, the matrix and the self-check still work, and
// nothing breaks either policy.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, siteUrl, watchCspViolations } from './support/browser.ts';
import { siteHeaders } from '../support/headers.ts';

const headers = siteHeaders();
let browser: Browser;
let context: BrowserContext;
const violations: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  await watchCspViolations(context, violations);
  // Every response gets the headers a host configured from _headers would add.
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), ...headers } });
  });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const open = async (path: string): Promise<Page> => {
  const page = await context.newPage();
  const response = await page.goto(siteUrl(path));
  expect(response?.headers()['content-security-policy']).toBe(headers['Content-Security-Policy']);
  await page.waitForLoadState('networkidle');
  return page;
};

test('the file sets the four headers, and its CSP names no other origin', () => {
  expect(Object.keys(headers).sort()).toEqual([
    'Content-Security-Policy',
    'Permissions-Policy',
    'Referrer-Policy',
    'X-Content-Type-Options',
  ]);
  const sources = headers['Content-Security-Policy']!.split(';').flatMap((directive) =>
    directive.trim().split(/\s+/).slice(1),
  );
  expect(sources.filter((source) => !source.startsWith("'") && source !== 'data:')).toEqual([]);
  expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
});

describe.each(['', '/en'])('under both policies (%s)', (prefix) => {
  test('search finds results (Pagefind compiles its WebAssembly under both policies)', async () => {
    const page = await open(`${prefix}/`);
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('#starlight__search .pagefind-ui__search-input').fill(prefix ? 'continuity' : 'kelangsungan');
    await expect.poll(() => page.locator('.pagefind-ui__result-link').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.close();
  });

  test('the matrix opens a cell’s details', async () => {
    const page = await open(`${prefix}/matriks/`);
    await page.locator('.matrix-explorer[data-hydrated]').waitFor();
    await page.locator('table.matrix-table td.matrix-cell').first().click();
    await expect.poll(() => page.locator('.matrix-detail').count()).toBeGreaterThan(0);
    await page.close();
  });

  test('the self-check records an answer', async () => {
    const page = await open(`${prefix}/cek-mandiri/`);
    await page.locator('.self-check[data-hydrated]').waitFor();
    await page.locator('.self-check-questions input[type="radio"]').first().check();
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).length)).toBeGreaterThan(0);
    await page.close();
  });

  test.each(['/', '/kompetensi/layanan-lpse/', '/peran/helpdesk/', '/glosarium/', '/unduh/'])(
    '%s loads',
    async (path) => {
      const page = await open(`${prefix}${path}`);
      expect(await page.locator('h1').count()).toBe(1);
      await page.close();
    },
  );
});

test('no page broke either policy', () => {
  expect(violations).toEqual([]);
});
