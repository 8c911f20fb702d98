// The built matrix page in Chromium, both languages: the no-JS table against the draft, then details, keyboard, compare, shared URLs, history and axe.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, sitePathOf, siteUrl, watchCspViolations } from './support/browser.ts';
import { indicatorsBetween, matrixTruth, seedCompetencyNamed, type TruthRole } from '../support/matrix-truth.ts';
import { normalize, projectRoot, type SeedCompetency } from '../support/seed.ts';

const truth = matrixTruth();

/** A language edition: path prefix and its UI strings, filled the way matriks.astro and the island fill them. */
interface Edition {
  lang: 'id' | 'en';
  prefix: string;
  strings: Record<string, string>;
}
const editions: Edition[] = (['id', 'en'] as const).map((lang) => ({
  lang,
  prefix: lang === 'id' ? '' : '/en',
  strings: JSON.parse(readFileSync(path.join(projectRoot, `src/content/i18n/${lang}.json`), 'utf8')) as Record<
    string,
    string
  >,
}));
const t = (edition: Edition, key: string, values: Record<string, string | number> = {}) => {
  const template = edition.strings[key];
  if (template === undefined) throw new Error(`no UI string ${key}`);
  return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => String(values[name] ?? match));
};

/** A column or row header of the table: the slug its link names, and its text. */
interface Header {
  slug: string;
  name: string;
}
/** The Indonesian page's headers, matched to the draft by name: slug -> seed role / competency. */
const seedRoleBySlug = new Map<string, TruthRole>();
const seedCompetencyBySlug = new Map<string, SeedCompetency>();

let browser: Browser;
const contexts: BrowserContext[] = [];
/** Content-Security-Policy violations of every context the interactions ran in. */
const cspViolations: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(siteUrl('/matriks/'));
  const { roles, competencies } = await readHeaders(page);
  for (const { slug, name } of roles) {
    const role = truth.roles.find((entry) => normalize(entry.name) === normalize(name));
    if (role) seedRoleBySlug.set(slug, role);
  }
  for (const { slug, name } of competencies) {
    const competency = truth.competencies.find((entry) => normalize(entry.name) === normalize(name));
    if (competency) seedCompetencyBySlug.set(slug, competency);
  }
  await context.close();
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
});

/** Role and competency headers of the (untransposed) table, from their links (role buttons once hydrated). */
async function readHeaders(page: Page): Promise<{ roles: Header[]; competencies: Header[] }> {
  return page.evaluate(() => {
    const read = (selector: string) =>
      [...document.querySelectorAll<HTMLElement>(selector)].map((element) => ({
        slug: element.dataset.slug ?? (element as HTMLAnchorElement).pathname.split('/').filter(Boolean).at(-1) ?? '',
        name: element.textContent ?? '',
      }));
    return {
      roles: read('table.matrix-table thead th[scope="col"] :is(a, button)'),
      competencies: read('table.matrix-table tbody tr:not(.matrix-prerequisite) th[scope="row"] a'),
    };
  });
}

async function open(edition: Edition, search = '', options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext(options);
  contexts.push(context);
  await watchCspViolations(context, cspViolations);
  const page = await context.newPage();
  const response = await page.goto(siteUrl(`${edition.prefix}/matriks/${search}`));
  expect(response?.status()).toBe(200);
  if (options.javaScriptEnabled !== false) {
    // The island hydrates once the browser is idle (client:idle).
    await page.locator('.matrix-explorer').scrollIntoViewIfNeeded();
    await page.locator('.matrix-explorer[data-hydrated]').waitFor();
  }
  return { context, page };
}

const seedRole = (slug: string) => seedRoleBySlug.get(slug)!;
const seedCompetency = (slug: string) => seedCompetencyBySlug.get(slug)!;
const levelOf = (role: string, competency: string) => truth.level(seedRole(role).name, seedCompetency(competency).name);

