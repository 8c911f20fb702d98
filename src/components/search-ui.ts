/**
 * The search results, loaded only once a visitor shows they want to search (`search-trigger.ts`):
 * a small UI over Pagefind's runtime that draws what Pagefind's default UI draws (its markup and
 * class names, so its styles and Starlight's apply: `src/styles/search-results.css`), in the dialog's
 * static search box itself, so no keystroke is lost and the first query runs the moment the index
 * answers. Pagefind's own UI (27 KB gzip, a Svelte app) was most of what a first search downloaded
 * on a slow network before anything could show.
 */

/** A result's loaded data (Pagefind's `PagefindSearchFragment`, the part drawn here). */
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results?: { url: string; title: string; excerpt: string; locations?: number[] }[];
}

/** The part of Pagefind's runtime API the UI uses. */
export interface PagefindApi {
  search(
    term: string,
    options: { filters: Record<string, string[]> },
  ): Promise<{
    results: { id: string; data(): Promise<ResultData> }[];
    filters: Record<string, Record<string, number>>;
  } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Pagefind's English strings, for any the site does not translate. */
const DEFAULTS: Record<string, string> = {
  clear_search: 'Clear',
  load_more: 'Load more results',
  search_label: 'Search this site',
  filters_label: 'Filters',
  zero_results: 'No results for [SEARCH_TERM]',
  many_results: '[COUNT] results for [SEARCH_TERM]',
  one_result: '[COUNT] result for [SEARCH_TERM]',
  searching: 'Searching for [SEARCH_TERM]...',
};

/** Results shown at first and added by each "load more". */
const PAGE_SIZE = 5;
/** Meta shown as tags below a result: all but these. */
const HIDDEN_META = ['title', 'image', 'image_alt', 'url'];

/** Creates an element with a class and, optionally, text. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A result title linking to `href`. */
function title(href: string, text: string) {
  const paragraph = element('p', 'pagefind-ui__result-title');
  const link = element('a', 'pagefind-ui__result-link', text);
  link.href = href;
  paragraph.append(link);
  return paragraph;
}

/** An excerpt: Pagefind's HTML, its text escaped and the matched words in `<mark>`. */
function excerpt(html: string) {
  const paragraph = element('p', 'pagefind-ui__result-excerpt');
  paragraph.innerHTML = html;
  return paragraph;
}

/** One result as Pagefind's UI draws it with sub-results: the page, then up to three of its sections. */
function resultItem(data: ResultData): HTMLLIElement {
  const item = element('li', 'pagefind-ui__result');
  const inner = element('div', 'pagefind-ui__result-inner');
  const url = data.meta['url'] || data.url;
  inner.append(title(url, data.meta['title'] ?? ''));
  let subs = data.sub_results ?? [];
  if (subs[0]?.url === url) {
    inner.append(excerpt(data.excerpt));
    subs = subs.slice(1);
  }
  if (subs.length > 3) {
    // The three sections with the most matches, in page order.
    const top = [...subs]
      .sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))
      .slice(0, 3)
      .map((sub) => sub.url);
    subs = subs.filter((sub) => top.includes(sub.url));
  }
  for (const sub of subs) {
    const nested = element('div', 'pagefind-ui__result-nested');
    nested.append(title(sub.url, sub.title), excerpt(sub.excerpt));
    inner.append(nested);
  }
  const tags = Object.entries(data.meta).filter(([key]) => !HIDDEN_META.includes(key));
  if (tags.length) {
    const list = element('ul', 'pagefind-ui__result-tags');
    for (const [key, value] of tags) {
      const tag = element('li', 'pagefind-ui__result-tag', `${key.replace(/^(\w)/, (c) => c.toUpperCase())}: ${value}`);
      tag.dataset['pagefindUiMeta'] = key;
      list.append(tag);
    }
    inner.append(list);
  }
  item.append(inner);
  return item;
}

/**
 * Turns the `<site-search>` element's static search box into the search: results, their count,
 * "load more", filters with counts and a clear button, drawn as Pagefind's default UI draws them.
 * Searches on every input (a search takes milliseconds once the index is in), showing only the
 * latest query's results, and at once for whatever was typed before.
 */
