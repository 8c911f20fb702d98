// Unit roll-up: staff table, role totals, training priorities and duplicates on the fixture dictionary, derived from the self-check's own scoring; fast-check properties for file order, one more "Ya", hostile links and stored values; CSV read back.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { MatrixData } from '../../src/lib/matrix.ts';
import { toMatrixData } from '../../src/lib/matrix-data.ts';
import {
  MAX_LABEL_LENGTH,
  ROLLUP_VERSION,
  duplicates,
  parseShareLink,
  parseStoredRollup,
  pastedLines,
  priorities,
  priorityGroups,
  rollup,
  roleTotals,
  staffRow,
  staffTable,
  uniqueLabel,
  type StaffInput,
} from '../../src/lib/rollup.ts';
import { prioritiesCsv, staffCsv, type RollupCsvHeadings } from '../../src/lib/rollup-csv.ts';
import { ROLLUP_STORAGE_KEY, clearRollup, loadRollup, saveRollup } from '../../src/lib/rollup-store.ts';
import {
  emptyRecord,
  encodeFragment,
  indicatorCounts,
  results,
  type Answer,
  type SelfCheckRecord,
} from '../../src/lib/self-check.ts';
import { loadFixtureDictionary } from '../support/fixture.ts';

const dictionary = await loadFixtureDictionary();
const data: MatrixData = toMatrixData(dictionary, 'id', undefined);
const counts = indicatorCounts(data);
const roleSlugs = data.roles.map((role) => role.slug);

/** Every indicator answered the same way. */
const uniform = (role: string | null, value: Answer): SelfCheckRecord => ({
  ...emptyRecord(data, role),
  answers: Object.fromEntries(data.competencies.map((c, i) => [c.slug, value.repeat(counts[i]!)])),
});
/** Sets answer `index` (over all competencies in order) of a record. */
function withAnswer(record: SelfCheckRecord, index: number, value: Answer): SelfCheckRecord {
  let rest = index;
  for (const [at, competency] of data.competencies.entries()) {
    if (rest < counts[at]!) {
      const text = record.answers[competency.slug]!;
      return {
        ...record,
        answers: { ...record.answers, [competency.slug]: text.slice(0, rest) + value + text.slice(rest + 1) },
      };
    }
    rest -= counts[at]!;
  }
  throw new Error(`no answer ${index}`);
}
const total = counts.reduce((sum, count) => sum + count, 0);

const answerArb = fc.constantFrom<Answer>('y', 'n', '_');
/** Any record the self-check can write (each competency's answers the right length). */
const recordArb: fc.Arbitrary<SelfCheckRecord> = fc
  .tuple(...counts.map((count) => fc.array(answerArb, { minLength: count, maxLength: count })))
  .map((groups) => ({
    ...emptyRecord(data),
    answers: Object.fromEntries(data.competencies.map((c, i) => [c.slug, groups[i]!.join('')])),
  }));
/** A unit of staff with distinct labels and any role (or none). */
const staffArb: fc.Arbitrary<StaffInput[]> = fc
  .array(fc.tuple(fc.option(fc.constantFrom(...roleSlugs), { nil: null }), recordArb), { maxLength: 8 })
  .map((entries) => entries.map(([role, record], index) => ({ label: `Staf ${index + 1}`, role, record })));

/** Priorities as comparable values: indicator key to sorted labels and own count. */
const priorityMap = (staff: StaffInput[]) =>
  new Map(priorities(data, staff).map((p) => [`${p.competency}:${p.indicator.no}`, { who: p.who, own: p.own }]));

