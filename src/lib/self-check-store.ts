/**
 * Keeps the self-check record in localStorage, in this browser only. Validates what it loads,
 * and survives private mode and full quotas: every failure is reported, never thrown.
 */
import type { MatrixData } from './matrix.ts';
import { parseRecordJson, type RecordProblem, type SelfCheckRecord } from './self-check.ts';
import { writableStorage } from './storage.ts';

/** Storage key; the version in it changes with the record format. */
export const STORAGE_KEY = 'kkt-lpse:cek-mandiri:v1';

/** What was found in storage. */
export type LoadResult =
  | { status: 'ok'; record: SelfCheckRecord }
  | { status: 'empty' }
  | { status: 'corrupt'; problem: RecordProblem }
  | { status: 'unavailable' };

/** The browser's localStorage if it can be written to, else null. */
const storage = (): Storage | null => writableStorage(`${STORAGE_KEY}:probe`);

/** Loads and validates the saved record. */
export function loadRecord(data: MatrixData): LoadResult {
  const store = storage();
  if (!store) return { status: 'unavailable' };
  const text = store.getItem(STORAGE_KEY);
  if (text === null) return { status: 'empty' };
  const parsed = parseRecordJson(text, data);
  return parsed.ok ? { status: 'ok', record: parsed.record } : { status: 'corrupt', problem: parsed.problem };
}

/** Saves the record; false when storage is unavailable or full. */
export function saveRecord(record: SelfCheckRecord): boolean {
  try {
    const store = storage();
    store?.setItem(STORAGE_KEY, JSON.stringify(record));
    return store !== null;
  } catch {
    return false;
  }
}

/** Deletes the saved record; false when storage is unavailable. */
export function clearRecord(): boolean {
  try {
    const store = storage();
    store?.removeItem(STORAGE_KEY);
    return store !== null;
  } catch {
    return false;
  }
}
