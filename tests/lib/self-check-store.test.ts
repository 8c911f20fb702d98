// The self-check's localStorage store against in-memory, throwing and full Storage stubs: round trip, versioned key, corrupt and foreign records, private mode.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { MatrixData } from '../../src/lib/matrix.ts';
import { toMatrixData } from '../../src/lib/matrix-data.ts';
import { RECORD_VERSION, answer, emptyRecord, type SelfCheckRecord } from '../../src/lib/self-check.ts';
import { STORAGE_KEY, clearRecord, loadRecord, saveRecord } from '../../src/lib/self-check-store.ts';
import { loadFixtureDictionary } from '../support/fixture.ts';
import { MemoryStorage } from '../support/storage.ts';

const dictionary = await loadFixtureDictionary();
const data: MatrixData = toMatrixData(dictionary, 'id', undefined);

/** Private mode in old Safari: reads work, every write throws. */
class ThrowingStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
  override removeItem(): void {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}

/** A nearly full quota: the small probe fits, a record does not. */
class FullStorage extends MemoryStorage {
  override setItem(key: string, value: string): void {
    if (value.length > 10) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    super.setItem(key, value);
  }
}

const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
/** Installs `globalThis.localStorage` as a value, or as a getter that throws (storage disabled). */
function install(storage: Storage | 'denied') {
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    ...(storage === 'denied'
      ? {
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        }
      : { value: storage, writable: true }),
  });
}

const chosen: SelfCheckRecord = answer(answer(emptyRecord(data, 'support'), 'alpha', 0, 'y'), 'beta', 3, 'n');

let memory: MemoryStorage;
beforeEach(() => {
  memory = new MemoryStorage();
  install(memory);
});
afterEach(() => {
  if (original) Object.defineProperty(globalThis, 'localStorage', original);
  else Reflect.deleteProperty(globalThis, 'localStorage');
});

describe('with working storage', () => {
  test('the key is versioned like the record format', () => {
    expect(STORAGE_KEY).toMatch(new RegExp(`:v${RECORD_VERSION}$`));
  });

  test('nothing saved yet: empty', () => {
    expect(loadRecord(data)).toEqual({ status: 'empty' });
  });

  test('save then load gives the same record, stored as versioned JSON under the key alone', () => {
    expect(saveRecord(chosen)).toBe(true);
    expect([...memory.map.keys()]).toEqual([STORAGE_KEY]);
    expect(JSON.parse(memory.getItem(STORAGE_KEY)!)).toEqual({ ...chosen, v: RECORD_VERSION });
    expect(loadRecord(data)).toEqual({ status: 'ok', record: chosen });
    const changed = answer(chosen, 'alpha', 1, 'n');
    expect(saveRecord(changed)).toBe(true);
    expect(loadRecord(data)).toEqual({ status: 'ok', record: changed });
  });

  test('corrupt JSON is reported as corrupt and left where it is', () => {
    for (const text of ['garbage', '', '{"v":1,', 'null', '[]', '<script>alert(1)</script>']) {
      memory.setItem(STORAGE_KEY, text);
      expect(loadRecord(data), text).toEqual({ status: 'corrupt', problem: 'malformed' });
      expect(memory.getItem(STORAGE_KEY)).toBe(text);
    }
  });

  test('a record of another version, role or dictionary is corrupt', () => {
    const cases: [unknown, string][] = [
      [{ ...chosen, v: 0 }, 'version'],
      [{ ...chosen, v: 2 }, 'version'],
      [{ ...chosen, role: 'kepala' }, 'unknown-role'],
      [{ ...chosen, answers: { ...chosen.answers, gamma: 'yyy' } }, 'unknown-competency'],
      [{ ...chosen, answers: { ...chosen.answers, alpha: 'yyy' } }, 'answers'],
    ];
    for (const [value, problem] of cases) {
      memory.setItem(STORAGE_KEY, JSON.stringify(value));
      expect(loadRecord(data)).toEqual({ status: 'corrupt', problem });
    }
    memory.setItem(STORAGE_KEY, 'x'.repeat(30_000));
    expect(loadRecord(data)).toEqual({ status: 'corrupt', problem: 'too-long' });
  });

  test('clearRecord removes the record and nothing else', () => {
    memory.setItem('other-site-key', 'kept');
    saveRecord(chosen);
    expect(clearRecord()).toBe(true);
    expect(memory.getItem(STORAGE_KEY)).toBeNull();
    expect(memory.getItem('other-site-key')).toBe('kept');
    expect(loadRecord(data)).toEqual({ status: 'empty' });
    expect(clearRecord()).toBe(true);
  });

  test('the availability probe leaves nothing behind', () => {
    loadRecord(data);
    saveRecord(chosen);
    expect([...memory.map.keys()]).toEqual([STORAGE_KEY]);
  });
});

describe('without storage, nothing throws', () => {
  test.each([
    ['writes throw (private mode)', () => install(new ThrowingStorage())],
    ['access throws (storage disabled)', () => install('denied')],
    ['no localStorage at all', () => install(undefined as unknown as Storage)],
  ])('%s: unavailable, save and clear report false', (_, setUp) => {
    setUp();
    expect(() => loadRecord(data)).not.toThrow();
    expect(loadRecord(data)).toEqual({ status: 'unavailable' });
    expect(saveRecord(chosen)).toBe(false);
    expect(clearRecord()).toBe(false);
  });

  test('a full quota: save reports false, the old record stays', () => {
    const storage = new FullStorage();
    storage.map.set(STORAGE_KEY, JSON.stringify(chosen));
    install(storage);
    const changed = answer(chosen, 'alpha', 1, 'y');
    expect(saveRecord(changed)).toBe(false);
    expect(storage.getItem(STORAGE_KEY)).toBe(JSON.stringify(chosen));
    expect(loadRecord(data)).toEqual({ status: 'ok', record: chosen });
    expect(clearRecord()).toBe(true);
    expect(loadRecord(data)).toEqual({ status: 'empty' });
  });
});
