/**
 * Astro integration that finishes every built page once the build is done: first mends the invalid
 * markup dependencies write (`dependency-markup.ts`), then tells the search trigger which index
 * files to fetch on intent (`search-preload.ts`), then completes the page's
 * Content-Security-Policy with the hashes of its inline scripts (`csp.ts`).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { addInlineScriptHashes } from './csp.ts';
import { fixDependencyMarkup } from './dependency-markup.ts';
import { addSearchFiles, writtenBundles, type SearchBundle } from './search-preload.ts';

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith('.html')) yield full;
  }
}

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
        for await (const file of htmlFiles(fileURLToPath(dir))) {
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
