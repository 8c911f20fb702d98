// Printing through Chromium to A4 PDF, read back with pdf.js: a role's standard in the source's official
// layout (I. Ikhtisar jabatan, II. Standar kompetensi teknis table) and a competency page, in both
// languages: no site chrome, table headers on every page with rows, no row split, link targets written out;
// every page says what it is in its margins: title, date printed, draft status with the letter's number,
// the page's address and "page / pages" (CSS @page margin boxes).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { checkContent } from '../../src/lib/load-files.ts';
import { localize, type Competency } from '../../src/lib/model.ts';
import { plainText } from '../../src/lib/inline.ts';
import idStrings from '../../src/content/i18n/id.json';
import enStrings from '../../src/content/i18n/en.json';
import { launchBrowser, siteUrl } from './support/browser.ts';
import { pdfPageTexts } from '../support/pdf.ts';
import { printedHead, stripMargins } from './support/printout.ts';
import { loadSeed, normalize, projectRoot, seedIndicators } from '../support/seed.ts';

const { dictionary } = await checkContent(projectRoot);
if (!dictionary) throw new Error('The real content does not validate (see `npm run check`).');
const seed = loadSeed();

const editions = [
  { lang: 'id', prefix: '', strings: idStrings as Record<string, string> },
  { lang: 'en', prefix: '/en', strings: enStrings as Record<string, string> },
] as const;
/** A4 in PDF points (1/72 inch). */
const A4 = { width: 595.28, height: 841.89 };
/** What only the screen shows: the skip link, sidebar entries, pagination. */
const CHROME = {
  id: ['Lewati ke konten', 'Semua kompetensi', 'Semua peran', 'Berikutnya', 'Sebelumnya'],
  en: ['Skip to content', 'All competencies', 'All roles', 'Next', 'Previous'],
};

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/**
 * Prints a site path to A4 as Chromium's print dialog would; checks every page's margins say what the
 * printout is, and returns the PDF and each page's content text (margins removed).
 */
async function print(path: string, lang: 'id' | 'en', title: string) {
  const page = await context.newPage();
  const response = await page.goto(siteUrl(path));
  expect(response?.status(), path).toBe(200);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.close();
  const head = printedHead(lang, title, path, dictionary!.source);
  const texts = (await pdfPageTexts(pdf)).map(normalize);
  const pages = texts.map((text, index) => {
    const content = stripMargins(text, [
      head.title,
      head.printed,
      `${index + 1} / ${texts.length}`,
      head.status,
      head.address,
    ]);
    expect(content, `${path} page ${index + 1} margins: ${text.slice(0, 300)}`).not.toBeNull();
    return content!;
  });
  return { pdf, pages };
}

/** The indicator texts a reader sees, in the edition's language (Indonesian from the draft itself). */
function indicatorText(competency: Competency, no: string, lang: 'id' | 'en'): string {
  if (lang === 'en') {
    return plainText(
      localize(competency.levels.flatMap((level) => level.indicators).find((i) => i.no === no)!.text, 'en'),
    );
  }
  const draft = seed.competencies.find(({ name }) => normalize(name) === normalize(competency.name.id))!;
  return seedIndicators(draft).find((indicator) => indicator.no === no)!.text;
}
/** Where on the pages a text is printed whole (compared without spaces: lines wrap, at hyphens too). */
const pagesWith = (pages: string[], text: string) => {
  const wanted = normalize(text).replace(/\s/g, '');
  return pages.flatMap((page, index) => (page.replace(/\s/g, '').includes(wanted) ? [index] : []));
};
/** A link's printed target, compared without spaces: long paths wrap anywhere on paper. */
const printsTarget = (pages: string[], path: string) =>
  pages
    .join('')
    .replace(/\s/g, '')
    .includes(`(${new URL(siteUrl(path)).pathname})`);

test('Chromium prints on A4: every page 595 x 842 pt', async () => {
  const { pdf } = await print('/peran/helpdesk/', 'id', 'Helpdesk');
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  for (let number = 1; number <= document.numPages; number++) {
    const { width, height } = (await document.getPage(number)).getViewport({ scale: 1 });
    expect([Math.round(width), Math.round(height)]).toEqual([Math.round(A4.width), Math.round(A4.height)]);
  }
  await document.destroy();
});

