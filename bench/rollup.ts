/**
 * The unit roll-up at scale for `npm run bench`: 200 staff export files (written with the
 * self-check's own export function from the build's open data) chosen at once on the real built
 * page, in Chromium; timed inside the page from the file input's change event until the staff
 * table, totals, chart, priorities and every plan entry are in the DOM.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MatrixData } from '../src/lib/matrix.ts';
import { emptyRecord, indicatorCounts } from '../src/lib/self-check.ts';
import { exportJson, toExport } from '../src/lib/self-check-export.ts';
import { launchChromium } from '../scripts/lib/chromium.ts';
import { openPage, serve, stats, type Stats } from './common.ts';

/** How many staff files the roll-up is measured with. */
export const ROLLUP_STAFF = 200;

/** Figures of the roll-up at scale. */
export interface RollupFigures {
  staff: number;
  /** From choosing the files to every view drawn, inside the page. */
  importMs: Stats;
}

/** The parts of the build's open data an export needs (no Astro environment outside a build). */
function dataFromOpenData(dist: string): MatrixData {
  const open = JSON.parse(readFileSync(path.join(dist, 'data/kamus.json'), 'utf8')) as {
    roles: { id: string }[];
    competencies: { id: string; levels: { level: number; indicators: { no: string; text: { id: string } }[] }[] }[];
  };
  return {
    roles: open.roles.map((role) => ({ slug: role.id, name: role.id, href: '', eligibility: [] })),
    competencies: open.competencies.map((competency) => ({
      slug: competency.id,
      name: competency.id,
      href: '',
      levels: competency.levels.map((level) => ({
        level: level.level,
        description: '',
        href: '',
        indicators: level.indicators.map((indicator) => ({
          no: indicator.no,
          text: indicator.text.id,
          items: [],
          href: '',
        })),
      })),
    })),
    required: [],
    prerequisites: [],
    statuses: [],
    positions: [],
  };
}

/** `count` export files with answers from a fixed pseudo-random sequence, roles in turn. */
export function staffFiles(dist: string, count: number) {
  const data = dataFromOpenData(dist);
  const counts = indicatorCounts(data);
  let seed = 20261125;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, (_, n) => {
    const record = emptyRecord(data, data.roles[n % data.roles.length]!.slug);
    data.competencies.forEach((competency, c) => {
      record.answers[competency.slug] = Array.from({ length: counts[c]! }, () =>
        next() < 0.6 ? 'y' : next() < 0.5 ? 'n' : '_',
      ).join('');
    });
    const value = toExport(data, record, { texts: new Map(), lang: 'id', source: '', date: new Date(0) });
    return { name: `staf-${n + 1}.json`, mimeType: 'application/json', buffer: Buffer.from(exportJson(value)) };
  });
}

/** Imports `ROLLUP_STAFF` files into the built roll-up page `runs` times. */
export async function measureRollup(dist: string, runs: number, count = ROLLUP_STAFF): Promise<RollupFigures> {
  const files = staffFiles(dist, count);
  const server = await serve(dist, {});
  const browser = await launchChromium();
  try {
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      const { page, errors } = await openPage(browser, server.origin);
      await page.goto(`${server.origin}/rekap-unit/`);
      await page.locator('.unit-rollup[data-hydrated]').waitFor();
      await page.evaluate(() =>
        document
          .querySelector('input[type=file]')!
          .addEventListener(
            'change',
            () => ((window as unknown as { rollupStart: number }).rollupStart = performance.now()),
            { capture: true },
          ),
      );
      await page.locator('input[type=file]').setInputFiles(files);
      const elapsed = await page.waitForFunction(
        (expected) =>
          document.querySelectorAll('.unit-rollup-table tbody tr').length === expected &&
          document.querySelectorAll('.unit-rollup-plan').length === expected &&
          document.querySelector('.unit-rollup-chart') !== null &&
          performance.now() - (window as unknown as { rollupStart: number }).rollupStart,
        count,
        { polling: 'raf', timeout: 60_000 },
      );
      samples.push(Number(await elapsed.jsonValue()));
      if (errors.length) throw new Error(`the roll-up page failed: ${errors.join('; ')}`);
      await page.context().close();
    }
    return { staff: count, importMs: stats(samples) };
  } finally {
    await browser.close();
    await server.close();
  }
}
