/**
 * The growth bench: builds synthetic dictionaries of increasing size (`content-generator.ts`) in
 * temporary copies of the project and measures what a build costs and what its pages weigh, so the
 * README can say how cost grows with the dictionary.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkContent } from '../src/lib/load-files.ts';
import { buildSite, gzipSize, htmlFiles, stats } from './common.ts';
import { syntheticProject, type GrowthSize } from './content-generator.ts';

/** The sizes the issue names: about the real site, ten times it, a hundred times its competencies. */
export const GROWTH_SIZES: GrowthSize[] = [
  { competencies: 3, roles: 4 },
  { competencies: 30, roles: 20 },
  { competencies: 300, roles: 40 },
];

/** What one synthetic build cost and produced. */
export interface GrowthFigures extends GrowthSize {
  pages: number;
  buildMs: number;
  pagesPerSecond: number;
  /** Build time per dictionary entry (competency or role), the figure compared across sizes. */
  msPerEntry: number;
  htmlGzip: { median: number; max: number };
  /** All CSS and all JS of the build, gzip. */
  cssGzip: number;
  jsGzip: number;
  /** The two tool pages, whose props grow with the dictionary. */
  matrixPageGzip: number;
  selfCheckPageGzip: number;
  /** Pagefind's files per language (index, fragments, filters, metadata, its WebAssembly). */
  searchIndexBytes: Record<string, number>;
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });

/** Bytes of Pagefind's files per language: names carry the language (`id_…`, `wasm.id.pagefind`). */
export function searchIndexBytes(dist: string, languages: string[]): Record<string, number> {
  const files = filesUnder(path.join(dist, 'pagefind'));
  return Object.fromEntries(
    languages.map((lang) => [
      lang,
      files
        .filter((file) => new RegExp(`(^|[./])${lang}[_.]`).test(path.basename(file)))
        .reduce((sum, file) => sum + statSync(file).size, 0),
    ]),
  );
}

const gzipOfAll = (files: string[]) => files.reduce((sum, file) => sum + gzipSize(readFileSync(file)), 0);

/** Generates, checks, builds and measures one size; the temporary copy is removed afterwards. */
export async function measureGrowth(projectRoot: string, size: GrowthSize): Promise<GrowthFigures> {
  const dir = await syntheticProject(projectRoot, size);
  try {
    const { dictionary, issues } = await checkContent(dir);
    if (!dictionary) throw new Error(`the synthetic content does not validate: ${JSON.stringify(issues.slice(0, 3))}`);
    const { buildMs } = await buildSite(dir);
    const dist = path.join(dir, 'dist');
    const pages = htmlFiles(dist);
    const html = stats(pages.map((file) => gzipSize(readFileSync(file))));
    const assets = filesUnder(path.join(dist, '_astro'));
    return {
      ...size,
      pages: pages.length,
      buildMs,
      pagesPerSecond: pages.length / (buildMs / 1000),
      msPerEntry: buildMs / (size.competencies + size.roles),
      htmlGzip: { median: html.median, max: html.max },
      cssGzip: gzipOfAll(assets.filter((file) => file.endsWith('.css'))),
      jsGzip: gzipOfAll(assets.filter((file) => file.endsWith('.js'))),
      matrixPageGzip: gzipSize(readFileSync(path.join(dist, 'matriks/index.html'))),
      selfCheckPageGzip: gzipSize(readFileSync(path.join(dist, 'cek-mandiri/index.html'))),
      searchIndexBytes: searchIndexBytes(dist, ['id', 'en']),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
