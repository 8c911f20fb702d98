/**
 * Pagefind settings of the search: the ranking the dialog gives Pagefind when it loads on intent
 * (`src/components/search-ui.ts`), and how the index files are fetched before the first query.
 */

/**
 * Pagefind's own ranking defaults (Starlight tunes them for long docs pages): a short record that is
 * all about the words searched (one indicator, one term) outranks a page that mentions them.
 */
export const PAGEFIND_RANKING = { pageLength: 0.75, termFrequency: 1, termSaturation: 1.4, termSimilarity: 1 };

/** How the files of one language's search index are fetched before the first query needs them. */
export type SearchFileKind = 'module' | 'fetch';

/** The kind of preload a Pagefind bundle file needs: its runtime is a module, the rest is fetched. */
export const searchFileKind = (file: string): SearchFileKind => (file.endsWith('.js') ? 'module' : 'fetch');
