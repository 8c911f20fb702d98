// The built pages against the parsed draft (not src/content): indicators, levels, definitions, role standards, duties, source facts and indicator links.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, sitePathOf, siteUrl } from './support/browser.ts';
import {
  italics,
  loadSeed,
  normalize,
  seedIndicators,
  type SeedCompetency,
  type SeedIndicator,
  type SeedRole,
} from '../support/seed.ts';
import { builtPages } from '../support/site.ts';

const seed = loadSeed();
const pages = builtPages();

let browser: Browser;
/** Seed competency name -> path of the built page whose h1 is that name. */
const competencyPaths = new Map<string, string[]>();
/** Leveling-table role name -> path of the built role page whose h1 is that name. */
const rolePaths = new Map<string, string[]>();

beforeAll(async () => {
  browser = await launchBrowser();
  // Find the pages by what they show, not by our slugs: each entry page's h1 is its name.
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const { path } of pages.filter(({ path }) => /^\/(kompetensi|peran)\/[^/]+\/$/.test(path))) {
    await page.goto(siteUrl(path));
    const title = normalize(await page.locator('h1').innerText());
    const [target, names] = path.startsWith('/kompetensi/')
      ? [competencyPaths, seed.competencies.map(({ name }) => name)]
      : [rolePaths, seed.leveling.columns.map(({ role }) => role)];
    const name = names.find((candidate) => normalize(candidate) === title) ?? `(not in the draft) ${title}`;
    target.set(name, [...(target.get(name) ?? []), path]);
  }
  await context.close();
});
afterAll(() => browser?.close());

const competencyPath = (competency: SeedCompetency) => competencyPaths.get(competency.name)?.[0] ?? '/missing-page/';
const rolePath = (role: string) => rolePaths.get(role)?.[0] ?? '/missing-page/';
/** The fragment id the site gives an indicator: "3.2" -> `indikator-3-2`. */
const anchorOf = (no: string) => `indikator-${no.replace('.', '-')}`;
/** An indicator as one line of text: number, text, then its lettered sub-items. */
const indicatorLine = (indicator: SeedIndicator) => normalize(`${indicator.no} ${indicator.text}`);
const itemLines = (indicator: SeedIndicator) => indicator.items.map(({ key, text }) => normalize(`${key}. ${text}`));

async function open(path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(siteUrl(path));
  expect(response?.status(), path).toBe(200);
  return { context, page };
}

/** Normalized text of an element (all its descendants). */
const textOf = async (locator: Locator) => normalize((await locator.textContent()) ?? '');

/** The one element among `candidates` whose normalized text (the "Beri masukan" links aside) is exactly `expected`. */
async function elementWithText(candidates: Locator, expected: string): Promise<Locator> {
  const texts = (
    await candidates.evaluateAll((elements) =>
      elements.map((element) => {
        const copy = element.cloneNode(true) as Element;
        for (const link of copy.querySelectorAll('.feedback-link')) link.remove();
        return copy.textContent ?? '';
      }),
    )
  ).map(normalize);
  const matches = texts.flatMap((text, index) => (text === normalize(expected) ? [index] : []));
  expect(matches, `exactly one element reads "${normalize(expected)}"`).toHaveLength(1);
  return candidates.nth(matches[0]!);
}

/** Texts of the <i> elements inside an element, whitespace collapsed. */
const italicTexts = async (locator: Locator) =>
  (await locator.locator('i').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());

describe('entry pages', () => {
  test('every competency of the draft has exactly one page titled with its name, and there are no others', () => {
    for (const competency of seed.competencies)
      expect(competencyPaths.get(competency.name), competency.name).toHaveLength(1);
    expect(competencyPaths.size).toBe(seed.competencies.length);
  });

  test('every role of the leveling table has exactly one page titled with its name, and there are no others', () => {
    for (const { role } of seed.leveling.columns) expect(rolePaths.get(role), role).toHaveLength(1);
    expect(rolePaths.size).toBe(seed.leveling.columns.length);
  });
});

