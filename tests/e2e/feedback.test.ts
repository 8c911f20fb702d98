// Feedback on the draft (masukan) in Chromium on the built site, in both languages: comment on an
// indicator, a level and a role requirement from their pages, find them in the list, export CSV and read
// it back, print the unit's response and read the PDF back, merge two staff exports, refuse bad files,
// axe with the form open, and no request leaving the browser.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { axeViolations, launchBrowser, siteOrigin, siteUrl, watchCspViolations } from './support/browser.ts';
import { checkContent } from '../../src/lib/load-files.ts';
import { buildClauses, toClauseRows } from '../../src/lib/feedback/clauses.ts';
import { FEEDBACK_FORMAT, FEEDBACK_VERSION, type FeedbackRecord } from '../../src/lib/feedback/record.ts';
import { FEEDBACK_STORAGE_KEY } from '../../src/lib/feedback/store.ts';
import idStrings from '../../src/content/i18n/id.json';
import enStrings from '../../src/content/i18n/en.json';
import { pdfPageTexts } from '../support/pdf.ts';
import { normalize, projectRoot } from '../support/seed.ts';

const { dictionary } = await checkContent(projectRoot);
if (!dictionary) throw new Error('The real content does not validate (see `npm run check`).');
const clauses = buildClauses(dictionary);

const editions = [
  { lang: 'id', prefix: '', locale: undefined, strings: idStrings as Record<string, string> },
  { lang: 'en', prefix: '/en', locale: 'en', strings: enStrings as Record<string, string> },
] as const;

