/**
 * `npm run bench`: builds the site and measures it against the performance budgets.
 *
 * 1. Build: `astro build` time, HTML pages and their gzip size, CSS, and every Preact island's
 *    own JS against the shared Preact runtime (followed through the chunks' static imports).
 * 2. First load: every page of the build opened cold in Chromium, every response gzipped as a
 *    host serves it, against the page budgets (content pages, the four tools), and no search file
 *    fetched before intent.
 * 3. Search on Lighthouse's slow-4G profile: from intent (Ctrl+K, the query typed at once) to the
 *    first results, and from a key press to the updated results once loaded; over HTTP/2, as
 *    static hosts serve, and over HTTP/1.1 for comparison.
 * 4. Matrix at scale: the real `MatrixExplorer` with a synthetic 40 roles x 300 competencies
 *    dictionary, in the real matrix page of the build, in Chromium: mount, filters, cell details,
 *    transpose and compare.
 * 5. Growth (`bench/growth.ts`): whole builds of synthetic dictionaries of 3, 30 and 300
 *    competencies (4, 20, 40 roles): time, pages/s, time per entry, page, CSS, JS and index sizes.
 * 6. Report: a table per section, then each budget against its figure. Exits 1 when one is missed.
 *
 * Flags: `--json` also writes the figures to bench-results.json; `--skip-build` measures the
 * existing dist/ instead of building; `--skip-first-load`, `--skip-search`, `--skip-matrix`, `--skip-rollup` and
 * `--skip-growth` (minutes of building) leave out a section; `--runs=N` repeats each browser
 * measurement N times (5).
 * Every measurement is a function returning plain figures, so later benches can reuse them.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import type { Browser } from 'playwright-core';
import { buildSite, gzipSize, htmlFiles, openPage, serve, stats, type Stats } from '../bench/common.ts';
import type { FilterKind, HarnessWindow, InteractionTiming, MountMode, MountTiming } from '../bench/harness-api.ts';
import { labelsFor, syntheticMatrix } from '../bench/synthetic.ts';
import { launchChromium } from './lib/chromium.ts';
import { GROWTH_SIZES, measureGrowth, type GrowthFigures } from '../bench/growth.ts';
import { visibleRoles, type MatrixData } from '../src/lib/matrix.ts';
import { ROLLUP_STAFF, measureRollup, type RollupFigures } from '../bench/rollup.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = path.join(root, 'dist');
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];

/** The budgets of the matrix, quality-gates and page-weight issues. */
export const BUDGETS = {
  /** The matrix island's own JS, gzip, beyond the shared Preact runtime. */
  islandOwnGzip: 10 * 1024,
  /** Mount (hydration until painted), filters and cell selection of the 40 x 300 matrix, median, in Chromium. */
  interactionMs: 100,
  /** A filter or a transpose of the 40 x 300 matrix until the next frame is painted, median. */
  matrixFrameMs: 200,
  /** Every response of a content page's first visit, gzip. */
  contentPageGzip: 30 * 1024,
  /** Every response of a first visit of the matrix or the self-check, gzip. */
  toolPageGzip: 50 * 1024,
  /** On slow 4G (HTTP/2): from intent to the first result shown, median. */
  searchFirstResultMs: 1500,
  /** Once the search has loaded: a key press until the results of the longer query show, median. */
  searchKeystrokeMs: 100,
  /** The unit roll-up island's own JS, gzip, beyond the shared Preact runtime (issue 15). */
  rollupIslandOwnGzip: 15 * 1024,
  /** Importing 200 staff files into the roll-up and drawing every view, median, in Chromium. */
  rollupImportMs: 300,
  /** The real site's `astro build` on a 2-core machine. */
  realBuildMs: 20_000,
  /** Build time per entry at 300 competencies against that at 30, at most. */
  growthPerEntryRatio: 1.5,
};

/** The search measured: a word typed at once, then letters typed one by one to narrow it. */
export const SEARCH_QUERY = { query: 'layanan', more: ' lpse' };

/** The synthetic dictionary the matrix is measured with. */
export const MATRIX_SIZE = { roles: 40, competencies: 300, seed: 20240601 };

// ---------------------------------------------------------------------------------------------
// Figures and formatting

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Prints a titled table; figures (cells starting with a digit) are right-aligned. */
export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((cell, col) => Math.max(cell.length, ...rows.map((row) => row[col]!.length)));
  const numeric = header.map((_, col) => rows.length > 0 && rows.every((row) => /^\d/.test(row[col]!)));
  const line = (cells: string[]) =>
    cells
      .map((cell, col) => (numeric[col] ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!)))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}\n${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

// ---------------------------------------------------------------------------------------------
// 1. Build and output sizes

export interface PageSizes {
  pages: number;
  totalBytes: number;
  totalGzip: number;
  medianGzip: number;
  largest: { page: string; gzip: number };
}

export function measurePages(dist: string): PageSizes {
  const sizes = htmlFiles(dist).map((file) => {
    const content = readFileSync(file);
    return { page: path.relative(dist, file), bytes: content.length, gzip: gzipSize(content) };
  });
  if (sizes.length === 0) throw new Error(`${dist} has no HTML pages`);
  const largest = sizes.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  return {
    pages: sizes.length,
    totalBytes: sizes.reduce((sum, size) => sum + size.bytes, 0),
    totalGzip: sizes.reduce((sum, size) => sum + size.gzip, 0),
    medianGzip: stats(sizes.map((size) => size.gzip)).median,
    largest: { page: largest.page, gzip: largest.gzip },
  };
}

/** Sizes of the stylesheets: every CSS file of the build, and what one page loads. */
export interface CssSizes {
  files: number;
  totalGzip: number;
  /** The page's linked screen stylesheets plus its inline `<style>` blocks. */
  pageGzip: number;
}

export function measureCss(dist: string, pageFile: string): CssSizes {
  const assets = path.join(dist, '_astro');
  const files = readdirSync(assets).filter((name) => name.endsWith('.css'));
  const html = readFileSync(pageFile, 'utf8');
  const linked = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => /rel="stylesheet"/.test(tag) && !/media="print"/.test(tag))
    .map((tag) => /href="([^"]+)"/.exec(tag)![1]!);
  const inline = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map(([, css]) => css!);
  return {
    files: files.length,
    totalGzip: files.reduce((sum, name) => sum + gzipSize(readFileSync(path.join(assets, name))), 0),
    pageGzip: gzipSize(
      linked.map((href) => readFileSync(assetFile(dist, href), 'utf8')).join('\n') + inline.join('\n'),
    ),
  };
}

