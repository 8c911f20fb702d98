/**
 * The one walker of a build folder's HTML pages, with the URL path each is served at: the post-build
 * passes (search index, finishing the pages), the link check, the benchmark and the tests all list
 * pages through `builtPages`, so they agree on what a page is.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Top-level folders of a build that hold no pages: the search index and bundled assets. */
const NOT_PAGES = new Set(['pagefind', '_astro', 'assets']);

/** A built page: its URL path below the base (`/`, `/kompetensi/`, `/404.html`) and its file. */
export interface BuiltPage {
  path: string;
  file: string;
}

/** The URL path a built HTML file is served at (`x/index.html` -> `/x/`, `404.html` -> `/404.html`). */
export function urlPathOf(relativeFile: string): string {
  const posix = relativeFile.split(path.sep).join('/');
  if (posix === 'index.html') return '/';
  if (posix.endsWith('/index.html')) return `/${posix.slice(0, -'index.html'.length)}`;
  return `/${posix}`;
}

/** Every HTML page of a build folder, sorted by path. Throws when the folder holds no build. */
export function builtPages(distDir: string): BuiltPage[] {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`${distDir} has no built site. Run \`npm run build\` first.`);
  }
  return readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(distDir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !NOT_PAGES.has(file.split(path.sep)[0]!))
    .map((file) => ({ path: urlPathOf(file), file: path.join(distDir, file) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
