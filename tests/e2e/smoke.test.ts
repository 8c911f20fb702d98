import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, openPage } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

test('home page is served in Indonesian', async () => {
  const { page, response, context } = await openPage(browser, '/');
  expect(response?.status()).toBe(200);
  expect(await page.getAttribute('html', 'lang')).toBe('id');
  expect(await axeViolations(page)).toEqual([]);
  await context.close();
});
