/**
 * Search records beyond the pages: one per indicator, per level and per glossary term, in each
 * language, so a search for an indicator's words lands on that indicator (`#indikator-3-2`), not
 * only on the page that holds it, and results can be filtered by entry type and level.
 * Derived from the model like every other view, during the build: the endpoint
 * `src/pages/[...locale]/search-records.json.ts` writes them, `search-index.ts` adds them to Pagefind's index.
 */
import { allIndicators, localizer, type Dictionary } from './model.ts';
import { plainText } from './inline.ts';
import { SITE_LOCALES } from './locales.ts';
import { competencyPath, glossaryPath } from './paths.ts';
import { fill } from './template.ts';
import type { Locale } from './schema.ts';
import { UI_STRING_KEYS } from './ui-strings.ts';

/** The file, in each language's folder of the build, that holds its records until the index is written. */
export const SEARCH_RECORDS_FILE = 'search-records.json';

/** A Pagefind custom record: its URL (without the base path, as Pagefind's own page URLs are), text, title and filters. */
export interface SearchRecord {
  url: string;
  language: Locale;
  content: string;
  meta: { title: string };
  filters: Record<string, string[]>;
}

/** A UI string key of the search (`search.filterType`, `search.typeIndicator`, …). */
export type SearchLabelKey = Extract<(typeof UI_STRING_KEYS)[number], `search.${string}`>;

/** The UI strings the records are labelled with: the `search.*` keys of one locale, as pages get them. */
export type SearchLabels = Readonly<Record<SearchLabelKey, string>>;

/**
 * The search's labels out of every UI string of a locale (`Astro.locals.t.all()`), templates left
 * unfilled (`Level {{level}}`); throws naming a key the locale lacks.
 */
export function searchLabels(strings: Readonly<Record<string, unknown>>): SearchLabels {
  const keys = UI_STRING_KEYS.filter((key): key is SearchLabelKey => key.startsWith('search.'));
  const missing = keys.filter((key) => typeof strings[key] !== 'string' || strings[key] === '');
  if (missing.length > 0) throw new Error(`The UI strings lack ${missing.join(', ')}, which search records use.`);
  return Object.fromEntries(keys.map((key) => [key, strings[key]])) as Record<SearchLabelKey, string>;
}

/** The filter a page of an entry type carries (`data-pagefind-filter`), e.g. `Jenis:Kompetensi`. */
export const typeFilter = (labels: Partial<SearchLabels>, type: 'Competency' | 'Role' | 'Glossary') =>
  `${labels['search.filterType']}:${labels[`search.type${type}`]}`;

/**
 * Every indicator, level and glossary term of the dictionary as records in one language. An
 * indicator with site aliases (`search-aliases.ts`, by indicator id) carries them after a marked
 * "alias:" and under the alias type too, so they read as the site's words, not the draft's.
 */
export function searchRecords(
  dictionary: Dictionary,
  lang: Locale,
  labels: SearchLabels,
  aliases: Map<string, string[]> = new Map(),
): SearchRecord[] {
  const text = localizer(lang);
  const locale = SITE_LOCALES.find((site) => site.lang === lang)?.locale;
  const type = labels['search.filterType'];
  const levelKey = labels['search.filterLevel'];
  // Without the base path: Pagefind's UI adds it to every result, records and pages alike.
  const page = (slug: string, anchor: string) => competencyPath(slug, locale, anchor, '/');
  const records: SearchRecord[] = [];
  for (const competency of dictionary.competencies) {
    const name = plainText(text(competency.name));
    for (const level of competency.levels) {
      const levelName = fill(labels['search.levelValue'], { level: level.level });
      const title = fill(labels['search.levelTitle'], { level: level.level, competency: name });
      records.push({
        url: page(competency.slug, level.anchor),
        language: lang,
        content: plainText(text(level.description)),
        meta: { title },
        filters: { [type]: [labels['search.typeLevel']], [levelKey]: [levelName] },
      });
    }
    for (const indicator of allIndicators(competency)) {
      const title = fill(labels['search.indicatorTitle'], { no: indicator.no, competency: name });
      const items = indicator.items.map((item) => `${item.key}. ${plainText(text(item.text))}`);
      const siteWords = aliases.get(`${competency.slug}:${indicator.no}`) ?? [];
      const alias = siteWords.length > 0 ? [`(${labels['search.aliasMarker']}: ${siteWords.join(', ')})`] : [];
      records.push({
        url: page(competency.slug, indicator.anchor),
        language: lang,
        content: [`${indicator.no} ${plainText(text(indicator.text))}`, ...items, ...alias].join(' '),
        meta: { title },
        filters: {
          [type]: [labels['search.typeIndicator'], ...(alias.length > 0 ? [labels['search.typeAlias']] : [])],
          [levelKey]: [fill(labels['search.levelValue'], { level: indicator.level })],
        },
      });
    }
  }
  for (const term of dictionary.glossary) {
    const parts = [term.term, ...term.aliases, plainText(text(term.expansion))];
    if (term.description) parts.push(plainText(text(term.description)));
    records.push({
      url: glossaryPath(term.slug, locale, '/'),
      language: lang,
      content: parts.join('. '),
      meta: { title: `${term.term}: ${plainText(text(term.expansion))}` },
      filters: { [type]: [labels['search.typeGlossary']] },
    });
  }
  return records;
}
