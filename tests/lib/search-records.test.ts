// Search records on the fixture dictionary (alpha: 8 indicators, beta: 6, five levels each; four
// glossary terms), with expected records worked out by hand from its files and made-up labels, so
// the test fails if a record's URL, text, title or filters change, and not when the real content grows.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { searchLabels, searchRecords, typeFilter, type SearchLabels } from '../../src/lib/search-records.ts';
import { UI_STRING_KEYS } from '../../src/lib/ui-strings.ts';
import { loadFixtureDictionary } from '../support/fixture.ts';

const dictionary = await loadFixtureDictionary();

/** Labels unlike the site's, so a record that ignored them would show. */
const LABELS: SearchLabels = {
  'search.filterType': 'Kind',
  'search.filterLevel': 'Step',
  'search.typeCompetency': 'K-Competency',
  'search.typeLevel': 'K-Level',
  'search.typeIndicator': 'K-Indicator',
  'search.typeRole': 'K-Role',
  'search.typeGlossary': 'K-Term',
  'search.typeAlias': 'K-Alias',
  'search.aliasMarker': 'also',
  'search.levelValue': 'Step {{level}}',
  'search.indicatorTitle': 'Ind {{no}} of {{competency}}',
  'search.levelTitle': 'Step {{level}} of {{competency}}',
  'search.loading': 'Loading',
  'search.loadFailed': 'Failed',
};

describe('search records of the fixture', () => {
  const id = searchRecords(dictionary, 'id', LABELS);
  const en = searchRecords(dictionary, 'en', LABELS);
  const ofKind = (records: typeof id, kind: string) => records.filter((record) => record.filters['Kind']![0] === kind);

  test('one record per level (2 × 5), indicator (8 + 6) and glossary term (4), in the language asked for', () => {
    for (const records of [id, en]) {
      expect(ofKind(records, 'K-Level')).toHaveLength(10);
      expect(ofKind(records, 'K-Indicator')).toHaveLength(14);
      expect(ofKind(records, 'K-Term')).toHaveLength(4);
      expect(records).toHaveLength(28);
    }
    expect(new Set(id.map((record) => record.language))).toEqual(new Set(['id']));
    expect(new Set(en.map((record) => record.language))).toEqual(new Set(['en']));
  });

  test('an indicator with sub-items: its anchor, its number, text and items, its title and level', () => {
    expect(id.find((record) => record.url === '/kompetensi/alpha/#indikator-2-2')).toEqual({
      url: '/kompetensi/alpha/#indikator-2-2',
      language: 'id',
      content: '2.2 Indikator alfa 2.2 dengan rincian: a. Rincian pertama b. Rincian kedua c. Rincian ketiga',
      meta: { title: 'Ind 2.2 of Kompetensi Alfa' },
      filters: { Kind: ['K-Indicator'], Step: ['Step 2'] },
    });
    expect(en.find((record) => record.url === '/en/kompetensi/alpha/#indikator-2-2')).toMatchObject({
      content:
        '2.2 Indikator alfa 2.2 dengan rincian: (en) a. Rincian pertama (en) b. Rincian kedua (en) c. Rincian ketiga (en)',
      meta: { title: 'Ind 2.2 of Alpha competency' },
    });
  });

  test('a level and a glossary term', () => {
    expect(id.find((record) => record.url === '/kompetensi/beta/#level-3')).toEqual({
      url: '/kompetensi/beta/#level-3',
      language: 'id',
      content: 'Deskripsi beta level tiga.',
      meta: { title: 'Step 3 of Kompetensi Beta' },
      filters: { Kind: ['K-Level'], Step: ['Step 3'] },
    });
    expect(en.find((record) => record.url === '/en/glosarium/#pns')).toEqual({
      url: '/en/glosarium/#pns',
      language: 'en',
      content: 'PNS. Pegawai Negeri Sipil (en)',
      meta: { title: 'PNS: Pegawai Negeri Sipil (en)' },
      filters: { Kind: ['K-Term'] },
    });
  });

  test('URLs are distinct site paths without the base path (Pagefind adds it)', () => {
    for (const records of [id, en]) {
      expect(new Set(records.map((record) => record.url)).size).toBe(records.length);
      expect(
        records.every((record) => /^\/(en\/)?(kompetensi|glosarium)\/[a-z0-9/-]*#[a-z0-9-]+$/.test(record.url)),
      ).toBe(true);
    }
    expect(en.every((record) => record.url.startsWith('/en/'))).toBe(true);
    expect(id.some((record) => record.url.startsWith('/en/'))).toBe(false);
  });

  test('aliases reach only their target, after the marker and under the alias type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ...dictionary.competencies.flatMap((c) =>
            c.levels.flatMap((l) => l.indicators.map((i) => [c.slug, i.no] as const)),
          ),
        ),
        fc.uniqueArray(fc.stringMatching(/^[a-z]{3,8}$/), { minLength: 1, maxLength: 3 }),
        ([slug, no], words) => {
          const aliased = searchRecords(dictionary, 'id', LABELS, new Map([[`${slug}:${no}`, words]]));
          const url = `/kompetensi/${slug}/#indikator-${no.replace('.', '-')}`;
          aliased.forEach((record, index) => {
            if (record.url !== url) return expect(record).toEqual(id[index]);
            expect(record.content).toBe(`${id[index]!.content} (also: ${words.join(', ')})`);
            expect(record.filters['Kind']).toEqual(['K-Indicator', 'K-Alias']);
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('labels', () => {
  test('searchLabels keeps exactly the search keys of a locale and names a missing one', () => {
    const strings = Object.fromEntries(UI_STRING_KEYS.map((key) => [key, `<${key}>`]));
    const labels = searchLabels({ ...strings, 'pagefind.search_label': 'x' });
    expect(Object.keys(labels).sort()).toEqual(Object.keys(LABELS).sort());
    expect(labels['search.typeAlias']).toBe('<search.typeAlias>');
    expect(() => searchLabels({ ...strings, 'search.levelTitle': '' })).toThrow(/search\.levelTitle/);
  });

  test("a page's type filter is the records' filter name with the type's label", () => {
    expect(typeFilter(LABELS, 'Glossary')).toBe('Kind:K-Term');
    expect(typeFilter(LABELS, 'Competency')).toBe('Kind:K-Competency');
    expect(typeFilter(LABELS, 'Role')).toBe('Kind:K-Role');
  });
});