/** The file of a built asset URL such as `/_astro/x.js` (whatever the configured base). */
export function assetFile(dist: string, url: string): string {
  const at = url.indexOf('_astro/');
  if (at < 0) throw new Error(`${url} is not a built asset`);
  return path.join(dist, url.slice(at));
}

/** An island on a page: its component chunk and its framework renderer chunk. */
export interface IslandRef {
  component: string;
  renderer: string;
}

/** The islands of a page, from its `<astro-island>` elements. */
export function islandsOn(dist: string, html: string): IslandRef[] {
  return [...html.matchAll(/<astro-island\b[^>]*>/g)].map(([tag]) => {
    const attribute = (name: string) => {
      const value = new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1];
      if (!value) throw new Error(`an astro-island has no ${name}`);
      return assetFile(dist, value);
    };
    return { component: attribute('component-url'), renderer: attribute('renderer-url') };
  });
}

/** The chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import()`. */
export function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const specifiers = [...code.matchAll(/(?:\bfrom|\bimport)\s*(["'])(\.{1,2}\/[^"']+)\1/g)].map(([, , spec]) => spec!);
  return [...new Set(specifiers)].map((spec) => path.resolve(path.dirname(file), spec));
}

/** A chunk and everything it imports statically, transitively. */
export function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    staticImports(file).forEach(visit);
  };
  visit(entry);
  return seen;
}

/** One island's JS: its own chunks against the shared runtime, gzip. */
export interface IslandSizes {
  name: string;
  /** The component chunk plus the chunks only it imports. */
  own: { chunk: string; gzip: number }[];
  ownGzip: number;
  /** The renderer and its imports, plus chunks this island shares with other islands (Preact). */
  runtime: { chunk: string; gzip: number }[];
  runtimeGzip: number;
}

/**
 * Splits each island's JS into its own chunks and the runtime it shares. `pages` are the HTML
 * files searched for islands: an island's chunk counts as shared when another island (on any of
 * them) or the renderer also loads it.
 */
export function measureIslands(dist: string, pages: string[]): IslandSizes[] {
  const refs = new Map<string, IslandRef>();
  for (const page of pages) {
    for (const ref of islandsOn(dist, readFileSync(page, 'utf8'))) refs.set(ref.component, ref);
  }
  const closures = new Map([...refs.keys()].map((component) => [component, staticClosure(component)]));
  const sized = (files: Iterable<string>) =>
    [...files]
      .map((file) => ({ chunk: path.basename(file), gzip: gzipSize(readFileSync(file)) }))
      .sort((a, b) => b.gzip - a.gzip);
  const sum = (chunks: { gzip: number }[]) => chunks.reduce((total, chunk) => total + chunk.gzip, 0);
  return [...refs.values()].map(({ component, renderer }) => {
    const mine = closures.get(component)!;
    const shared = new Set(staticClosure(renderer));
    for (const [other, closure] of closures) {
      if (other !== component) closure.forEach((file) => mine.has(file) && shared.add(file));
    }
    const own = sized([...mine].filter((file) => !shared.has(file)));
    const runtime = sized(shared);
    return {
      name: path.basename(component).replace(/\.[\w-]+\.js$/, ''),
      own,
      ownGzip: sum(own),
      runtime,
      runtimeGzip: sum(runtime),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// 1b. First load: every response a first visit makes, gzipped as a host would serve it

/** One response of a first visit. */
export interface LoadedResource {
  url: string;
  gzip: number;
}

/** What a first visit of one page fetched. */
export interface FirstLoad {
  path: string;
  gzip: number;
  resources: LoadedResource[];
  /** Responses of the search (Pagefind's UI, runtime, WebAssembly or index) fetched without intent. */
  searchRequests: string[];
}

/**
 * The interactive tools (matrix, self-check, feedback, unit roll-up), in both languages: they may weigh
 * more than a content page (the same list as tests/e2e/budgets.test.ts).
 */
export const TOOL_PATHS = ['/matriks/', '/cek-mandiri/', '/masukan/', '/rekap-unit/'].flatMap((tool) => [
  tool,
  `/en${tool}`,
]);

/** The site path of each built page (`dist/kompetensi/index.html` -> `/kompetensi/`). */
export const sitePaths = (dist: string) =>
  htmlFiles(dist)
    .map((file) => `/${path.relative(dist, file).replace(/index\.html$/, '')}`)
    .filter((sitePath) => sitePath.endsWith('/'));

/** Site paths of search code or data: fetched only once a visitor shows they want to search. */
export const isSearchRequest = (url: string) => /\/pagefind\/|\/_astro\/(?:ui-core|search-ui)[^/]*\.js/.test(url);

/**
 * Opens each page in a fresh context (nothing cached), waits for the network to settle, scrolls to
 * the end (so islands that hydrate when visible load too) and sums every response body, gzipped.
 */
export async function measureFirstLoad(browser: Browser, origin: string, paths: string[]): Promise<FirstLoad[]> {
  const loads: FirstLoad[] = [];
  for (const sitePath of paths) {
    const { page, errors } = await openPage(browser, origin);
    const bodies: Promise<LoadedResource>[] = [];
    page.on('response', (response) =>
      bodies.push(
        response.body().then(
          (body) => ({ url: response.url(), gzip: gzipSize(body) }),
          () => ({ url: response.url(), gzip: 0 }),
        ),
      ),
    );
    await page.goto(`${origin}${sitePath}`);
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    const resources = await Promise.all(bodies);
    await page.context().close();
    if (errors.length) throw new Error(`${sitePath}: ${errors.join('; ')}`);
    loads.push({
      path: sitePath,
      gzip: resources.reduce((sum, resource) => sum + resource.gzip, 0),
      resources: resources.map(({ url, gzip }) => ({ url: new URL(url).pathname, gzip })),
      searchRequests: resources.map(({ url }) => new URL(url).pathname).filter(isSearchRequest),
    });
  }
  return loads;
}

// ---------------------------------------------------------------------------------------------
// 1c. Search on a slow phone network

/**
 * Lighthouse's "slow 4G" profile (lighthouse `core/lib/lantern/simulation/constants.js`,
 * `mobileSlow4G`: RTT 150 ms, 1.6 Mbps down, 750 kbps up) as its DevTools throttling applies it
 * (`core/lib/emulation.js`): every request waits `rtt * 3.75` = 562.5 ms and throughput is 90% of
 * the profile, in bytes per second for CDP's `Network.emulateNetworkConditions`.
 */
export const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: Math.floor((1.6 * 1024 * 0.9 * 1024) / 8),
  uploadThroughput: Math.floor((750 * 0.9 * 1024) / 8),
} as const;

/** Timings of searches on a page, in milliseconds from the key press. */
export interface SearchFigures {
  runs: number;
  query: string;
  /** Intent (Ctrl+K, then the query typed at once) until the result count is shown. */
  intentToCountMs: Stats;
  /** Intent until the first result's title link is shown (its fragment fetched). */
  intentToFirstResultMs: Stats;
  /** Once loaded: a key press until the results of the longer query are counted on screen. */
  keystrokeMs: Stats;
  /** Bytes (transferred, gzip where the server compresses) of the search's own requests. */
  searchBytes: number;
  searchRequests: number;
}

/**
 * Opens a page on the slow-4G profile, waits until it has loaded, then presses Ctrl+K and types
 * `query` at once, as someone who knows what they want. Times, in the page, until the result count
 * and the first result show; then types `more` a letter at a time and times each key press until
 * the count for the longer query shows. Each run is a fresh context: nothing cached.
 */
export async function measureSearch(
  browser: Browser,
  origin: string,
  sitePath: string,
  query: string,
  more: string,
  runs: number,
): Promise<SearchFigures> {
  const toCount: number[] = [];
  const toFirst: number[] = [];
  const keystrokes: number[] = [];
  let searchBytes = 0;
  let searchRequests = 0;
  for (let run = 0; run < runs; run++) {
    // No request routing here (it would sit between the page and the throttled network).
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    const sizes = new Map<string, number>();
    const urls = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
    cdp.on('Network.loadingFinished', (event) => sizes.set(event.requestId, event.encodedDataLength));
    await page.goto(`${origin}${sitePath}`);
    await page.waitForLoadState('networkidle');
    const before = new Set(sizes.keys());
    // Records, in the page, when each awaited state first holds after a key press.
    await page.evaluate(() => {
      const marks: Record<string, number> = {};
      (window as unknown as { __searchMarks: typeof marks }).__searchMarks = marks;
      addEventListener('keydown', (event) => (marks[`key:${event.key}`] ??= performance.now()), { capture: true });
      const check = () => {
        const message = document.querySelector('.pagefind-ui__results-area .pagefind-ui__message');
        const input = document.querySelector<HTMLInputElement>('.pagefind-ui__search-input:not([data-search-shell] *)');
        // The count for the current query: Pagefind writes it once the search has run.
        if (
          message &&
          input &&
          document.querySelector('.pagefind-ui__results') &&
          message.textContent?.includes(input.value.trim())
        )
          marks[`count:${input.value}`] ??= performance.now();
        if (document.querySelector('.pagefind-ui__result-link')) marks['first'] ??= performance.now();
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    type Marks = Record<string, number>;
    const marks = () => page.evaluate(() => (window as unknown as { __searchMarks: Marks }).__searchMarks);
    await page.keyboard.press('Control+k');
    await page.keyboard.type(query);
    await page.waitForFunction(() => (window as unknown as { __searchMarks: Marks }).__searchMarks['first'], null, {
      timeout: 60_000,
    });
    let typed = query;
    const start = (await marks())['key:k']!;
    const afterQuery = await page.waitForFunction(
      (full) => (window as unknown as { __searchMarks: Marks }).__searchMarks[`count:${full}`],
      query,
      { timeout: 60_000 },
    );
    await afterQuery.dispose();
    const loaded = await marks();
    toCount.push(loaded[`count:${query}`]! - start);
    toFirst.push(loaded['first']! - start);
    for (const letter of more) {
      await page.evaluate(
        (key) => delete (window as unknown as { __searchMarks: Marks }).__searchMarks[`key:${key}`],
        letter,
      );
      await page.keyboard.type(letter);
      typed += letter;
      await page.waitForFunction(
        (full) => (window as unknown as { __searchMarks: Marks }).__searchMarks[`count:${full}`],
        typed,
        { timeout: 60_000 },
      );
      const now = await marks();
      keystrokes.push(now[`count:${typed}`]! - now[`key:${letter}`]!);
    }
    await page.waitForLoadState('networkidle');
    const added = [...sizes].filter(([id]) => !before.has(id));
    searchBytes += added.reduce((sum, [, size]) => sum + size, 0) / runs;
    searchRequests += added.length / runs;
    if (errors.length) throw new Error(`search on ${sitePath}: ${errors.join('; ')}`);
    await page.context().close();
  }
  return {
    runs,
    query,
    intentToCountMs: stats(toCount),
    intentToFirstResultMs: stats(toFirst),
    keystrokeMs: stats(keystrokes),
    searchBytes: Math.round(searchBytes),
    searchRequests: Math.round(searchRequests),
  };
}

// ---------------------------------------------------------------------------------------------
// 2. The matrix island at scale, in Chromium

/** Bundles the harness page script (the real island, minified, production Preact). */
export async function bundleHarness(projectRoot: string, outFile: string): Promise<number> {
  await esbuild({
    absWorkingDir: projectRoot,
    entryPoints: [path.join(projectRoot, 'bench/matrix-harness.tsx')],
    outfile: outFile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return statSync(outFile).size;
}

/** The matrix page of the build with its island replaced by the harness and synthetic props. */
export function harnessPage(pageHtml: string, props: unknown, script: string): string {
  const island = /<astro-island\b[\s\S]*?<\/astro-island>/;
  if (!island.test(pageHtml)) throw new Error('the matrix page has no <astro-island>');
  // Inside <script>, "<" is escaped so no text can close the element.
  const json = JSON.stringify(props).replace(/</g, '\\u003c');
  return pageHtml.replace(
    island,
    () =>
      `<div id="root"></div><script type="application/json" id="matrix-props">${json}</script>` +
      `<script type="module" src="${script}"></script>`,
  );
}

/** Figures of the matrix at scale. */
export interface MatrixFigures {
  size: { roles: number; competencies: number; indicators: number; cells: number };
  propsBytes: number;
  propsGzip: number;
  harnessBytes: number;
  chromium: string;
  runs: number;
  mount: Record<MountMode, { parseMs: Stats; firstRenderMs: Stats; domMs: Stats; frameMs: Stats }>;
  filterPick: { domMs: Stats; frameMs: Stats };
  filterClear: { domMs: Stats; frameMs: Stats };
  positionPick: { domMs: Stats; frameMs: Stats };
  positionClear: { domMs: Stats; frameMs: Stats };
  selectCell: { domMs: Stats; frameMs: Stats };
  transpose: { domMs: Stats; frameMs: Stats };
  transposeBack: { domMs: Stats; frameMs: Stats };
  compare: { domMs: Stats; frameMs: Stats };
}

// Run in the page (Playwright sends their source): thin calls into the harness API.
const filter = ([kind, value, names]: readonly [FilterKind, string, string[]]) =>
  (window as unknown as HarnessWindow).bench.filter(kind, value, names);
const selectCell = ([row, col, title]: readonly [number, number, string]) =>
  (window as unknown as HarnessWindow).bench.selectCell(row, col, title);
const transpose = ([on, corner]: readonly [boolean, string]) =>
  (window as unknown as HarnessWindow).bench.transpose(on, corner);
const compare = ([from, to, rows]: readonly [number, number, number]) =>
  (window as unknown as HarnessWindow).bench.compare(from, to, rows);

const timingStats = (timings: InteractionTiming[]) => ({
  domMs: stats(timings.map((timing) => timing.domMs)),
  frameMs: stats(timings.map((timing) => timing.frameMs)),
});

/**
 * Mounts the explorer with `data` in the built matrix page `runs` times per mode (a fresh page
 * each time, so every mount starts cold), then times filter changes, cell selections, turning
 * the table and comparing two roles.
 */
export async function measureMatrix(dist: string, data: MatrixData, runs: number): Promise<MatrixFigures> {
  const labels = labelsFor(root, 'id');
  const props = { data, labels };
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'kamus-bench-'));
  const scriptFile = path.join(workDir, 'matrix-harness.js');
  const pageFile = path.join(workDir, 'index.html');
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let browser: Browser | undefined;
  try {
    const harnessBytes = await bundleHarness(root, scriptFile);
    writeFileSync(
      pageFile,
      harnessPage(readFileSync(path.join(dist, 'matriks/index.html'), 'utf8'), props, '/__bench/matrix-harness.js'),
    );
    const { origin } = (server = await serve(dist, {
      '/matriks/': { file: pageFile },
      '/__bench/matrix-harness.js': { file: scriptFile },
    }));
    const chrome = (browser = await launchChromium());
    const mount = async (mode: MountMode) => {
      const { page, errors } = await openPage(chrome, origin);
      await page.goto(`${origin}/matriks/`);
      const timing = await page.evaluate((how) => (window as unknown as HarnessWindow).bench.mount(how), mode);
      const expectedCells = data.roles.length * data.competencies.length;
      if (timing.cells !== expectedCells) throw new Error(`${mode}: ${timing.cells} cells, expected ${expectedCells}`);
      if (timing.tabStops !== 1) throw new Error(`${mode}: ${timing.tabStops} tab stops in the grid, expected 1`);
      if (errors.length) throw new Error(`${mode}: ${errors.join('; ')}`);
      return { page, errors, timing };
    };
    const mountFigures = {} as MatrixFigures['mount'];
    let last: Awaited<ReturnType<typeof mount>> | undefined;
    for (const mode of ['render', 'hydrate'] as const) {
      const timings: MountTiming[] = [];
      for (let run = 0; run < runs; run++) {
        if (last) await last.page.context().close();
        last = await mount(mode);
        timings.push(last.timing);
      }
      mountFigures[mode] = {
        parseMs: stats(timings.map((t) => t.parseMs)),
        firstRenderMs: stats(timings.map((t) => t.firstRenderMs)),
        domMs: stats(timings.map((t) => t.domMs)),
        frameMs: stats(timings.map((t) => t.frameMs)),
      };
    }

    // Interactions on the last hydrated page, as a visitor of the site would meet them.
    const { page, errors } = last!;
    const roleNames = (filters: { status?: string; position?: string }) =>
      visibleRoles(data, { status: filters.status ?? null, position: filters.position ?? null }).map(
        (index) => data.roles[index]!.name,
      );
    const picks: InteractionTiming[] = [];
    const clears: InteractionTiming[] = [];
    const positionPicks: InteractionTiming[] = [];
    const positionClears: InteractionTiming[] = [];
    for (let run = 0; run < runs; run++) {
      const status = data.statuses[run % data.statuses.length]!.key;
      picks.push(await page.evaluate(filter, ['status', status, roleNames({ status })] as const));
      clears.push(await page.evaluate(filter, ['status', '', roleNames({})] as const));
      const position = data.positions[run % data.positions.length]!.key;
      positionPicks.push(await page.evaluate(filter, ['position', position, roleNames({ position })] as const));
      positionClears.push(await page.evaluate(filter, ['position', '', roleNames({})] as const));
    }
    const selections: InteractionTiming[] = [];
    for (let run = 0; run < runs; run++) {
      const row = Math.floor(((run + 0.5) * data.competencies.length) / runs);
      const col = (run * 7 + 3) % data.roles.length;
      const title = `${data.roles[col]!.name} · ${data.competencies[row]!.name}`;
      await page.evaluate(() => (window as unknown as HarnessWindow).bench.closeDetail());
      selections.push(await page.evaluate(selectCell, [row, col, title] as const));
    }
    await page.evaluate(() => (window as unknown as HarnessWindow).bench.closeDetail());
    const turns: InteractionTiming[] = [];
    const turnsBack: InteractionTiming[] = [];
    for (let run = 0; run < runs; run++) {
      turns.push(await page.evaluate(transpose, [true, labels.role] as const));
      turnsBack.push(await page.evaluate(transpose, [false, labels.competency] as const));
    }
    const comparisons: InteractionTiming[] = [];
    for (let run = 0; run < runs; run++) {
      const from = (run * 11) % data.roles.length;
      const to = (from + 1 + run * 5) % data.roles.length;
      await page.evaluate(() => (window as unknown as HarnessWindow).bench.clearCompare());
      comparisons.push(await page.evaluate(compare, [from, to, data.competencies.length] as const));
    }
    if (errors.length) throw new Error(`interactions: ${errors.join('; ')}`);

    const json = JSON.stringify(props);
    return {
      size: {
        roles: data.roles.length,
        competencies: data.competencies.length,
        indicators: data.competencies.reduce(
          (sum, c) => sum + c.levels.reduce((n, level) => n + level.indicators.length, 0),
          0,
        ),
        cells: data.roles.length * data.competencies.length,
      },
      propsBytes: Buffer.byteLength(json),
      propsGzip: gzipSize(json),
      harnessBytes,
      chromium: chrome.version(),
      runs,
      mount: mountFigures,
      filterPick: timingStats(picks),
      filterClear: timingStats(clears),
      positionPick: timingStats(positionPicks),
      positionClear: timingStats(positionClears),
      selectCell: timingStats(selections),
      transpose: timingStats(turns),
      transposeBack: timingStats(turnsBack),
      compare: timingStats(comparisons),
    };
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Budgets and report

/** Everything one bench run measured. */
export interface BenchFigures {
  build: { buildMs: number } | null;
  pages: PageSizes;
  matrixPageGzip: number;
  css: CssSizes;
  islands: IslandSizes[];
  /** Every page's first visit; null with `--skip-first-load`. */
  firstLoad: FirstLoad[] | null;
  /** Search on slow 4G over HTTP/2 and HTTP/1.1; null with `--skip-search`. */
  search: { http2: SearchFigures; http1: SearchFigures } | null;
  /** Null with `--skip-matrix`. */
  matrix: MatrixFigures | null;
  /** The unit roll-up with `ROLLUP_STAFF` staff files; null with `--skip-rollup`. */
  rollup: RollupFigures | null;
  /** Synthetic builds of growing size; null with `--skip-growth`. */
  growth: GrowthFigures[] | null;
}

/** A budget and the figure it is checked against. */
export interface BudgetCheck {
  name: string;
  actual: number;
  limit: number;
  unit: 'bytes' | 'ms' | 'ratio' | 'count';
  ok: boolean;
}

const check = (name: string, actual: number, limit: number, unit: BudgetCheck['unit']): BudgetCheck => ({
  name,
  actual,
  limit,
  unit,
  ok: actual <= limit,
});

/**
 * The matrix issue's budgets against the figures (medians). "The page renders" is the site's own
 * path, server HTML hydrated, until the first frame painted after the grid is interactive; a
 * filter or a selection "responds" when the DOM shows the result. A client-side render is
 * reported, not budgeted: the site never renders the matrix on the client.
 */
export function checkBudgets(figures: BenchFigures): BudgetCheck[] {
  const island = figures.islands.find((entry) => entry.name === 'MatrixExplorer');
  if (!island) throw new Error('no MatrixExplorer island found in the build');
  const { matrix, firstLoad, search } = figures;
  const limit = BUDGETS.interactionMs;
  const heaviest = (loads: FirstLoad[]) => loads.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const content = firstLoad?.filter((load) => !TOOL_PATHS.includes(load.path)) ?? [];
  const tools = firstLoad?.filter((load) => TOOL_PATHS.includes(load.path)) ?? [];
  const frame = BUDGETS.matrixFrameMs;
  return [
    check('Matrix island own JS, gzip, beyond the Preact runtime', island.ownGzip, BUDGETS.islandOwnGzip, 'bytes'),
    ...(content.length
      ? [
          check(
            `First load, heaviest content page (${heaviest(content).path})`,
            heaviest(content).gzip,
            BUDGETS.contentPageGzip,
            'bytes',
          ),
        ]
      : []),
    ...(tools.length
      ? [
          check(
            `First load, heaviest tool page (${heaviest(tools).path})`,
            heaviest(tools).gzip,
            BUDGETS.toolPageGzip,
            'bytes',
          ),
        ]
      : []),
    ...(firstLoad
      ? [
          check(
            'Search files fetched before intent, all pages',
            firstLoad.reduce((n, load) => n + load.searchRequests.length, 0),
            0,
            'count',
          ),
        ]
      : []),
    ...(search
      ? [
          check(
            'Search, slow 4G: intent to first result, median',
            search.http2.intentToFirstResultMs.median,
            BUDGETS.searchFirstResultMs,
            'ms',
          ),
          check(
            'Search, loaded: key press to updated results, median',
            search.http2.keystrokeMs.median,
            BUDGETS.searchKeystrokeMs,
            'ms',
          ),
        ]
      : []),
    ...(matrix
      ? [
          check('Matrix mount: hydrate until the next frame, median', matrix.mount.hydrate.frameMs.median, limit, 'ms'),
          check('Matrix filter: pick a status, median', matrix.filterPick.domMs.median, limit, 'ms'),
          check('Matrix filter: back to all statuses, median', matrix.filterClear.domMs.median, limit, 'ms'),
          check('Matrix filter: pick a position, median', matrix.positionPick.domMs.median, limit, 'ms'),
          check('Matrix filter: back to all positions, median', matrix.positionClear.domMs.median, limit, 'ms'),
          check('Matrix cell selection, median', matrix.selectCell.domMs.median, limit, 'ms'),
          check(
            'Matrix filter until the next frame, slowest median',
            Math.max(
              matrix.filterPick.frameMs.median,
              matrix.filterClear.frameMs.median,
              matrix.positionPick.frameMs.median,
              matrix.positionClear.frameMs.median,
            ),
            frame,
            'ms',
          ),
          check(
            'Matrix transpose until the next frame, slower median',
            Math.max(matrix.transpose.frameMs.median, matrix.transposeBack.frameMs.median),
            frame,
            'ms',
          ),
        ]
      : []),
    ...rollupBudgets(figures),
    ...(figures.build ? [check('Real site: astro build', figures.build.buildMs, BUDGETS.realBuildMs, 'ms')] : []),
    ...growthBudgets(figures.growth),
  ];
}

/** The roll-up's island size and its import of 200 staff files. */
function rollupBudgets(figures: BenchFigures): BudgetCheck[] {
  const island = figures.islands.find((entry) => entry.name === 'UnitRollup');
  if (!island) throw new Error('no UnitRollup island found in the build');
  return [
    check(
      'Roll-up island own JS, gzip, beyond the Preact runtime',
      island.ownGzip,
      BUDGETS.rollupIslandOwnGzip,
      'bytes',
    ),
    ...(figures.rollup
      ? [
          check(
            `Roll-up: import ${figures.rollup.staff} staff files and draw every view, median`,
            figures.rollup.importMs.median,
            BUDGETS.rollupImportMs,
            'ms',
          ),
        ]
      : []),
  ];
}

/** Time per entry at the largest synthetic size against the middle one (300 vs 30 competencies). */
function growthBudgets(growth: GrowthFigures[] | null): BudgetCheck[] {
  if (!growth || growth.length < 3) return [];
  const [, middle, largest] = growth;
  const name = `Build time per entry, ${largest!.competencies} vs ${middle!.competencies} competencies`;
  return [check(name, largest!.msPerEntry / middle!.msPerEntry, BUDGETS.growthPerEntryRatio, 'ratio')];
}

/** Prints the figures, a table per section, and the budgets. */
export function report(figures: BenchFigures, budgets: BudgetCheck[]): void {
  const { build, pages, css, islands, matrix } = figures;
  printTable(
    'Build',
    ['Figure', 'Value'],
    [
      ['astro build', build ? ms(build.buildMs) : 'skipped (--skip-build)'],
      ['HTML pages', String(pages.pages)],
      ['HTML, all pages (raw / gzip)', `${kb(pages.totalBytes)} / ${kb(pages.totalGzip)}`],
      ['HTML per page, median gzip', kb(pages.medianGzip)],
      [`HTML largest page, gzip (${pages.largest.page})`, kb(pages.largest.gzip)],
      ['HTML of the matrix page, gzip', kb(figures.matrixPageGzip)],
      [`CSS, all ${css.files} files, gzip`, kb(css.totalGzip)],
      ['CSS of the matrix page, gzip', kb(css.pageGzip)],
    ],
  );
  printTable(
    'Islands: JS gzip (own = component chunk + chunks only it imports; runtime = renderer + shared chunks)',
    ['Island', 'Own', 'Shared runtime', 'Total'],
    islands.map((island) => [
      island.name,
      kb(island.ownGzip),
      kb(island.runtimeGzip),
      kb(island.ownGzip + island.runtimeGzip),
    ]),
  );
  const chunks = new Map<string, { gzip: number; roles: string[] }>();
  for (const island of islands) {
    for (const [list, role] of [
      [island.own, `own (${island.name})`],
      [island.runtime, 'runtime'],
    ] as const) {
      for (const chunk of list) {
        const entry = chunks.get(chunk.chunk) ?? { gzip: chunk.gzip, roles: [] };
        if (!entry.roles.includes(role)) entry.roles.push(role);
        chunks.set(chunk.chunk, entry);
      }
    }
  }
  printTable(
    'Island chunks (static imports followed from component-url and renderer-url)',
    ['Chunk', 'Gzip', 'Counted as'],
    [...chunks]
      .sort(([, a], [, b]) => a.roles.join().localeCompare(b.roles.join()) || b.gzip - a.gzip)
      .map(([chunk, entry]) => [chunk, kb(entry.gzip), entry.roles.join(', ')]),
  );
  const row = (label: string, figure: { domMs: Stats; frameMs: Stats }) => [
    label,
    ms(figure.domMs.median),
    ms(figure.domMs.max),
    ms(figure.frameMs.median),
    ms(figure.frameMs.max),
  ];
  if (figures.firstLoad) {
    const byWeight = [...figures.firstLoad].sort((x, y) => y.gzip - x.gzip);
    printTable(
      'First load: every response of a cold visit, gzip (budget: content pages 30 KB, the four tools 50 KB)',
      ['Page', 'Total', 'HTML', 'CSS', 'JS', 'Other', 'Requests', 'Search files'],
      byWeight.map((load) => {
        const of = (test: (url: string) => boolean) =>
          kb(load.resources.filter(({ url }) => test(url)).reduce((sum, { gzip }) => sum + gzip, 0));
        const isHtml = (url: string) => url === load.path;
        return [
          load.path,
          kb(load.gzip),
          of(isHtml),
          of((url) => url.endsWith('.css')),
          of((url) => url.endsWith('.js')),
          of((url) => !isHtml(url) && !/\.(css|js)$/.test(url)),
          String(load.resources.length),
          String(load.searchRequests.length),
        ];
      }),
    );
  }
  if (figures.search) {
    const { http2, http1 } = figures.search;
    const line = (label: string, stat: Stats) => [label, ms(stat.median), ms(stat.max)];
    printTable(
      `Search on slow 4G (latency ${SLOW_4G.latency} ms, ${kb(SLOW_4G.downloadThroughput)}/s down), ` +
        `"${http2.query}" typed at once after Ctrl+K, runs: ${http2.runs}`,
      ['Measurement', 'Median', 'Max'],
      [
        line('HTTP/2: intent to result count', http2.intentToCountMs),
        line('HTTP/2: intent to first result shown', http2.intentToFirstResultMs),
        line('HTTP/2: key press to updated results (loaded)', http2.keystrokeMs),
        line('HTTP/1.1: intent to result count', http1.intentToCountMs),
        line('HTTP/1.1: intent to first result shown', http1.intentToFirstResultMs),
        line('HTTP/1.1: key press to updated results (loaded)', http1.keystrokeMs),
        [`Search requests and bytes transferred`, String(http2.searchRequests), kb(http2.searchBytes)],
      ],
    );
  }
  if (matrix) {
    printTable(
      `Matrix at scale: ${matrix.size.roles} roles x ${matrix.size.competencies} competencies ` +
        `(${matrix.size.cells} cells, ${matrix.size.indicators} indicators), runs: ${matrix.runs}, Chromium ${matrix.chromium}`,
      ['Measurement', 'DOM median', 'DOM max', 'Next frame median', 'Next frame max'],
      [
        row('Mount: client render until interactive', matrix.mount.render),
        row('Mount: hydrate server HTML until interactive', matrix.mount.hydrate),
        row('Filter: pick a status', matrix.filterPick),
        row('Filter: back to all statuses', matrix.filterClear),
        row('Filter: pick a position', matrix.positionPick),
        row('Filter: back to all positions', matrix.positionClear),
        row('Cell click until details shown', matrix.selectCell),
        row('Transpose: roles as rows', matrix.transpose),
        row('Transpose: back to competencies as rows', matrix.transposeBack),
        row('Compare two roles until the table shows', matrix.compare),
      ],
    );
    printTable(
      'Matrix at scale: details (medians)',
      ['Figure', 'Value'],
      [
        ['Props as JSON (raw / gzip)', `${kb(matrix.propsBytes)} / ${kb(matrix.propsGzip)}`],
        ['JSON.parse of the props', ms(matrix.mount.hydrate.parseMs.median)],
        ['Synchronous render() call (static table)', ms(matrix.mount.render.firstRenderMs.median)],
        ['Synchronous hydrate() call', ms(matrix.mount.hydrate.firstRenderMs.median)],
        ['Harness bundle, minified', kb(matrix.harnessBytes)],
      ],
    );
  }
  if (figures.growth) {
    printTable(
      'Growth: synthetic dictionaries built from scratch (both languages)',
      [
        'Competencies x roles',
        'Pages',
        'Build',
        'Pages/s',
        'ms/entry',
        'HTML/page median (max)',
        'CSS',
        'JS',
        'Matrix page',
        'Self-check page',
        'Search id / en',
      ],
      figures.growth.map((size) => [
        `${size.competencies} x ${size.roles}`,
        String(size.pages),
        `${(size.buildMs / 1000).toFixed(1)} s`,
        size.pagesPerSecond.toFixed(1),
        size.msPerEntry.toFixed(0),
        `${kb(size.htmlGzip.median)} (${kb(size.htmlGzip.max)})`,
        kb(size.cssGzip),
        kb(size.jsGzip),
        kb(size.matrixPageGzip),
        kb(size.selfCheckPageGzip),
        `${kb(size.searchIndexBytes['id'] ?? 0)} / ${kb(size.searchIndexBytes['en'] ?? 0)}`,
      ]),
    );
  }
  if (figures.rollup) {
    printTable(
      `Unit roll-up: ${figures.rollup.staff} staff files chosen at once, in Chromium (inside the page)`,
      ['Figure', 'Median', 'Max'],
      [['Import and draw every view', ms(figures.rollup.importMs.median), ms(figures.rollup.importMs.max)]],
    );
  }
  const value = (budget: BudgetCheck, amount: number) =>
    budget.unit === 'bytes'
      ? kb(amount)
      : budget.unit === 'ratio'
        ? `${amount.toFixed(2)}x`
        : budget.unit === 'count'
          ? String(amount)
          : ms(amount);
  printTable(
    'Budgets (medians; matrix mount and "next frame": until the frame after; other matrix figures: until the DOM shows the result)',
    ['Budget', 'Measured', 'Limit', 'Result'],
    budgets.map((budget) => [
      budget.name,
      value(budget, budget.actual),
      value(budget, budget.limit),
      budget.ok ? 'ok' : 'OVER',
    ]),
  );
}

async function main() {
  const started = performance.now();
  const runs = Number(option('runs') ?? 5);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number of at least 1');

  console.log(flag('skip-build') ? 'Measuring the existing dist/ …' : 'Building the site …');
  const build = flag('skip-build') ? null : await buildSite(root);
  const matrixPage = path.join(distDir, 'matriks/index.html');
  if (!existsSync(matrixPage)) throw new Error('dist/ has no matrix page: build the site first');
  const pageFiles = htmlFiles(distDir);
  const sizes = {
    build,
    pages: measurePages(distDir),
    matrixPageGzip: gzipSize(readFileSync(matrixPage)),
    css: measureCss(distDir, matrixPage),
    islands: measureIslands(distDir, pageFiles),
  };
  let firstLoad: FirstLoad[] | null = null;
  let search: BenchFigures['search'] = null;
  if (!flag('skip-first-load') || !flag('skip-search')) {
    const browser = await launchChromium();
    try {
      if (!flag('skip-first-load')) {
        console.log('Measuring the first load of every page …');
        const server = await serve(distDir, {});
        try {
          firstLoad = await measureFirstLoad(browser, server.origin, sitePaths(distDir));
        } finally {
          await server.close();
        }
      }
      if (!flag('skip-search')) {
        console.log('Measuring search on slow 4G …');
        const over = async (http2: boolean) => {
          const server = await serve(distDir, {}, { http2 });
          try {
            return await measureSearch(browser, server.origin, '/', SEARCH_QUERY.query, SEARCH_QUERY.more, runs);
          } finally {
            await server.close();
          }
        };
        search = { http2: await over(true), http1: await over(false) };
      }
    } finally {
      await browser.close();
    }
  }
  let matrix: MatrixFigures | null = null;
  if (!flag('skip-matrix')) {
    console.log(`Measuring the matrix (${MATRIX_SIZE.roles} roles x ${MATRIX_SIZE.competencies} competencies) …`);
    matrix = await measureMatrix(distDir, syntheticMatrix(MATRIX_SIZE), runs);
  }
  let rollup: RollupFigures | null = null;
  if (!flag('skip-rollup')) {
    console.log(`Measuring the unit roll-up with ${ROLLUP_STAFF} staff files …`);
    rollup = await measureRollup(distDir, runs);
  }
  const growth: GrowthFigures[] | null = flag('skip-growth') ? null : [];
  for (const size of growth ? GROWTH_SIZES : []) {
    console.log(`Building a synthetic dictionary of ${size.competencies} competencies and ${size.roles} roles …`);
    growth!.push(await measureGrowth(root, size));
  }
  const figures: BenchFigures = { ...sizes, firstLoad, search, matrix, rollup, growth };
  const budgets = checkBudgets(figures);
  report(figures, budgets);

  const runtimeMs = performance.now() - started;
  console.log(`\nBench finished in ${(runtimeMs / 1000).toFixed(1)} s.`);
  if (flag('json')) {
    const cpus = os.cpus();
    const results = {
      date: new Date().toISOString(),
      machine: { cpus: cpus.length, cpu: cpus[0]?.model, node: process.version, platform: process.platform },
      runtimeMs,
      ...figures,
      budgets,
    };
    writeFileSync(path.join(root, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log('Figures written to bench-results.json.');
  }
  const over = budgets.filter((budget) => !budget.ok);
  if (over.length) {
    console.error(`✗ Over budget: ${over.map((budget) => budget.name).join('; ')}`);
    process.exitCode = 1;
  } else {
    console.log('✓ Every budget is met.');
  }
}

// Runs when invoked (`npm run bench`), not when another script imports the measurements.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`✗ The bench could not run: ${message}`);
    process.exit(2);
  });
}
