// The self-check's export format (version 2) and import of every earlier format: round trips as
// fast-check properties, the CSV read back with csv-parse, the kept files of each version, and
// tampered files refused. On the real dictionary: the kept files are what the site wrote and what
// people hold (tests/fixtures/self-check/), so they must import into it. Plans: self-check-plan.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/load-files.ts';
import type { MatrixData } from '../../src/lib/matrix.ts';
import { toMatrixData } from '../../src/lib/matrix-data.ts';
import { toOpenData } from '../../src/lib/open-data.ts';
import { emptyRecord, indicatorCounts, type SelfCheckRecord } from '../../src/lib/self-check.ts';
import {
  CSV_COLUMNS,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportCsv,
  exportJson,
  fromExport,
  parseImport,
  selfCheckExportSchema,
  textsFromOpenData,
  toExport,
  type SelfCheckExport,
} from '../../src/lib/self-check-export.ts';
import { selfCheckRecordArb } from '../support/arbitraries.ts';
import { projectRoot } from '../support/seed.ts';

const { dictionary } = await checkContent(projectRoot);
if (!dictionary) throw new Error('The real content does not validate (see `npm run check`).');
const data: MatrixData = toMatrixData(dictionary, 'id', undefined);
const en: MatrixData = toMatrixData(dictionary, 'en', 'en');
const openData = toOpenData(dictionary, new URL('https://kamus-lpse.example.org/'));
const texts = textsFromOpenData(openData);
const fixtures = path.join(projectRoot, 'tests', 'fixtures', 'self-check');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const total = indicatorCounts(data).reduce((sum, count) => sum + count, 0);
const options = {
  texts,
  lang: 'id' as const,
  source: dictionary.source.number,
  date: new Date('2026-11-25T08:30:00Z'),
};

const recordArb = selfCheckRecordArb(data);
/** The kept version-1 file as the dictionary reads it now (a competency added since: unanswered). */
function keptHelpdesk(): SelfCheckRecord {
  const result = parseImport(fixture('v1-helpdesk.json'), data);
  if (!result.ok) throw new Error(`tests/fixtures/self-check/v1-helpdesk.json no longer imports: ${result.problem}`);
  return result.record;
}
const dateArb = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });

describe('version 2: written, read back, re-imported', () => {
  test('record -> export -> JSON text -> import gives back the record (property)', () => {
    fc.assert(
      fc.property(recordArb, dateArb, fc.constantFrom('id', 'en' as const), (record, date, lang) => {
        const value = toExport(lang === 'id' ? data : en, record, { ...options, lang, date });
        expect(selfCheckExportSchema.safeParse(value).success).toBe(true);
        expect(parseImport(exportJson(value), data)).toEqual({ ok: true, record });
      }),
      { numRuns: 60 },
    );
  });

  test('every indicator once, in dictionary order, with its id, number, both texts and answer', () => {
    const record = keptHelpdesk();
    const value = toExport(data, record, options);
    expect(value).toMatchObject({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exported: '2026-11-25T08:30:00.000Z',
      lang: 'id',
      source: '28402/D.3.1/11/2022',
      role: 'helpdesk',
      all: false,
    });
    const indicators = openData.competencies.flatMap((c) =>
      c.levels.flatMap((l) => l.indicators.map((i) => ({ ...i, competency: c.id, level: l.level }))),
    );
    expect(value.indicators.map((row) => row.id)).toEqual(indicators.map((indicator) => indicator.id));
    expect(value.indicators).toHaveLength(total);
    for (const [index, row] of value.indicators.entries()) {
      const source = indicators[index]!;
      expect(row.no).toBe(source.no);
      expect(row.level).toBe(source.level);
      expect(row.competency).toBe(source.competency);
      // The draft's words first; sub-items appended so a reader sees what the indicator covers.
      expect(row.text.id.startsWith(source.text.id)).toBe(true);
      expect(row.text.en.startsWith(source.text.en)).toBe(true);
      for (const item of source.items) expect(row.text.id).toContain(`${item.key}. ${item.text.id}`);
      const letter =
        record.answers[row.competency]![
          value.indicators.filter((r, at) => at < index && r.competency === row.competency).length
        ];
      expect(row.answer).toBe(letter === 'y' ? 'yes' : letter === 'n' ? 'not-yet' : null);
    }
  });

  test('without the open data each text falls back to the page language, and still imports', () => {
    const record = keptHelpdesk();
    const value = toExport(en, record, { ...options, texts: new Map(), lang: 'en' });
    expect(value.indicators[0]!.text).toEqual({
      id: en.competencies[0]!.levels[0]!.indicators[0]!.text,
      en: en.competencies[0]!.levels[0]!.indicators[0]!.text,
    });
    expect(parseImport(exportJson(value), data)).toEqual({ ok: true, record });
  });

  test('the CSV holds the same rows: BOM, header, one row per indicator, Indonesian characters intact', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const value = toExport(data, record, options);
        const csv = exportCsv(value);
        expect(csv.charCodeAt(0)).toBe(0xfeff);
        const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
        expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
        expect(rows).toHaveLength(total);
        expect(
          rows.map((row) => [row.indicator, row.indicator_no, row.level, row.text_id, row.text_en, row.answer || null]),
        ).toEqual(value.indicators.map((i) => [i.id, i.no, String(i.level), i.text.id, i.text.en, i.answer]));
        expect(new Set(rows.map((row) => `${row.format}|${row.version}|${row.role}|${row.lang}`))).toEqual(
          new Set([`${EXPORT_FORMAT}|2|${record.role ?? ''}|id`]),
        );
      }),
      { numRuns: 20 },
    );
  });

  test('a BOM in front of a JSON file (some editors add one) is accepted', () => {
    const value = toExport(data, emptyRecord(data, 'helpdesk'), options);
    expect(parseImport(`\uFEFF${exportJson(value)}`, data)).toEqual({
      ok: true,
      record: emptyRecord(data, 'helpdesk'),
    });
  });
});

