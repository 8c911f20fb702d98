/**
 * The site's languages, declared once: Starlight's `locales` (`astro.config.mjs`), the routes that
 * generate dictionary pages, and the languages of the dictionary text (`schema.ts`) all derive
 * from this list. Indonesian is served at the root.
 */

const DECLARED = [
  { locale: undefined, label: 'Bahasa Indonesia', lang: 'id' },
  { locale: 'en', label: 'English', lang: 'en' },
] as const satisfies readonly { locale: string | undefined; label: string; lang: string }[];

/** A site language's BCP-47 tag, which also keys the dictionary's texts. */
export type Lang = (typeof DECLARED)[number]['lang'];

/** One site language: Starlight's locale key (undefined at the root), its label and BCP-47 tag. */
export interface SiteLocale {
  locale: string | undefined;
  label: string;
  lang: Lang;
}

/** Every language the site is built in; the first is the default and the authority. */
export const SITE_LOCALES: readonly SiteLocale[] = DECLARED;

/** The languages of the dictionary text, the authority (`id`) first. */
export const LOCALES: readonly Lang[] = SITE_LOCALES.map(({ lang }) => lang);

/** The `locales` option for Starlight. */
export const starlightLocales = Object.fromEntries(
  SITE_LOCALES.map(({ locale, label, lang }) => [locale ?? 'root', { label, lang }]),
);

/** `getStaticPaths` params for the `[...locale]` segment of every dictionary route. */
export const localeParams = () => SITE_LOCALES.map(({ locale }) => ({ locale }));

/** The site language of a URL, from its first path segment after the base. */
export function localeOf(url: URL, base: string = import.meta.env.BASE_URL): SiteLocale {
  const rest = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname;
  const segment = rest.replace(/^\/+/, '').split('/')[0];
  return SITE_LOCALES.find(({ locale }) => locale !== undefined && locale === segment) ?? SITE_LOCALES[0]!;
}
