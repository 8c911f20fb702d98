/**
 * Astro integration that writes Pagefind's index once the build is done, in the build's one Pagefind
 * run (Starlight's own is off: `pagefind: false` in astro.config.mjs): the built pages, as Starlight
 * marks them for indexing, plus the dictionary's own search records, one per indicator, level and
 * glossary term in each language, with type and level filters. The records come from the model
 * during the build (`src/pages/[...locale]/search-records.json.ts`); this reads them from the output,
 * adds them to the index and deletes them, so they are not published. Starlight's search UI reads
 * the same files, so it shows those records and filters as it shows pages.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { SITE_LOCALES } from '../lib/locales.ts';
import { SEARCH_RECORDS_FILE, type SearchRecord } from '../lib/search-records.ts';
import { builtPages } from './built-pages.ts';
import { FRAGMENT_GROUP_ENTRIES, searchBundles, writtenBundles } from './search-preload.ts';

/** Throws with Pagefind's own messages when a call reports errors. */
function assertOk<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n${response.errors.join('\n')}`);
  return response;
}

/** Reads each language's records from the build output and removes the files, which are not for publishing. */
async function takeRecords(outDir: string): Promise<SearchRecord[]> {
  const records: SearchRecord[] = [];
  for (const { locale } of SITE_LOCALES) {
    const file = path.join(outDir, locale ?? '', SEARCH_RECORDS_FILE);
    const text = await readFile(file, 'utf8').catch(() => {
      throw new Error(
        `${file} is missing. Hint: the endpoint src/pages/[...locale]/${SEARCH_RECORDS_FILE}.ts writes it.`,
      );
    });
    records.push(...(JSON.parse(text) as SearchRecord[]));
    await rm(file);
  }
  return records;
}

/** The integration: the one Pagefind run of a build. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'kamus:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const records = await takeRecords(outDir);
        try {
          // Fragments (a result's text) in groups, not a file per entry: a small dictionary's are then
          // one file per language, fetched on intent with the rest rather than a round trip more once
          // the query has run (search-preload.ts). Entries: every page and record, in two languages.
          const entries = builtPages(outDir).length + records.length;
          const maxFragments = Math.max(1, Math.ceil(entries / SITE_LOCALES.length / FRAGMENT_GROUP_ENTRIES));
          const { index } = assertOk(await pagefind.createIndex({ maxFragments }), 'start');
          if (!index) throw new Error('Pagefind returned no index. Hint: is the `pagefind` package installed?');
          const { page_count } = assertOk(await index.addDirectory({ path: outDir }), 'index the pages');
          for (const record of records) assertOk(await index.addCustomRecord(record), `index ${record.url}`);
          assertOk(await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') }), 'write the index');
          // What each language's first query fetches, for the pages' search triggers (finish-html.ts).
          const { files } = assertOk(await index.getFiles(), 'list the index files');
          const entry = files.find((file) => file.path === 'pagefind-entry.json');
          if (!entry) throw new Error('Pagefind wrote no pagefind-entry.json');
          const bundles = searchBundles(
            files.map((file) => ({ path: file.path, bytes: file.content.length })),
            new TextDecoder().decode(entry.content),
          );
          writtenBundles.clear();
          for (const [lang, bundle] of bundles) writtenBundles.set(lang, bundle);
          const ms = Math.round(performance.now() - started);
          logger.info(`Search index: ${page_count} pages and ${records.length} dictionary records in ${ms} ms.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
