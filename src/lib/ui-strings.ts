/**
 * This site's own UI strings, added to Starlight's i18n collection. The Indonesian locale file is
 * the one declaration of the keys: their names, grouped by the view that uses them (the part
 * before the first dot), and so the type of `t()`'s keys and of every island's labels. Every key is
 * required, so a locale file that lacks one fails the build with the key named.
 */
import { z } from 'astro/zod';
import authority from '../content/i18n/id.json';
import english from '../content/i18n/en.json';
import { UI_GROUPS, type UiKey } from './labels.ts';
import { SITE_LOCALES, type Lang } from './locales.ts';

export { labelsFor, UI_GROUPS, type Labels, type UiGroup, type UiKey } from './labels.ts';

const isSiteKey = (key: string): key is UiKey => UI_GROUPS.some((group) => key.startsWith(`${group}.`));

/** The keys of this site's UI strings, in the order of the Indonesian file (Starlight's own keys are separate). */
export const UI_STRING_KEYS: readonly UiKey[] = Object.keys(authority).filter(isSiteKey);

const uiString = z.string().min(1);

/** Zod shape for `i18nSchema({ extend })`. */
export const uiStringsSchema = z.object(
  Object.fromEntries(UI_STRING_KEYS.map((key) => [key, uiString])) as Record<UiKey, typeof uiString>,
);

/** Each language's locale file, for the few strings read at config time (the sidebar). */
const FILES: Record<Lang, Record<UiKey, string>> = { id: authority, en: english };

/** A sidebar label in Starlight's form (the default language's text, then its translations), from a `nav.*` key. */
export function sidebarLabel(key: Extract<UiKey, `nav.${string}`>): {
  label: string;
  translations: Record<string, string>;
} {
  const [root, ...others] = SITE_LOCALES;
  return {
    label: FILES[root!.lang][key],
    translations: Object.fromEntries(others.map(({ locale, lang }) => [locale!, FILES[lang][key]])),
  };
}
