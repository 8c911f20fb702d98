/**
 * Search records beyond the pages: one per indicator, per level and per glossary term, in each
 * language, so a search for an indicator's words lands on that indicator (`#indikator-3-2`), not
 * only on the page that holds it, and results can be filtered by entry type and level.
 * Derived from the model like every other view; `search-index.ts` adds them to Pagefind's index.
 */
import { allIndicators, localizer, type Dictionary } from './model.ts';
import { plainText } from './inline.ts';
import { sitePath } from './paths.ts';
import { fill } from './template.ts';
import type { Locale } from './schema.ts';

/** A Pagefind custom record: its URL (without the base path, as Pagefind's own page URLs are), text, title and filters. */
export interface SearchRecord {
  url: string;
  language: Locale;
  content: string;
  meta: { title: string };
  filters: Record<string, string[]>;
}

/** The UI strings the records are labelled with (the `search.*` keys of a locale file). */
export type SearchLabels = Record<string, string>;

/** The filter a page of an entry type carries (`data-pagefind-filter`), e.g. `Jenis:Kompetensi`. */
export const typeFilter = (labels: SearchLabels, type: 'Competency' | 'Role' | 'Glossary') =>
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
  const locale = lang === 'id' ? undefined : lang;
  const type = labels['search.filterType']!;
  const levelKey = labels['search.filterLevel']!;
  const page = (path: string, anchor: string) => `${sitePath(path, locale, '/')}#${anchor}`;
  const records: SearchRecord[] = [];
  for (const competency of dictionary.competencies) {
    const name = plainText(text(competency.name));
    const path = `/kompetensi/${competency.slug}/`;
    for (const level of competency.levels) {
      const levelName = fill(labels['search.levelValue']!, { level: level.level });
      const title = fill(labels['search.levelTitle']!, { level: level.level, competency: name });
      records.push({
        url: page(path, level.anchor),
        language: lang,
        content: plainText(text(level.description)),
        meta: { title },
        filters: { [type]: [labels['search.typeLevel']!], [levelKey]: [levelName] },
      });
    }
    for (const indicator of allIndicators(competency)) {
      const title = fill(labels['search.indicatorTitle']!, { no: indicator.no, competency: name });
      const items = indicator.items.map((item) => `${item.key}. ${plainText(text(item.text))}`);
      const siteWords = aliases.get(`${competency.slug}:${indicator.no}`) ?? [];
      const alias = siteWords.length > 0 ? [`(${labels['search.aliasMarker']}: ${siteWords.join(', ')})`] : [];
      records.push({
        url: page(path, indicator.anchor),
        language: lang,
        content: [`${indicator.no} ${plainText(text(indicator.text))}`, ...items, ...alias].join(' '),
        meta: { title },
        filters: {
          [type]: [labels['search.typeIndicator']!, ...(alias.length > 0 ? [labels['search.typeAlias']!] : [])],
          [levelKey]: [fill(labels['search.levelValue']!, { level: indicator.level })],
        },
      });
    }
  }
  for (const term of dictionary.glossary) {
    const parts = [term.term, ...term.aliases, plainText(text(term.expansion))];
    if (term.description) parts.push(plainText(text(term.description)));
    records.push({
      url: page('/glosarium/', term.slug),
      language: lang,
      content: parts.join('. '),
      meta: { title: `${term.term}: ${plainText(text(term.expansion))}` },
      filters: { [type]: [labels['search.typeGlossary']!] },
    });
  }
  return records;
}
