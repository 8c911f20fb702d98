/** Locale-aware formatting of the dictionary's dates and lists. */

/** A date as readers of `lang` write it, e.g. "4 November 2022" in Indonesian. */
export function formatDate(date: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

/** A list joined with the locale's word for "or", e.g. "JF MI, JF Prakom, atau PPBJ". */
export function formatOrList(items: readonly string[], lang: string): string {
  return new Intl.ListFormat(lang, { type: 'disjunction' }).format(items);
}
