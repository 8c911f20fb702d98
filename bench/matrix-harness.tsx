/**
 * The matrix benchmark page: mounts the real `MatrixExplorer` island with the props embedded in
 * the page (`#matrix-props`) and exposes timed interactions as `window.bench`. Bundled by
 * `scripts/bench.ts`; runs in Chromium only.
 */
import { hydrate, render } from 'preact';
import { renderToString } from 'preact-render-to-string';
import MatrixExplorer, { type MatrixLabels } from '../src/components/MatrixExplorer.tsx';
import type { MatrixData } from '../src/lib/matrix.ts';
import type { FilterKind, HarnessApi, HarnessWindow, InteractionTiming, MountMode } from './harness-api.ts';

const root = document.getElementById('root')!;

/** Resolves after the next frame has been produced (rAF, then the task after style, layout, paint). */
function nextFrame(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

/** How long to wait for the DOM to show a result before giving up (a broken selector, say). */
const GIVE_UP_MS = 15_000;

/**
 * Resolves with the time at which `condition` first holds, checked on each mutation of `target`.
 * Preact applies a whole update in one go, so watching one element that the update changes is
 * as precise as watching the subtree, without the observer's cost on thousands of cells.
 */
function watch(target: Node, options: MutationObserverInit, condition: () => boolean, what: string): Promise<number> {
  if (condition()) throw new Error(`${what} is already on the page: nothing to measure`);
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (condition()) {
        const now = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        resolve(now);
      }
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`gave up after ${GIVE_UP_MS} ms waiting for ${what}`));
    }, GIVE_UP_MS);
    observer.observe(target, options);
  });
}

const query = <T extends Element>(selector: string): T => {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`${selector} is not on the page`);
  return element;
};

/** The filter selects, in the order the explorer shows them. */
const FILTERS: FilterKind[] = ['status', 'position'];

/** Picks an option of a select as a user does: the value changes, then a `change` event. */
function pick(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Times `act` until `done` (see `watch`) and until the next frame. */
async function timed(act: () => void, done: () => Promise<number>): Promise<InteractionTiming> {
  const shown = done();
  const start = performance.now();
  act();
  const dom = await shown;
  const frame = await nextFrame();
  return { domMs: dom - start, frameMs: frame - start };
}

const api: HarnessApi = {
  async mount(mode: MountMode) {
    const parseStart = performance.now();
    const props = JSON.parse(document.getElementById('matrix-props')!.textContent!) as {
      data: MatrixData;
      labels: MatrixLabels;
    };
    const parseMs = performance.now() - parseStart;
    const island = <MatrixExplorer data={props.data} labels={props.labels} />;
    if (mode === 'hydrate') {
      // As on the site: the server HTML is on screen before the island hydrates (untimed).
      root.innerHTML = renderToString(island);
      await nextFrame();
      await nextFrame();
    }
    const start = performance.now();
    (mode === 'hydrate' ? hydrate : render)(island, root);
    const firstRenderMs = performance.now() - start;
    // The mount effect runs after the first frame: controls appear and the table becomes a grid.
    const explorer = query('.matrix-explorer');
    const dom = await watch(
      explorer,
      { attributes: true, attributeFilter: ['data-hydrated'] },
      () => explorer.hasAttribute('data-hydrated'),
      'the hydrated grid',
    );
    const frame = await nextFrame();
    return {
      parseMs,
      firstRenderMs,
      domMs: dom - start,
      frameMs: frame - start,
      cells: root.querySelectorAll('.matrix-grid td').length,
      tabStops: root.querySelectorAll('.matrix-grid [tabindex="0"]').length,
    };
  },

  filter(kind, value, expectedRoles) {
    const select = root.querySelectorAll<HTMLSelectElement>('.matrix-controls select')[FILTERS.indexOf(kind)];
    if (!select) throw new Error(`the ${kind} filter is not on the page`);
    const shows = () => {
      // Filtered roles stay in the table, hidden.
      const names = [...root.querySelectorAll('.matrix-table thead th:not([hidden]) :is(a, button)')].map(
        (link) => link.textContent,
      );
      return names.length === expectedRoles.length && names.every((name, index) => name === expectedRoles[index]);
    };
    return timed(
      () => pick(select, value),
      () =>
        watch(
          query('.matrix-table thead'),
          { childList: true, subtree: true, characterData: true, attributeFilter: ['hidden'] },
          shows,
          `the columns of ${kind} "${value}"`,
        ),
    );
  },

  selectCell(row, col, expectedTitle) {
    const cell = query<HTMLTableRowElement>('.matrix-grid').children[row]?.children[col + 1] as HTMLElement | undefined;
    if (!cell) throw new Error(`no grid cell at row ${row}, column ${col}`);
    const shows = () => root.querySelector('.matrix-detail h2')?.textContent === expectedTitle;
    return timed(
      () => cell.click(),
      () => watch(query('.matrix-detail-slot'), { childList: true }, shows, `the details of ${expectedTitle}`),
    );
  },

  transpose(on, expectedCorner) {
    const box = query<HTMLInputElement>('.matrix-controls input[type="checkbox"]');
    // As a visitor meets it: the box on screen, and so the top of the table below it (untimed).
    box.scrollIntoView({ block: 'center' });
    const corner = () => root.querySelector('.matrix-table thead th')?.textContent === expectedCorner;
    return timed(
      () => box.click(),
      () =>
        watch(
          query('.matrix-table thead'),
          { childList: true, subtree: true, characterData: true },
          () => box.checked === on && corner(),
          `the table ${on ? 'transposed' : 'turned back'}`,
        ),
    );
  },

  async compare(from, to, expectedRows) {
    const [fromSelect, toSelect] = root.querySelectorAll<HTMLSelectElement>('.matrix-compare-pick select');
    if (!fromSelect || !toSelect) throw new Error('the comparison pickers are not on the page');
    // The first role alone shows nothing yet (untimed).
    // Options hold role slugs after the empty choice, in role order.
    pick(fromSelect, fromSelect.options[from + 1]!.value);
    await nextFrame();
    const shows = () => root.querySelectorAll('.matrix-compare-table tbody tr').length === expectedRows;
    return timed(
      () => pick(toSelect, toSelect.options[to + 1]!.value),
      () => watch(query('.matrix-compare'), { childList: true }, shows, `the comparison of roles ${from} and ${to}`),
    );
  },

  async clearCompare() {
    const selects = root.querySelectorAll<HTMLSelectElement>('.matrix-compare-pick select');
    if (!root.querySelector('.matrix-compare-table')) return;
    const gone = watch(
      query('.matrix-compare'),
      { childList: true },
      () => root.querySelector('.matrix-compare-table') === null,
      'the comparison to close',
    );
    selects.forEach((select) => pick(select, ''));
    await gone;
    await nextFrame();
  },

  async closeDetail() {
    const close = root.querySelector<HTMLButtonElement>('.matrix-detail > button');
    if (!close) return;
    const closed = watch(
      query('.matrix-detail-slot'),
      { childList: true },
      () => root.querySelector('.matrix-detail') === null,
      'the details to close',
    );
    close.click();
    await closed;
    await nextFrame();
  },
};

(window as unknown as HarnessWindow).bench = api;
