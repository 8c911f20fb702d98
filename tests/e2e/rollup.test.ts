// The unit roll-up in Chromium on the built site, in both languages: three staff exported from the self-check's own UI, imported at once with a bad file and a bad link, figures checked against the pure functions, keyboard-only import, axe, CSP, and no request leaving the site.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  launchBrowser,
  siteOrigin,
  sitePathOf,
  siteUrl,
  watchCspViolations,
} from './support/browser.ts';
import { checkContent } from '../../src/lib/load-files.ts';
import type { MatrixData } from '../../src/lib/matrix.ts';
import { toMatrixData } from '../../src/lib/matrix-data.ts';
import { rollup, type StaffInput } from '../../src/lib/rollup.ts';
import { emptyRecord, encodeFragment, indicatorCounts, type SelfCheckRecord } from '../../src/lib/self-check.ts';
import idStrings from '../../src/content/i18n/id.json';
import enStrings from '../../src/content/i18n/en.json';
import { normalize, projectRoot } from '../support/seed.ts';

const { dictionary } = await checkContent(projectRoot);
if (!dictionary) throw new Error('The real content does not validate (see `npm run check`).');
const base: MatrixData = toMatrixData(dictionary, 'id', undefined);
const counts = indicatorCounts(base);

/** A record whose answers of each competency follow `pick` (answer by position). */
function made(role: string, pick: (position: number) => 'y' | 'n' | '_'): SelfCheckRecord {
  const record = emptyRecord(base, role);
  base.competencies.forEach((competency, c) => {
    record.answers[competency.slug] = Array.from({ length: counts[c]! }, (_, i) => pick(i)).join('');
  });
  return record;
}
const roleSlugs = base.roles.map((role) => role.slug);
/** Three staff of different roles and answers (no personal data: labels are made up). */
const STAFF: { name: string; record: SelfCheckRecord }[] = [
  { name: 'staf-a.json', record: made(roleSlugs.at(-1)!, (i) => (i < 6 ? 'y' : '_')) },
  { name: 'staf-b.json', record: made(roleSlugs[2]!, (i) => (i < 3 ? 'y' : i < 5 ? 'n' : '_')) },
  { name: 'staf-c.json', record: made(roleSlugs[1]!, (i) => (i < 10 ? 'y' : 'n')) },
];

let browser: Browser;
const contexts: BrowserContext[] = [];
const requests: string[] = [];
const pageErrors: string[] = [];
const cspViolations: string[] = [];

async function newContext() {
  const context = await browser.newContext({ acceptDownloads: true });
  contexts.push(context);
  context.on('request', (request) => requests.push(request.url()));
  context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(String(error))));
  await watchCspViolations(context, cspViolations);
  return context;
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

