// Feedback on the draft (masukan): the clause model of the fixture dictionary, worked out by hand, the record
// format with fast-check round trips (JSON, storage, CSV) and hostile input (markup, oversized, foreign,
// tampered, prototype keys), merging a team's files, and the store against throwing and full storage.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, test } from 'vitest';
import { buildClauses, toClauseRows } from '../../src/lib/feedback/clauses.ts';
import {
  FEEDBACK_FORMAT,
  FEEDBACK_KINDS,
  FEEDBACK_VERSION,
  MAX_FEEDBACK_LENGTH,
  MAX_TEXT_LENGTH,
  emptyFeedback,
  inDictionaryOrder,
  mergeComments,
  toExport,
  type FeedbackComment,
  type FeedbackRecord,
} from '../../src/lib/feedback/record.ts';
import { parseFeedbackJson } from '../../src/lib/feedback/record-schema.ts';
import { csvCell, toCsv, type CsvLabels } from '../../src/lib/feedback/csv.ts';
import { FEEDBACK_STORAGE_KEY, clearFeedback, loadFeedback, saveFeedback } from '../../src/lib/feedback/store.ts';
import { loadFixtureDictionary } from '../support/fixture.ts';
import { MemoryStorage } from '../support/storage.ts';

const dictionary = await loadFixtureDictionary();
const clauses = buildClauses(dictionary);
const rows = toClauseRows(clauses, 'id', undefined);
const ids = new Set(clauses.map((clause) => clause.id));

describe('the clause model', () => {
  test('every clause of the fixture, in dictionary order: competencies, then roles', () => {
    // alpha: a definition, five levels, eight indicators (2.2 with sub-items a-c); beta: six indicators;
    // lead: a summary and two required levels; support: two duties and one required level (beta is "-").
    const alpha = [
      'definisi',
      'level-1',
      'indikator-1-1',
      'indikator-1-2',
      'level-2',
      'indikator-2-1',
      'indikator-2-2',
      'butir-2-2-a',
      'butir-2-2-b',
      'butir-2-2-c',
      'level-3',
      'indikator-3-1',
      'level-4',
      'indikator-4-1',
      'indikator-4-2',
      'level-5',
      'indikator-5-1',
    ];
    const beta = [
      'definisi',
      'level-1',
      'indikator-1-1',
      'level-2',
      'indikator-2-1',
      'level-3',
      'indikator-3-1',
      'indikator-3-2',
      'level-4',
      'indikator-4-1',
      'level-5',
      'indikator-5-1',
    ];
    expect(clauses.map((clause) => clause.id)).toEqual([
      ...alpha.map((anchor) => `alpha.${anchor}`),
      ...beta.map((anchor) => `beta.${anchor}`),
      'lead.ikhtisar-jabatan',
      'lead.standar-alpha',
      'lead.standar-beta',
      'support.tugas-1',
      'support.tugas-2',
      'support.standar-alpha',
    ]);
    expect(clauses.map((clause) => clause.order)).toEqual(clauses.map((_, index) => index));
    for (const clause of clauses) expect(clause.id).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/);
  });

  test('numbers are the draft’s: competency order and indicator, role and its section’s row', () => {
    const number = (id: string) => clauses.find((clause) => clause.id === id)?.number;
    expect(number('alpha.definisi')).toBe('1');
    expect(number('alpha.level-4')).toBe('1 · Level 4');
    expect(number('alpha.butir-2-2-b')).toBe('1 · 2.2 b');
    expect(number('beta.indikator-3-2')).toBe('2 · 3.2');
    expect(number('lead.ikhtisar-jabatan')).toBe('Peran Ketua · I');
    // Row II.1 of each role's standard is its prerequisite; the competencies follow.
    expect(number('lead.standar-alpha')).toBe('Peran Ketua · II.2');
    expect(number('lead.standar-beta')).toBe('Peran Ketua · II.3');
    expect(number('support.tugas-2')).toBe('Peran Pendukung · I.2');
    expect(number('support.standar-alpha')).toBe('Peran Pendukung · II.2');
  });

  test('texts: an indicator’s own, a sub-item’s, a required level in both languages', () => {
    const text = (id: string) => clauses.find((clause) => clause.id === id)?.text;
    expect(text('alpha.indikator-2-2')).toEqual({
      id: 'Indikator alfa 2.2 dengan rincian:',
      en: 'Indikator alfa 2.2 dengan rincian: (en)',
    });
    expect(text('alpha.butir-2-2-c')).toEqual({ id: 'Rincian ketiga', en: 'Rincian ketiga (en)' });
    expect(text('lead.standar-beta')).toEqual({ id: 'Kompetensi Beta: Level 2', en: 'Kompetensi Beta (en): Level 2' });
  });

  test('rows link to the clause on its page, in either language', () => {
    const en = toClauseRows(clauses, 'en', 'en');
    const indicator = rows.find((row) => row.id === 'alpha.indikator-3-1')!;
    expect(indicator.href).toMatch(/\/kompetensi\/alpha\/#indikator-3-1$/);
    expect(en.find((row) => row.id === indicator.id)!.href).toMatch(/\/en\/kompetensi\/alpha\/#indikator-3-1$/);
    expect(rows.find((row) => row.id === 'support.tugas-1')!.href).toMatch(/\/peran\/support\/#tugas-1$/);
  });
});

const text = fc.string({ maxLength: 80, unit: 'grapheme' });
const commentArb: fc.Arbitrary<FeedbackComment> = fc.record({
  id: fc.uuid(),
  clause: fc.constantFrom(...ids),
  kind: fc.constantFrom(...FEEDBACK_KINDS),
  proposal: text,
  reason: text.filter((value) => value.length > 0),
  authors: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 3 }),
});
const recordArb: fc.Arbitrary<FeedbackRecord> = fc.record({
  format: fc.constant(FEEDBACK_FORMAT),
  version: fc.constant(FEEDBACK_VERSION),
  author: fc.string({ maxLength: 20 }),
  unit: fc.string({ maxLength: 20 }),
  contact: fc.string({ maxLength: 20 }),
  comments: fc.uniqueArray(commentArb, { maxLength: 8, selector: (comment) => comment.id }),
});

