/** The HTML pages of a build folder and the URL paths they are served at, for the link check and the tests. */
import { existsSync, readdirSync, statSync } from 'node:fs';
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
  const pages: BuiltPage[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (!(dir === distDir && NOT_PAGES.has(name))) walk(full);
      } else if (name.endsWith('.html')) {
        pages.push({ path: urlPathOf(path.relative(distDir, full)), file: full });
      }
    }
  };
  walk(distDir);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}
