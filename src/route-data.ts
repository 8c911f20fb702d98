/**
 * Starlight route middleware: fills the sidebar's "Kompetensi" and "Peran" groups with the
 * dictionary's entries, so navigation is derived from the content like every other view.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { getDictionary } from './lib/content.ts';
import { localize } from './lib/model.ts';
import { competencyPath, rolePath, sitePath } from './lib/paths.ts';

type SidebarEntry = StarlightRouteData['sidebar'][number];
type SidebarLink = Extract<SidebarEntry, { type: 'link' }>;

const link = (label: string, href: string, current: string): SidebarLink => ({
  type: 'link',
  label,
  href,
  isCurrent: href === current,
  badge: undefined,
  attrs: {},
});

const flatten = (entries: SidebarEntry[]): SidebarLink[] =>
  entries.flatMap((entry) => (entry.type === 'link' ? [entry] : flatten(entry.entries)));

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  // A page missing in a language is served with Indonesian text; keep it out of that language's index.
  if (route.isFallback) route.entry.data.pagefind = false;
  // The not-found text is a draft only to keep it off the docs route (see src/content/docs/404.md).
  if (route.entry.id === '404') route.entry.data.draft = false;
  // Hero links are written from the site root (`/kompetensi/`); Starlight leaves them as written, so
  // the base path a unit hosts the site under (BASE) is added here.
  for (const action of route.entry.data.hero?.actions ?? []) {
    if (action.link.startsWith('/') && !action.link.startsWith(import.meta.env.BASE_URL)) {
      action.link = sitePath(action.link, undefined);
    }
  }
  const { competencies, roles } = await getDictionary();
  const current = context.url.pathname;
  const children: Record<string, SidebarLink[]> = {
    [competencyPath(undefined, route.locale)]: competencies.map((c) =>
      link(localize(c.name, route.lang), competencyPath(c.slug, route.locale), current),
    ),
    [rolePath(undefined, route.locale)]: roles.map((r) =>
      link(localize(r.name, route.lang), rolePath(r.slug, route.locale), current),
    ),
  };
  for (const group of route.sidebar) {
    if (group.type !== 'group') continue;
    const index = group.entries[0];
    const extra = index?.type === 'link' ? children[index.href] : undefined;
    if (extra) group.entries.push(...extra);
  }
  // Prev/next follow the completed sidebar, so they step through the entries too.
  const links = flatten(route.sidebar);
  const at = links.findIndex((entry) => entry.isCurrent);
  if (at >= 0 && route.pagination) {
    route.pagination.prev = links[at - 1];
    route.pagination.next = links[at + 1];
  }
});
