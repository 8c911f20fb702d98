/**
 * The matrix benchmark page: mounts the real `MatrixExplorer` island with the props embedded in
 * the page (`#matrix-props`) and exposes timed interactions as `window.bench`. Bundled by
 * `scripts/bench.ts`; runs in Chromium only.
 */
import { hydrate, render } from 'preact';
import { renderToString } from 'preact-render-to-string';
import MatrixExplorer, { type MatrixLabels } from '../src/components/MatrixExplorer.tsx';
import type { MatrixData } from '../src/lib/matrix.ts';
import type { HarnessApi, HarnessWindow, InteractionTiming, MountMode } from './harness-api.ts';

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
    // The mount effect runs after the first frame and re-renders the table as a grid of buttons.
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
      cells: root.querySelectorAll('.matrix-table button[data-row]').length,
    };
  },

  filterStatus(value, expectedRoles) {
    const select = query<HTMLSelectElement>('.matrix-controls select');
    const shows = () => {
      const names = [...root.querySelectorAll('.matrix-table thead th a')].map((link) => link.textContent);
      return names.length === expectedRoles.length && names.every((name, index) => name === expectedRoles[index]);
    };
    return timed(
      () => {
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      },
      () =>
        watch(
          query('.matrix-table thead'),
          { childList: true, subtree: true, characterData: true },
          shows,
          `the columns of status "${value}"`,
        ),
    );
  },

  selectCell(row, col, expectedTitle) {
    const button = query<HTMLButtonElement>(`.matrix-table button[data-row="${row}"][data-col="${col}"]`);
    const shows = () => root.querySelector('.matrix-detail h2')?.textContent === expectedTitle;
    return timed(
      () => button.click(),
      () => watch(query('.matrix-detail-slot'), { childList: true }, shows, `the details of ${expectedTitle}`),
    );
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
