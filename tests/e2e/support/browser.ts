/**
 * Shared browser plumbing for end-to-end tests: Debian's Chromium driven by playwright-core
 * (never a downloaded browser), and axe-core checks for WCAG 2.2 A/AA.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/lib/chromium.ts';
import { inject } from 'vitest';

/**
 * The running site's root URL, ending in `/`: `http://127.0.0.1:40123/`, or with the base path the
 * site was built for (`http://127.0.0.1:40123/kamus-lpse/`) when the tests run under one.
 */
export const baseUrl = (): string => inject('baseUrl');

/** The running site's origin, e.g. `http://127.0.0.1:40123`. */
export const siteOrigin = (): string => new URL(baseUrl()).origin;

/** The full URL of a site path (`/kompetensi/`, written without the base) on the running site. */
export const siteUrl = (path: string): string => new URL(path.replace(/^\//, ''), baseUrl()).href;

/**
 * The site path (without the base, starting with `/`) of a URL of the running site, or null when the
 * URL is on another origin or outside the base: such a link would not reach the site.
 */
export function sitePathOf(url: string | URL): string | null {
  const { origin, pathname } = new URL(url);
  const base = new URL(baseUrl()).pathname;
  if (origin !== siteOrigin() || !pathname.startsWith(base)) return null;
  return `/${pathname.slice(base.length)}`;
}

/** Launches the system Chromium with the flags that work as root on this machine. */
export const launchBrowser = launchChromium;

/**
 * Opens a site path in a fresh context (axe needs a page from `context.newPage()`), recording the
 * Content-Security-Policy violations of its pages in `cspViolations`.
 */
export async function openPage(browser: Browser, path: string, options: Parameters<Browser['newContext']>[0] = {}) {
  const context: BrowserContext = await browser.newContext(options);
  const cspViolations: string[] = [];
  await watchCspViolations(context, cspViolations);
  const page: Page = await context.newPage();
  const response = await page.goto(siteUrl(path));
  return { context, page, response, cspViolations };
}

/**
 * Collects every Content-Security-Policy violation of the context's pages into `into`, as
 * `<page>: <directive> blocked <what> (<file>:<line>)`, so a test can assert that none happened.
 */
export async function watchCspViolations(context: BrowserContext, into: string[]): Promise<void> {
  await context.exposeBinding('__reportCspViolation', ({ page }, text: string) => into.push(`${page.url()}: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
}

/** WCAG 2.2 A and AA rules, as axe tags them. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Runs axe on the page and returns its violations (empty when the page passes). */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(({ id, impact, help, nodes }) => ({
    id,
    impact,
    help,
    targets: nodes.map((node) => node.target.join(' ')),
  }));
}
