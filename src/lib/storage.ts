/**
 * The browser's storage as the site's small stores use it: one place that knows how storage fails.
 */

/**
 * The browser's localStorage if it can be written to, else null (private mode, disabled, sandboxed).
 * `probeKey` is written and removed at once; each store probes under its own key.
 */
export function writableStorage(probeKey: string): Storage | null {
  try {
    const store = globalThis.localStorage;
    store.setItem(probeKey, '1');
    store.removeItem(probeKey);
    return store;
  } catch {
    return null;
  }
}
