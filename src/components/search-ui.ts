/**
 * The search itself, loaded only once a visitor shows they want to search (`search-trigger.ts`):
 * Pagefind's UI, configured as Starlight configures it, mounted in place of the dialog's static
 * search box with whatever was typed into that box, so no keystroke is lost and the query runs as
 * soon as the index answers.
 */
// @ts-expect-error: @pagefind/default-ui ships no types.
import { PagefindUI } from '@pagefind/default-ui';
import { PAGEFIND_RANKING } from '../lib/search-config.ts';

/**
 * Mounts Pagefind's UI in the `<site-search>` element's dialog and moves the visitor's text, caret
 * and focus from the static box to the real one.
 */
export function mountSearch(host: HTMLElement): void {
  const target = host.querySelector<HTMLElement>('#starlight__search')!;
  const shell = target.querySelector<HTMLElement>('[data-search-shell]');
  const typed = shell?.querySelector('input');
  let translations = {};
  try {
    translations = JSON.parse(host.dataset['translations'] || '{}');
  } catch {
    // Pagefind's own English strings are better than no search.
  }
  const mountPoint = document.createElement('div');
  target.append(mountPoint);
  new PagefindUI({
    element: mountPoint,
    baseUrl: import.meta.env.BASE_URL,
    bundlePath: `${import.meta.env.BASE_URL.replace(/\/$/, '')}/pagefind/`,
    // The runtime is already started (search-trigger.ts) with these and its loading options.
    ranking: PAGEFIND_RANKING,
    // Each key press searches at once (Pagefind's UI waits 300 ms by default); the index is in memory
    // and a search takes a few milliseconds, and the UI shows only the latest query's results.
    debounceTimeoutMs: 0,
    showImages: false,
    translations,
    showSubResults: true,
  });
  const input = mountPoint.querySelector<HTMLInputElement>('.pagefind-ui__search-input');
  if (!input) return;
  const focused = typed !== null && typed !== undefined && document.activeElement === typed;
  input.value = typed?.value ?? '';
  const { selectionStart, selectionEnd } = typed ?? { selectionStart: null, selectionEnd: null };
  shell?.remove();
  // Focusing the real box starts Pagefind (its UI loads the runtime on focus), and the input event
  // runs the query typed so far.
  if (focused || host.querySelector('dialog')?.open) {
    input.focus();
    if (selectionStart !== null && selectionEnd !== null) input.setSelectionRange(selectionStart, selectionEnd);
  }
  if (input.value) input.dispatchEvent(new Event('input', { bubbles: true }));
}