describe('a unit of four on the fixture, worked out by hand', () => {
  // Lead requires alpha 3 and beta 2; support alpha 1. Alpha's levels hold 2, 2, 1, 2, 1 indicators; beta's 1, 1, 2, 1, 1.
  const person = (label: string, role: string, alpha: string, beta: string): StaffInput => ({
    label,
    role,
    record: { ...emptyRecord(data, role), answers: { alpha, beta } },
  });
  const unit = [
    person('Staf A', 'lead', 'yyyyy___', 'y_____'), // alpha level 3 (level 4 open), beta level 1 (2.1 open)
    person('Staf B', 'support', 'yn______', '______'), // alpha 1.2 "Belum": level 0
    person('Staf C', 'lead', 'yn______', '______'), // alpha level 0, beta nothing answered
    person('Staf D', 'lead', 'yyyyyyyy', 'yyyyyy'), // everything "Ya"
  ];

  test('standing and whether answers could still change it', () => {
    expect(staffTable(data, unit).map((row) => [row.label, row.standing, row.incomplete])).toEqual([
      ['Staf A', 'one-short', true],
      ['Staf B', 'one-short', false],
      ['Staf C', 'further', true],
      ['Staf D', 'meets', false],
    ]);
    expect(staffTable(data, unit)[2]!.cells.map((cell) => cell.gap)).toEqual([3, 2]);
  });

  test('role totals', () => {
    expect(roleTotals(data, staffTable(data, unit))).toEqual([
      { role: 0, staff: 3, meets: 1, oneShort: 1, further: 1, incomplete: 2 },
      { role: 1, staff: 1, meets: 0, oneShort: 1, further: 0, incomplete: 0 },
    ]);
  });

  test('training priorities: most needed first, ties in dictionary order; "own" counts those for whom it is the required level', () => {
    expect(
      priorities(data, unit).map((p) => [data.competencies[p.competency]!.slug, p.indicator.no, p.who, p.own]),
    ).toEqual([
      ['alpha', '1.2', ['Staf B', 'Staf C'], 1],
      ['beta', '2.1', ['Staf A', 'Staf C'], 2],
      ['alpha', '2.1', ['Staf C'], 0],
      ['alpha', '2.2', ['Staf C'], 0],
      ['alpha', '3.1', ['Staf C'], 1],
      ['beta', '1.1', ['Staf C'], 0],
    ]);
  });
});

describe('staff table', () => {
  test('each cell is the self-check’s own result for the role the head gave', () => {
    fc.assert(
      fc.property(recordArb, fc.option(fc.constantFrom(...roleSlugs), { nil: null }), (record, role) => {
        const row = staffRow(data, { label: 'x', role, record });
        const own = results(data, { ...record, role });
        expect(row.cells).toEqual(
          own.map(({ competency, attained, required, gap }) => ({ competency, attained, required, gap })),
        );
        const gaps = own.flatMap((result) => (result.gap === null ? [] : [result.gap]));
        const largest = Math.max(0, ...gaps);
        expect(row.standing).toBe(role === null ? 'no-role' : (['meets', 'one-short'][largest] ?? 'further'));
      }),
    );
  });

  test('the role given by the head wins over the one in the file', () => {
    const [first, second] = roleSlugs;
    const row = staffRow(data, { label: 'x', role: second!, record: uniform(first!, '_') });
    expect(row.role).toBe(1);
    expect(row.cells.map((cell) => cell.required)).toEqual(data.required[1]);
  });

  test('all "Ya" meets every role; nothing answered is short of every role by its required levels, and incomplete', () => {
    data.roles.forEach((role, index) => {
      expect(staffRow(data, { label: 'a', role: role.slug, record: uniform(role.slug, 'y') }).standing).toBe('meets');
      const empty = staffRow(data, { label: 'b', role: role.slug, record: uniform(role.slug, '_') });
      const largest = Math.max(...data.required[index]!.map((level) => level ?? 0));
      expect(empty.standing).toBe(largest === 1 ? 'one-short' : 'further');
      expect(empty.incomplete).toBe(true);
      const no = staffRow(data, { label: 'c', role: role.slug, record: uniform(role.slug, 'n') });
      expect(no.incomplete).toBe(false);
    });
  });
});

describe('role totals', () => {
  test('add up to the staff of each role, split by standing', () => {
    fc.assert(
      fc.property(staffArb, (staff) => {
        const rows = staffTable(data, staff);
        const totals = roleTotals(data, rows);
        expect(totals).toHaveLength(data.roles.length);
        for (const entry of totals) {
          const mine = staff.filter((input) => input.role === roleSlugs[entry.role]);
          expect(entry.staff).toBe(mine.length);
          expect(entry.meets + entry.oneShort + entry.further).toBe(mine.length);
          expect(entry.incomplete).toBeLessThanOrEqual(mine.length);
        }
      }),
    );
  });
});

