/**
 * What a page or component needs to know about the page it renders in: its language, Starlight
 * locale and translate function, read in this one place. The language comes from the URL, not
 * from `Astro.locals.starlightRoute`: `<StarlightPage>` sets that only when it renders, after the
 * page's own frontmatter has run, so a page could not read it (its components could).
 */
import type { AstroGlobal } from 'astro';
import { getDictionary } from './content.ts';
import { labelsFor, type GroupKey, type UiGroup } from './labels.ts';
import { localeOf } from './locales.ts';
import { toMatrixData } from './matrix-data.ts';
import { localizer } from './model.ts';

/** The page context of a page or component: `lang`, `locale`, `t`, `text()` (model text) and `labels()` (island strings). */
export function pageContext(astro: Pick<AstroGlobal, 'url' | 'locals'>) {
  const { lang, locale } = localeOf(astro.url);
  const t = astro.locals.t;
  return {
    lang,
    locale,
    t,
    /** The model's text in the page's language. */
    text: localizer(lang),
    /** One view's raw templates for an island, less the strings the page renders itself. */
    labels: <G extends UiGroup, O extends GroupKey<G> = never>(group: G, omit: readonly O[] = []) =>
      labelsFor(group, t.all(), omit),
  };
}

/** A tool page's context: the page context, the dictionary and its matrix data in the page's language. */
export async function toolContext(astro: Pick<AstroGlobal, 'url' | 'locals'>) {
  const context = pageContext(astro);
  const dictionary = await getDictionary();
  return { ...context, dictionary, data: toMatrixData(dictionary, context.lang, context.locale) };
}