test('without JavaScript the same facts print as a block at the top of the first page', async () => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await noScript.newPage();
    await page.goto(siteUrl('/peran/helpdesk/'));
    await page.emulateMedia({ media: 'print' });
    const pages = (await pdfPageTexts(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).map(normalize);
    const head = printedHead('id', 'Helpdesk', '/peran/helpdesk/', dictionary!.source);
    // Only the page numbers are in the margins; the block carries title, status and the site's address.
    expect(pages[0]!.startsWith(`1 / ${pages.length}`)).toBe(true);
    const block = pages[0]!.replace(/\s/g, '');
    expect(block).toContain(normalize(head.status).replace(/\s/g, ''));
    expect(block).toContain(`/peran/helpdesk/`);
    expect(block).toContain(normalize(idStrings['kkt.printAddress'].split('{{')[0]!).replace(/\s/g, ''));
  } finally {
    await noScript.close();
  }
});

describe.each(editions)('$lang printouts', ({ lang, prefix, strings }) => {
  test.each(dictionary.roles.map((role) => ({ slug: role.slug, role })))(
    'role $slug: its standard in the official layout, on at most three pages',
    async ({ role }) => {
      const { pages } = await print(`${prefix}/peran/${role.slug}/`, lang, plainText(localize(role.name, lang)));
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(3);
      const all = pages.join(' ');
      // The official order: the name, I. the job summary, II. the standard table.
      const name = normalize(localize(role.name, lang));
      const order = [name, `I. ${strings['kkt.summary']}`, `II. ${strings['kkt.standard']}`].map((text) =>
        all.indexOf(normalize(text)),
      );
      expect(
        order.every((at) => at >= 0),
        order.join(),
      ).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(pages[0]).toContain(name);
      for (const chrome of CHROME[lang]) expect(all, chrome).not.toContain(chrome);

      const header = normalize(
        ['kkt.colCompetency', 'kkt.colLevel', 'kkt.colDescription', 'kkt.colIndicators']
          .map((key) => strings[key])
          .join(' '),
      );
      const rowPages = new Set<number>();
      for (const { competency, level } of role.requirements) {
        if (!level) continue;
        const where = level.indicators.map((indicator) =>
          pagesWith(pages, indicatorText(competency, indicator.no, lang)),
        );
        // Every indicator of the row is printed whole, and the row is not split: one page holds them all.
        expect(
          where.every((found) => found.length > 0),
          `${competency.slug}: ${JSON.stringify(where)}`,
        ).toBe(true);
        const rowPage = where[0]![0]!;
        expect(
          where.every((found) => found.includes(rowPage)),
          `${competency.slug} split over pages`,
        ).toBe(true);
        rowPages.add(rowPage);
        expect(printsTarget(pages, `${prefix}/kompetensi/${competency.slug}/`), `${competency.slug} link target`).toBe(
          true,
        );
      }
      // The column headers repeat on every page that carries rows of the table.
      for (const index of rowPages) expect(pages[index], `page ${index + 1}`).toContain(header);
    },
  );

  test.each(dictionary.competencies.map((competency) => ({ slug: competency.slug, competency })))(
    'competency $slug: every level and indicator, nothing of the screen, at most four pages',
    async ({ competency }) => {
      const { pages } = await print(
        `${prefix}/kompetensi/${competency.slug}/`,
        lang,
        plainText(localize(competency.name, lang)),
      );
      expect(pages.length).toBeLessThanOrEqual(4);
      const all = pages.join(' ');
      for (const level of competency.levels) {
        expect(all).toContain(normalize(plainText(localize(level.description, lang))));
        for (const indicator of level.indicators) {
          expect(pagesWith(pages, indicatorText(competency, indicator.no, lang)).length, indicator.no).toBeGreaterThan(
            0,
          );
        }
      }
      for (const chrome of CHROME[lang]) expect(all, chrome).not.toContain(chrome);
      // How to cite prints open, with the letter's number.
      expect(all).toContain('28402/D.3.1/11/2022');
    },
  );
});
