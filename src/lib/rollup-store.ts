/**
 * Keeps a unit roll-up in localStorage, only when the head of unit asks for it. Validates what it
 * loads and survives private mode, full quotas and corrupt values: failures are reported, never thrown.
 */
import type { MatrixData } from './matrix.ts';
import { parseStoredRollup, ROLLUP_VERSION, type StaffInput } from './rollup.ts';

/** Storage key; the version in it changes with the stored format. */
export const ROLLUP_STORAGE_KEY = 'kkt-lpse:rekap-unit:v1';

/** What was found in storage. */
export type RollupLoad =
  { status: 'ok'; staff: StaffInput[] } | { status: 'empty' } | { status: 'corrupt' } | { status: 'unavailable' };

/** The browser's localStorage, or null where it cannot be read (private mode, disabled, sandboxed). */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Loads and validates the kept roll-up; a corrupt value is reported and left in place. */
export function loadRollup(data: MatrixData): RollupLoad {
  try {
    const store = storage();
    if (!store) return { status: 'unavailable' };
    const text = store.getItem(ROLLUP_STORAGE_KEY);
    if (text === null) return { status: 'empty' };
    const staff = parseStoredRollup(JSON.parse(text), data);
    return staff ? { status: 'ok', staff } : { status: 'corrupt' };
  } catch {
    return { status: 'corrupt' };
  }
}

/** Keeps the roll-up; false when storage is unavailable or full (what was kept before stays). */
export function saveRollup(staff: readonly StaffInput[]): boolean {
  try {
    const store = storage();
    store?.setItem(ROLLUP_STORAGE_KEY, JSON.stringify({ v: ROLLUP_VERSION, staff }));
    return store !== null;
  } catch {
    return false;
  }
}

/** Deletes the kept roll-up; false when storage is unavailable. */
export function clearRollup(): boolean {
  try {
    const store = storage();
    store?.removeItem(ROLLUP_STORAGE_KEY);
    return store !== null;
  } catch {
    return false;
  }
}
