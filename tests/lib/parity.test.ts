// The two editions cannot drift: every text has English, UI strings match key for key, narrative pages pair.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/load-files.ts';
import { SITE_LOCALES } from '../../src/lib/locales.ts';
import { EXPANSION_ORIGINS } from '../../src/lib/schema.ts';
import { sidebarLabel, UI_STRING_KEYS } from '../../src/lib/ui-strings.ts';
import { projectRoot } from '../support/seed.ts';

/** Starlight's bundled UI strings for a language; it does not export them, so read its build output. */
const starlightStrings = async (lang: string): Promise<Record<string, string>> => {
  const file = path.join(projectRoot, `node_modules/@astrojs/starlight/dist/translations/${lang}.js`);
  return ((await import(pathToFileURL(file).href)) as { default: Record<string, string> }).default;
};

const readJson = (file: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(projectRoot, file), 'utf8')) as Record<string, string>;
const uiStrings = { id: readJson('src/content/i18n/id.json'), en: readJson('src/content/i18n/en.json') };

/** Model links that point back up the tree; following them would only revisit texts. */
const BACK_REFERENCES = new Set(['requiredBy', 'competency']);

/** Every `{ id, en? }` text reachable from a value, with the path that leads to it. */
function localizedTexts(
  value: unknown,
  at = '',
  seen = new Set<object>(),
): { at: string; text: Record<string, unknown> }[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'string' && Object.keys(record).every((key) => key === 'id' || key === 'en')) {
    return [{ at, text: record }];
  }
  return Object.entries(record)
    .filter(([key]) => !BACK_REFERENCES.has(key))
    .flatMap(([key, child]) => localizedTexts(child, at ? `${at}.${key}` : key, seen));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('dictionary content', async () => {
  const { dictionary, issues } = await checkContent(projectRoot);
  const texts = localizedTexts(dictionary);

  test('builds, and holds the texts of every entry', () => {
    expect(issues).toEqual([]);
    // 3 names + 3 definitions + 15 level descriptions + 48 indicators + 3 sub-items at least.
    expect(texts.length).toBeGreaterThan(72);
  });

  test('every text of every entry, level, indicator, sub-item, duty and term has English', () => {
    const missing = texts
      .filter(({ text }) => typeof text.en !== 'string' || text.en.trim() === '')
      .map(({ at }) => at);
    expect(missing).toEqual([]);
  });

  test('English never carries the Indonesian text over untranslated', () => {
    // A personal name, or a one-word loanword such as "Helpdesk", legitimately reads the same.
    const same = texts.filter(
      ({ at, text }) => text.en === text.id && !at.endsWith('signatory') && /\s/.test(text.id as string),
    );
    expect(same.map(({ at }) => at)).toEqual([]);
  });
});

describe('UI strings', () => {
  test('both locale files have exactly the same keys', () => {
    expect(Object.keys(uiStrings.en).sort()).toEqual(Object.keys(uiStrings.id).sort());
  });

  test('every site key is translated in every language, with the same placeholders', () => {
    for (const key of UI_STRING_KEYS) {
      expect(uiStrings.id[key], `id.json ${key}`).toBeTruthy();
      expect(uiStrings.en[key], `en.json ${key}`).toBeTruthy();
      expect(placeholders(uiStrings.en[key]!), key).toEqual(placeholders(uiStrings.id[key]!));
    }
  });

  test("Starlight's keys that its Indonesian file leaves in English are overridden", async () => {
    const [idStarlight, enStarlight] = await Promise.all([starlightStrings('id'), starlightStrings('en')]);
    // Words that are the same in both languages need no override.
    const sameInBoth = new Set(['search.ctrlKey', 'menuButton.accessibleLabel']);
    const leftInEnglish = Object.entries(enStarlight)
      .filter(([key, en]) => idStarlight[key] === en && !sameInBoth.has(key))
      .map(([key]) => key);
    expect(leftInEnglish.length).toBeGreaterThan(0);
    for (const key of leftInEnglish) {
      expect(uiStrings.id[key], `id.json must translate Starlight's "${key}"`).toBeTruthy();
      expect(uiStrings.id[key]).not.toBe(enStarlight[key]);
    }
  });
});

test('the search UI (Pagefind) speaks Indonesian: every key Starlight lets a site translate is in id.json', () => {
  const schema = readFileSync(path.join(projectRoot, 'node_modules/@astrojs/starlight/dist/schemas/i18n.js'), 'utf8');
  const keys = [...schema.matchAll(/"(pagefind\.[a-z_]+)": z\./g)].map(([, key]) => key!);
  expect(keys.length).toBeGreaterThan(5);
  for (const key of keys) expect(uiStrings.id[key], `id.json must translate "${key}"`).toBeTruthy();
});