describe.each(seed.competencies)('competency page: $name', (competency) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await open(competencyPath(competency))));
  afterAll(() => context?.close());

  /** The section that holds the `#level-N` heading. */
  const levelSection = (level: number) => page.locator('section').filter({ has: page.locator(`#level-${level}`) });

  test('shows the definition verbatim, with the draft’s italics', async () => {
    const paragraph = await elementWithText(page.locator('main p'), competency.definition);
    expect(await italicTexts(paragraph)).toEqual(italics(competency.definition));
  });

  test('shows the code as not yet assigned, as the draft leaves it blank', async () => {
    const code = page.locator('xpath=//dt[normalize-space()="Kode kompetensi"]/following-sibling::dd[1]');
    expect(await code.count()).toBe(1);
    if (competency.code === null) expect(await code.innerText()).toContain('Belum ditetapkan');
    else expect(normalize(await code.innerText())).toBe(normalize(competency.code));
  });

  test('carries an anchor for exactly the draft’s indicators', async () => {
    const ids = await page.locator('[id^="indikator-"]').evaluateAll((elements) => elements.map(({ id }) => id));
    expect(ids.sort()).toEqual(
      seedIndicators(competency)
        .map(({ no }) => anchorOf(no))
        .sort(),
    );
  });

  describe.each(competency.levels)('level $level', (level) => {
    test('the #level-N section shows the description verbatim, with the draft’s italics', async () => {
      const section = levelSection(level.level);
      expect(await section.count()).toBe(1);
      const paragraph = await elementWithText(section.locator('p'), level.description);
      expect(await italicTexts(paragraph)).toEqual(italics(level.description));
    });

    test.each(level.indicators)(
      'indicator $no appears verbatim in #indikator-N-M, inside its level',
      async (indicator) => {
        const element = levelSection(level.level).locator(`#${anchorOf(indicator.no)}`);
        expect(await element.count(), `#${anchorOf(indicator.no)} inside #level-${level.level}'s section`).toBe(1);
        const text = await textOf(element);
        expect(text).toContain(indicatorLine(indicator));
        for (const item of itemLines(indicator)) expect(text).toContain(item);
        expect(await italicTexts(element)).toEqual([
          ...italics(indicator.text),
          ...indicator.items.flatMap(({ text: item }) => italics(item)),
        ]);
      },
    );

    test('"Dipersyaratkan untuk peran" links exactly the roles that require this level', async () => {
      const list = levelSection(level.level).locator('p').filter({ hasText: 'Dipersyaratkan untuk peran' });
      expect(await list.count()).toBe(1);
      const linked = await list
        .locator('a[href]')
        .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))
        .then((hrefs) => hrefs.map((href) => sitePathOf(href)));
      const expected = seed.leveling.columns
        .filter(({ role }) => seed.leveling.levels.get(competency.name)?.get(role) === level.level)
        .map(({ role }) => rolePath(role));
      expect(linked.sort()).toEqual(expected.sort());
    });
  });
});

