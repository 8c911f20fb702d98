/**
 * Site URLs of dictionary views. Slugs and fragment ids are language-neutral; only the locale
 * prefix changes, so `/kompetensi/x/#indikator-3-2` and `/en/kompetensi/x/#indikator-3-2` pair.
 */

/** Joins the configured base path, an optional locale prefix and a site path ending in `/`. */
export function sitePath(path: string, locale: string | undefined, base: string = import.meta.env.BASE_URL): string {
  const parts = [base, locale, path].filter(Boolean).join('/');
  return parts.replace(/\/{2,}/g, '/');
}

/** URL of a competency page (the index without a slug), optionally at a fragment; `base` as in `sitePath`. */
export const competencyPath = (slug: string | undefined, locale: string | undefined, anchor?: string, base?: string) =>
  sitePath(`/kompetensi/${slug ?? ''}/`, locale, base) + (anchor ? `#${anchor}` : '');

/** URL of a glossary term (the glossary without a slug); `base` as in `sitePath`. */
export const glossaryPath = (slug: string | undefined, locale: string | undefined, base?: string) =>
  sitePath('/glosarium/', locale, base) + (slug ? `#${slug}` : '');

/** URL of a role page (the index without a slug). */
export const rolePath = (slug: string | undefined, locale: string | undefined) =>
  sitePath(`/peran/${slug ?? ''}/`, locale);