describe('narrative pages', () => {
  const docs = path.join(projectRoot, 'src/content/docs');
  const translated = SITE_LOCALES.filter(({ locale }) => locale).map(({ locale }) => locale!);
  const list = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? translated.includes(entry.name) && dir === docs
          ? []
          : list(path.join(dir, entry.name)).map((file) => path.join(entry.name, file))
        : [entry.name],
    );
  /** The skeleton a translation must keep: headings by depth and the components used, in order. */
  const skeleton = (file: string) => {
    const text = readFileSync(file, 'utf8');
    return {
      headings: [...text.matchAll(/^(#{2,6}) /gm)].map((match) => match[1]!.length),
      components: [...text.matchAll(/<([A-Z]\w*)[\s/>]/g)].map((match) => match[1]),
      frontmatterKeys: [...(text.split('---')[1] ?? '').matchAll(/^(\w+):/gm)].map((match) => match[1]),
    };
  };

  test.each(translated)(
    'every page exists in "%s" with the same structure, and no page exists only there',
    (locale) => {
      const original = list(docs).sort();
      expect(list(path.join(docs, locale)).sort()).toEqual(original);
      for (const file of original) {
        expect(skeleton(path.join(docs, locale, file)), file).toEqual(skeleton(path.join(docs, file)));
      }
    },
  );
});

describe('one term for one thing, in both editions (TERMS.md)', async () => {
  const { dictionary } = await checkContent(projectRoot);
  const read = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');
  const terms = read('TERMS.md');
  const config = read('astro.config.mjs');
  const docs = (dir: string) =>
    readdirSync(path.join(projectRoot, dir))
      .filter((file) => file.endsWith('.mdx') || file.endsWith('.md'))
      .map((file) => read(path.join(dir, file)));
  /** Every English text a reader meets: UI strings, the entries' English, the English narrative pages. */
  const english = [
    ...Object.values(uiStrings.en),
    ...localizedTexts(dictionary).flatMap(({ text }) => (typeof text.en === 'string' ? [text.en] : [])),
    ...docs('src/content/docs/en'),
  ].join('\n');
  /** The same in Indonesian. */
  const indonesian = [
    ...Object.values(uiStrings.id),
    ...localizedTexts(dictionary).map(({ text }) => text.id as string),
    ...docs('src/content/docs'),
  ].join('\n');

  test('the self-assessment has one name: the sidebar says what the page title says, in each language', () => {
    expect(config, 'astro.config.mjs labels the /cek-mandiri/ sidebar entry nav.check').toMatch(
      /\{ \.\.\.sidebarLabel\('nav\.check'\), link: '\/cek-mandiri\/' \}/,
    );
    expect(sidebarLabel('nav.check')).toEqual({
      label: uiStrings.id['check.title'],
      translations: { en: uiStrings.en['check.title'] },
    });
    expect(indonesian).not.toMatch(/cek mandiri/i);
    expect(english).not.toMatch(/self-check/i);
  });

  test.each([
    ['LPSE manager', /LPSE managers?\b/i, 'the audience is "LPSE staff"'],
    ['Procurement managers', /procurement managers?/i, 'Pengelola PBJ is "Procurement Officers"'],
    ['leveling', /\bleveling\b/, 'British "levelling" (the draft\'s own capitals "LEVELING" may be quoted)'],
    ['Center', /\bCenter\b/, 'British "Centre"'],
    ['level(s)', /\(s\)/, 'plurals are written out'],
    ['as is', /\bas is\b/, '"verbatim"'],
    ['apparatus (for perangkat)', /the apparatus\b/, '"organisational units (perangkat)"'],
    ['prerequisite', /prerequisite/i, 'the draft lists PBJP Level-1 with no level and calls it nothing more'],
  ])('English never says "%s": %s', (_, pattern) => {
    expect(english.match(pattern)?.[0] ?? null).toBeNull();
  });

  test('Indonesian never calls the PBJP standard a "prasyarat", the draft does not', () => {
    expect(indonesian.match(/prasyarat/i)?.[0] ?? null).toBeNull();
  });

  test('TERMS.md lists the English of every glossary entry, and every source a glossary entry names', () => {
    for (const term of dictionary!.glossary) {
      expect(terms, `${term.term}: "${term.expansion.en}"`).toContain(term.expansion.en!);
    }
    expect(terms).toContain('Undang-Undang Nomor 5 Tahun 2014');
    expect(terms).toContain('Perpres 16/2018');
  });

  test('every origin a glossary entry can declare has its sentence in both languages', () => {
    for (const origin of EXPANSION_ORIGINS) {
      expect(UI_STRING_KEYS, origin).toContain(`kkt.origin.${origin}`);
      expect(placeholders(uiStrings.en[`kkt.origin.${origin}`]!)).toEqual(
        placeholders(uiStrings.id[`kkt.origin.${origin}`]!),
      );
    }
    // An origin outside the draft names its source in the sentence, so the reader sees it.
    expect(uiStrings.id['kkt.origin.elsewhere']).toContain('{{source}}');
  });

  test('the readings that are this site’s are labelled so in both languages', () => {
    for (const key of [
      'kkt.cumulativeReading',
      'kkt.addsOver',
      'matrix.detailCumulative',
      'matrix.toAddBelow',
      'check.planBelow',
    ]) {
      expect(uiStrings.id[key], key).toMatch(/situs ini/);
      expect(uiStrings.en[key], key).toMatch(/this site/i);
    }
    for (const key of ['kkt.notListed', 'matrix.detailNone']) {
      expect(uiStrings.id[key], key).toMatch(/situs ini membacanya sebagai tidak dipersyaratkan/i);
      expect(uiStrings.en[key], key).toMatch(/this site reads (it|that) as not required/i);
    }
  });
});
