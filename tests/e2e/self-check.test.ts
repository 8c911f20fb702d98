// The self-check in Chromium on the built site: keyboard answering, persistence across reload, language and history, share links, bad links, no storage, privacy, axe and print.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
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
import { answer, emptyRecord, encodeFragment, type SelfCheckRecord } from '../../src/lib/self-check.ts';
import { STORAGE_KEY } from '../../src/lib/self-check-store.ts';
import idStrings from '../../src/content/i18n/id.json';
import enStrings from '../../src/content/i18n/en.json';
import { loadSeed, normalize, projectRoot, requiredLevel, seedIndicators } from '../support/seed.ts';
import { distDir } from '../support/site.ts';
import { parse } from 'csv-parse/sync';
import { selfCheckExportSchema } from '../../src/lib/self-check-export.ts';
import { pdfPageTexts } from '../support/pdf.ts';
import { printedHead, stripMargins } from './support/printout.ts';

const { dictionary } = await checkContent(projectRoot);
if (!dictionary) throw new Error('The real content does not validate (see `npm run check`).');
const id: MatrixData = toMatrixData(dictionary, 'id', undefined);
const en: MatrixData = toMatrixData(dictionary, 'en', 'en');
const seed = loadSeed();

const idText: Record<string, string> = idStrings;
const enText: Record<string, string> = enStrings;
/** A `check.*` UI string with its placeholders filled. */
const say = (strings: Record<string, string>, key: string, values: Record<string, string | number> = {}) => {
  const template = strings[`check.${key}`];
  if (template === undefined) throw new Error(`no UI string check.${key}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
};

const slugIndex = (slug: string) => id.competencies.findIndex((competency) => competency.slug === slug);
const seedCompetency = (c: number) =>
  seed.competencies.find(({ name }) => normalize(name) === normalize(id.competencies[c]!.name))!;
/** The draft's required level for a role (by its Indonesian name) and competency. */
const seedRequired = (role: string, c: number) => {
  const row = [...seed.leveling.levels.keys()].find((name) => normalize(name) === normalize(id.competencies[c]!.name))!;
  return requiredLevel(seed, row, id.roles.find(({ slug }) => slug === role)!.name);
};
/**
 * How many indicators a role still needs: each required competency up to one level beyond, and no
 * further than a level holding a "Belum" (`stopAt`, per competency slug): above it answers are optional.
 */
const askedOf = (role: string, stopAt: Record<string, number> = {}) =>
  id.competencies.reduce((sum, { slug }, c) => {
    const level = seedRequired(role, c);
    if (level === null || level === undefined) return sum;
    const last = Math.min(5, level + 1, stopAt[slug] ?? 5);
    return sum + seedIndicators(seedCompetency(c)).filter((entry) => entry.level <= last).length;
  }, 0);
const everything = seed.competencies.reduce((sum, competency) => sum + seedIndicators(competency).length, 0);

/** A record from per-competency answer strings (padded with "_"). */
function record(role: string | null, answers: Record<string, string> = {}): SelfCheckRecord {
  let result = emptyRecord(id, role);
  for (const [slug, text] of Object.entries(answers)) {
    [...text].forEach((value, index) => (result = answer(result, slug, index, value as 'y' | 'n' | '_')));
  }
  return result;
}

const PATH = '/cek-mandiri/';
const EN_PATH = '/en/cek-mandiri/';

let browser: Browser;
const contexts: BrowserContext[] = [];
/** Every request of every context, and every uncaught page error, for the final privacy checks. */
const requests: string[] = [];
const pageErrors: string[] = [];
/** Content-Security-Policy violations of every context. */
const cspViolations: string[] = [];

async function newContext(options: BrowserContextOptions = {}, { trackErrors = true } = {}) {
  const context = await browser.newContext(options);
  contexts.push(context);
  context.on('request', (request) => requests.push(request.url()));
  await watchCspViolations(context, cspViolations);
  if (trackErrors) context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(String(error))));
  return context;
}

/** Opens a path and waits for the island to hydrate (client:idle). */
async function open(context: BrowserContext, path: string) {
  const page = await context.newPage();
  await page.goto(siteUrl(path));
  await ready(page);
  return page;
}
/** The island has hydrated: before that its controls are served disabled. */
const ready = (page: Page) => page.locator('.self-check[data-hydrated]').waitFor();
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
const progressText = async (page: Page) => normalize(await page.locator('.self-check-progress-text').innerText());
/** The radios checked in the questions, as `<slug>-<no>=y|n`. */
const checkedRadios = (page: Page) =>
  page.$$eval('.self-check-questions input[type="radio"]:checked', (inputs) =>
    inputs.map((input) => `${(input as HTMLInputElement).name}=${(input as HTMLInputElement).value}`),
  );
const resultsText = (page: Page) => page.locator('.self-check-results').innerText();
const tableRows = (page: Page, caption: string) =>
  page
    .locator('.self-check-results table')
    .filter({ has: page.locator('caption', { hasText: caption }) })
    .locator('tbody tr:not(.self-check-gap-row)')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
    );
const activeName = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLInputElement | null;
    return active ? `${active.name}=${active.value}` : '';
  });

/** Presses Tab until the focused element matches the selector. */
async function tabTo(page: Page, selector: string, max = 200) {
  for (let step = 0; step < max; step++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

/** The answers given by keyboard in the first test. */
const keyboardRecord = record('verifikator', { 'layanan-lpse': 'yyyn' });
const keyboardShown = ['layanan-lpse-1.1=y', 'layanan-lpse-1.2=y', 'layanan-lpse-1.3=y', 'layanan-lpse-2.1=n'];

describe('one person’s self-check', () => {
  let context: BrowserContext;
  let page: Page;

  test('by keyboard only: choose a role and answer some indicators', async () => {
    context = await newContext();
    page = await open(context, PATH);
    expect(await stored(page)).toBeNull();
    // Into the role group (its checked radio, "no role"), then arrows until Verifikator.
    await tabTo(page, 'input[name="target-role"]');
    for (let step = 0; step < 5 && !(await activeName(page)).endsWith('=verifikator'); step++) {
      await page.keyboard.press('ArrowUp');
    }
    expect(await activeName(page)).toBe('target-role=verifikator');
    expect(await page.locator('input[name="target-role"]:checked').getAttribute('value')).toBe('verifikator');
    expect(await page.locator('.self-check-questions').getByRole('region').count()).toBe(2);
    // Tab to the first indicator: Space answers "Ya"; the fourth gets "Belum" with an arrow key.
    await tabTo(page, 'input[name^="layanan-lpse-"]');
    for (const no of ['1.1', '1.2', '1.3']) {
      expect(await activeName(page)).toBe(`layanan-lpse-${no}=y`);
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
    }
    expect(await activeName(page)).toBe('layanan-lpse-2.1=y');
    await page.keyboard.press('ArrowRight');
    expect(await activeName(page)).toBe('layanan-lpse-2.1=n');

    expect(await checkedRadios(page)).toEqual(keyboardShown);
    expect(await progressText(page)).toBe(
      normalize(say(idText, 'progress', { answered: 4, total: askedOf('verifikator', { 'layanan-lpse': 2 }) })),
    );
    expect(JSON.parse((await stored(page))!)).toEqual(keyboardRecord);
    // Level 3 of layanan folds away after the "Belum" at level 2.
    const folded = page
      .getByRole('region', { name: id.competencies[slugIndex('layanan-lpse')]!.name })
      .locator('details');
    expect(await folded.locator('summary').innerText()).toBe(say(idText, 'foldedOne', { level: 3 }));
    expect(await folded.getAttribute('open')).toBeNull();
    expect((await tableRows(page, say(idText, 'resultsCaption')))[slugIndex('layanan-lpse')]).toEqual([
      id.competencies[slugIndex('layanan-lpse')]!.name,
      '1',
      '2',
      say(idText, 'gapLevel', { count: 1 }),
    ]);
  });

  test('each indicator is a radio group whose name holds its number and text', async () => {
    const region = page.getByRole('region', { name: id.competencies[slugIndex('aplikasi-spse')]!.name });
    for (const indicator of id.competencies[slugIndex('aplikasi-spse')]!.levels[1]!.indicators) {
      const group = region.getByRole('group', { name: `${indicator.no} ${indicator.text}`, exact: true });
      expect(await group.getByRole('radio').count()).toBe(2);
      expect(await group.getByRole('radio', { name: 'Ya', exact: true }).count()).toBe(1);
      expect(await group.getByRole('radio', { name: 'Belum', exact: true }).count()).toBe(1);
    }
  });

  test('axe finds no WCAG 2.2 A/AA violation on the questions (a fold open) and the results', async () => {
    await page.locator('.self-check-folded summary').first().click();
    expect(await page.locator('.self-check-folded').first().getAttribute('open')).not.toBeNull();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a reload keeps the answers', async () => {
    await page.reload();
    await ready(page);
    expect(await checkedRadios(page)).toEqual(keyboardShown);
    expect(await page.locator('input[name="target-role"]:checked').getAttribute('value')).toBe('verifikator');
    expect(await page.locator('.self-check-notice').count()).toBe(0);
  });

  test('switching to English shows the same answers in English; Back and Forward keep them', async () => {
    const idResults = await tableRows(page, say(idText, 'resultsCaption'));
    await page.locator('starlight-lang-select select:visible').first().selectOption({ label: 'English' });
    await page.waitForURL(siteUrl(EN_PATH));
    await ready(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await checkedRadios(page)).toEqual(keyboardShown);
    expect(await progressText(page)).toBe(
      normalize(say(enText, 'progress', { answered: 4, total: askedOf('verifikator', { 'layanan-lpse': 2 }) })),
    );
    const layanan = en.competencies[slugIndex('layanan-lpse')]!;
    const region = page.getByRole('region', { name: layanan.name });
    const second = layanan.levels[1]!.indicators[0]!;
    const group = region.getByRole('group', { name: `${second.no} ${second.text}`, exact: true });
    expect(await group.getByRole('radio', { name: 'Not yet', exact: true }).isChecked()).toBe(true);
    expect(await group.getByRole('radio', { name: 'Yes', exact: true }).isChecked()).toBe(false);
    const enResults = await tableRows(page, say(enText, 'resultsCaption'));
    expect(enResults[slugIndex('layanan-lpse')]).toEqual([
      layanan.name,
      '1',
      '2',
      say(enText, 'gapLevel', { count: 1 }),
    ]);
    // Same figures, other words.
    const figures = (rows: string[][]) => rows.map((row) => [row[1]!.split(' ')[0], row[2]]);
    expect(figures(enResults)).toEqual(figures(idResults));

    await page.goBack();
    await page.waitForURL(siteUrl(PATH));
    await ready(page);
    expect(await checkedRadios(page)).toEqual(keyboardShown);
    expect(await progressText(page)).toMatch(/^4 dari /);
    await page.goForward();
    await page.waitForURL(siteUrl(EN_PATH));
    await ready(page);
    expect(await checkedRadios(page)).toEqual(keyboardShown);
    expect(JSON.parse((await stored(page))!)).toEqual(keyboardRecord);
    await page.goto(siteUrl(PATH));
    await ready(page);
  });

  test('print view: questions and controls hidden, results and target role shown', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      for (const hidden of [
        '.self-check-questions',
        '.self-check-target',
        '.self-check-actions',
        '.self-check-progress',
        // On paper the results table stands in for the chart, to keep the result on one page.
        '.self-check-chart',
      ]) {
        expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
      }
      for (const shown of ['.self-check-results', '.self-check-results table', '.self-check-plan']) {
        expect(await page.locator(shown).first().isVisible(), shown).toBe(true);
      }
      expect(await page.locator('.self-check-print-meta').innerText()).toBe(
        say(idText, 'printMeta', { role: 'Verifikator' }),
      );
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await page.locator('.self-check-questions').isVisible()).toBe(true);
    expect(await page.locator('.self-check-print-meta').isVisible()).toBe(false);
  });

  test('the development plan links each indicator to its anchor on the competency page', async () => {
    const links = await page
      .locator('.self-check-plan li a')
      .evaluateAll((anchors) => anchors.map((anchor) => [anchor.textContent ?? '', anchor.getAttribute('href') ?? '']));
    // Verifikator (level 2 of both): layanan 2.1-2.4 (2.1 is "Belum", the rest unanswered) and aplikasi 1.1-2.3,
    // each competency's level 2 first (as the draft's role table lists it), then level 1 (the cumulative reading).
    expect(links.map(([no]) => no)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.1', '2.2', '2.3', '1.1', '1.2', '1.3']);
    for (const [no, href] of links) {
      const target = new URL(href!, siteUrl(PATH));
      expect(target.hash).toBe(`#indikator-${no!.replace('.', '-')}`);
      const html = readFileSync(path.join(distDir, sitePathOf(target)!, 'index.html'), 'utf8');
      expect(html, href).toContain(`id="${target.hash.slice(1)}"`);
    }
  });

  test('the printed result is exactly one A4 page', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      expect(pageCount(await page.pdf({ format: 'A4' }))).toBe(1);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  describe('sharing', () => {
    let link: string;
    let viewer: Page;

    test('the share link opens the identical result in a fresh browser, saving nothing there', async () => {
      link = await page.locator('.self-check-share input').inputValue();
      expect(link).toBe(`${siteUrl(PATH)}#${encodeFragment(keyboardRecord)}`);
      const own = await resultsText(page);
      const fresh = await newContext();
      viewer = await open(fresh, `${sitePathOf(link)}${new URL(link).hash}`);
      expect(await resultsText(viewer)).toBe(own);
      expect(await checkedRadios(viewer)).toEqual(keyboardShown);
      expect(normalize(await viewer.locator('.self-check-notice p').first().innerText())).toBe(
        normalize(say(idText, 'sharedView')),
      );
      expect(await stored(viewer)).toBeNull();
      // Viewed, not editable: a click on an answer changes nothing and stores nothing.
      const radio = viewer.locator('input[name="layanan-lpse-1.2"][value="n"]');
      expect(await radio.isDisabled()).toBe(true);
      await radio.click({ force: true });
      expect(await radio.isChecked()).toBe(false);
      expect(await stored(viewer)).toBeNull();
      expect(await axeViolations(viewer)).toEqual([]);
    });

    test('"Simpan sebagai jawaban saya" saves the linked result in that browser', async () => {
      await viewer.getByRole('button', { name: say(idText, 'sharedKeep') }).click();
      expect(JSON.parse((await stored(viewer))!)).toEqual(keyboardRecord);
      expect(new URL(viewer.url()).hash).toBe('');
      await viewer.reload();
      await ready(viewer);
      expect(await checkedRadios(viewer)).toEqual(keyboardShown);
      expect(await viewer.locator('.self-check-notice').count()).toBe(0);
    });
  });
});

