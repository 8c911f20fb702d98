/**
 * Keeps the reader's feedback in localStorage, in this browser only. Validates what it loads, and
 * survives private mode, full quotas and corrupt data: every failure is reported, never thrown.
 */
import type { FeedbackProblem, FeedbackRecord } from './record.ts';
import { writableStorage } from '../storage.ts';

/** Storage key; the version in it changes with the record format. */
export const FEEDBACK_STORAGE_KEY = 'kkt-lpse:masukan:v1';

/** What was found in storage. */
export type FeedbackLoad =
  | { status: 'ok'; record: FeedbackRecord }
  | { status: 'empty' }
  | { status: 'corrupt'; problem: FeedbackProblem }
  | { status: 'unavailable' };

/** The browser's localStorage if it can be written to, else null. */
const storage = (): Storage | null => writableStorage(`${FEEDBACK_STORAGE_KEY}:probe`);

/**
 * Loads and validates the saved feedback against the clause ids. The strict parser (Zod) is fetched
 * only when there is something saved to read, so a first visit does not load it.
 */
export async function loadFeedback(clauseIds: ReadonlySet<string>): Promise<FeedbackLoad> {
  const store = storage();
  if (!store) return { status: 'unavailable' };
  const text = store.getItem(FEEDBACK_STORAGE_KEY);
  if (text === null) return { status: 'empty' };
  const { parseFeedbackJson } = await import('./record-schema.ts');
  const parsed = parseFeedbackJson(text, clauseIds);
  return parsed.ok ? { status: 'ok', record: parsed.record } : { status: 'corrupt', problem: parsed };
}

/**
 * Saves the feedback; false when storage is unavailable or full. The unit's name and contact are
 * kept only when `keepUnit` is set: the reader chooses whether they stay in this browser.
 */
export function saveFeedback(record: FeedbackRecord, keepUnit = false): boolean {
  try {
    const store = storage();
    store?.setItem(FEEDBACK_STORAGE_KEY, JSON.stringify(keepUnit ? record : { ...record, unit: '', contact: '' }));
    return store !== null;
  } catch {
    return false;
  }
}

/** Deletes the saved feedback; false when storage is unavailable. */
export function clearFeedback(): boolean {
  try {
    const store = storage();
    store?.removeItem(FEEDBACK_STORAGE_KEY);
    return store !== null;
  } catch {
    return false;
  }
}