describe.each(seed.roles)('role page: $column', (role: SeedRole) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await open(rolePath(role.column))));
  afterAll(() => context?.close());

  test('section I shows the job summary and every duty verbatim, in order, and nothing else', async () => {
    // What follows the "I. Ikhtisar jabatan" heading up to the next heading.
    const shown = await page.evaluate(() => {
      const heading = [...document.querySelectorAll('main h2')].find((h2) => /^I\.\s/.test(h2.textContent!.trim()));
      const blocks: { tag: string; text: string; items: string[] }[] = [];
      for (let next = heading?.nextElementSibling; next && next.tagName !== 'H2'; next = next.nextElementSibling) {
        // The "Beri masukan" link beside each clause is not part of the draft's text.
        const copy = next.cloneNode(true) as Element;
        for (const link of copy.querySelectorAll('.feedback-link')) link.remove();
        const items = [...copy.querySelectorAll(':scope > li')].map((li) => li.textContent ?? '');
        // A list is compared item by item; its own textContent runs the items together.
        blocks.push({ tag: next.tagName, text: items.length > 0 ? '' : (copy.textContent ?? ''), items });
      }
      return blocks;
    });
    const expected = [
      ...(role.summary ? [{ tag: 'P', text: normalize(role.summary), items: [] }] : []),
      ...(role.duties.length > 0 ? [{ tag: 'OL', text: '', items: role.duties.map(normalize) }] : []),
    ];
    expect(expected.length).toBeGreaterThan(0);
    expect(shown.map(({ tag, text, items }) => ({ tag, text: normalize(text), items: items.map(normalize) }))).toEqual(
      expected,
    );
  });

  test('names the prerequisite standards', async () => {
    const text = await textOf(page.locator('main'));
    expect(role.prerequisites.length).toBeGreaterThan(0);
    for (const prerequisite of role.prerequisites) expect(text).toContain(normalize(prerequisite));
  });

  test('numbers and orders the standard’s rows exactly as the role’s section in the draft', async () => {
    // What each row header reads, without its feedback link.
    const rows = await page.locator('.standard-table tbody th[scope="row"]').evaluateAll((headers) =>
      headers.map((header) => {
        const copy = header.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.feedback-link').forEach((link) => link.remove());
        return copy.textContent ?? '';
      }),
    );
    expect(rows.map(normalize)).toEqual(role.rows.map(({ no, name }) => normalize(`${no}. ${name}`)));
  });

  test('lists who may hold the role, as the leveling table’s column header says', async () => {
    const column = seed.leveling.columns.find(({ role: name }) => name === role.column)!;
    const rows = page.locator('xpath=//h2[normalize-space()="Dapat dijabat oleh"]/following-sibling::ul[1]/li');
    const shown: string[][] = [];
    for (let index = 0; index < (await rows.count()); index++) {
      shown.push((await rows.nth(index).locator('abbr').allTextContents()).map((text) => text.trim()));
    }
    expect(shown).toEqual(column.eligibility.map(({ status, positions }) => [status, ...positions]));
  });

  describe.each(seed.competencies)('standard row: $name', (competency) => {
    const required = () => seed.leveling.levels.get(competency.name)?.get(role.column);
    const row = () => page.locator(`.standard-table tr[data-competency="${competencyPath(competency).split('/')[2]}"]`);

    test('shows the required level of the leveling table', async () => {
      expect(required(), 'the leveling table has a cell for this role').not.toBeUndefined();
      if (required() === null) return; // Checked below: not a row of the standard.
      expect(await row().count()).toBe(1);
      expect(await textOf(row().locator('th'))).toContain(normalize(competency.name));
      expect(await row().getAttribute('data-required')).toBe(String(required() ?? 'none'));
    });

    test('links exactly the indicators of that level, with their text, or says it is not required', async () => {
      const level = required();
      const links = await row()
        .locator('a[href*="#indikator-"]')
        .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
      if (level === null || level === undefined) {
        // Not a numbered row: named after the table, as this site's reading of the draft's "-".
        expect(level).toBeNull();
        expect(await row().count()).toBe(0);
        const note = page.locator('.not-listed');
        expect(await note.getAttribute('data-competencies')).toContain(competencyPath(competency).split('/')[2]);
        const noteText = await textOf(note);
        expect(noteText).toContain(normalize(competency.name));
        expect(noteText).toMatch(/^Catatan situs ini: .*tidak dipersyaratkan/);
        expect(links).toEqual([]);
        return;
      }
      const text = await textOf(row());
      const expected = competency.levels.find((entry) => entry.level === level)!;
      expect(new Set(links.map((href) => sitePathOf(href)))).toEqual(new Set([competencyPath(competency)]));
      expect(links.map((href) => new URL(href).hash.replace(/^#indikator-/, '').replace('-', '.')).sort()).toEqual(
        expected.indicators.map(({ no }) => no).sort(),
      );
      expect(text).toContain(normalize(expected.description));
      for (const indicator of expected.indicators) {
        expect(text).toContain(indicatorLine(indicator));
        for (const item of itemLines(indicator)) expect(text).toContain(item);
      }
      expect(text).not.toContain('tidak dipersyaratkan');
    });
  });

  test('following an indicator link lands on the competency page with that indicator as :target', async () => {
    const { context: linkContext, page: linkPage } = await open(rolePath(role.column));
    let followed = 0;
    for (const competency of seed.competencies) {
      if (!seed.leveling.levels.get(competency.name)?.get(role.column)) continue;
      const slug = competencyPath(competency).split('/')[2];
      const link = linkPage.locator(`.standard-table tr[data-competency="${slug}"] a[href*="#indikator-"]`).last();
      const href = (await link.getAttribute('href'))!;
      const fragment = href.slice(href.indexOf('#') + 1);
      await Promise.all([linkPage.waitForURL((url) => url.hash === `#${fragment}`), link.click()]);
      expect(sitePathOf(linkPage.url())).toBe(competencyPath(competency));
      const target = await linkPage.evaluate(() => {
        const element = document.querySelector(':target');
        if (!element) return null;
        const { top, bottom } = element.getBoundingClientRect();
        return { id: element.id, visible: bottom > 0 && top < window.innerHeight };
      });
      expect(target).toEqual({ id: fragment, visible: true });
      followed++;
      await linkPage.goBack();
    }
    expect(followed).toBeGreaterThan(0);
    await linkContext.close();
  });
});