/** A Helpdesk staffer at 2 / 1 / 2, each next level answered "Belum": the review's case. */
const helpdesk = record('helpdesk', {
  'layanan-lpse': 'yyyyyyynnnn',
  'keamanan-informasi': 'yyynnn',
  'aplikasi-spse': 'yyyyyynnnn',
});
const fixtures = path.join(projectRoot, 'tests', 'fixtures', 'self-check');

describe.each([
  { lang: 'id' as const, prefix: '', strings: idText, data: id },
  { lang: 'en' as const, prefix: '/en', strings: enText, data: en },
])('acting on the results ($lang)', ({ lang, prefix, strings, data }) => {
  const pagePath = `${prefix}${PATH}`;
  /** A page with the Helpdesk answers saved, hydrated. */
  async function withHelpdesk(options: BrowserContextOptions = {}) {
    const context = await newContext(options);
    const page = await open(context, pagePath);
    await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [STORAGE_KEY, JSON.stringify(helpdesk)]);
    await page.reload();
    await ready(page);
    return { context, page };
  }
  /** The live region of the action group holding a control. */
  const statusBeside = (page: Page, control: ReturnType<Page['locator']>) =>
    page.locator('.self-check-action-group', { has: control }).getByRole('status');

  test('every role of the fit table opens its gap and plan in place; target and answers stay', async () => {
    const { page } = await withHelpdesk({ viewport: { width: 390, height: 844 } });
    const url = page.url();
    const fit = page
      .locator('.self-check-results table')
      .filter({ has: page.locator('caption', { hasText: say(strings, 'fitCaption') }) });
    for (const [r, role] of data.roles.entries()) {
      const toggle = fit.getByRole('button', { name: new RegExp(`^${role.name}`) });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const panel = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
      expect(await panel.isVisible()).toBe(true);
      expect(normalize(await panel.locator('h4').innerText())).toBe(
        normalize(say(strings, 'fitPlanTitle', { role: role.name })),
      );
      // Grouped by competency, each required one with its level; every indicator left is linked to its anchor.
      const required = data.competencies.filter((_, c) => seedRequired(role.slug, c) !== null);
      expect(await panel.locator('h5').count()).toBe(required.length);
      const links = await panel
        .locator('li a')
        .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
      // The cell leads with the total; where levels below count too, their split follows in brackets.
      const left = (await tableRows(page, say(strings, 'fitCaption')))[r]![3]!;
      expect(String(links.length)).toBe(/^\d+/.exec(left)?.[0]);
      for (const href of links) expect(new URL(href).hash).toMatch(/^#indikator-\d-\d+$/);
      // The panel is within the screen, and the role page one link further.
      const box = (await panel.locator('.self-check-role-gap').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(
        sitePathOf(
          await panel
            .getByRole('link', { name: say(strings, 'fitPlanRolePage', { role: role.name }) })
            .evaluate((a) => (a as HTMLAnchorElement).href),
        ),
      ).toBe(`${prefix}/peran/${role.slug}/`);
    }
    expect(page.url()).toBe(url);
    expect(await page.locator('input[name="target-role"]:checked').getAttribute('value')).toBe('helpdesk');
    expect(JSON.parse((await stored(page))!)).toEqual(helpdesk);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the progress stays in view while answering; jumps lead to the next question and the results', async () => {
    const { page } = await withHelpdesk({ viewport: { width: 390, height: 844 } });
    expect(await progressText(page)).toBe(normalize(say(strings, 'progress', { answered: 27, total: 27 })));
    // Switching target keeps every answer and asks only what Koordinator still needs.
    const before = await checkedRadios(page);
    await page.getByRole('radio', { name: data.roles.find((role) => role.slug === 'koordinator')!.name }).check();
    expect(await checkedRadios(page)).toEqual(before);
    expect(await progressText(page)).toBe(normalize(say(strings, 'progress', { answered: 27, total: 27 })));
    // Deep in the questions, the bar is still on screen, just below the site header.
    await page.locator('.self-check-indicator').nth(20).scrollIntoViewIfNeeded();
    const bar = (await page.locator('.self-check-progress').boundingBox())!;
    expect(bar.y).toBeGreaterThanOrEqual(0);
    expect(bar.y + bar.height).toBeLessThan(200);
    await page.getByRole('link', { name: say(strings, 'toResults') }).click();
    await page.waitForFunction(() => location.hash === '#self-check-results-title');
    const results = (await page.getByRole('heading', { name: say(strings, 'results'), exact: true }).boundingBox())!;
    expect(results.y).toBeGreaterThanOrEqual(0);
    expect(results.y).toBeLessThan(844);
    // Level 2 of information security now complete: Koordinator needs level 3 next, and the jump leads there.
    expect(await page.getByRole('link', { name: say(strings, 'nextQuestion') }).count()).toBe(0);
    for (const no of ['2.1', '2.2', '2.3']) {
      await page.locator(`input[name="keamanan-informasi-${no}"][value="y"]`).check();
    }
    const next = page.getByRole('link', { name: say(strings, 'nextQuestion') });
    const target = (await next.getAttribute('href'))!;
    await next.click();
    const question = (await page.locator(target.replace('.', '\\.')).boundingBox())!;
    expect(question.y).toBeGreaterThan(bar.y + bar.height - 1);
    expect(question.y).toBeLessThan(844);
    expect(target).toBe('#q-keamanan-informasi-3.1');
    expect(await page.locator(`${target.replace('.', '\\.')} input:checked`).count()).toBe(0);
  });

  test('copy, export, import and delete confirm beside their control, in polite live regions', async () => {
    const { context, page } = await withHelpdesk();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(siteUrl('/')).origin });
    const copy = page.getByRole('button', { name: say(strings, 'copy'), exact: true });
    await copy.click();
    const copied = statusBeside(page, copy);
    await expect.poll(() => copied.innerText()).toBe(say(strings, 'copied'));
    expect(await copied.getAttribute('aria-live')).toBe('polite');
    // Next to the button: below it, within a line or two.
    const [button, message] = [(await copy.boundingBox())!, (await copied.boundingBox())!];
    expect(message.y - (button.y + button.height)).toBeLessThan(60);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await page.locator('.self-check-share input').inputValue(),
    );

    const exportButton = page.getByRole('button', { name: say(strings, 'export'), exact: true });
    const download = page.waitForEvent('download');
    await exportButton.click();
    const name = (await download).suggestedFilename();
    await expect
      .poll(() => statusBeside(page, exportButton).innerText())
      .toBe(say(strings, 'exported', { file: name }));

    const input = page.getByLabel(say(strings, 'import'));
    await input.setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"v":9}') });
    await expect
      .poll(() => statusBeside(page, input).innerText())
      .toBe(`${say(strings, 'badFile')} ${say(strings, 'problem.version')}`);

    page.once('dialog', (dialog) => dialog.accept());
    const remove = page.getByRole('button', { name: say(strings, 'delete') });
    await remove.click();
    await expect.poll(() => statusBeside(page, remove).innerText()).toBe(say(strings, 'deleted'));
    expect(await page.locator('.self-check-notice').count()).toBe(0);
  });

  test('export as JSON and CSV, read back; both formats, old and new, import again', async () => {
    const { page } = await withHelpdesk();
    const save = async (button: string) => {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: say(strings, button), exact: true }).click();
      const file = await download;
      return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
    };
    const json = await save('export');
    expect(json.name).toMatch(/^cek-mandiri-pengelola-lpse-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = selfCheckExportSchema.parse(JSON.parse(json.text));
    expect(exported).toMatchObject({ version: 2, lang, role: 'helpdesk', all: false, source: '28402/D.3.1/11/2022' });
    expect(Date.now() - Date.parse(exported.exported)).toBeLessThan(60_000);
    // Both texts, as the open data has them: the draft's Indonesian words and the English translation.
    const openData = JSON.parse(readFileSync(path.join(distDir, 'data', 'kamus.json'), 'utf8')) as {
      competencies: { levels: { indicators: { id: string; text: { id: string; en: string } }[] }[] }[];
    };
    const texts = new Map(
      openData.competencies.flatMap((c) => c.levels.flatMap((l) => l.indicators.map((i) => [i.id, i.text] as const))),
    );
    expect(exported.indicators.map((row) => row.id)).toEqual([...texts.keys()]);
    for (const row of exported.indicators) {
      expect(row.text.id.startsWith(texts.get(row.id)!.id), row.id).toBe(true);
      expect(row.text.en.startsWith(texts.get(row.id)!.en), row.id).toBe(true);
    }
    expect(exported.indicators.filter((row) => row.answer === 'yes')).toHaveLength(16);
    expect(exported.indicators.filter((row) => row.answer === 'not-yet')).toHaveLength(11);

    const csv = await save('exportCsv');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.indicator, row.text_id, row.text_en, row.answer])).toEqual(
      exported.indicators.map((row) => [row.id, row.text.id, row.text.en, row.answer ?? '']),
    );

    // Into a fresh browser: the new export, then each kept file of the earlier format.
    for (const [file, expected] of [
      [json.text, helpdesk],
      [readFileSync(path.join(fixtures, 'v1-helpdesk.json'), 'utf8'), helpdesk],
      [readFileSync(path.join(fixtures, 'v2-helpdesk.json'), 'utf8'), helpdesk],
      [
        readFileSync(path.join(fixtures, 'v1-no-role-partial.json'), 'utf8'),
        { ...record(null, { 'aplikasi-spse': 'yyn' }), all: true },
      ],
    ] as const) {
      const context = await newContext();
      const other = await open(context, pagePath);
      const input = other.getByLabel(say(strings, 'import'));
      await input.setInputFiles({ name: 'cek.json', mimeType: 'application/json', buffer: Buffer.from(file) });
      await expect.poll(() => statusBeside(other, input).innerText()).toBe(say(strings, 'imported'));
      expect(JSON.parse((await stored(other))!)).toEqual(expected);
      await context.close();
    }
  });

  test('the printout says what it is: one A4 page with title, date, draft status and address', async () => {
    const { page } = await withHelpdesk();
    // With a role's gap open on screen: the paper keeps to the target's result.
    await page.locator('.self-check-role-toggle').first().click();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = (await pdfPageTexts(pdf)).map(normalize);
    expect(pages).toHaveLength(1);
    const head = printedHead(lang, say(strings, 'title'), pagePath, dictionary!.source);
    const content = stripMargins(pages[0]!, [head.title, head.printed, '1 / 1', head.status, head.address]);
    expect(content, pages[0]).not.toBeNull();
    expect(content).toContain(normalize(say(strings, 'printMeta', { role: 'Helpdesk' })));
    expect(content).not.toContain(normalize(say(strings, 'fitPlanTitle', { role: data.roles[0]!.name })));
  });
});

