/**
 * Keeps the build log for real warnings: drops the one bundler note Astro causes on every MDX file.
 */
import type { Plugin } from 'vite';

type OnWarn = NonNullable<
  NonNullable<NonNullable<import('vite').BuildEnvironmentOptions['rolldownOptions']>['onwarn']>
>;

/** True for the note about Astro's own "use astro:head-inject" marker, and nothing else. */
export const isHeadInjectNote = (warning: { code?: string; message: string }): boolean =>
  warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"');

/**
 * A Vite plugin that drops the head-inject note in every build environment. Astro marks each MDX
 * module with "use astro:head-inject" and reads the marker itself before bundling; the bundler only
 * notes that it does not keep the directive afterwards, once per MDX file (withastro/astro#18087).
 * Astro sets each environment's bundler options itself, so a top-level `onwarn` never reaches the
 * prerender build: `configEnvironment` adds it to each one. Every other warning still shows.
 */
export function quietHeadInjectNote(): Plugin {
  const onwarn: OnWarn = (warning, warn) => {
    if (!isHeadInjectNote(warning)) warn(warning);
  };
  return {
    name: 'kamus:quiet-head-inject-note',
    configEnvironment: () => ({ build: { rolldownOptions: { onwarn } } }),
  };
}