/** A `feedback.*` UI string with its placeholders filled. */
const say = (strings: Record<string, string>, key: string, values: Record<string, string | number> = {}) => {
  const template = strings[`feedback.${key}`];
  if (template === undefined) throw new Error(`no UI string feedback.${key}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
};

const clause = (id: string) => clauses.find((entry) => entry.id === id)!;
const INDICATOR = 'layanan-lpse.indikator-3-2';
const LEVEL = 'keamanan-informasi.level-2';
const REQUIREMENT = 'helpdesk.standar-aplikasi-spse';

/** A staff member's export, as the page writes it. */
const staffFile = (author: string, comments: { clause: string; reason: string }[]): FeedbackRecord => ({
  format: FEEDBACK_FORMAT,
  version: FEEDBACK_VERSION,
  exported: '2022-11-08',
  lang: 'id',
  author,
  unit: '',
  contact: '',
  comments: comments.map((comment, index) => ({
    id: `${author.replace(/\W/g, '-')}-${index}`,
    kind: 'substansi',
    proposal: '',
    authors: [author],
    ...comment,
  })),
});
const asFile = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});

let browser: Browser;
const contexts: BrowserContext[] = [];
const requests: string[] = [];
const cspViolations: string[] = [];
const pageErrors: string[] = [];

async function newContext() {
  const context = await browser.newContext();
  contexts.push(context);
  context.on('request', (request) => requests.push(request.url()));
  context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(String(error))));
  await watchCspViolations(context, cspViolations);
  return context;
}
const ready = (page: Page) => page.locator('.feedback[data-hydrated]').waitFor();
const listItems = (page: Page) =>
  page
    .locator('.feedback-item')
    .evaluateAll((items) => items.map((item) => (item.textContent ?? '').replace(/\s+/g, ' ')));

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe.each(editions)('feedback in $lang', ({ lang, prefix, locale, strings }) => {
  const rows = toClauseRows(clauses, lang, locale);
  const row = (id: string) => rows.find((entry) => entry.id === id)!;
  let context: BrowserContext;
  let page: Page;

  /** From a content page, follows the clause's "give feedback" link and saves a comment by keyboard. */
  async function comment(path: string, id: string, kind: string, reason: string, proposal = '') {
    await page.goto(siteUrl(`${prefix}${path}`));
    const name = `${say(strings, 'control')} ${say(strings, 'controlClause', { clause: clause(id).number })}`;
    const link = page.getByRole('link', { name, exact: true });
    await expect(link.count()).resolves.toBe(1);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.endsWith('/masukan/') && url.searchParams.get('klausul') === id);
    await ready(page);
    const heading = page.getByRole('heading', { name: say(strings, 'newTitle', { clause: clause(id).number }) });
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);
    await expect(page.locator('.feedback-current blockquote').innerText()).resolves.toBe(row(id).text);
    await page.getByRole('radio', { name: say(strings, `kind.${kind}`) }).check();
    if (proposal) await page.getByLabel(say(strings, 'proposal')).fill(proposal);
    await page.getByLabel(say(strings, 'reason'), { exact: true }).fill(reason);
    await page.getByRole('button', { name: say(strings, 'save') }).press('Enter');
    await page.getByText(say(strings, 'saved', { clause: clause(id).number })).waitFor();
  }

  beforeAll(async () => {
    context = await newContext();
    page = await context.newPage();
  });

  test('content pages carry one quiet link per clause, no script of their own, outside the search index', async () => {
    await page.goto(siteUrl(`${prefix}/kompetensi/layanan-lpse/`));
    const onPage = clauses.filter((entry) => entry.page === 'competency' && entry.slug === 'layanan-lpse');
    const links = page.locator('a.feedback-link');
    await expect(links.count()).resolves.toBe(onPage.length);
    const hrefs = await links.evaluateAll((all) =>
      all.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('klausul')),
    );
    expect(hrefs).toEqual(onPage.map((entry) => entry.id));
    await expect(links.evaluateAll((all) => all.every((a) => a.hasAttribute('data-pagefind-ignore')))).resolves.toBe(
      true,
    );
    const scripts = await page
      .locator('script[src]')
      .evaluateAll((all) => all.map((s) => (s as HTMLScriptElement).src));
    expect(scripts.filter((src) => /feedback/i.test(src))).toEqual([]);
  });

  test('comment on an indicator, a level and a role requirement, then find them in dictionary order', async () => {
    await comment('/peran/helpdesk/', REQUIREMENT, 'level', 'Level 3 lebih sesuai <b>tebal</b>');
    await comment(
      '/kompetensi/layanan-lpse/',
      INDICATOR,
      'redaksi',
      '<img src=x onerror=alert(1)> alasan',
      'Rumusan baru',
    );
    await comment('/kompetensi/keamanan-informasi/', LEVEL, 'substansi', 'Deskripsi terlalu umum');
    await page.goto(siteUrl(`${prefix}/masukan/`));
    await ready(page);
    await page.getByRole('heading', { name: say(strings, 'listTitle', { count: 3 }) }).waitFor();
    const items = await listItems(page);
    expect(items.map((item) => item.slice(0, item.indexOf(' ')))).toEqual(
      [INDICATOR, LEVEL, REQUIREMENT].map((id) => clause(id).number.split(' ')[0]),
    );
    expect(items[0]).toContain(clause(INDICATOR).number);
    expect(items[1]).toContain(clause(LEVEL).number);
    expect(items[2]).toContain(clause(REQUIREMENT).number);
    // Markup typed into a comment is shown as the text it is.
    expect(items[0]).toContain('<img src=x onerror=alert(1)> alasan');
    await expect(page.locator('.feedback-item img, .feedback-item b').count()).resolves.toBe(0);
    const links = await page
      .locator('.feedback-item-clause a')
      .evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    // Under a sub-path build the links carry its base; the rows here are made at the root.
    expect(links.map((href, index) => href!.endsWith(row([INDICATOR, LEVEL, REQUIREMENT][index]!).href))).toEqual([
      true,
      true,
      true,
    ]);
  });

  test('edit one comment; the store survives a reload', async () => {
    await page.reload();
    await ready(page);
    await page.getByRole('button', { name: say(strings, 'editLabel', { clause: clause(LEVEL).number }) }).click();
    await page.getByLabel(say(strings, 'reason'), { exact: true }).fill('Deskripsi perlu contoh');
    await page.getByRole('button', { name: say(strings, 'save') }).click();
    await page.locator('.feedback-item').getByText('Deskripsi perlu contoh').waitFor();
    const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), FEEDBACK_STORAGE_KEY))!);
    expect(stored.comments).toHaveLength(3);
    expect(stored.unit).toBe('');
  });

  test('axe finds nothing with the form open', async () => {
    await page.goto(siteUrl(`${prefix}/masukan/?klausul=${INDICATOR}`));
    await ready(page);
    await page.locator('#feedback-reason').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('CSV export reads back as one row per comment with id, number, current text, kind, proposal, reason', async () => {
    await page.goto(siteUrl(`${prefix}/masukan/`));
    await ready(page);
    await page.getByLabel(say(strings, 'author')).fill('Staf A');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: say(strings, 'exportCsv') }).click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table: string[][] = parse(bytes.toString('utf8'), { bom: true });
    expect(table[0]).toEqual(
      ['id', 'number', 'text', 'kind', 'proposal', 'reason', 'authors'].map((c) =>
        say(strings, `col.${c === 'id' ? 'id' : c}`),
      ),
    );
    expect(table.slice(1).map((r) => r.slice(0, 4))).toEqual([
      [INDICATOR, clause(INDICATOR).number, row(INDICATOR).text, say(strings, 'kind.redaksi')],
      [LEVEL, clause(LEVEL).number, row(LEVEL).text, say(strings, 'kind.substansi')],
      [REQUIREMENT, clause(REQUIREMENT).number, row(REQUIREMENT).text, say(strings, 'kind.level')],
    ]);
    expect(table[1]!.slice(4)).toEqual(['Rumusan baru', '<img src=x onerror=alert(1)> alasan', 'Staf A']);
  });

  test('the printed response is A4 with the letter, the unit and every comment by number and id', async () => {
    await page.getByLabel(say(strings, 'unit'), { exact: true }).fill('UKPBJ Kabupaten Contoh');
    await page.getByLabel(say(strings, 'contact'), { exact: true }).fill('lpse@contoh.go.id');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
    const [, , width, height] = (await document.getPage(1)).view;
    await document.destroy();
    // A4 in PDF points (1/72 inch).
    expect([Math.round(width!), Math.round(height!)]).toEqual([595, 842]);
    const text = normalize((await pdfPageTexts(pdf)).join(' '));
    // Ids break across lines in the narrow column; compare them without the breaks.
    const packed = text.replace(/\s+/g, '');
    expect(text).toContain(
      normalize(
        say(strings, 'printSubject', {
          number: dictionary.source.number,
          subject: dictionary.source.consultation.subject![lang],
        }),
      ),
    );
    expect(text).toContain('UKPBJ Kabupaten Contoh');
    expect(text).toContain('lpse@contoh.go.id');
    // The reader's own comments carry the author label, as in the export.
    expect(text).toContain('Staf A');
    const positions = [INDICATOR, LEVEL, REQUIREMENT].map((id) => packed.indexOf(id));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toContain(say(strings, 'exportCsv'));
    // Neither the unit nor its contact is kept unless the reader asks.
    const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), FEEDBACK_STORAGE_KEY))!);
    expect([stored.unit, stored.contact]).toEqual(['', '']);
  });

  test('a head merges two staff exports: authors kept, identical comments merged', async () => {
    const merged = await newContext();
    const head = await merged.newPage();
    await head.goto(siteUrl(`${prefix}/masukan/`));
    await ready(head);
    const same = { clause: INDICATOR, reason: 'Perlu contoh  konkret' };
    await head
      .getByLabel(say(strings, 'import'))
      .setInputFiles([
        asFile('staf-a.json', staffFile('Staf A', [same, { clause: LEVEL, reason: 'Kurang jelas' }])),
        asFile('staf-b.json', staffFile('Staf B', [{ ...same, reason: 'Perlu contoh konkret ' }])),
      ]);
    await head.getByText(say(strings, 'imported', { files: 2, comments: 3 })).waitFor();
    const items = await listItems(head);
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('Staf A; Staf B');
    expect(items[1]).toContain('Staf A');
    await head.getByRole('button', { name: say(strings, 'deleteLabel', { clause: clause(LEVEL).number }) }).click();
    await head.getByText(say(strings, 'deleted', { clause: clause(LEVEL).number })).waitFor();
    await expect(listItems(head)).resolves.toHaveLength(1);
  });

  test('tampered, oversized, foreign and broken files are refused with a reason; nothing stored is lost', async () => {
    await page.goto(siteUrl(`${prefix}/masukan/`));
    await ready(page);
    const before = await page.evaluate((key) => localStorage.getItem(key), FEEDBACK_STORAGE_KEY);
    const tampered = staffFile('X', [{ clause: 'layanan-lpse.indikator-9-9', reason: 'r' }]);
    await page
      .getByLabel(say(strings, 'import'))
      .setInputFiles([
        asFile('tampered.json', tampered),
        asFile('big.json', 'x'.repeat(1_100_000)),
        asFile('foreign.json', { format: 'something-else', comments: [] }),
        asFile('broken.json', '{"format": "kkt-lpse-masukan",'),
      ]);
    const notice = page.locator('.feedback-notice-error');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain(
      `tampered.json: ${say(strings, 'problem.unknown-clause', { ids: 'layanan-lpse.indikator-9-9' })}`,
    );
    expect(text).toContain(`big.json: ${say(strings, 'problem.too-large')}`);
    expect(text).toContain(`foreign.json: ${say(strings, 'problem.foreign')}`);
    expect(text).toContain(`broken.json: ${say(strings, 'problem.malformed')}`);
    await expect(page.evaluate((key) => localStorage.getItem(key), FEEDBACK_STORAGE_KEY)).resolves.toBe(before);
    await expect(page.locator('.feedback-item').count()).resolves.toBe(3);
  });

  test('delete all asks first, then empties the list and storage', async () => {
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: say(strings, 'deleteAll') }).click();
    await expect(page.locator('.feedback-item').count()).resolves.toBe(3);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: say(strings, 'deleteAll') }).click();
    await page.getByText(say(strings, 'deletedAll')).waitFor();
    await expect(page.locator('.feedback-item').count()).resolves.toBe(0);
    await expect(page.evaluate((key) => localStorage.getItem(key), FEEDBACK_STORAGE_KEY)).resolves.toBe(null);
  });
});

test('no request leaves the site, no CSP violation, no page error', () => {
  const origin = siteOrigin();
  expect(
    requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')),
  ).toEqual([]);
  expect(cspViolations).toEqual([]);
  expect(pageErrors).toEqual([]);
});