describe('what must not break', () => {
  test('a corrupt saved value: a notice and a fresh start, no crash', async () => {
    const context = await newContext();
    const page = await open(context, PATH);
    await page.evaluate((key) => localStorage.setItem(key, 'garbage'), STORAGE_KEY);
    await page.reload();
    await ready(page);
    expect(normalize(await page.getByRole('alert').innerText())).toBe(
      normalize(`${say(idText, 'corrupt')} ${say(idText, 'problem.malformed')}`),
    );
    expect(await checkedRadios(page)).toEqual([]);
    expect(await progressText(page)).toBe(normalize(say(idText, 'progress', { answered: 0, total: everything })));
    // And it goes on working: the first answer starts a new record.
    await page.locator('input[name="layanan-lpse-1.1"][value="y"]').check();
    expect(JSON.parse((await stored(page))!)).toEqual(record(null, { 'layanan-lpse': 'y' }));
  });

  describe('bad links change nothing already saved', () => {
    const own = record('helpdesk', { 'layanan-lpse': 'yyyy', 'aplikasi-spse': 'n' });
    // Pretty-printed, so any rewrite by the page would show.
    const ownText = JSON.stringify(own, null, 2);
    const ownShown = [
      'layanan-lpse-1.1=y',
      'layanan-lpse-1.2=y',
      'layanan-lpse-1.3=y',
      'layanan-lpse-2.1=y',
      'aplikasi-spse-1.1=n',
    ];
    const valid = encodeFragment(record('admin-sistem', { 'layanan-lpse': 'yyyn', 'keamanan-informasi': 'yyyyyy' }));
    const cases: [string, string, string][] = [
      ['tampered', valid.replace('yyyn', 'yyyX'), 'answers'],
      ['truncated', valid.slice(0, -4), 'answers'],
      ['oversized', `v=1&${'y'.repeat(30_000)}`, 'too-long'],
      ['old version', valid.replace('v=1', 'v=0'), 'version'],
      ['script as role', `v=1&r=<script>window.__pwned=1</script>`, 'unknown-role'],
      ['markup as competency', `v=1&<img src=x onerror="window.__pwned=1">=y`, 'unknown-competency'],
      ['markup only', `<svg onload="window.__pwned=1">`, 'malformed'],
    ];
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newContext();
      page = await open(context, PATH);
      await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [STORAGE_KEY, ownText]);
    });

    test.each(cases)('a %s link shows the error notice and injects nothing', async (_, fragment, problem) => {
      await page.goto('about:blank');
      await page.goto(`${siteUrl(PATH)}#${fragment}`);
      await ready(page);
      const alert = page.getByRole('alert');
      expect(normalize(await alert.innerText())).toBe(
        normalize(`${say(idText, 'badLink')} ${say(idText, `problem.${problem}`)}`),
      );
      expect(await alert.locator('*').count()).toBe(1);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('.self-check script, .self-check img, [onerror], [onload]').count()).toBe(0);
      expect(await checkedRadios(page)).toEqual(ownShown);
      expect(await stored(page)).toBe(ownText);
    });

    test('a bad link arriving in the same page (hashchange) is refused too', async () => {
      await page.goto(siteUrl(PATH));
      await ready(page);
      await page.evaluate((fragment) => (location.hash = fragment), cases[0]![1]);
      await page.getByRole('alert').waitFor();
      expect(normalize(await page.getByRole('alert').innerText())).toBe(
        normalize(`${say(idText, 'badLink')} ${say(idText, 'problem.answers')}`),
      );
      expect(await checkedRadios(page)).toEqual(ownShown);
      expect(await stored(page)).toBe(ownText);
      // Then a valid link in the same page, and Back to one's own answers.
      await page.evaluate((fragment) => (location.hash = fragment), valid);
      await page.getByText(say(idText, 'sharedView')).waitFor();
      expect(await checkedRadios(page)).toContain('layanan-lpse-2.1=n');
      await page.goBack();
      await page.getByRole('alert').waitFor();
      expect(await stored(page)).toBe(ownText);
      await page.goBack();
      await page.waitForFunction(() => location.hash === '');
      await page.waitForFunction(
        (count) => document.querySelectorAll('.self-check-questions input:checked').length === count,
        ownShown.length,
      );
      expect(await checkedRadios(page)).toEqual(ownShown);
      expect(await stored(page)).toBe(ownText);
    });
  });

  /**
   * Page errors of one page of a context. Starlight's theme scripts use localStorage unguarded and
   * throw without storage, on every page; a page without the self-check gives that baseline.
   */
  const collectErrors = (page: Page) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
    return errors;
  };
  async function baselineErrors(context: BrowserContext) {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(siteUrl('/tentang/'));
    await page.close();
    return errors;
  }

  test('private mode (writes throw): it still works and says answers will not be kept', async () => {
    const context = await newContext({}, { trackErrors: false });
    await context.addInitScript(() => {
      const refuse = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      Storage.prototype.setItem = refuse;
      Storage.prototype.removeItem = refuse;
    });
    const baseline = await baselineErrors(context);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(siteUrl(PATH));
    await ready(page);
    expect(await page.getByText(say(idText, 'noStorage')).isVisible()).toBe(true);
    await page.getByRole('radio', { name: 'Helpdesk' }).check();
    await page.locator('input[name="layanan-lpse-1.1"][value="y"]').check();
    expect(await progressText(page)).toBe(
      normalize(say(idText, 'progress', { answered: 1, total: askedOf('helpdesk') })),
    );
    expect(await page.getByRole('alert').count()).toBe(0);
    page.on('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: say(idText, 'delete') }).click();
    expect(await checkedRadios(page)).toEqual([]);
    // The self-check itself throws nothing.
    expect(errors).toEqual(baseline);
  });

  test('storage disabled (localStorage throws on access): it still works with the notice', async () => {
    const context = await newContext({}, { trackErrors: false });
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    const baseline = await baselineErrors(context);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(siteUrl(PATH));
    await ready(page);
    expect(await page.getByText(say(idText, 'noStorage')).isVisible()).toBe(true);
    await page.getByRole('radio', { name: 'Admin Sistem' }).check();
    await page.locator('input[name="layanan-lpse-1.1"][value="n"]').check();
    expect(await progressText(page)).toBe(
      normalize(say(idText, 'progress', { answered: 1, total: askedOf('admin-sistem', { 'layanan-lpse': 1 }) })),
    );
    expect((await tableRows(page, say(idText, 'resultsCaption')))[slugIndex('layanan-lpse')]!.slice(1)).toEqual([
      '0',
      '1',
      say(idText, 'gapLevel', { count: 1 }),
    ]);
    expect(errors).toEqual(baseline);
  });

  test('print of a long plan (Admin Sistem, nothing reached yet) still fits one A4 page', async () => {
    const context = await newContext();
    const page = await open(context, PATH);
    // Level 1 of every competency answered "Belum": the plan lists every indicator up to each requirement.
    const allNo = record('admin-sistem', Object.fromEntries(id.competencies.map(({ slug }) => [slug, 'nnn'])));
    await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [STORAGE_KEY, JSON.stringify(allNo)]);
    await page.reload();
    await ready(page);
    expect(await page.locator('.self-check-plan li').count()).toBe(
      id.competencies.reduce((sum, _, c) => {
        const level = seedRequired('admin-sistem', c) ?? 0;
        return sum + seedIndicators(seedCompetency(c)).filter((entry) => entry.level <= level).length;
      }, 0),
    );
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.self-check-questions').isVisible()).toBe(false);
    expect(pageCount(await page.pdf({ format: 'A4' }))).toBe(1);
  });

  test('nothing left the site: every request of every context went to its own origin', () => {
    const origin = siteOrigin();
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((request) => !/^(data|blob):/.test(request) && new URL(request).origin !== origin)).toEqual(
      [],
    );
    // The answers travel only in the fragment, which is never part of a request.
    expect(requests.filter((request) => /layanan-lpse=|[?&]v=1/.test(request))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('no interaction broke the page’s Content-Security-Policy', () => {
    expect(contexts.length).toBeGreaterThan(3);
    expect(cspViolations).toEqual([]);
  });
});

/** Pages of a PDF: `/Type /Page` objects, not the `/Pages` tree. */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}
