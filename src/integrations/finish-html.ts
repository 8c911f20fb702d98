/**
 * Astro integration that finishes every built page once the build is done: first mends the invalid
 * markup dependencies write (`dependency-markup.ts`), then tells the search trigger which index
 * files to fetch on intent (`search-preload.ts`), then completes the page's
 * Content-Security-Policy with the hashes of its inline scripts (`csp.ts`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { builtPages } from './built-pages.ts';
import { addInlineScriptHashes } from './csp.ts';
import { fixDependencyMarkup } from './dependency-markup.ts';
import { addSearchFiles, writtenBundles, type SearchBundle } from './search-preload.ts';

/** Each page through the passes; the hashes come last so they cover the scripts as served. */
export const finishPage = (html: string, bundles: ReadonlyMap<string, SearchBundle> = writtenBundles) =>
  addInlineScriptHashes(addSearchFiles(fixDependencyMarkup(html), bundles));

/** The integration: rewrites each built HTML page that the passes change. */
export function finishHtml(): AstroIntegration {
  return {
    name: 'kamus:finish-html',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let changed = 0;
        for (const { file } of builtPages(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const updated = finishPage(html);
          if (updated !== html) {
            await writeFile(file, updated);
            changed += 1;
          }
        }
        logger.info(`Finished ${changed} page(s): dependency markup mended, inline script hashes in their CSP.`);
      },
    },
  };
}
