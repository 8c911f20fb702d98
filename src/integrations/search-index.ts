/**
 * Astro integration that rebuilds Pagefind's index once the build is done: the built pages, as
 * Starlight indexes them, plus the dictionary's own search records (`search-records.ts`): one per
 * indicator, level and glossary term in each language, with type and level filters. Starlight's
 * search UI reads the same files, so it shows those records and filters as it shows pages.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { checkContent } from '../lib/load-files.ts';
import { LOCALES } from '../lib/schema.ts';
import { aliasesByIndicator, parseAliases } from '../lib/search-aliases.ts';
import { searchRecords, type SearchLabels } from '../lib/search-records.ts';
import { formatIssues } from '../lib/validate.ts';

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
          const { index } = assertOk(await pagefind.createIndex(), 'start');
          if (!index) throw new Error('Pagefind returned no index. Hint: is the `pagefind` package installed?');
          const { page_count } = assertOk(await index.addDirectory({ path: outDir }), 'index the pages');
          // The site's reviewed aliases, checked against the dictionary before they reach the index.
          const aliasFile = path.join(root, 'src', 'content', 'search-aliases', 'aliases.json');
          const aliases = parseAliases(JSON.parse(await readFile(aliasFile, 'utf8')), dictionary);
          let records = 0;
          for (const lang of LOCALES) {
            const labels = JSON.parse(
              await readFile(path.join(root, 'src', 'content', 'i18n', `${lang}.json`), 'utf8'),
            ) as SearchLabels;
            for (const record of searchRecords(dictionary, lang, labels, aliasesByIndicator(aliases, lang))) {
              assertOk(await index.addCustomRecord(record), `index ${record.url}`);
              records += 1;
            }
          }
          assertOk(await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') }), 'write the index');
          const ms = Math.round(performance.now() - started);
          logger.info(`Search index: ${page_count} pages and ${records} dictionary records in ${ms} ms.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