describe('training priorities', () => {
  test('one person with nothing answered needs every indicator of the levels their role requires, once', () => {
    data.roles.forEach((role, index) => {
      const ranked = priorities(data, [{ label: 'Staf 1', role: role.slug, record: uniform(null, '_') }]);
      const expected = data.competencies.flatMap((competency, c) => {
        const required = data.required[index]![c] ?? 0;
        return competency.levels
          .filter((level) => level.level <= required)
          .flatMap((level) =>
            level.indicators.map((indicator) => ({ c, no: indicator.no, own: level.level === required ? 1 : 0 })),
          );
      });
      expect(ranked.map((p) => ({ c: p.competency, no: p.indicator.no, own: p.own }))).toEqual(expected);
      expect(ranked.every((p) => p.who.length === 1 && p.who[0] === 'Staf 1')).toBe(true);
      expect(priorities(data, [{ label: 'x', role: role.slug, record: uniform(null, 'y') }])).toEqual([]);
    });
  });

  test('ranked by how many need each, then dictionary order; each names who', () => {
    fc.assert(
      fc.property(staffArb, (staff) => {
        const ranked = priorities(data, staff);
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i - 1]!.who.length).toBeGreaterThanOrEqual(ranked[i]!.who.length);
        }
        for (const priority of ranked) {
          expect(priority.who.length).toBeGreaterThan(0);
          expect(priority.own).toBeLessThanOrEqual(priority.who.length);
          for (const label of priority.who) {
            const input = staff.find((entry) => entry.label === label)!;
            const role = roleSlugs.indexOf(input.role!);
            const required = data.required[role]![priority.competency];
            // Needed only up to the required level, and only when not answered "Ya".
            expect(required).not.toBeNull();
            expect(priority.level).toBeLessThanOrEqual(required!);
          }
        }
        // Nobody without a role is counted.
        const roleless = staff.filter((input) => input.role === null).map((input) => input.label);
        expect(ranked.flatMap((p) => p.who).some((label) => roleless.includes(label))).toBe(false);
      }),
    );
  });

  test('groups hold each priority once, every group one competency and level', () => {
    fc.assert(
      fc.property(staffArb, (staff) => {
        const ranked = priorities(data, staff);
        const groups = priorityGroups(ranked);
        expect(groups.flatMap((group) => group.priorities)).toHaveLength(ranked.length);
        for (const group of groups) {
          expect(group.priorities.every((p) => p.competency === group.competency && p.level === group.level)).toBe(
            true,
          );
        }
        expect(new Set(groups.map((group) => `${group.competency}:${group.level}`)).size).toBe(groups.length);
      }),
    );
  });
});

describe('properties', () => {
  test('the order of the files does not matter', () => {
    fc.assert(
      fc.property(
        staffArb.chain((staff) =>
          fc.tuple(fc.constant(staff), fc.shuffledSubarray(staff, { minLength: staff.length })),
        ),
        ([staff, shuffled]) => {
          const a = rollup(data, staff);
          const b = rollup(data, shuffled);
          expect(b.totals).toEqual(a.totals);
          expect(b.priorities).toEqual(a.priorities);
          expect(b.groups).toEqual(a.groups);
          const sorted = (groups: string[][]) => groups.map((g) => [...g].sort()).sort();
          expect(sorted(b.duplicates)).toEqual(sorted(a.duplicates));
          const byLabel = (rows: typeof a.rows) => [...rows].sort((x, y) => (x.label < y.label ? -1 : 1));
          expect(byLabel(b.rows)).toEqual(byLabel(a.rows));
        },
      ),
    );
  });

  test('one more "Ya" never lowers a level nor raises a need count', () => {
    fc.assert(
      fc.property(
        staffArb.filter((staff) => staff.length > 0),
        fc.nat(),
        fc.nat({ max: total - 1 }),
        (staff, who, index) => {
          const at = who % staff.length;
          const changed = staff.map((input, i) =>
            i === at ? { ...input, record: withAnswer(input.record, index, 'y') } : input,
          );
          const before = staffTable(data, staff)[at]!;
          const after = staffTable(data, changed)[at]!;
          after.cells.forEach((cell, c) => {
            expect(cell.attained.level).toBeGreaterThanOrEqual(before.cells[c]!.attained.level);
            if (cell.gap !== null) expect(cell.gap).toBeLessThanOrEqual(before.cells[c]!.gap!);
          });
          const needBefore = priorityMap(staff);
          for (const [key, value] of priorityMap(changed)) {
            expect(value.who.length).toBeLessThanOrEqual(needBefore.get(key)?.who.length ?? 0);
          }
          const totalsBefore = roleTotals(data, staffTable(data, staff));
          roleTotals(data, staffTable(data, changed)).forEach((entry, r) => {
            expect(entry.meets).toBeGreaterThanOrEqual(totalsBefore[r]!.meets);
          });
        },
      ),
    );
  });
});