export function mountSearch(host: HTMLElement, pagefind: PagefindApi): void {
  const shell = host.querySelector<HTMLElement>('[data-search-shell]');
  const form = shell?.querySelector('form');
  const input = form?.querySelector('input');
  if (!shell || !form || !input) return;
  let strings: Record<string, string> = {};
  try {
    strings = JSON.parse(host.dataset['translations'] || '{}');
  } catch {
    // Pagefind's English strings are better than no search.
  }
  const t = (key: string) => strings[key] ?? DEFAULTS[key] ?? '';
  const numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);

  shell.querySelector('[data-search-status]')?.remove();
  shell.removeAttribute('data-search-shell');
  shell.classList.add('pagefind-ui', 'pagefind-ui--reset');
  form.setAttribute('aria-label', t('search_label'));
  const clear = element('button', 'pagefind-ui__search-clear pagefind-ui__suppressed', t('clear_search'));
  clear.type = 'button';
  const drawer = element('div', 'pagefind-ui__drawer pagefind-ui__hidden');
  const panel = element('fieldset', 'pagefind-ui__filter-panel');
  const area = element('div', 'pagefind-ui__results-area');
  const message = element('p', 'pagefind-ui__message');
  // The count is announced as it changes (a status message; Pagefind's UI leaves it silent).
  message.setAttribute('role', 'status');
  const list = element('ol', 'pagefind-ui__results');
  const more = element('button', 'pagefind-ui__button', t('load_more'));
  more.type = 'button';
  area.append(message, list);
  drawer.append(panel, area);
  form.append(clear, drawer);

  const selected = new Set<string>();
  let searchId = 0;
  let shown = 0;
  let results: Awaited<ReturnType<PagefindApi['search']>> = null;
  let term = '';

  // Each filter value's label, to update its count in place (a rebuilt panel would lose focus).
  const labels = new Map<string, HTMLLabelElement>();

  /** The filter panel with a count per value: closed groups, a checkbox and "value (count)" each. */
  const drawFilters = (filters: Record<string, Record<string, number>>) => {
    const keys = Object.entries(filters).flatMap(([filter, values]) =>
      Object.keys(values).map((v) => `${filter}:${v}`),
    );
    if (keys.length === labels.size && keys.every((key) => labels.has(key))) {
      for (const [filter, values] of Object.entries(filters)) {
        for (const [value, count] of Object.entries(values)) {
          labels.get(`${filter}:${value}`)!.textContent = `${value} (${count})`;
        }
      }
      return;
    }
    labels.clear();
    const open = new Set([...panel.querySelectorAll('details[open]')].map((block) => block.id));
    const legend = element('legend', 'pagefind-ui__filter-panel-label', t('filters_label'));
    const blocks = Object.entries(filters).map(([filter, values], index) => {
      const block = element('details', 'pagefind-ui__filter-block');
      block.id = `pagefind-filter-${index}`;
      block.open = open.has(block.id);
      block.append(
        element(
          'summary',
          'pagefind-ui__filter-name',
          filter.replace(/^(\w)/, (c) => c.toUpperCase()),
        ),
      );
      const group = element('fieldset', 'pagefind-ui__filter-group');
      group.append(element('legend', 'pagefind-ui__filter-group-label', filter));
      for (const [value, count] of Object.entries(values)) {
        const key = `${filter}:${value}`;
        const row = element('div', 'pagefind-ui__filter-value');
        row.classList.toggle('pagefind-ui__filter-value--checked', selected.has(key));
        const box = element('input', 'pagefind-ui__filter-checkbox');
        box.type = 'checkbox';
        box.id = `${filter}-${value}`;
        box.name = filter;
        box.value = value;
        box.checked = selected.has(key);
        box.addEventListener('change', () => {
          if (box.checked) selected.add(key);
          else selected.delete(key);
          search();
        });
        const label = element('label', 'pagefind-ui__filter-label', `${value} (${count})`);
        label.htmlFor = box.id;
        labels.set(key, label);
        row.append(box, label);
        group.append(row);
      }
      block.append(group);
      return block;
    });
    panel.replaceChildren(legend, ...blocks);
  };

  /** Draws the next page of results once their data (their fragments) is in. */
  const showMore = async (id: number, loaded?: ResultData[]) => {
    const page = results?.results.slice(shown, shown + PAGE_SIZE) ?? [];
    const data = loaded ?? (await Promise.all(page.map((result) => result.data())));
    if (id !== searchId || !results) return;
    shown += page.length;
    list.append(...data.map(resultItem));
    if (results.results.length > shown) area.append(more);
    else more.remove();
  };

  // The filters with their overall counts, as Pagefind's UI shows them before a query. A search
  // counts per filter value only once Pagefind has loaded the filter chunks, so each waits for this.
  const filtersLoaded = pagefind.filters().then(drawFilters, () => {});

  /** Runs the query in the box with the chosen filters and draws its results. */
  const search = async () => {
    const id = ++searchId;
    term = input.value;
    clear.classList.toggle('pagefind-ui__suppressed', !term);
    if (!term.trim()) {
      drawer.classList.add('pagefind-ui__hidden');
      return;
    }
    drawer.classList.remove('pagefind-ui__hidden');
    const filters: Record<string, string[]> = {};
    for (const key of selected) {
      const [, filter, value] = /^(.*?):(.*)$/.exec(key)!;
      (filters[filter!] ??= []).push(value!);
    }
    await filtersLoaded;
    const found = await pagefind.search(term, { filters });
    if (id !== searchId || !found) return;
    results = found;
    shown = 0;
    const count = found.results.length;
    const text = t(count === 0 ? 'zero_results' : count === 1 ? 'one_result' : 'many_results');
    if (Object.keys(found.filters).length) drawFilters(found.filters);
    // The list and its count change together, once the first results' data is in.
    const first = await Promise.all(found.results.slice(0, PAGE_SIZE).map((result) => result.data()));
    if (id !== searchId) return;
    list.replaceChildren();
    more.remove();
    message.textContent = text.replace(/\[SEARCH_TERM\]/, term).replace(/\[COUNT\]/, numbers.format(count));
    await showMore(id, first);
  };

  input.addEventListener('input', search);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') event.preventDefault();
  });
  clear.addEventListener('click', () => {
    input.value = '';
    search();
    input.focus();
  });
  more.addEventListener('click', () => showMore(searchId));
  if (input.value) search();
}
