/**
 * What a page or component needs to know about the page it renders in: its language, Starlight
 * locale and translate function, read in this one place. The language comes from the URL, not
 * from `Astro.locals.starlightRoute`: `<StarlightPage>` sets that only when it renders, after the
 * page's own frontmatter has run, so a page could not read it (its components could).
 */
import type { AstroGlobal } from 'astro';
import { getDictionary } from './content.ts';
import { formatDate } from './format.ts';
import { labelsFor, type GroupKey, type UiGroup } from './labels.ts';
import { localeOf } from './locales.ts';
import { toMatrixData } from './matrix-data.ts';
import { localizer, type Source } from './model.ts';

/**
 * The page context of a page or component: `lang`, `locale`, `t`, `text()` (model text), `labels()`
 * (island strings), the page's permanent `address` and the draft notice's sentence.
 */
export function pageContext(astro: Pick<AstroGlobal, 'url' | 'locals' | 'site'>) {
  const { lang, locale } = localeOf(astro.url);
  const t = astro.locals.t;
  return {
    lang,
    locale,
    t,
    /** The page's address on the site's origin (`SITE`), without query or fragment: what is cited and printed. */
    address: new URL(astro.url.pathname, astro.site ?? astro.url).href,
    /** "A draft, not yet adopted…: attachment to letter No. … dated …", or '' once the source is final. */
    draftNotice: (source: Source) =>
      source.status === 'draft'
        ? t('kkt.draftNotice', {
            number: source.number,
            date: formatDate(source.date, lang),
            interpolation: { escapeValue: false },
          })
        : '',
    /** The model's text in the page's language. */
    text: localizer(lang),
    /** One view's raw templates for an island, less the strings the page renders itself. */
    labels: <G extends UiGroup, O extends GroupKey<G> = never>(group: G, omit: readonly O[] = []) =>
      labelsFor(group, t.all(), omit),
  };
}

/** A tool page's context: the page context, the dictionary and its matrix data in the page's language. */
export async function toolContext(astro: Pick<AstroGlobal, 'url' | 'locals' | 'site'>) {
  const context = pageContext(astro);
  const dictionary = await getDictionary();
  return { ...context, dictionary, data: toMatrixData(dictionary, context.lang, context.locale) };
}