const labels: CsvLabels = {
  columns: ['id', 'number', 'text', 'kind', 'proposal', 'reason', 'authors'],
  kinds: Object.fromEntries(FEEDBACK_KINDS.map((kind) => [kind, kind])) as CsvLabels['kinds'],
};

describe('the record format', () => {
  test('any record survives JSON, and its export, unchanged', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        expect(parseFeedbackJson(JSON.stringify(record), ids)).toEqual({ ok: true, record });
        const exported = toExport(record, 'id', '2022-11-08', rows);
        const back = parseFeedbackJson(JSON.stringify(exported), ids);
        expect(back).toEqual({ ok: true, record: exported });
      }),
    );
  });

  test('CSV reads back as one row per comment in dictionary order, text unchanged', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const csv = toCsv(record.comments, rows, labels);
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const table: string[][] = parse(csv, { bom: true, relax_column_count: false });
        expect(table[0]).toEqual(labels.columns);
        const ordered = inDictionaryOrder(record.comments, rows);
        // Cells a spreadsheet would run as formulas carry the guard apostrophe (tested below); all else is verbatim.
        expect(table.slice(1)).toEqual(
          ordered.map((comment) => {
            const row = rows.find((entry) => entry.id === comment.clause)!;
            return [
              comment.clause,
              row.number,
              row.text,
              comment.kind,
              comment.proposal,
              comment.reason,
              comment.authors.join('; '),
            ].map(csvCell);
          }),
        );
      }),
    );
  });

  test('a cell a spreadsheet would run as a formula is written as text', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('biasa')).toBe('biasa');
  });

  test('markup stays text: the record keeps it verbatim, and the CSV quotes it', () => {
    const comment: FeedbackComment = {
      id: 'a',
      clause: 'alpha.level-1',
      kind: 'lainnya',
      proposal: '<script>alert(1)</script>',
      reason: '"><img src=x onerror=alert(1)>',
      authors: [],
    };
    const record = { ...emptyFeedback(), comments: [comment] };
    expect(parseFeedbackJson(JSON.stringify(record), ids)).toEqual({ ok: true, record });
    const [, row] = parse(toCsv([comment], rows, labels), { bom: true }) as string[][];
    expect(row!.slice(4, 6)).toEqual([comment.proposal, comment.reason]);
  });

  const valid = (): FeedbackRecord => ({
    ...emptyFeedback(),
    comments: [{ id: 'a', clause: 'alpha.level-1', kind: 'redaksi', proposal: '', reason: 'r', authors: [] }],
  });
  const refused = (value: unknown) => {
    const parsed = parseFeedbackJson(typeof value === 'string' ? value : JSON.stringify(value), ids);
    expect(parsed.ok).toBe(false);
    return parsed;
  };

  test.each([
    ['not JSON', '{"format":', { problem: 'malformed' }],
    ['an array', [], { problem: 'foreign' }],
    ['the self-check record', { v: 1, role: null, all: false, answers: {} }, { problem: 'foreign' }],
    ['open data', { format: 'kamus', competencies: [] }, { problem: 'foreign' }],
    ['another version', { ...emptyFeedback(), version: 2 }, { problem: 'version' }],
    [
      'an unknown kind',
      { ...valid(), comments: [{ ...valid().comments[0], kind: 'x' }] },
      { problem: 'invalid', field: 'comments.0.kind' },
    ],
    [
      'an empty reason',
      { ...valid(), comments: [{ ...valid().comments[0], reason: '' }] },
      { problem: 'invalid', field: 'comments.0.reason' },
    ],
    ['an extra field', { ...valid(), extra: 1 }, { problem: 'invalid', field: '' }],
    [
      'a __proto__ key',
      `{"format":"${FEEDBACK_FORMAT}","version":1,"author":"","unit":"","contact":"","comments":[],"__proto__":{"x":1}}`,
      { problem: 'invalid', field: '' },
    ],
    [
      'a text over the limit',
      { ...valid(), comments: [{ ...valid().comments[0], reason: 'x'.repeat(MAX_TEXT_LENGTH + 1) }] },
      { problem: 'invalid', field: 'comments.0.reason' },
    ],
    [
      'a repeated comment id',
      { ...valid(), comments: [valid().comments[0], valid().comments[0]] },
      { problem: 'invalid', field: 'comments.id' },
    ],
  ])('refuses %s', (_, value, problem) => {
    expect(refused(value)).toMatchObject({ ok: false, ...problem });
  });

  test('refuses a tampered clause id, naming it', () => {
    const tampered = { ...valid(), comments: [{ ...valid().comments[0], clause: 'alpha.indikator-9-9' }] };
    expect(refused(tampered)).toEqual({ ok: false, problem: 'unknown-clause', ids: ['alpha.indikator-9-9'] });
  });

  test('refuses an oversized text before parsing it', () => {
    expect(refused(' '.repeat(MAX_FEEDBACK_LENGTH + 1))).toEqual({ ok: false, problem: 'too-large' });
  });

  test('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((value) => JSON.stringify(value)),
        ),
        (input) => {
          expect(() => parseFeedbackJson(input, ids)).not.toThrow();
        },
      ),
    );
  });
});

