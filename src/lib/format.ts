/** Locale-aware formatting of the dictionary's dates and lists. */

/** The locale a language's dates are written in: British English for English ("4 November 2022" too). */
export const dateLocale = (lang: string) => (lang === 'en' ? 'en-GB' : lang);

/** A date as readers of `lang` write it, e.g. "4 November 2022" in Indonesian and English. */
export function formatDate(date: Date, lang: string): string {
  return new Intl.DateTimeFormat(dateLocale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** Today (or `date`) in the reader's own time zone, as readers of `lang` write it: the date a page is printed. */
export function formatLocalDate(lang: string, date: Date = new Date()): string {
  return new Intl.DateTimeFormat(dateLocale(lang), { dateStyle: 'long' }).format(date);
}

/** A list joined with the locale's word for "and", e.g. "A, B, dan C". */
export function formatAndList(items: readonly string[], lang: string): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
}

const orList = (lang: string) => new Intl.ListFormat(lang, { type: 'disjunction' });

/** A list joined with the locale's word for "or", e.g. "JF MI, JF Prakom, atau PPBJ". */
export function formatOrList(items: readonly string[], lang: string): string {
  return orList(lang).format(items);
}

/**
 * The same list as parts, keeping each item as given (e.g. a link) and the separators as strings,
 * so markup can be joined with the locale's own punctuation and conjunction.
 */
export function orListParts<T>(items: readonly T[], lang: string): (T | string)[] {
  const placeholders = items.map((_, index) => `\u0000${index}\u0000`);
  return orList(lang)
    .formatToParts(placeholders)
    .map((part) => (part.type === 'element' ? items[Number(part.value.slice(1, -1))]! : part.value));
}
