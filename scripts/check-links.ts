/**
 * Link check of a finished build, run by `npm run build` after `astro build`: serves the build the
 * way a host would (Astro's preview server, under `BASE` when one is set), has linkinator follow
 * every link and `#fragment` of every page in both languages, and exits 1 naming each broken link and
 * the page it is on. Links to the configured `SITE` (canonical and hreflang URLs) are checked against
 * the local copy; links to other sites are not followed (the build must not need a network).
 *
 * Flags: `--dist=<folder>` checks another build folder (the tests use a copy).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'astro';
import { LinkChecker, type LinkResult } from 'linkinator';
import { builtPages } from '../src/integrations/built-pages.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const distOption = process.argv.find((arg) => arg.startsWith('--dist='))?.slice('--dist='.length);
const distDir = path.resolve(root, distOption ?? 'dist');

/** The base path as Astro normalises it: `/` or `/kamus-lpse/`. */
const base = `/${(process.env.BASE ?? '').split('/').filter(Boolean).join('/')}/`.replace('//', '/');
const site = new URL(process.env.SITE || 'https://kamus-lpse.example.org');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Broken links as `page -> link (reason)` lines, from linkinator's results. */
export function describeBroken(links: LinkResult[], localOrigin: string): string[] {
  const local = (url: string | undefined) => (url ?? '').replace(localOrigin, '') || '(start)';
  return links
    .filter((link) => link.state === 'BROKEN')
    .map((link) => {
      const reason = link.status === 200 ? 'no element with this id' : `HTTP ${link.status ?? 'error'}`;
      return `${local(link.parent)} -> ${local(link.url)} (${reason})`;
    })
    .sort();
}

const pages = builtPages(distDir);
const server = await preview({
  root,
  outDir: distDir,
  base,
  logLevel: 'error',
  server: { host: '127.0.0.1', port: 0 },
});
const localOrigin = `http://127.0.0.1:${server.port}`;
const started = performance.now();
try {
  const result = await new LinkChecker().check({
    path: pages.map((page) => `${localOrigin}${base}${page.path.slice(1)}`),
    recurse: true,
    checkFragments: true,
    concurrency: 20,
    timeout: 10_000,
    // The site's own absolute URLs are checked against the local copy; nothing else leaves the machine.
    urlRewriteExpressions: [{ pattern: new RegExp(`^${escape(site.origin)}`), replacement: localOrigin }],
    linksToSkip: async (url) => !url.startsWith(`${localOrigin}/`) && !url.startsWith(`${site.origin}/`),
  });
  const checked = result.links.filter((link) => link.state !== 'SKIPPED').length;
  const broken = describeBroken(result.links, localOrigin);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (broken.length > 0) {
    console.error(`✗ ${broken.length} broken link(s) in the build (page -> link):\n${broken.join('\n')}`);
    console.error('Hint: fix the link in the page’s source, or the id it points to, then build again.');
    process.exitCode = 1;
  } else {
    console.log(`✓ Links: ${checked} links and fragments on ${pages.length} pages resolve (${seconds} s).`);
  }
} finally {
  await server.stop();
}