describe('merging a team’s files', () => {
  const base = (clause: string, reason: string, id: string): FeedbackComment => ({
    id,
    clause,
    kind: 'substansi',
    proposal: '',
    reason,
    authors: [],
  });

  test('identical comments (whitespace aside) become one listing every author; others stay apart', () => {
    const merged = mergeComments([
      {
        author: 'A',
        comments: [base('alpha.level-1', 'Perlu contoh', 'x'), base('alpha.level-2', 'Lain', 'y')],
      },
      { author: 'B', comments: [base('alpha.level-1', '  Perlu   contoh ', 'x')] },
      { author: 'C', comments: [{ ...base('alpha.level-1', 'Perlu contoh', 'z'), kind: 'redaksi' }] },
    ]);
    expect(merged.map((comment) => [comment.clause, comment.authors])).toEqual([
      ['alpha.level-1', ['A', 'B']],
      ['alpha.level-2', ['A']],
      ['alpha.level-1', ['C']],
    ]);
    expect(new Set(merged.map((comment) => comment.id)).size).toBe(3);
  });

  test('merging is idempotent, keeps every distinct comment and every author, ids unique', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 4 }), (records) => {
        const merged = mergeComments(records);
        expect(mergeComments([{ author: '', comments: merged }])).toEqual(merged);
        expect(new Set(merged.map((comment) => comment.id)).size).toBe(merged.length);
        for (const record of records) {
          for (const comment of record.comments) {
            const found = merged.find(
              (entry) =>
                entry.clause === comment.clause &&
                entry.kind === comment.kind &&
                entry.reason.trim().replace(/\s+/g, ' ') === comment.reason.trim().replace(/\s+/g, ' ') &&
                entry.proposal.trim().replace(/\s+/g, ' ') === comment.proposal.trim().replace(/\s+/g, ' '),
            );
            expect(found).toBeDefined();
            const authors =
              comment.authors.length > 0 ? comment.authors : record.author.trim() ? [record.author.trim()] : [];
            for (const author of authors) expect(found!.authors).toContain(author);
          }
        }
        // The merged list is itself a valid record.
        expect(parseFeedbackJson(JSON.stringify({ ...emptyFeedback(), comments: merged }), ids).ok).toBe(true);
      }),
    );
  });
});

class ThrowingStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
}

describe('the store', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  const use = (storage: Storage) =>
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true, writable: true });
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'localStorage', original);
    else delete (globalThis as { localStorage?: Storage }).localStorage;
  });

  test('round trip under the versioned key; unit and contact kept only when asked', async () => {
    const storage = new MemoryStorage();
    use(storage);
    const record = { ...emptyFeedback(), author: 'A', unit: 'UKPBJ', contact: 'c@x.id' };
    expect(await loadFeedback(ids)).toEqual({ status: 'empty' });
    expect(saveFeedback(record)).toBe(true);
    expect(FEEDBACK_STORAGE_KEY).toMatch(/:v1$/);
    expect(await loadFeedback(ids)).toEqual({ status: 'ok', record: { ...record, unit: '', contact: '' } });
    expect(saveFeedback(record, true)).toBe(true);
    expect(await loadFeedback(ids)).toEqual({ status: 'ok', record });
    expect(clearFeedback()).toBe(true);
    expect(storage.map.size).toBe(0);
  });

  test('corrupt or foreign data is reported and left in place', async () => {
    const storage = new MemoryStorage();
    use(storage);
    storage.setItem(FEEDBACK_STORAGE_KEY, '{"v":1}');
    expect(await loadFeedback(ids)).toMatchObject({ status: 'corrupt', problem: { problem: 'foreign' } });
    expect(storage.getItem(FEEDBACK_STORAGE_KEY)).toBe('{"v":1}');
  });

  test('private mode and full storage are reported, never thrown', async () => {
    use(new ThrowingStorage());
    expect(await loadFeedback(ids)).toEqual({ status: 'unavailable' });
    expect(saveFeedback(emptyFeedback())).toBe(false);
    expect(clearFeedback()).toBe(false);
  });
});
