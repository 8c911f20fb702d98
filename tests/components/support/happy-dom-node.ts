// Vitest environment: happy-dom's window, modules transformed for Node, and select.value converting to a string as browsers do.
import { builtinEnvironments, type Environment } from 'vitest/runtime';

const happyDom = builtinEnvironments['happy-dom'];

/**
 * The island renders into happy-dom while the test reads the real content and the source draft
 * from disk. Vite's client transform rewrites `new URL('…', import.meta.url)` into an asset URL on
 * the page's origin, which would break the shared helpers' file paths (tests/support/seed.ts); the
 * SSR transform leaves it alone.
 */
export default {
  ...happyDom,
  name: 'happy-dom-node',
  viteEnvironment: 'ssr',
  async setup(global: typeof globalThis, options: Record<string, unknown>) {
    const environment = await happyDom.setup(global, options);
    // `select.value = 3` selects the option "3" in browsers (the setter takes a DOMString); happy-dom
    // compares the number with the options' strings and selects nothing. Preact sets numbers as they are.
    const prototype = global.HTMLSelectElement.prototype;
    const value = Object.getOwnPropertyDescriptor(prototype, 'value');
    if (!value?.set || !value.get) throw new Error('happy-dom: HTMLSelectElement has no value accessor');
    Object.defineProperty(prototype, 'value', {
      ...value,
      set(this: HTMLSelectElement, next: unknown) {
        value.set!.call(this, String(next));
      },
    });
    return environment;
  },
} satisfies Environment;