/** The name of a cell button, from the page's own header texts and the draft's level. */
function cellName(edition: Edition, headers: { roles: Header[]; competencies: Header[] }, role: string, comp: string) {
  const names = {
    role: headers.roles.find(({ slug }) => slug === role)!.name,
    competency: headers.competencies.find(({ slug }) => slug === comp)!.name,
  };
  const level = levelOf(role, comp);
  return level === null
    ? t(edition, 'matrix.cellLabelNone', names)
    : t(edition, 'matrix.cellLabel', { ...names, level });
}

const activeLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

/** The grid's visible rows (filtered roles stay in the table, hidden). */
const GRID_ROWS = 'table.matrix-table tbody tr:not(.matrix-prerequisite):not([hidden])';

/** The grid cell where the visible row header and column header with these texts cross. */
async function cellAt(page: Page, rowName: string, colName: string) {
  const { row, col } = await page.evaluate(
    ([selector, rowText, colText]) => {
      const norm = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
      const shown = (elements: Iterable<Element>) => [...elements].filter((element) => !element.hasAttribute('hidden'));
      const rows = [...document.querySelectorAll(selector)];
      const cols = shown(document.querySelectorAll('table.matrix-table thead th[scope="col"]')).slice(1);
      return {
        row: rows.findIndex((tr) => norm(tr.querySelector('th')?.textContent) === norm(rowText)),
        col: cols.findIndex((th) => norm(th.textContent) === norm(colText)),
      };
    },
    [GRID_ROWS, rowName, colName] as const,
  );
  if (row < 0 || col < 0) throw new Error(`no visible cell for row "${rowName}" and column "${colName}"`);
  return page.locator(GRID_ROWS).nth(row).locator('td:not([hidden])').nth(col);
}

