// The built site as the end-to-end tests see it: every HTML page under dist/ and its URL path.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './seed.ts';

/** The build output folder. */
export const distDir = path.join(projectRoot, 'dist');

/** Top-level folders of dist/ that hold no pages: the search index and bundled assets. */
const NOT_PAGES = new Set(['pagefind', '_astro', 'assets']);

/** A built page: its URL path (`/`, `/kompetensi/`, `/404.html`) and its file. */
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

/** Every HTML page of the build, sorted by path. Throws when there is no build. */
export function builtPages(): BuiltPage[] {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`${distDir} has no built site. Run \`npm run build\` first.`);
  }
  const pages: BuiltPage[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const relative = path.relative(distDir, full);
      if (statSync(full).isDirectory()) {
        if (!(dir === distDir && NOT_PAGES.has(name))) walk(full);
      } else if (name.endsWith('.html')) {
        pages.push({ path: urlPathOf(relative), file: full });
      }
    }
  };
  walk(distDir);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

/** Whether a same-origin URL path is a file of the build (for links to non-page assets). */
export function isBuiltFile(urlPath: string): boolean {
  const file = path.join(distDir, decodeURIComponent(urlPath));
  return file.startsWith(distDir) && existsSync(file) && statSync(file).isFile();
}