describe('duplicates and labels', () => {
  test('the same answers and role are named; another role or one answer apart is not', () => {
    const record = withAnswer(uniform(null, '_'), 0, 'y');
    const [first, second] = roleSlugs;
    const staff: StaffInput[] = [
      { label: 'a.json', role: first!, record },
      { label: 'b.json', role: second!, record },
      { label: 'c.json', role: first!, record: { ...record, all: true } },
      { label: 'd.json', role: first!, record: withAnswer(record, 1, 'n') },
    ];
    expect(duplicates(data, staff)).toEqual([['a.json', 'c.json']]);
  });

  test('labels are made unique and kept short', () => {
    expect(uniqueLabel('a.json', [])).toBe('a.json');
    expect(uniqueLabel('a.json', ['a.json', 'a.json (2)'])).toBe('a.json (3)');
    expect(uniqueLabel('x'.repeat(500), []).length).toBe(MAX_LABEL_LENGTH);
    expect(uniqueLabel('   ', [])).toBe('?');
  });
});

describe('share links and pasted lines', () => {
  test('a whole address, a bare fragment and a fragment with # are read alike', () => {
    const record = withAnswer(uniform(roleSlugs[0]!, '_'), 2, 'y');
    const fragment = encodeFragment(record);
    for (const text of [`https://example.org/cek-mandiri/#${fragment}`, `#${fragment}`, fragment, `  ${fragment}  `]) {
      expect(parseShareLink(text, data)).toEqual({ ok: true, record });
    }
  });

  test('lines keep their numbers; blank lines are skipped', () => {
    expect(pastedLines('a\r\n\n  b  \n')).toEqual([
      { line: 1, text: 'a' },
      { line: 3, text: 'b' },
    ]);
  });

  test('anything pasted is read or refused, never thrown', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl({ withFragments: true }),
          fc.string().map((s) => `#v=1&${s}`),
        ),
        (text) => {
          const parsed = parseShareLink(text, data);
          expect(typeof parsed.ok).toBe('boolean');
        },
      ),
    );
    expect(parseShareLink('https://example.org/cek-mandiri/', data)).toEqual({ ok: false, problem: 'malformed' });
    expect(parseShareLink('#v=9', data)).toEqual({ ok: false, problem: 'version' });
  });
});