for (const lang of ['id', 'en'] as const) {
  const prefix = lang === 'en' ? '/en' : '';
  const data = lang === 'en' ? toMatrixData(dictionary, 'en', 'en') : base;
  const table: Record<string, string> = lang === 'en' ? enStrings : idStrings;
  const say = (key: string, values: Record<string, string | number> = {}) => {
    const template = table[key];
    if (template === undefined) throw new Error(`no UI string ${key}`);
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
  };
  const ready = (page: Page, selector: string) => page.locator(`${selector}[data-hydrated]`).waitFor();

  describe(`unit roll-up (${lang})`, () => {
    const exported: { name: string; mimeType: string; buffer: Buffer }[] = [];

    test('three staff export their results from the self-check, which links to the roll-up', async () => {
      const context = await newContext();
      const page = await context.newPage();
      for (const staff of STAFF) {
        await page.goto(`${siteUrl(`${prefix}/cek-mandiri/`)}#${encodeFragment(staff.record)}`);
        await ready(page, '.self-check');
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: say('check.export'), exact: true }).click();
        const file = await download;
        exported.push({
          name: staff.name,
          mimeType: 'application/json',
          buffer: readFileSync((await file.path())!),
        });
      }
      const link = page.getByRole('link', { name: say('check.toRollup') });
      await link.click();
      await page.waitForURL(siteUrl(`${prefix}/rekap-unit/`));
      expect(await page.locator('h1').innerText()).toBe(say('rollup.title'));
    });

    test('imported at once with a bad file and a bad link: the others import, figures match the pure functions', async () => {
      expect(exported).toHaveLength(STAFF.length);
      const context = await newContext();
      const page = await context.newPage();
      await page.goto(siteUrl(`${prefix}/rekap-unit/`));
      await ready(page, '.unit-rollup');
      await page
        .locator('input[type=file]')
        .setInputFiles([
          ...exported,
          { name: 'rusak.json', mimeType: 'application/json', buffer: exported[0]!.buffer.subarray(0, 300) },
        ]);
      const fileReport = page.locator('.unit-rollup-drop .unit-rollup-report');
      await expect.poll(() => fileReport.innerText()).toContain(say('rollup.added', { count: STAFF.length }));
      expect(normalize(await fileReport.locator('li').innerText())).toBe(
        normalize(`rusak.json: ${say('check.problem.malformed')}`),
      );

      const extra = made(roleSlugs[0]!, (i) => (i < 1 ? 'y' : '_'));
      await page
        .getByLabel(say('rollup.pasteLinks'))
        .fill(
          `${siteUrl(`${prefix}/cek-mandiri/`)}#${encodeFragment(extra)}\n${siteUrl('/cek-mandiri/')}#v=1&r=kepala`,
        );
      await page.getByRole('button', { name: say('rollup.addLinks') }).click();
      const linkReport = page.locator('.unit-rollup-report').nth(1);
      await expect.poll(() => linkReport.innerText()).toContain(say('rollup.addedOne'));
      expect(normalize(await linkReport.locator('li').innerText())).toBe(
        normalize(`${say('rollup.linkLine', { line: 2 })}: ${say('check.problem.unknown-role')}`),
      );

      const staff: StaffInput[] = [
        ...STAFF.map(({ name, record }) => ({ label: name, role: record.role, record })),
        { label: say('rollup.staffN', { n: 4 }), role: extra.role, record: extra },
      ];
      const expected = rollup(data, staff);
      const rows = await page
        .locator('.unit-rollup-table tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
        );
      expect(rows.map((row) => row[0])).toEqual(staff.map((entry) => entry.label));
      expected.rows.forEach((row, r) => {
        expect(rows[r]![1]).toBe(data.roles[row.role]!.name);
        row.cells.forEach((cell, c) => {
          const shown = normalize(rows[r]![2 + c]!);
          expect(shown).toContain(
            normalize(
              cell.required === null
                ? say('rollup.attainedOnly', { attained: cell.attained.level })
                : say('rollup.attainedOf', { attained: cell.attained.level, required: cell.required }),
            ),
          );
          if (cell.gap) expect(shown).toContain(`(−${cell.gap})`);
        });
        expect(rows[r]!.at(-1)).toBe(say(`rollup.standing.${row.standing}`));
      });
      const totals = await page
        .locator('.unit-rollup-totals tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))));
      expect(totals).toEqual(expected.totals.map((t) => [t.staff, t.meets, t.oneShort, t.further, t.incomplete]));
      const priorities = await page
        .locator('.unit-rollup-priorities li')
        .evaluateAll((items) => items.map((li) => li.querySelector('a')!.href))
        .then((hrefs) => hrefs.map((href) => `${sitePathOf(href)}${new URL(href).hash}`));
      // Compared as site paths, so the test holds under a sub-path build too.
      expect([...priorities].sort()).toEqual(expected.priorities.map((p) => p.indicator.href).sort());
      // CSV of the staff table: UTF-8 with a byte-order mark, a row per person and competency.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: say('rollup.csvStaff') }).click();
      const csv = readFileSync((await (await download).path())!, 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv.trim().split('\r\n')).toHaveLength(1 + staff.length * data.competencies.length);
      // Each priority's link lands on its indicator.
      const first = expected.priorities[0]!;
      const at = priorities.indexOf(first.indicator.href);
      await page.locator('.unit-rollup-priorities li a').nth(at).click();
      await page.waitForURL((url) => sitePathOf(url) === first.indicator.href.replace(/#.*$/, '') && url.hash !== '');
      expect(await page.locator(new URL(first.indicator.href, 'http://x').hash).count()).toBe(1);
      // Not kept unless the head chose to: back on the page, the roll-up is empty and nothing was stored.
      await page.goBack();
      await ready(page, '.unit-rollup');
      expect(await page.locator('.unit-rollup-entries li').count()).toBe(0);
      expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('rekap')))).toEqual([]);
    });

    test('by keyboard only: paste a link, add it, read the table region; axe finds nothing', async () => {
      const context = await newContext();
      const page = await context.newPage();
      await page.goto(siteUrl(`${prefix}/rekap-unit/`));
      await ready(page, '.unit-rollup');
      const tabTo = async (selector: string) => {
        for (let step = 0; step < 120; step++) {
          await page.keyboard.press('Tab');
          if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
        }
        throw new Error(`Tab never reached ${selector}`);
      };
      await tabTo('input[type=file]');
      const chooser = page.waitForEvent('filechooser');
      await page.keyboard.press('Space');
      await (await chooser).setFiles([exported[0]!]);
      await expect.poll(() => page.locator('.unit-rollup-entries li').count()).toBe(1);
      await tabTo('textarea');
      await page.keyboard.type(`#${encodeFragment(STAFF[1]!.record)}`);
      await tabTo('.unit-rollup-import button');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.unit-rollup-entries li').count()).toBe(2);
      await tabTo('.unit-rollup-scroll');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby') ?? '')).toBeTruthy();
      await tabTo('.unit-rollup-plan summary');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.unit-rollup-plan[open] .self-check-role-gap').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

describe('privacy', () => {
  test('no request left the site, no page error, no CSP violation', () => {
    const origin = siteOrigin();
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin)).toEqual([]);
    // Answers never travel in a request: share links keep them in the fragment.
    expect(requests.filter((url) => /layanan-lpse=|[?&]v=1/.test(url))).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
