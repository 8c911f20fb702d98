/**
 * Astro integration that rebuilds Pagefind's index once the build is done: the built pages, as
 * Starlight indexes them, plus the dictionary's own search records (`search-records.ts`): one per
 * indicator, level and glossary term in each language, with type and level filters. Starlight's
 * search UI reads the same files, so it shows those records and filters as it shows pages.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { checkContent } from '../lib/load-files.ts';
import { LOCALES } from '../lib/schema.ts';
import { aliasesByIndicator, parseAliases } from '../lib/search-aliases.ts';
import { searchRecords, type SearchLabels } from '../lib/search-records.ts';
import { formatIssues } from '../lib/validate.ts';
import { FRAGMENT_GROUP_ENTRIES, searchBundles, writtenBundles } from './search-preload.ts';

/** Throws with Pagefind's own messages when a call reports errors. */
function assertOk<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n${response.errors.join('\n')}`);
  return response;
}

/** The integration; `root` is the project folder whose content the records come from. */
export function searchIndex(root: string): AstroIntegration {
  return {
    name: 'kamus:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { dictionary, issues } = await checkContent(root);
        if (!dictionary) throw new Error(`The content does not validate:\n${formatIssues(issues)}`);
        const outDir = fileURLToPath(dir);
        try {
          // Fragments (a result's text) in groups, not a file per entry: a small dictionary's are then
          // one file per language, fetched on intent with the rest rather than a round trip more once
          // the query has run (search-preload.ts). Entries: every page and record, in two languages.
          // The site's reviewed aliases, checked against the dictionary before they reach the index.
          const aliasFile = path.join(root, 'src', 'content', 'search-aliases', 'aliases.json');
          const aliases = parseAliases(JSON.parse(await readFile(aliasFile, 'utf8')), dictionary);
          const records = await Promise.all(
            LOCALES.map(async (lang) => {
              const labels = JSON.parse(
                await readFile(path.join(root, 'src', 'content', 'i18n', `${lang}.json`), 'utf8'),
              ) as SearchLabels;
              return searchRecords(dictionary, lang, labels, aliasesByIndicator(aliases, lang));
            }),
          );
          const pages = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html')).length;
          const entries = pages + records.flat().length;
          const maxFragments = Math.max(1, Math.ceil(entries / LOCALES.length / FRAGMENT_GROUP_ENTRIES));
          const { index } = assertOk(await pagefind.createIndex({ maxFragments }), 'start');
          if (!index) throw new Error('Pagefind returned no index. Hint: is the `pagefind` package installed?');
          const { page_count } = assertOk(await index.addDirectory({ path: outDir }), 'index the pages');
          for (const record of records.flat()) assertOk(await index.addCustomRecord(record), `index ${record.url}`);
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
          logger.info(`Search index: ${page_count} pages and ${records.flat().length} dictionary records in ${ms} ms.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