describe('every earlier format still imports (kept fixtures)', () => {
  // Competencies added to the dictionary after a file was written import as unanswered.
  const helpdesk: SelfCheckRecord = {
    v: 1,
    role: 'helpdesk',
    all: false,
    answers: {
      ...emptyRecord(data).answers,
      'layanan-lpse': 'yyyyyyynnnn______',
      'keamanan-informasi': 'yyynnn_________',
      'aplikasi-spse': 'yyyyyynnnn______',
    },
  };
  test('version 1, the bare record the first exports wrote', () => {
    expect(parseImport(fixture('v1-helpdesk.json'), data)).toEqual({ ok: true, record: helpdesk });
  });
  test('version 1 with competencies left out: completed with unanswered ones', () => {
    const result = parseImport(fixture('v1-no-role-partial.json'), data);
    expect(result.ok && result.record).toEqual({
      ...emptyRecord(data, null, true),
      answers: { ...emptyRecord(data).answers, 'aplikasi-spse': 'yyn_____________' },
    });
  });
  test('version 2 as written on 25 November 2026: same record, and writing it again gives the same file', () => {
    expect(parseImport(fixture('v2-helpdesk.json'), data)).toEqual({ ok: true, record: helpdesk });
    // The English translation may be reworded after a file was written (the Indonesian is the
    // draft's, verbatim); apart from it, and from competencies added since, writing the record again
    // gives the same file.
    const kept = JSON.parse(fixture('v2-helpdesk.json')) as { indicators: { id: string }[] };
    const keptIds = new Set(kept.indicators.map((row) => row.id));
    const withoutEnglish = (json: string) => {
      const file = JSON.parse(json) as { indicators: { id: string; text: { en?: string } }[] };
      file.indicators = file.indicators.filter((row) => keptIds.has(row.id));
      for (const indicator of file.indicators) delete indicator.text.en;
      return file;
    };
    expect(withoutEnglish(exportJson(toExport(data, helpdesk, options)))).toEqual(
      withoutEnglish(fixture('v2-helpdesk.json')),
    );
    const csvWithoutEnglish = (csv: string) =>
      (parse(csv, { bom: true, columns: true }) as Record<string, string>[])
        .filter((row) => keptIds.has(row.indicator!))
        .map(({ text_en: _en, ...row }) => row);
    expect(csvWithoutEnglish(exportCsv(toExport(data, helpdesk, options)))).toEqual(
      csvWithoutEnglish(fixture('v2-helpdesk.csv')),
    );
  });
});

describe('tampered or foreign files are refused, never thrown', () => {
  const good = (): SelfCheckExport => toExport(data, emptyRecord(data, 'verifikator'), options);
  const check = (value: unknown) => parseImport(JSON.stringify(value), data);

  test('the problems it names', () => {
    expect(check({ ...good(), version: 3 })).toEqual({ ok: false, problem: 'version' });
    expect(check({ ...good(), version: '2' })).toEqual({ ok: false, problem: 'malformed' });
    expect(check({ ...good(), format: 'something-else' })).toEqual({ ok: false, problem: 'malformed' });
    expect(check({ ...good(), role: 'bupati' })).toEqual({ ok: false, problem: 'unknown-role' });
    expect(check({ ...good(), exported: 'yesterday' })).toEqual({ ok: false, problem: 'malformed' });
    expect(check({ ...good(), extra: 1 })).toEqual({ ok: false, problem: 'malformed' });
    const rows = good().indicators;
    expect(check({ ...good(), indicators: [...rows, rows[0]] })).toEqual({ ok: false, problem: 'answers' });
    expect(check({ ...good(), indicators: [{ ...rows[0]!, id: 'layanan-lpse:9.9', no: '9.9' }] })).toEqual({
      ok: false,
      problem: 'answers',
    });
    expect(check({ ...good(), indicators: [{ ...rows[0]!, id: 'x:1.1', competency: 'x' }] })).toEqual({
      ok: false,
      problem: 'unknown-competency',
    });
    expect(check({ ...good(), indicators: [{ ...rows[0]!, no: '1.2' }] })).toEqual({ ok: false, problem: 'answers' });
    expect(check({ ...good(), indicators: [{ ...rows[0]!, answer: 'y' }] })).toEqual({
      ok: false,
      problem: 'malformed',
    });
    expect(parseImport('{', data)).toEqual({ ok: false, problem: 'malformed' });
    expect(parseImport(' '.repeat(400_001), data)).toEqual({ ok: false, problem: 'too-long' });
  });

  test('an export with fewer rows leaves the others unanswered (a later dictionary may add some)', () => {
    const value = toExport(
      data,
      { ...emptyRecord(data, 'helpdesk'), answers: { ...emptyRecord(data).answers, 'layanan-lpse': 'y'.repeat(17) } },
      options,
    );
    const result = check({ ...value, indicators: value.indicators.slice(0, 2) });
    expect(result.ok && result.record.answers['layanan-lpse']).toBe(`yy${'_'.repeat(15)}`);
  });

  test('any JSON value gives a record or a named problem (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.record({ format: fc.constant(EXPORT_FORMAT), version: fc.jsonValue() })),
        (value) => {
          const result = fromExport(value, data);
          expect(result.ok ? 'ok' : result.problem).toMatch(
            /^(ok|malformed|version|unknown-role|unknown-competency|answers|too-long)$/,
          );
          expect(parseImport(JSON.stringify(value) ?? 'null', data).ok).toBeTypeOf('boolean');
        },
      ),
    );
  });
});
