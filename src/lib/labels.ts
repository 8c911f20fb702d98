/**
 * The types of this site's UI strings, derived from the Indonesian locale file (see
 * `ui-strings.ts`), and the helpers that hand one view's strings to an island. Type-only imports
 * and no runtime dependencies, so the islands use it in the browser.
 */
import type authority from '../content/i18n/id.json';
import { fill } from './template.ts';

/** The groups of keys, one per view (a key's part before its first dot); other keys in the files are Starlight's. */
export const UI_GROUPS = [
  'kkt', // dictionary pages: competencies, roles, glossary, source
  'matrix', // the role matrix page and its explorer island
  'search', // search records and the search dialog's filters
  'check', // the self-check page and island
  'rollup', // the unit roll-up page and island
  'data', // the open-data page and CSV columns
  'feedback', // the feedback page, island and "Beri masukan" links
  'cite', // the citation box
  'site', // the site title on phones
  'nav', // the sidebar's fixed links (astro.config.mjs)
  'home', // the home page's task hub
] as const;

/** A view's group of UI strings. */
export type UiGroup = (typeof UI_GROUPS)[number];

/** Every key of this site's own UI strings. */
export type UiKey = Extract<keyof typeof authority, `${UiGroup}.${string}`>;

/** The keys of one group, without the group's prefix: `check.yes` is `yes` in `Labels<'check'>`. */
export type GroupKey<G extends UiGroup> = UiKey extends infer K
  ? K extends `${G}.${infer Rest}`
    ? Rest
    : never
  : never;

/** One view's UI strings as raw templates (`{{name}}` placeholders intact), keyed without the group prefix. */
export type Labels<G extends UiGroup> = { [K in GroupKey<G>]: string };

/**
 * One group's raw templates out of all of a locale's strings (e.g. Starlight's `t.all()` or a
 * locale file), less the keys in `omit` (strings the page renders itself, so the island need not carry them).
 */
export function labelsFor<G extends UiGroup, O extends GroupKey<G> = never>(
  group: G,
  strings: Readonly<Record<string, unknown>>,
  omit: readonly O[] = [],
): Omit<Labels<G>, O> {
  const prefix = `${group}.`;
  const left = new Set<string>(omit);
  return Object.fromEntries(
    Object.entries(strings)
      .filter(([key]) => key.startsWith(prefix) && !left.has(key.slice(prefix.length)))
      .map(([key, value]) => [key.slice(prefix.length), String(value)]),
  ) as Omit<Labels<G>, O>;
}

/** A template filler over one view's labels: a key that is not in the group fails type checking. */
export type Filler<L> = (key: keyof L & string, values?: Record<string, string | number>) => string;

/** Fills one view's templates with values, as the islands show them. */
export const filler =
  <L extends Record<string, string>>(labels: L): Filler<L> =>
  (key, values = {}) =>
    fill(labels[key] ?? '', values);