describe('stored roll-up', () => {
  const staff: StaffInput[] = [
    { label: 'Staf 1', role: roleSlugs[0]!, record: uniform(roleSlugs[0]!, 'y') },
    { label: 'Staf 2', role: null, record: uniform(null, '_') },
  ];

  test('a stored value is validated like a file; anything else is null, never thrown', () => {
    expect(parseStoredRollup({ v: ROLLUP_VERSION, staff }, data)).toEqual(staff);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseStoredRollup(value, data);
        expect(parsed === null || Array.isArray(parsed)).toBe(true);
      }),
    );
    const bad = [
      null,
      [],
      { v: 2, staff },
      { v: 1, staff: [{ ...staff[0], role: 'kepala' }] },
      { v: 1, staff: [{ ...staff[0], label: 'x'.repeat(MAX_LABEL_LENGTH + 1) }] },
      { v: 1, staff: [{ ...staff[0], record: { ...staff[0]!.record, answers: { alpha: 'yyy' } } }] },
    ];
    for (const value of bad) expect(parseStoredRollup(value, data)).toBeNull();
  });

  describe('in localStorage', () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    let map: Map<string, string>;
    beforeEach(() => {
      map = new Map();
      const store = {
        getItem: (key: string) => map.get(key) ?? null,
        setItem: (key: string, value: string) => void map.set(key, value),
        removeItem: (key: string) => void map.delete(key),
      };
      Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: store, writable: true });
    });
    afterEach(() => {
      if (original) Object.defineProperty(globalThis, 'localStorage', original);
      else delete (globalThis as { localStorage?: unknown }).localStorage;
    });

    test('round trip under a versioned key, corrupt values reported, delete clears', () => {
      expect(loadRollup(data)).toEqual({ status: 'empty' });
      expect(saveRollup(staff)).toBe(true);
      expect([...map.keys()]).toEqual([ROLLUP_STORAGE_KEY]);
      expect(ROLLUP_STORAGE_KEY).toMatch(/:v1$/);
      expect(loadRollup(data)).toEqual({ status: 'ok', staff });
      map.set(ROLLUP_STORAGE_KEY, '{"v":1,"staff":[{');
      expect(loadRollup(data)).toEqual({ status: 'corrupt' });
      // What was there stays until the head deletes it.
      expect(map.get(ROLLUP_STORAGE_KEY)).toBe('{"v":1,"staff":[{');
      expect(clearRollup()).toBe(true);
      expect(loadRollup(data)).toEqual({ status: 'empty' });
    });

    test('storage that throws is reported, never thrown', () => {
      Object.defineProperty(globalThis, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
      expect(loadRollup(data)).toEqual({ status: 'unavailable' });
      expect(saveRollup(staff)).toBe(false);
      expect(clearRollup()).toBe(false);
      const full = {
        getItem: () => null,
        setItem: () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
        removeItem: () => {},
      };
      Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: full });
      expect(saveRollup(staff)).toBe(false);
    });
  });
});

describe('CSV', () => {
  const headings: RollupCsvHeadings = {
    staff: ['Label', 'Peran', 'Kompetensi', 'Level dicapai', 'Lengkap', 'Level dipersyaratkan', 'Kesenjangan'],
    priorities: ['Urutan', 'Kompetensi', 'Level', 'Indikator', 'Teks', 'Jumlah staf', 'Level sendiri', 'Staf'],
    yes: 'ya',
    no: 'tidak',
  };
  const staff: StaffInput[] = [
    { label: 'Staf; "Verifikator"', role: roleSlugs[0]!, record: uniform(null, '_') },
    { label: 'Staf 2', role: roleSlugs.at(-1)!, record: withAnswer(uniform(null, '_'), 0, 'y') },
  ];
  const read = (text: string) => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    return parse(text, { bom: true, columns: true }) as Record<string, string>[];
  };

  test('the staff table: one row per person and competency, read back', () => {
    const { rows } = rollup(data, staff);
    const back = read(staffCsv(data, rows, headings));
    expect(back).toHaveLength(staff.length * data.competencies.length);
    back.forEach((line, index) => {
      const row = rows[Math.floor(index / data.competencies.length)]!;
      const cell = row.cells[index % data.competencies.length]!;
      expect(line.Label).toBe(row.label);
      expect(line.Peran).toBe(data.roles[row.role]!.name);
      expect(Number(line['Level dicapai'])).toBe(cell.attained.level);
      expect(line['Level dipersyaratkan']).toBe(cell.required === null ? '' : String(cell.required));
      expect(line.Kesenjangan).toBe(cell.gap === null ? '' : String(cell.gap));
    });
  });

  test('the priority list in rank order with who needs each', () => {
    const ranked = priorities(data, staff);
    const back = read(prioritiesCsv(data, ranked, headings));
    expect(back.map((line) => line.Indikator)).toEqual(ranked.map((p) => p.indicator.no));
    expect(back.map((line) => Number(line['Jumlah staf']))).toEqual(ranked.map((p) => p.who.length));
    expect(back.map((line) => line.Staf)).toEqual(ranked.map((p) => p.who.join('; ')));
  });
});
