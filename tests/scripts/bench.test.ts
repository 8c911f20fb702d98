// `npm run bench` is not part of `npm test`; this runs its matrix harness once on a small synthetic
// dictionary so a change to the island cannot silently break the benchmark.
import { expect, test } from 'vitest';
import { measureMatrix } from '../../scripts/bench.ts';
import { measureRollup } from '../../bench/rollup.ts';
import { syntheticMatrix } from '../../bench/synthetic.ts';
import { distDir } from '../support/site.ts';

test('the matrix harness mounts, filters, selects, turns and compares on the built page', async () => {
  const data = syntheticMatrix({ roles: 6, competencies: 8, seed: 7 });
  const figures = await measureMatrix(distDir, data, 1);
  expect(figures.size).toMatchObject({ roles: 6, competencies: 8, cells: 48 });
  const timings = [
    figures.mount.hydrate.frameMs,
    figures.mount.render.domMs,
    figures.filterPick.domMs,
    figures.filterClear.domMs,
    figures.positionPick.domMs,
    figures.positionClear.domMs,
    figures.selectCell.domMs,
    figures.transpose.domMs,
    figures.transposeBack.domMs,
    figures.compare.domMs,
  ];
  for (const timing of timings) {
    expect(timing.samples).toHaveLength(1);
    expect(Number.isFinite(timing.median) && timing.median >= 0).toBe(true);
  }
}, 120_000);

test('the roll-up bench imports staff files into the built page and times every view', async () => {
  const figures = await measureRollup(distDir, 1, 5);
  expect(figures.staff).toBe(5);
  expect(figures.importMs.samples).toHaveLength(1);
  expect(Number.isFinite(figures.importMs.median) && figures.importMs.median >= 0).toBe(true);
}, 120_000);
