// The build's one silenced bundler note is exactly Astro's MDX head-inject marker; every other warning passes.
import { expect, test, vi } from 'vitest';
import { isHeadInjectNote, quietHeadInjectNote } from '../../src/integrations/build-warnings.ts';

const headInject = {
  code: 'MODULE_LEVEL_DIRECTIVE',
  message:
    'The semantics of the module level directive "use astro:head-inject" in "src/content/roles/helpdesk.mdx?astroPropagatedAssets" may not be preserved when bundling.',
};
const useClient = {
  code: 'MODULE_LEVEL_DIRECTIVE',
  message: 'The semantics of the module level directive "use client" in "x.js" may not be preserved when bundling.',
};
const circular = { code: 'CIRCULAR_DEPENDENCY', message: 'Circular dependency: a.ts -> b.ts -> a.ts' };

test('only the head-inject note is recognised', () => {
  expect(isHeadInjectNote(headInject)).toBe(true);
  expect(isHeadInjectNote(useClient)).toBe(false);
  expect(isHeadInjectNote(circular)).toBe(false);
  expect(isHeadInjectNote({ message: headInject.message })).toBe(false);
});

test('the plugin gives every build environment an onwarn that forwards all other warnings', () => {
  const plugin = quietHeadInjectNote();
  type OnWarn = (warning: object, forward: (warning: object) => void) => void;
  const config = (plugin.configEnvironment as () => { build: { rolldownOptions: { onwarn: OnWarn } } })();
  const forward = vi.fn();
  for (const warning of [headInject, useClient, circular]) config.build.rolldownOptions.onwarn(warning, forward);
  expect(forward.mock.calls).toEqual([[useClient], [circular]]);
});
