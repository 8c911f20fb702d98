/**
 * The search trigger and dialog (`Search.astro`) without the search: this is the only search code a
 * page loads. It opens and closes the dialog as Starlight's does and, on the first sign that the
 * visitor wants to search, starts fetching everything the first query needs at once, then turns
 * the static search box into the search (`search-ui.ts`).
 */
import { PAGEFIND_RANKING, searchFileKind } from '../lib/search-config.ts';
// A URL, not an import of the styles: imported, they would join every page's render-blocking stylesheets.
import resultsCss from '../styles/search-results.css?url';

import type { PagefindApi } from './search-ui.ts';

type SearchUi = typeof import('./search-ui.ts');

/** The part of Pagefind's module API used here and by the UI (the module is Pagefind's build output). */
interface PagefindModule extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
}

/** Whether a key press goes to something that takes text, where "/" is typed, not a shortcut. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target.matches('input, textarea, select, [contenteditable]'));

/** Adds a stylesheet or a preload hint to the document head once per URL. */
function hint(url: string, kind: 'module' | 'fetch' | 'style') {
  if (document.head.querySelector(`link[href="${CSS.escape(url)}"]`)) return;
  const link = document.createElement('link');
  if (kind === 'style') {
    link.rel = 'stylesheet';
  } else if (kind === 'module') {
    link.rel = 'modulepreload';
  } else {
    // Pagefind fetches its files with fetch() (CORS mode, same-origin credentials): the hint must
    // say the same or the browser fetches each file twice.
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
  }
  link.href = url;
  document.head.append(link);
}

/** The `<site-search>` element: trigger button, dialog, static search box. */
class SiteSearch extends HTMLElement {
  #ui: Promise<[SearchUi, PagefindModule]> | undefined;
  #mounted = false;

  constructor() {
    super();
    const openBtn = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
    const closeBtn = this.querySelector<HTMLButtonElement>('button[data-close-modal]')!;
    const dialog = this.querySelector('dialog')!;
    const dialogFrame = this.querySelector('.dialog-frame')!;
    const shellForm = this.querySelector<HTMLFormElement>('[data-search-shell] form');

    /** Close the dialog when a link or anything outside it is clicked. */
    const onClick = (event: MouseEvent) => {
      const isLink = 'href' in (event.target || {});
      if (isLink || (document.body.contains(event.target as Node) && !dialogFrame.contains(event.target as Node))) {
        closeModal();
      }
    };
    const openModal = (event?: Event) => {
      this.load();
      dialog.showModal();
      document.body.toggleAttribute('data-search-modal-open', true);
      // The static box takes keystrokes until Pagefind's own replaces it with what was typed.
      this.querySelector('input')?.focus();
      event?.stopPropagation();
      window.addEventListener('click', onClick);
      this.mount();
    };
    const closeModal = () => dialog.close();

    openBtn.addEventListener('click', openModal);
    // Intent: a pointer over the trigger, keyboard focus on it, or a touch; the click comes later.
    for (const type of ['pointerenter', 'focus', 'pointerdown'] as const) {
      openBtn.addEventListener(type, () => this.load(), { passive: true, once: true });
    }
    openBtn.disabled = false;
    closeBtn.addEventListener('click', closeModal);
    shellForm?.addEventListener('submit', (event) => event.preventDefault());
    dialog.addEventListener('close', () => {
      document.body.toggleAttribute('data-search-modal-open', false);
      window.removeEventListener('click', onClick);
    });
    window.addEventListener('keydown', (event) => {
      if ((event.metaKey || event.ctrlKey) && event.key === 'k') {
        if (dialog.open) closeModal();
        else openModal();
        event.preventDefault();
      } else if (event.key === '/' && !dialog.open && !event.metaKey && !event.ctrlKey && !isTyping(event.target)) {
        openModal();
        event.preventDefault();
      }
    });
  }

  /**
   * Starts fetching, all at once, what the first query needs: the results UI (with its styles, through
   * the bundler's import), the runtime, its WebAssembly, this language's metadata, index and filter
   * chunks (listed on the element at build time by `src/integrations/search-preload.ts`).
   */
  load(): Promise<[SearchUi, PagefindModule]> {
    if (!this.#ui) {
      const base = import.meta.env.BASE_URL;
      const bundle = `${base.replace(/\/$/, '')}/pagefind/`;
      const index = this.dataset['searchIndex'];
      if (index) hint(`${bundle}pagefind-entry.json?ts=${encodeURIComponent(index)}`, 'fetch');
      for (const file of (this.dataset['searchFiles'] ?? '').split(/\s+/).filter(Boolean)) {
        hint(`${bundle}${file}`, searchFileKind(file));
      }
      // Then the results UI (a few KB) and its styles.
      const ui = import('./search-ui.ts');
      hint(resultsCss, 'style');
      // Pagefind starts now, not once the UI has arrived: its WebAssembly and index are ready sooner.
      // On the main thread, its fetches are the page's own and use the hints above (a worker would
      // fetch each file again); the entry's cache tag makes its URL the one hinted.
      const runtime = import(/* @vite-ignore */ `${bundle}pagefind.js`).then(async (pagefind: PagefindModule) => {
        await pagefind.options({
          baseUrl: base,
          ranking: PAGEFIND_RANKING,
          noWorker: true,
          // Pagefind's UI asks for these shorter excerpts when it shows sub-results, as here.
          excerptLength: 12,
          ...(index ? { metaCacheTag: index } : {}),
        });
        await pagefind.init();
        return pagefind;
      });
      this.#ui = Promise.all([ui, runtime]);
      this.#ui.catch(() => {
        // A failed download may succeed on the next intent.
        this.#ui = undefined;
      });
    }
    return this.#ui;
  }

  /** Turns the static box into the search once loaded, telling the visitor meanwhile (and if loading fails). */
  async mount(): Promise<void> {
    if (this.#mounted) return;
    const status = this.querySelector<HTMLElement>('[data-search-status]');
    // A short wait before saying "loading", so a fast load does not flash the message.
    const slow = setTimeout(() => status && (status.textContent = this.dataset['loading'] ?? ''), 300);
    try {
      const [{ mountSearch }, pagefind] = await this.load();
      if (this.#mounted) return;
      this.#mounted = true;
      mountSearch(this, pagefind);
    } catch {
      if (status) status.textContent = this.dataset['failed'] ?? '';
    } finally {
      clearTimeout(slow);
    }
  }
}

/** Registers `<site-search>`. */
export function defineSiteSearch(): void {
  if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
}
