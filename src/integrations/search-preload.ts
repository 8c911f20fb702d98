/**
 * Tells each page's search trigger which of Pagefind's files its first query needs, so that on
 * intent the browser fetches them all at once instead of one after another (runtime, then index
 * entry, then metadata and WebAssembly, then index chunks). Which files those are is known only once
 * the index is written: `search-index.ts` records them, and the post-build pass writes them on the
 * `<site-search>` element of every page in that page's language.
 */
import { applyEdits, attribute, elements, parseWithLocations, type Edit } from './html.ts';

/** For one language: the tag of its index entry and the bundle files its first query fetches. */
export interface SearchBundle {
  /** The language's index hash (`id_da3e7310e8`), also the entry's cache tag. */
  index: string;
  /** Paths inside the bundle folder: runtime, metadata, WebAssembly, index and filter chunks. */
  files: string[];
}

/** Pagefind's `pagefind-entry.json`. */
interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string | null }>;
}

/** A file Pagefind wrote: its path in the bundle folder and its size. */
export interface BundleFile {
  path: string;
  bytes: number;
}

/**
 * At most this many bytes of one language's index and fragment chunks are fetched on intent. A
 * small dictionary's whole index fits, so the first query needs nothing more; a large one's does
 * not, and its chunks are left to Pagefind to fetch once it knows which the query needs.
 */
export const PRELOAD_CHUNK_BYTES = 96 * 1024;

/** Fragment groups of about this many entries keep a language's fragments in a few files. */
export const FRAGMENT_GROUP_ENTRIES = 150;

/**
 * The files each language's first query needs, from the files Pagefind wrote: its runtime, the
 * language's metadata, WebAssembly and filter chunks, and, while they fit in
 * `PRELOAD_CHUNK_BYTES`, its index chunks and fragment files (named after their language:
 * `index/id_cd856bd.pf_index`, `fragment/id_group_d05b2f4.pf_fragment`).
 */
export function searchBundles(written: BundleFile[], entryJson: string): Map<string, SearchBundle> {
  const entry = JSON.parse(entryJson) as PagefindEntry;
  const paths = written.map((file) => file.path);
  const bundles = new Map<string, SearchBundle>();
  for (const [lang, { hash, wasm }] of Object.entries(entry.languages)) {
    const ofKind = (folder: string, ext: string) =>
      written
        .filter((file) => file.path.startsWith(`${folder}/${lang}_`) && file.path.endsWith(ext))
        .sort((a, b) => a.path.localeCompare(b.path));
    const files = ['pagefind.js', `pagefind.${hash}.pf_meta`, `wasm.${wasm || 'unknown'}.pagefind`];
    const missing = files.filter((file) => !paths.includes(file));
    if (missing.length) {
      throw new Error(
        `Pagefind did not write ${missing.join(', ')} for "${lang}". Hint: the bundle layout changed; update search-preload.ts.`,
      );
    }
    // Its first search counts results per filter value, so it waits for every filter chunk.
    files.push(...ofKind('filter', '.pf_filter').map((file) => file.path));
    let room = PRELOAD_CHUNK_BYTES;
    for (const chunks of [ofKind('index', '.pf_index'), ofKind('fragment', '.pf_fragment')]) {
      const bytes = chunks.reduce((sum, file) => sum + file.bytes, 0);
      if (bytes > room) break;
      room -= bytes;
      files.push(...chunks.map((file) => file.path));
    }
    bundles.set(lang, { index: hash, files });
  }
  return bundles;
}

/** The bundles of the last index written in this build, by language (set by `search-index.ts`). */
export const writtenBundles = new Map<string, SearchBundle>();

/**
 * Returns the page with its `<site-search>` element's `data-search-index` and `data-search-files`
 * set for the page's language. A page without the element, or in a language without an index,
 * comes back unchanged.
 */
export function addSearchFiles(html: string, bundles: ReadonlyMap<string, SearchBundle>): string {
  const document = parseWithLocations(html);
  let lang: string | undefined;
  const edits: Edit[] = [];
  for (const element of elements(document)) {
    if (element.tagName === 'html') lang = attribute(element, 'lang')?.toLowerCase();
    if (element.tagName !== 'site-search') continue;
    const bundle = lang ? (bundles.get(lang) ?? bundles.get(lang.split('-')[0]!)) : undefined;
    if (!bundle) return html;
    for (const [name, value] of [
      ['data-search-index', bundle.index],
      ['data-search-files', bundle.files.join(' ')],
    ] as const) {
      const location = element.sourceCodeLocation?.attrs?.[name];
      if (!location) throw new Error(`<site-search> has no ${name} attribute. Hint: see src/components/Search.astro.`);
      edits.push({ start: location.startOffset, end: location.endOffset, text: `${name}="${value}"` });
    }
  }
  return applyEdits(html, edits);
}