describe.each(['/glosarium/', '/en/glosarium/'])('glossary page %s', (path) => {
  test('every entry says where its expansion comes from; the draft’s notes are credited for exactly their terms', async () => {
    const { context, page } = await open(path);
    const entries = await page.locator('.glossary-entry').evaluateAll((nodes) =>
      nodes.map((node) => ({
        term: node.querySelector('dt')?.textContent?.trim() ?? '',
        origin: node.querySelector('.term-provenance')?.getAttribute('data-origin') ?? null,
        provenance: node.querySelector('.term-provenance')?.textContent ?? '',
      })),
    );
    await context.close();
    expect(entries.length).toBeGreaterThan(10);
    for (const { term, origin, provenance } of entries) {
      expect(origin, term).toMatch(/^(draft-notes|draft-text|elsewhere)$/);
      // Sources are shown as written (e.g. "Barang/Jasa"), not as escaped entities.
      expect(provenance, term).not.toMatch(/&#|&amp;|&lt;/);
      if (origin === 'elsewhere') expect(provenance, term).toMatch(/(diambil dari|taken from) \S/);
      if (path.startsWith('/en/')) expect(provenance, term).toMatch(/English rendering: /);
    }
    expect(new Set(entries.filter(({ origin }) => origin === 'draft-notes').map(({ term }) => term))).toEqual(
      new Set(seed.leveling.notes.keys()),
    );
  });
});

describe('home page', () => {
  test('shows the letter number and date of the draft', async () => {
    const { context, page } = await open('/');
    const text = await textOf(page.locator('main'));
    expect(text).toContain(seed.letter.number);
    expect(text).toContain(`${seed.letter.day} ${seed.letter.month} ${seed.letter.year}`);
    await context.close();
  });
});

describe('about page (/tentang/)', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await open('/tentang/')));
  afterAll(() => context?.close());

  /** The one list item naming a regulation; it must also carry the provision the letter cites. */
  async function regulation(name: string, provision?: string) {
    expect(normalize(seed.text), 'the letter cites it').toContain(normalize(name));
    const items = page.locator('main li').filter({ hasText: name });
    expect(await items.count(), name).toBe(1);
    if (provision) {
      expect(normalize(seed.text), 'the letter cites this provision of it').toContain(`${provision} ${name}`);
      expect(await textOf(items)).toContain(provision);
    }
  }

  test('names Perpres 12/2021, Pasal 74A', () => regulation('Peraturan Presiden Nomor 12 Tahun 2021', 'Pasal 74A'));

  test('names Peraturan LKPP Nomor 7 Tahun 2021, Pasal 3 ayat (2)', () =>
    regulation('Peraturan LKPP Nomor 7 Tahun 2021', 'Pasal 3 ayat (2)'));

  test('names PermenPAN-RB 38/2017 on the ASN competency standard', async () => {
    const name = 'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 38 Tahun 2017';
    const items = page.locator('main li').filter({ hasText: name });
    expect(await items.count()).toBe(1);
    expect(await textOf(items)).toContain('Standar Kompetensi Jabatan ASN');
    // The letter writes "… Reformasi Birokrasi (PAN-RB) Nomor 38 Tahun 2017 tentang Standar Kompetensi Jabatan ASN".
    expect(normalize(seed.text)).toContain(
      'Reformasi Birokrasi (PAN-RB) Nomor 38 Tahun 2017 tentang Standar Kompetensi Jabatan ASN',
    );
  });

  test('shows the letter number, date, response deadline and ticket', async () => {
    const text = await textOf(page.locator('main'));
    expect(text).toContain(seed.letter.number);
    expect(text).toContain(`${seed.letter.day} ${seed.letter.month} ${seed.letter.year}`);
    const deadline = /paling lambat \p{L}+, (\d{1,2} \p{L}+ \d{4})/u.exec(seed.text)?.[1];
    const ticket = /Nomor Tiket\s*:\s*(\S+)/.exec(seed.text)?.[1];
    expect(deadline).toBeDefined();
    expect(ticket).toBeDefined();
    expect(text).toContain(deadline!);
    expect(text).toContain(ticket!);
  });
});
