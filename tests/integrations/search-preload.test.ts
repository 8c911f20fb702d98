import { describe, expect, test } from 'vitest';
import {
  addSearchFiles,
  PRELOAD_CHUNK_BYTES,
  searchBundles,
  type BundleFile,
} from '../../src/integrations/search-preload.ts';

const ENTRY = JSON.stringify({
  version: '1.6.0',
  languages: { id: { hash: 'id_aaa', wasm: 'id', page_count: 3 }, en: { hash: 'en_bbb', wasm: 'en', page_count: 3 } },
});
const file = (path: string, bytes = 100): BundleFile => ({ path, bytes });
const WRITTEN = [
  file('pagefind.js'),
  file('pagefind-entry.json'),
  file('pagefind.id_aaa.pf_meta'),
  file('pagefind.en_bbb.pf_meta'),
  file('wasm.id.pagefind'),
  file('wasm.en.pagefind'),
  file('index/id_1.pf_index'),
  file('index/en_2.pf_index'),
  file('filter/id_3.pf_filter'),
  file('filter/en_4.pf_filter'),
  file('fragment/id_group_5.pf_fragment'),
  file('fragment/en_group_6.pf_fragment'),
];

describe('searchBundles', () => {
  test('lists, per language, the runtime and that language’s files only', () => {
    const bundles = searchBundles(WRITTEN, ENTRY);
    expect(bundles.get('id')).toEqual({
      index: 'id_aaa',
      files: [
        'pagefind.js',
        'pagefind.id_aaa.pf_meta',
        'wasm.id.pagefind',
        'filter/id_3.pf_filter',
        'index/id_1.pf_index',
        'fragment/id_group_5.pf_fragment',
      ],
    });
    expect(bundles.get('en')!.files.filter((path) => path.includes('id_'))).toEqual([]);
  });

  test('leaves index and fragment chunks to Pagefind when they are too large to fetch on intent', () => {
    const large = WRITTEN.map((entry) =>
      entry.path.startsWith('index/id_') ? file(entry.path, PRELOAD_CHUNK_BYTES + 1) : entry,
    );
    const files = searchBundles(large, ENTRY).get('id')!.files;
    expect(files.some((path) => path.startsWith('index/') || path.startsWith('fragment/'))).toBe(false);
    expect(files).toContain('filter/id_3.pf_filter');
  });

  test('fails with a hint when a file the runtime needs is missing', () => {
    expect(() =>
      searchBundles(
        WRITTEN.filter(({ path }) => path !== 'wasm.en.pagefind'),
        ENTRY,
      ),
    ).toThrow(/wasm\.en\.pagefind.*"en"/);
  });
});

describe('addSearchFiles', () => {
  const bundles = searchBundles(WRITTEN, ENTRY);
  const page = (lang: string) =>
    `<!doctype html><html lang="${lang}"><head></head><body><header><site-search class="x" data-search-index="" data-search-files=""><button>Cari</button></site-search></header></body></html>`;

  test('writes the page language’s index tag and files on the search element, nothing else', () => {
    const html = addSearchFiles(page('en'), bundles);
    expect(html).toContain(
      'data-search-index="en_bbb" data-search-files="pagefind.js pagefind.en_bbb.pf_meta wasm.en.pagefind filter/en_4.pf_filter index/en_2.pf_index fragment/en_group_6.pf_fragment"',
    );
    expect(html.replace(/ data-search-index="[^"]*" data-search-files="[^"]*"/, '')).toBe(
      page('en').replace(' data-search-index="" data-search-files=""', ''),
    );
  });

  test('a page without the element or in a language without an index is unchanged', () => {
    expect(addSearchFiles('<html lang="id"><body></body></html>', bundles)).toBe(
      '<html lang="id"><body></body></html>',
    );
    expect(addSearchFiles(page('fr'), bundles)).toBe(page('fr'));
  });
});
