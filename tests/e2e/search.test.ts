// Search (Starlight's Pagefind UI over the site's index): indicator phrases land on the indicator in
// both languages, type and level filters narrow results, exact matches outrank passing mentions,
// Indonesian stemming, and the whole flow by keyboard.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkContent } from '../../src/lib/load-files.ts';
import { allIndicators, localize, type Competency, type Indicator } from '../../src/lib/model.ts';
import { plainText } from '../../src/lib/inline.ts';
import idStrings from '../../src/content/i18n/id.json';
import enStrings from '../../src/content/i18n/en.json';
import { launchBrowser, siteUrl, sitePathOf, watchCspViolations } from './support/browser.ts';
import { loadSeed, normalize, projectRoot, seedIndicators } from '../support/seed.ts';
import aliasFile from '../../src/content/search-aliases/aliases.json';

const { dictionary } = await checkContent(projectRoot);
if (!dictionary) throw new Error('The real content does not validate (see `npm run check`).');
const seed = loadSeed();

interface Edition {
  lang: 'id' | 'en';
  prefix: string;
  strings: Record<string, string>;
}
const editions: Edition[] = [
  { lang: 'id', prefix: '', strings: idStrings },
  { lang: 'en', prefix: '/en', strings: enStrings },
];

/** Every indicator with the text a reader of that edition sees; Indonesian straight from the draft. */
function indicatorsOf(edition: Edition): { competency: Competency; indicator: Indicator; text: string }[] {
  return dictionary!.competencies.flatMap((competency) => {
    const fromSeed = seed.competencies.find((entry) => normalize(entry.name) === normalize(competency.name.id));
    if (!fromSeed) throw new Error(`${competency.slug} is not in the draft`);
    const draft = new Map(seedIndicators(fromSeed).map((entry) => [entry.no, entry.text]));
    return allIndicators(competency).map((indicator) => ({
      competency,
      indicator,
      text: edition.lang === 'id' ? draft.get(indicator.no)! : plainText(localize(indicator.text, 'en')),
    }));
  });
}

const anchorPath = (edition: Edition, competency: Competency, anchor: string) =>
  `${edition.prefix}/kompetensi/${competency.slug}/#${anchor}`;

let browser: Browser;
const contexts: BrowserContext[] = [];
const cspViolations: string[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function open(path: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  await watchCspViolations(context, cspViolations);
  const page = await context.newPage();
  await page.goto(siteUrl(path));
  await page.waitForLoadState('networkidle');
  return page;
}

/** Result URLs (site path and fragment) of a query, through Pagefind's own API with the UI's ranking. */
/** Results of a query (site path with fragment, and the indexed text) through Pagefind's own API, ranked as the UI ranks. */
async function apiResults(
  page: Page,
  query: string,
  filters: Record<string, string[]> = {},
): Promise<{ url: string; content: string; title: string }[]> {
  const args = JSON.stringify({
    bundle: siteUrl('/pagefind/pagefind.js'),
    base: new URL(siteUrl('/')).pathname,
    query,
    filters,
  });
  // A string, so the test runner does not rewrite the dynamic import meant for the browser.
  const results = (await page.evaluate(`(async ({ bundle, base, query, filters }) => {
    const pagefind = await import(bundle);
    await pagefind.options({ baseUrl: base });
    const search = await pagefind.search(query, { filters });
    return Promise.all(search.results.map(async (result) => {
      const { url, content, meta } = await result.data();
      return { url, content, title: meta.title ?? '' };
    }));
  })(${args})`)) as { url: string; content: string; title: string }[];
  return results.map(({ url, content, title }) => ({
    url: `${sitePathOf(new URL(url, siteUrl('/')))}${new URL(url, 'http://x').hash}`,
    content,
    title,
  }));
}

/** Result URLs of a query, in rank order. */
const apiSearch = async (page: Page, query: string, filters: Record<string, string[]> = {}) =>
  (await apiResults(page, query, filters)).map(({ url }) => url);

/** The search box: the dialog's static one until Pagefind's UI, loaded on intent, replaces it. */
const searchBox = (page: Page) => page.locator('#starlight__search .pagefind-ui__search-input');

/** Opens the search dialog by keyboard and types a query; resolves once results are listed. */
async function typeSearch(page: Page, query: string) {
  await page.keyboard.press('Control+k');
  await searchBox(page).waitFor();
  await page.keyboard.type(query);
  await expect.poll(() => page.locator('.pagefind-ui__result-link').count(), { timeout: 15_000 }).toBeGreaterThan(0);
}

/** Result links shown by the UI, as site paths with their fragments, in order. */
const shownResults = (page: Page) =>
  page
    .locator('.pagefind-ui__result-link')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))
    .then((hrefs) => hrefs.map((href) => `${sitePathOf(href)}${new URL(href).hash}`));

