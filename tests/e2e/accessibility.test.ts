// Every built page is WCAG 2.2 A/AA clean (axe) in the light and the dark theme.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, siteUrl } from './support/browser.ts';
import { builtPages } from '../support/site.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe.each(builtPages())('$path', ({ path }) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(siteUrl(path));
    await page.waitForLoadState('networkidle');
  });
  afterAll(() => context?.close());

  test('has no WCAG 2.2 A/AA violations', async () => {
    const violations = await axeViolations(page);
    expect(violations, `axe violations on ${path}:\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
  });

  test('has no WCAG 2.2 A/AA violations in dark mode either', async () => {
    // Starlight follows the system theme ("auto"): emulating a dark system turns the page dark.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const violations = await axeViolations(page);
    expect(violations, `axe violations (dark) on ${path}:\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
  });
});