/** Everything the explorer shows, to compare two views. */
const snapshot = (page: Page) =>
  page.evaluate(() => {
    const text = (selector: string) =>
      (document.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const root = document.querySelector('.matrix-explorer')!;
    // What is shown: filtered roles stay in the table, hidden.
    const shown = (selector: string) =>
      [...root.querySelectorAll(selector)].filter((element) => !element.closest('[hidden]'));
    return {
      // Parameters, not their order: a hand-written link may order them differently.
      params: [...new URLSearchParams(location.search)].map(([key, value]) => `${key}=${value}`).sort(),
      headers: shown('table.matrix-table th').map((th) => th.textContent?.trim()),
      cells: shown('table.matrix-table tbody td.matrix-cell').map(
        (cell) => `${cell.textContent}|${cell.getAttribute('aria-selected')}`,
      ),
      detail: text('.matrix-detail'),
      compare: text('.matrix-compare-table'),
      controls: [...root.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select, input')].map((control) =>
        control instanceof HTMLInputElement ? String(control.checked) : control.value,
      ),
    };
  });

describe.each(editions)('/$lang/ matrix page', (edition) => {
  const matrixPath = `${edition.prefix}/matriks/`;

  test('without JavaScript: a plain table with caption, scoped headers, the draft’s 12 levels and the prerequisite row', async () => {
    const { page } = await open(edition, '', { javaScriptEnabled: false });
    const table = page.locator('table.matrix-table');
    expect(await table.count()).toBe(1);
    expect(await table.getAttribute('role')).toBeNull();
    // The controls are served in place, disabled, with a note that they need JavaScript.
    const controls = page.locator('.matrix-explorer :is(select, input)');
    expect(await controls.count()).toBeGreaterThan(0);
    expect(await controls.evaluateAll((all) => all.filter((control) => !control.matches(':disabled')).length)).toBe(0);
    expect(normalize(await page.locator('noscript + .matrix-note, .matrix-note').first().innerText())).toBe(
      normalize(t(edition, 'matrix.needsScript')),
    );
    expect(normalize(await table.locator('caption').innerText())).toBe(normalize(t(edition, 'matrix.caption')));

    const columnHeads = table.locator('thead th');
    expect(await columnHeads.evaluateAll((ths) => ths.map((th) => th.getAttribute('scope')))).toEqual(
      Array(5).fill('col'),
    );
    expect(normalize(await columnHeads.first().innerText())).toBe(t(edition, 'kkt.colCompetency'));
    const headers = await readHeaders(page);
    expect(headers.roles.map(({ slug }) => seedRole(slug)?.name)).toEqual(truth.roles.map(({ name }) => name));
    expect(headers.competencies.map(({ slug }) => seedCompetency(slug)?.name)).toEqual(
      truth.competencies.map(({ name }) => name),
    );
    if (edition.lang === 'id') {
      expect(headers.roles.map(({ name }) => name)).toEqual(truth.roles.map(({ name }) => name));
      expect(headers.competencies.map(({ name }) => normalize(name))).toEqual(
        truth.competencies.map(({ name }) => normalize(name)),
      );
    } else {
      // English names, not the Indonesian ones.
      expect(headers.competencies.map(({ name }) => normalize(name))).not.toContain(
        normalize(truth.competencies[0]!.name),
      );
    }

    const rows = table.locator('tbody tr:not(.matrix-prerequisite)');
    expect(await rows.count()).toBe(3);
    let cells = 0;
    for (const [r, competency] of headers.competencies.entries()) {
      const row = rows.nth(r);
      expect(await row.locator('th').getAttribute('scope')).toBe('row');
      const tds = row.locator('td');
      expect(await tds.count()).toBe(4);
      for (const [c, role] of headers.roles.entries()) {
        const level = levelOf(role.slug, competency.slug);
        const td = tds.nth(c);
        if (level === null) {
          expect(await td.locator('[aria-hidden="true"]').innerText()).toMatch(/^[-–]$/);
          const hidden = td.locator('.sr-only');
          expect(await hidden.textContent()).toBe(t(edition, 'kkt.notRequired'));
          // Read by screen readers, not shown.
          expect((await hidden.boundingBox())!.width).toBeLessThanOrEqual(1);
        } else {
          expect(normalize(await td.innerText())).toBe(t(edition, 'kkt.level', { level }));
        }
        cells++;
      }
    }
    expect(cells).toBe(12);
    // The draft's one "-": Verifikator x information security.
    const security = headers.competencies.findIndex(({ slug }) => /Keamanan Informasi/.test(seedCompetency(slug).name));
    const verifikator = headers.roles.findIndex(({ slug }) => seedRole(slug).name === 'Verifikator');
    expect(await rows.nth(security).locator('td').nth(verifikator).locator('.sr-only').textContent()).toBe(
      t(edition, 'kkt.notRequired'),
    );

    const prerequisites = table.locator('tbody tr.matrix-prerequisite');
    expect(await prerequisites.count()).toBe(truth.prerequisites.length);
    const prerequisite = prerequisites.first();
    expect(await prerequisite.locator('th').getAttribute('scope')).toBe('row');
    const heading = normalize(await prerequisite.locator('th').innerText());
    expect(heading).toContain(`(${t(edition, 'kkt.prerequisite')})`);
    if (edition.lang === 'id')
      expect(heading).toBe(normalize(`${truth.prerequisites[0]} (tanpa level; di luar kamus ini)`));
    expect(await prerequisite.locator('td').allInnerTexts()).toEqual(
      headers.roles.map(({ slug }) =>
        seedRole(slug).prerequisites.map(normalize).includes(normalize(truth.prerequisites[0]!)) ? '✓' : '–',
      ),
    );
    expect(await prerequisite.locator('td').allInnerTexts()).toEqual(['✓', '✓', '✓', '✓']);
  });

  test('the header links lead to the pages they name', async () => {
    const { page } = await open(edition, '', { javaScriptEnabled: false });
    const links = await page
      .locator('table.matrix-table th a')
      .evaluateAll((anchors) => anchors.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent! })));
    expect(links).toHaveLength(7);
    for (const { href, text } of links) {
      expect(sitePathOf(href)).toMatch(new RegExp(`^${edition.prefix}/(peran|kompetensi)/[a-z-]+/$`));
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(200);
      expect(normalize(await page.locator('h1').innerText()), href).toBe(normalize(text));
    }
  });

  test('clicking a cell opens its level; the indicator links resolve to the anchors on the competency page', async () => {
    const { page } = await open(edition);
    const headers = await readHeaders(page);
    const role = headers.roles.find(({ slug }) => slug === 'admin-sistem')!.name;
    const competency = headers.competencies.find(({ slug }) => slug === 'keamanan-informasi')!.name;
    const cell = await cellAt(page, competency, role);
    expect(await cell.innerText()).toBe(t(edition, 'kkt.level', { level: 4 }));
    await cell.click();
    const detail = page.locator('section.matrix-detail');
    await detail.waitFor();
    expect(normalize(await page.locator('h2#matrix-detail-title').innerText())).toBe(
      normalize(`${role} · ${competency}`),
    );
    // The clicked cell is the open one and the grid's tab stop, with focus and its full name.
    expect(await cell.getAttribute('aria-selected')).toBe('true');
    expect(await cell.getAttribute('tabindex')).toBe('0');
    expect(await activeLabel(page)).toBe(cellName(edition, headers, 'admin-sistem', 'keamanan-informasi'));
    expect(new URL(page.url()).searchParams.get('sel')).toBe('admin-sistem.keamanan-informasi');

    const seedLevel = seedCompetency('keamanan-informasi').levels.find(({ level }) => level === 4)!;
    const description = normalize(await detail.locator('p').first().innerText());
    const links = await detail.locator(':scope > ul.matrix-indicators > li').evaluateAll((items) =>
      items.map((li) => ({
        no: li.querySelector('a')!.textContent!,
        href: li.querySelector('a')!.getAttribute('href')!,
        text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
    expect(links.map(({ no }) => no)).toEqual(seedLevel.indicators.map(({ no }) => no));
    const page2 = `${edition.prefix}/kompetensi/keamanan-informasi/`;
    expect(
      links.map(({ href }) => `${sitePathOf(new URL(href, page.url()))}${new URL(href, page.url()).hash}`),
    ).toEqual(seedLevel.indicators.map(({ no }) => `${page2}#indikator-${no.replace('.', '-')}`));
    if (edition.lang === 'id') {
      expect(description).toBe(normalize(`Level 4: ${seedLevel.description}`));
      expect(links.map(({ text }) => normalize(text))).toEqual(
        seedLevel.indicators.map((indicator) => normalize(`${indicator.no} ${indicator.text}`)),
      );
    }
    expect(normalize(await detail.locator('.matrix-note').innerText())).toBe(
      normalize(t(edition, 'matrix.detailCumulative', { below: 3 })),
    );

    // Follow the first indicator link: the competency page opens at that indicator, which reads the same.
    await detail.locator('ul.matrix-indicators a').first().click();
    await page.waitForURL((url) => sitePathOf(url) === page2 && url.hash === '#indikator-4-1');
    const competencyPage = {
      // What the description reads, without its feedback link.
      description: normalize(
        await page.locator('section[data-level="4"] .level-description').evaluate((element) => {
          const copy = element.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.feedback-link').forEach((link) => link.remove());
          return copy.textContent ?? '';
        }),
      ),
      indicators: await page.evaluate(
        (ids) =>
          ids.map((id) => {
            // What the indicator reads, without its controls (e.g. a copy-link button).
            const element = document.getElementById(id)?.cloneNode(true) as HTMLElement | undefined;
            element?.querySelectorAll('button, .feedback-link').forEach((control) => control.remove());
            return element?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
          }),
        links.map(({ href }) => href.split('#')[1]!),
      ),
    };
    expect(description).toBe(
      normalize(`${t(edition, 'matrix.detailLevel', { level: 4 })}: ${competencyPage.description}`),
    );
    expect(competencyPage.indicators.map((text) => normalize(text ?? '(missing anchor)'))).toEqual(
      links.map(({ text }) => normalize(text)),
    );
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('indikator-4-1');
  });

  test('keyboard: arrows, Home/End move the focus, Enter opens, Escape closes', async () => {
    const { page } = await open(edition);
    const headers = await readHeaders(page);
    const name = (r: number, c: number) =>
      cellName(edition, headers, headers.roles[c]!.slug, headers.competencies[r]!.slug);
    const tabStops = () => page.locator('table.matrix-table [tabindex="0"]').count();
    expect(await tabStops()).toBe(1);
    // Tab from the first row's header link lands on the grid's one tab stop, the cell beside it.
    await page.locator(`${GRID_ROWS} th a`).first().focus();
    await page.keyboard.press('Tab');
    expect(await activeLabel(page)).toBe(name(0, 0));
    for (const [key, r, c] of [
      ['ArrowRight', 0, 1],
      ['ArrowDown', 1, 1],
      ['ArrowDown', 2, 1],
      ['ArrowDown', 2, 1],
      ['End', 2, 3],
      ['ArrowRight', 2, 3],
      ['Home', 2, 0],
      ['ArrowLeft', 2, 0],
      ['ArrowUp', 1, 0],
      ['Control+End', 2, 3],
      ['Control+Home', 0, 0],
      ['ArrowUp', 0, 0],
      ['ArrowRight', 0, 1],
      ['ArrowDown', 1, 1],
    ] as const) {
      await page.keyboard.press(key);
      expect(await activeLabel(page), `after ${key}`).toBe(name(r, c));
      expect(await tabStops()).toBe(1);
    }
    await page.keyboard.press('Enter');
    const title = page.locator('h2#matrix-detail-title');
    await title.waitFor();
    expect(normalize(await title.innerText())).toBe(
      normalize(`${headers.roles[1]!.name} · ${headers.competencies[1]!.name}`),
    );
    expect(await activeLabel(page)).toBe(name(1, 1));
    await page.keyboard.press('Escape');
    await title.waitFor({ state: 'detached' });
    expect(new URL(page.url()).search).toBe('');
    expect(await activeLabel(page)).toBe(name(1, 1));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await title.waitFor();
    expect(normalize(await title.innerText())).toBe(
      normalize(`${headers.roles[0]!.name} · ${headers.competencies[1]!.name}`),
    );
    // The grid is one tab stop: Tab leaves it (for the next row's header link), Shift+Tab returns to the same cell.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('th')?.getAttribute('scope'))).toBe('row');
    await page.keyboard.press('Shift+Tab');
    expect(await activeLabel(page)).toBe(name(1, 0));
  });

  test('compare Helpdesk -> Admin Sistem lists the draft’s levels, differences and indicator numbers', async () => {
    const { page } = await open(edition);
    const headers = await readHeaders(page);
    const roleName = (slug: string) => headers.roles.find((role) => role.slug === slug)!.name;
    await page.getByLabel(t(edition, 'matrix.compareFrom')).selectOption({ label: roleName('helpdesk') });
    expect(await page.locator('table.matrix-compare-table').count()).toBe(0);
    await page.getByLabel(t(edition, 'matrix.compareTo')).selectOption({ label: roleName('admin-sistem') });
    const table = page.locator('table.matrix-compare-table');
    await table.waitFor();
    expect(await table.locator('thead th').allInnerTexts()).toEqual([
      t(edition, 'kkt.colCompetency'),
      roleName('helpdesk'),
      roleName('admin-sistem'),
      t(edition, 'matrix.difference'),
      t(edition, 'matrix.toAdd'),
    ]);
    let total = 0;
    for (const [index, { slug, name }] of headers.competencies.entries()) {
      const row = table.locator('tbody tr').nth(index);
      const competency = seedCompetency(slug);
      const have = truth.level('Helpdesk', competency.name);
      const need = truth.level('Admin Sistem', competency.name);
      // The required level's own indicators first (as the draft's role table lists them), then the levels below.
      const between = indicatorsBetween(competency, have, need);
      const expected = [
        ...between.filter(({ level }) => level === need),
        ...between.filter(({ level }) => level !== need),
      ].map(({ no }) => no);
      total += expected.length;
      expect(normalize(await row.locator('th').innerText())).toBe(normalize(name));
      const cells = await row.locator('td').allInnerTexts();
      const difference = Math.max(0, (need ?? 0) - (have ?? 0));
      expect(cells.slice(0, 3)).toEqual([
        String(have ?? '–'),
        String(need ?? '–'),
        difference ? `+${difference}` : '0',
      ]);
      expect(await row.locator('li > a').allInnerTexts()).toEqual(expected);
      if (expected.length === 0) expect(cells[3]).toBe(t(edition, 'matrix.nothingToAdd'));
    }
    // Information security levels 2-4 (9), SPSE levels 3-4 (7), LPSE services none.
    const security = seedCompetencyNamed(truth, truth.competencies[1]!.name);
    expect(indicatorsBetween(security, 1, 4).map(({ no }) => no)).toEqual(
      security.levels.slice(1, 4).flatMap(({ indicators }) => indicators.map(({ no }) => no)),
    );
    expect(total).toBe(16);
    expect(
      await page
        .locator('.matrix-compare [role="status"]')
        .innerText()
        .then((text) => normalize(text)),
    ).toBe(
      normalize(
        t(edition, 'matrix.compareSummary', {
          from: roleName('helpdesk'),
          to: roleName('admin-sistem'),
          count: 16,
          own: 6,
          below: 10,
        }),
      ),
    );
    expect(new URL(page.url()).searchParams.get('compare')).toBe('helpdesk..admin-sistem');
  });

  test('a shared URL opened in a fresh context shows the same view as the one built by hand', async () => {
    const shared = '?sel=admin-sistem.keamanan-informasi&compare=helpdesk..admin-sistem&status=pns&t=1';
    const { page } = await open(edition);
    const headers = await readHeaders(page);
    const roleName = (slug: string) => headers.roles.find((role) => role.slug === slug)!.name;
    await page.getByLabel(t(edition, 'matrix.status')).selectOption('pns');
    await page.getByLabel(t(edition, 'matrix.transpose')).check();
    const competencyName = headers.competencies.find(({ slug }) => slug === 'keamanan-informasi')!.name;
    await (await cellAt(page, roleName('admin-sistem'), competencyName)).click();
    await page.getByLabel(t(edition, 'matrix.compareFrom')).selectOption({ label: roleName('helpdesk') });
    await page.getByLabel(t(edition, 'matrix.compareTo')).selectOption({ label: roleName('admin-sistem') });
    await page.locator('table.matrix-compare-table').waitFor();
    const url = new URL(page.url());
    expect(sitePathOf(url)).toBe(matrixPath);
    expect(Object.fromEntries(url.searchParams)).toEqual(Object.fromEntries(new URLSearchParams(shared)));
    const built = await snapshot(page);

    const { page: fresh } = await open(edition, shared);
    const opened = await snapshot(fresh);
    expect(opened).toEqual(built);
    // And it is the view asked for: detail, comparison, PNS, roles as rows.
    expect(normalize(await fresh.locator('h2#matrix-detail-title').innerText())).toContain(
      normalize(roleName('admin-sistem')),
    );
    expect(await fresh.getByLabel(t(edition, 'matrix.status')).inputValue()).toBe('pns');
    expect(await fresh.getByLabel(t(edition, 'matrix.transpose')).isChecked()).toBe(true);
    expect(normalize(await fresh.locator('table.matrix-table thead th').first().innerText())).toBe(
      t(edition, 'matrix.role'),
    );
    expect(await fresh.locator(`${GRID_ROWS} th[scope="row"]`).allInnerTexts()).toEqual(
      headers.roles.map(({ name }) => name),
    );
    expect(await fresh.getByLabel(t(edition, 'matrix.compareFrom')).inputValue()).toBe('helpdesk');
    expect(await fresh.locator('table.matrix-compare-table').count()).toBe(1);
    expect(fresh.url()).toBe(siteUrl(`${matrixPath}${shared}`));
  });

  test('Back and Forward step through the views', async () => {
    const { page } = await open(edition);
    const headers = await readHeaders(page);
    const views = [await snapshot(page)];
    const name = (list: Header[], slug: string) => list.find((entry) => entry.slug === slug)!.name;
    await (await cellAt(page, name(headers.competencies, 'aplikasi-spse'), name(headers.roles, 'koordinator'))).click();
    views.push(await snapshot(page));
    await page.getByLabel(t(edition, 'matrix.position')).selectOption('ppbj');
    views.push(await snapshot(page));
    await page.getByLabel(t(edition, 'matrix.transpose')).check();
    views.push(await snapshot(page));
    expect(views.map(({ params }) => params)).toEqual([
      [],
      ['sel=koordinator.aplikasi-spse'],
      ['pos=ppbj', 'sel=koordinator.aplikasi-spse'],
      ['pos=ppbj', 'sel=koordinator.aplikasi-spse', 't=1'],
    ]);
    const searches = ['', '?sel=koordinator.aplikasi-spse', '?sel=koordinator.aplikasi-spse&pos=ppbj'];
    searches.push(`${searches[2]}&t=1`);
    expect(new Set(views.map((view) => JSON.stringify(view))).size).toBe(4);
    const waitFor = async (index: number) => {
      await page.waitForFunction((search) => location.search === search, searches[index]!);
      await expect.poll(() => snapshot(page)).toEqual(views[index]);
    };
    for (const index of [2, 1, 0]) {
      await page.goBack();
      await waitFor(index);
    }
    expect(await page.locator('section.matrix-detail').count()).toBe(0);
    for (const index of [1, 2, 3]) {
      await page.goForward();
      await waitFor(index);
    }
    expect(await page.getByLabel(t(edition, 'matrix.transpose')).isChecked()).toBe(true);
    expect(await page.locator(`${GRID_ROWS} th[scope="row"]`).allInnerTexts()).toEqual([
      headers.roles.find(({ slug }) => slug === 'koordinator')!.name,
    ]);
  });

  test('the comparison is one link from the top of the page, on a laptop screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    contexts.push(context);
    await watchCspViolations(context, cspViolations);
    const page = await context.newPage();
    await page.goto(siteUrl(matrixPath));
    await page.locator('.matrix-explorer[data-hydrated]').waitFor();
    const jump = page.getByRole('link', { name: t(edition, 'matrix.compareJump') });
    const box = (await jump.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(768);
    await jump.click();
    await page.waitForFunction(() => location.hash === '#matrix-compare');
    const heading = (await page.getByRole('heading', { name: t(edition, 'matrix.compare') }).boundingBox())!;
    // In view (the page may end before the heading can reach the top).
    expect(heading.y).toBeGreaterThanOrEqual(0);
    expect(heading.y + heading.height).toBeLessThan(768);
  });

  test('a shared ?compare= link scrolls to the comparison and puts focus on it', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    contexts.push(context);
    await watchCspViolations(context, cspViolations);
    const page = await context.newPage();
    await page.goto(siteUrl(`${matrixPath}?compare=verifikator..koordinator`));
    await page.locator('.matrix-explorer[data-hydrated]').waitFor();
    await page.locator('table.matrix-compare-table').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'matrix-compare');
    const focused = await page.evaluate(() => {
      const section = document.activeElement!;
      const top = section.getBoundingClientRect().top;
      return { top, label: section.getAttribute('aria-labelledby'), scrolled: scrollY };
    });
    expect(focused.label).toBe('matrix-compare-title');
    expect(focused.scrolled).toBeGreaterThan(0);
    // The comparison starts in view, just below the site header.
    expect(focused.top).toBeGreaterThanOrEqual(0);
    expect(focused.top).toBeLessThan(844 / 3);
    expect(normalize(await page.locator('.matrix-compare [role="status"]').innerText())).toContain('13');
  });

  test("a role's column header shows the role in the matrix; its page is one link further", async () => {
    const { page } = await open(edition);
    const before = page.url();
    const headers = await readHeaders(page);
    const helpdesk = headers.roles.find(({ slug }) => slug === 'helpdesk')!;
    const header = page.locator('table.matrix-table thead').getByRole('button', { name: helpdesk.name, exact: true });
    expect(await header.getAttribute('aria-expanded')).toBe('false');
    await header.click();
    expect(page.url()).toBe(before);
    expect(await header.getAttribute('aria-expanded')).toBe('true');
    const panel = page.getByRole('region', { name: helpdesk.name, exact: true });
    await panel.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('matrix-role-detail');
    // The levels the draft requires of the role, competency by competency.
    const levels = await panel.locator('.matrix-role-levels li').allInnerTexts();
    expect(levels).toHaveLength(headers.competencies.length);
    headers.competencies.forEach(({ slug, name }, index) => {
      const level = levelOf('helpdesk', slug);
      expect(normalize(levels[index]!)).toBe(
        normalize(
          `${name}: ${level === null ? t(edition, 'kkt.notRequired') : t(edition, 'matrix.detailLevel', { level })}`,
        ),
      );
    });
    const link = panel.getByRole('link', { name: t(edition, 'matrix.rolePage', { role: helpdesk.name }) });
    expect(sitePathOf(await link.evaluate((a) => (a as HTMLAnchorElement).href))).toBe(
      `${edition.prefix}/peran/helpdesk/`,
    );
    // A level opens that cell's details in the matrix.
    await panel.locator('.matrix-role-level').first().click();
    expect(await page.locator('.matrix-detail h2').first().innerText()).toContain(helpdesk.name);
    expect(await page.locator('#matrix-role-detail').count()).toBe(0);
    // Escape closes a reopened panel and gives focus back to the header.
    await header.click();
    await panel.waitFor();
    // The panel takes focus in an effect after it is drawn: Escape is meant for it, not the header.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('matrix-role-detail');
    await page.keyboard.press('Escape');
    expect(await page.locator('#matrix-role-detail').count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.slug)).toBe('helpdesk');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('axe finds no WCAG 2.2 A/AA violation in the server-rendered table', async () => {
    // axe needs JavaScript, so keep it on and block the island's code instead: the page stays as served.
    const context = await browser.newContext();
    contexts.push(context);
    await context.route(/\/MatrixExplorer\.[^/]*\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(siteUrl(matrixPath));
    await page.locator('.matrix-explorer').scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.matrix-explorer[data-hydrated]').count()).toBe(0);
    expect(await page.locator('table.matrix-table td.matrix-cell').count()).toBe(12);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('axe finds no WCAG 2.2 A/AA violation with the detail and the comparison open, either way round', async () => {
    for (const search of [
      '?sel=admin-sistem.keamanan-informasi&compare=helpdesk..admin-sistem',
      '?sel=verifikator.keamanan-informasi&compare=helpdesk..admin-sistem&status=pns&t=1',
    ]) {
      const { page } = await open(edition, search);
      expect(await page.locator('section.matrix-detail').count()).toBe(1);
      expect(await page.locator('table.matrix-compare-table').count()).toBe(1);
      expect(await axeViolations(page), search).toEqual([]);
    }
  });
});

test('no interaction above broke the page’s Content-Security-Policy', () => {
  expect(contexts.length).toBeGreaterThan(5);
  expect(cspViolations).toEqual([]);
});