describe.each(editions)('$lang search', (edition) => {
  const label = (key: string) => edition.strings[key]!;

  test('every indicator’s text finds that indicator first, or behind only results holding all its words', async () => {
    const page = await open(`${edition.prefix}/`);
    let first = 0;
    for (const { competency, indicator, text } of indicatorsOf(edition)) {
      const results = await apiResults(page, text);
      const at = results.findIndex(({ url }) => url === anchorPath(edition, competency, indicator.anchor));
      if (at === 0) first += 1;
      // A short indicator ("able to use the SPSE application…") can tie with its competency's page
      // or a sibling indicator that says the same and more; nothing that lacks its words may lead.
      expect(at, text).toBeGreaterThanOrEqual(0);
      expect(at, text).toBeLessThan(3);
      const words = normalize(text)
        .toLowerCase()
        .split(/\W+/u)
        .filter((word) => word.length > 3);
      for (const above of results.slice(0, at)) {
        const content = normalize(above.content).toLowerCase();
        expect(
          words.filter((word) => !content.includes(word)),
          `${above.url} above ${text}`,
        ).toEqual([]);
      }
    }
    // And most land exactly: at least nine in ten indicators are the first result.
    expect(first / indicatorsOf(edition).length).toBeGreaterThanOrEqual(0.9);
  });

  test('a phrase typed in the search box lands on the indicator, which the page then targets', async () => {
    const { competency, indicator, text } = indicatorsOf(edition).find(({ indicator }) => indicator.no === '3.3')!;
    const page = await open(`${edition.prefix}/`);
    // Half of the indicator's words, as someone who half remembers it would type them.
    const words = text.split(/\s+/);
    const phrase = words.slice(0, Math.ceil(words.length / 2) + 1).join(' ');
    await typeSearch(page, phrase);
    // Nothing typed is lost while the search loads.
    await expect.poll(() => searchBox(page).inputValue(), { timeout: 15_000 }).toBe(phrase);
    // Results follow each key press, so the last query's results may take a moment to replace the others.
    // Layanan 5.3 repeats the opening words of 3.3 ("Able to identify risks and prepare preventive
    // measures …"), so the two can tie on half the phrase: the indicator leads or follows that one.
    const target = anchorPath(edition, competency, indicator.anchor);
    await expect.poll(async () => (await shownResults(page)).slice(0, 2), { timeout: 15_000 }).toContain(target);
    const at = (await shownResults(page)).indexOf(target);
    await page.locator('.pagefind-ui__result-link').nth(at).click();
    await page.waitForURL((url) => url.hash === `#${indicator.anchor}`);
    expect(sitePathOf(page.url())).toBe(`${edition.prefix}/kompetensi/${competency.slug}/`);
    const targeted = await page.evaluate(() => document.querySelector(':target')?.textContent ?? '');
    expect(normalize(targeted)).toContain(normalize(text));
  });

  test('filters by entry type and by level narrow the results', async () => {
    const page = await open(`${edition.prefix}/`);
    await typeSearch(page, edition.lang === 'id' ? 'layanan' : 'services');
    const all = await shownResults(page);
    expect(all.some((url) => !url.includes('#indikator-'))).toBe(true);

    const filter = async (group: string, value: string) => {
      const block = page.locator('.pagefind-ui__filter-block').filter({ has: page.getByText(group, { exact: true }) });
      if (!(await block.evaluate((details) => (details as HTMLDetailsElement).open)))
        await block.locator('summary').click();
      await block.getByLabel(new RegExp(`^${value} \\(\\d+\\)$`)).check();
    };
    // The count beside a filter value is this query's: ticking it leaves exactly that many results.
    const typeLabel = page
      .locator('.pagefind-ui__filter-label')
      .filter({ hasText: new RegExp(`^${label('search.typeIndicator')} \\(\\d+\\)$`) });
    const indicators = Number(/\((\d+)\)$/.exec((await typeLabel.textContent()) ?? '')?.[1]);
    expect(indicators).toBeGreaterThan(0);
    await filter(label('search.filterType'), label('search.typeIndicator'));
    await expect.poll(async () => (await shownResults(page)).every((url) => url.includes('#indikator-'))).toBe(true);
    await expect
      .poll(() => page.locator('.pagefind-ui__results-area .pagefind-ui__message').textContent())
      .toMatch(new RegExp(`^${indicators}\\D`));
    await filter(label('search.filterLevel'), label('search.levelValue').replace('{{level}}', '3'));
    await expect.poll(async () => (await shownResults(page)).every((url) => url.includes('#indikator-3-'))).toBe(true);
    expect((await shownResults(page)).length).toBeGreaterThan(0);

    // Type filters on pages too: competencies, roles and the glossary.
    for (const [type, pattern] of [
      ['search.typeRole', /\/peran\/[a-z-]+\/$/],
      ['search.typeCompetency', /\/kompetensi\/[a-z-]+\/$/],
    ] as const) {
      const urls = await apiSearch(page, edition.lang === 'id' ? 'layanan' : 'services', {
        [label('search.filterType')]: [label(type)],
      });
      expect(urls.length, type).toBeGreaterThan(0);
      expect(
        urls.filter((url) => !pattern.test(url)),
        type,
      ).toEqual([]);
    }
  });

  test('a glossary term’s own entry outranks every page that merely uses it', async () => {
    const page = await open(`${edition.prefix}/`);
    for (const term of dictionary!.glossary.filter(({ term }) => ['PPBJ', 'BSrE', 'KKT'].includes(term))) {
      const urls = await apiSearch(page, term.term);
      expect(urls[0], term.term).toBe(`${edition.prefix}/glosarium/#${term.slug}`);
    }
  });

  test('an indicator outranks the role pages that repeat it', async () => {
    const page = await open(`${edition.prefix}/`);
    const { competency, indicator, text } = indicatorsOf(edition).find(
      ({ competency, indicator }) => competency.slug === 'layanan-lpse' && indicator.no === '2.1',
    )!;
    const urls = await apiSearch(page, text);
    const roles = urls.filter((url) => url.includes('/peran/'));
    expect(roles.length).toBeGreaterThan(0);
    expect(urls.indexOf(anchorPath(edition, competency, indicator.anchor))).toBeLessThan(urls.indexOf(roles[0]!));
  });

  test('each site alias finds every indicator it names, and the result says it matched a site alias', async () => {
    const page = await open(`${edition.prefix}/`);
    const marker = `(${label('search.aliasMarker')}:`;
    for (const alias of aliasFile.aliases) {
      const targets = alias.targets.map((id) => {
        const [slug, no] = id.split(':');
        return `${edition.prefix}/kompetensi/${slug}/#indikator-${no!.replace('.', '-')}`;
      });
      for (const word of alias.words[edition.lang]) {
        const results = await apiResults(page, word);
        const urls = results.map(({ url }) => url);
        // Every target, and near the top: at most one other result (a page that says the word) before them.
        for (const target of targets) {
          expect(urls, `${word} -> ${target}`).toContain(target);
          expect(urls.indexOf(target), `${word} -> ${target}`).toBeLessThan(targets.length + 1);
        }
        for (const { url, content } of results.filter(({ url }) => targets.includes(url))) {
          const tail = content.slice(content.indexOf(marker));
          expect(content.includes(marker), url).toBe(true);
          expect(normalize(tail).toLowerCase(), url).toContain(normalize(word).toLowerCase());
        }
      }
    }
  });

  test('false positives: a search for the draft’s own words finds nothing through an alias', async () => {
    const page = await open(`${edition.prefix}/`);
    const marker = ` (${label('search.aliasMarker')}:`;
    // Each word of the draft with the stem Pagefind matches it by ("keamanan" finds "pengamanan").
    const queries: [string, string][] =
      edition.lang === 'id'
        ? [
            ['uji', 'uji'],
            ['test', 'test'],
            ['data', 'data'],
            ['layanan', 'layan'],
            ['risiko', 'risiko'],
            ['keamanan', 'aman'],
            ['pengguna', 'guna'],
          ]
        : [
            ['test', 'test'],
            ['testing', 'test'],
            ['data', 'data'],
            ['services', 'servic'],
            ['risk', 'risk'],
            ['security', 'secur'],
            ['user', 'user'],
          ];
    for (const [query, stem] of queries) {
      for (const { url, content, title } of await apiResults(page, query)) {
        // What the record says without its aliases (its title included) must itself hold the word searched.
        const draft = `${title} ${content.includes(marker) ? content.slice(0, content.indexOf(marker)) : content}`;
        expect(normalize(draft).toLowerCase(), `"${query}" -> ${url}`).toContain(stem);
      }
    }
    // "test" alone finds in English only what it found before the aliases: the indicator that says "test" and the pages.
    if (edition.lang === 'en') {
      expect((await apiSearch(page, 'test')).filter((url) => url.includes('#indikator-'))).toEqual([
        '/en/kompetensi/aplikasi-spse/#indikator-3-4',
      ]);
    } else {
      expect(await apiSearch(page, 'test')).toEqual([]);
    }
  });

  test('results are filed under the alias type, and control text is not in the index', async () => {
    const page = await open(`${edition.prefix}/`);
    const type = label('search.filterType');
    const aliased = await apiSearch(page, edition.lang === 'id' ? 'kerentanan' : 'vulnerability', {
      [type]: [label('search.typeAlias')],
    });
    expect(aliased.length).toBe(3);
    for (const query of edition.lang === 'id' ? ['laporan', 'tautan', 'ekspor'] : ['reports', 'link', 'export']) {
      for (const { url, content } of await apiResults(page, query)) {
        for (const control of [
          label('cite.copy'),
          label('check.export'),
          label('check.copy'),
          label('matrix.filters'),
        ]) {
          expect(content, `${query} -> ${url}`).not.toContain(control);
        }
      }
    }
  });

  test('each excerpt is drawn inside its result card, on the card’s colour', async () => {
    const page = await open(`${edition.prefix}/`);
    await typeSearch(page, edition.lang === 'id' ? 'risiko' : 'risk');
    const cards = await page.locator('.pagefind-ui__result-inner').evaluateAll((inners) =>
      inners.slice(0, 5).map((inner) => {
        const title = inner.querySelector('.pagefind-ui__result-title')!;
        const excerpt = inner.querySelector(':scope > .pagefind-ui__result-excerpt');
        const box = (element: Element) => element.getBoundingClientRect();
        return {
          excerpt: excerpt !== null,
          inside: excerpt ? box(excerpt).left >= box(title).left && box(excerpt).right <= box(title).right + 0.5 : true,
          // The excerpt's text starts where the title's text does.
          aligned: excerpt
            ? Math.abs(
                parseFloat(getComputedStyle(excerpt).paddingInlineStart) -
                  parseFloat(getComputedStyle(title).paddingInlineStart),
              ) < 1
            : true,
          colour: excerpt
            ? getComputedStyle(excerpt).backgroundColor === getComputedStyle(title).backgroundColor
            : true,
        };
      }),
    );
    expect(cards.filter((card) => card.excerpt).length).toBeGreaterThan(0);
    expect(
      cards.every((card) => card.inside && card.aligned && card.colour),
      JSON.stringify(cards),
    ).toBe(true);
  });

  test('by keyboard only: Ctrl+K, type, Tab to the first result, Enter follows it', async () => {
    const page = await open(`${edition.prefix}/glosarium/`);
    await typeSearch(page, 'PPBJ');
    const firstHref = (await shownResults(page))[0]!;
    for (let step = 0; step < 30; step++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.matches('.pagefind-ui__result-link') ?? false)) break;
    }
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    expect(`${sitePathOf(focused)}${new URL(focused).hash}`).toBe(firstHref);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === new URL(firstHref, 'http://x').hash);
    expect(`${sitePathOf(page.url())}${new URL(page.url()).hash}`).toBe(firstHref);
  });
});

describe('search loads on intent', () => {
  /** Search code or data: Pagefind's UI chunk, runtime, WebAssembly and index. */
  const isSearchFile = (url: string | URL) =>
    /\/pagefind\/|\/_astro\/search-ui\.[\w-]+\.js$/.test(new URL(url).pathname);

  test('no search file is fetched before intent; the trigger is a labelled button meanwhile', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.goto(siteUrl('/kompetensi/layanan-lpse/'));
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(fetched.filter(isSearchFile)).toEqual([]);
    const trigger = page.locator('button[data-open-modal]');
    // Starlight's own "search.label" string names it.
    expect(await trigger.getAttribute('aria-label')).toBe('Pencarian');
    await expect.poll(() => trigger.isEnabled()).toBe(true);
    // Hovering the trigger is intent: the files the first query needs are requested at once.
    await trigger.hover();
    await expect.poll(() => fetched.filter(isSearchFile).length).toBeGreaterThan(3);
    const wanted = fetched.filter(isSearchFile).map((url) => new URL(url).pathname.replace(/^.*\/pagefind\//, ''));
    expect(wanted).toEqual(
      expect.arrayContaining(['pagefind.js', 'wasm.id.pagefind', expect.stringMatching(/^index\/id_\w+\.pf_index$/)]),
    );
  });

  test('"/" opens the search, and letters typed while it loads are all kept and searched', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    await watchCspViolations(context, cspViolations);
    // The search files are held back until the typing is done, as on a slow network.
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    await context.route(isSearchFile, async (route) => {
      await arrived;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(siteUrl('/en/'));
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('/');
    await page.keyboard.type('services', { delay: 20 });
    expect(await page.locator('[data-search-shell]').count()).toBe(1);
    release();
    await expect.poll(() => page.locator('.pagefind-ui__result-link').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator('[data-search-shell]').count()).toBe(0);
    await expect.poll(() => searchBox(page).inputValue()).toBe('services');
    expect(await page.evaluate(() => document.activeElement?.matches('.pagefind-ui__search-input'))).toBe(true);
    await page.keyboard.type(' admin');
    await expect.poll(() => searchBox(page).inputValue()).toBe('services admin');
  });
});

test('Indonesian stemming: "mengevaluasi" finds what "evaluasi" finds', async () => {
  const page = await open('/');
  const inflected = await apiSearch(page, 'mengevaluasi');
  const root = await apiSearch(page, 'evaluasi');
  expect(inflected.length).toBeGreaterThan(0);
  expect(new Set(inflected)).toEqual(new Set(root));
  // None of the draft's indicators says "mengevaluasi": every hit is through the stem.
  const draftText = seed.competencies.flatMap((competency) => seedIndicators(competency).map(({ text }) => text));
  expect(draftText.some((text) => /\bmengevaluasi\b/i.test(text))).toBe(false);
  expect(draftText.some((text) => /\bevaluasi\b/i.test(text))).toBe(true);
});

test('no search broke the Content-Security-Policy', () => {
  expect(contexts.length).toBeGreaterThan(5);
  expect(cspViolations).toEqual([]);
});
