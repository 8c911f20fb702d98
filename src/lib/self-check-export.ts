/**
 * The self-check's export format (version 2): a file a person can read and a program can
 * re-import, e.g. a unit's roll-up of its staff's self-checks. One row per indicator with its
 * stable id (the open data's `competency:no`), number, Indonesian and English text and the answer,
 * plus the date, language, target role and the letter the dictionary comes from. The same rows
 * are written as CSV (UTF-8 with a byte-order mark, so spreadsheets keep Indonesian characters).
 *
 * Importing accepts this format and every earlier one: version 1 was the bare record the browser
 * stores (`{ v: 1, role, all, answers }`), still what the share link and local storage hold.
 * Loaded on demand by the island (it carries Zod), so the page's first load stays small.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { z } from 'astro/zod';
import { plainText } from './inline.ts';
import { LEVELS } from './levels.ts';
import type { MatrixData } from './matrix.ts';
import {
  emptyRecord,
  MAX_RECORD_LENGTH,
  parseRecordJson,
  RECORD_VERSION,
  type ParseResult,
  type SelfCheckRecord,
} from './self-check.ts';

// The page's Content-Security-Policy forbids eval: Zod must not even probe for it (the refused probe
// is reported as a violation), so it validates without compiling.
z.config({ jitless: true });

/** The `format` field that marks a self-check export. */
export const EXPORT_FORMAT = 'kkt-pengelola-lpse/cek-mandiri';
/** The current export version; 1 is the bare stored record. */
export const EXPORT_VERSION = 2;
/** Largest export accepted on import: far above 48 indicators with both texts, far below harm. */
export const MAX_EXPORT_LENGTH = 400_000;

/** An answer as written in an export: language-neutral words instead of the record's letters. */
export const exportAnswerSchema = z.enum(['yes', 'not-yet']).nullable();

const bothTexts = z.strictObject({ id: z.string(), en: z.string() });

/** One indicator of an export. */
export const exportIndicatorSchema = z.strictObject({
  id: z.string().describe('Stable id from the open data: competency id, colon, number, e.g. "layanan-lpse:3.2"'),
  competency: z.string(),
  level: z.number().int().min(1).max(LEVELS.length),
  no: z.string(),
  text: bothTexts.describe('The indicator in Indonesian (the draft’s words) and English, sub-items appended'),
  answer: exportAnswerSchema.describe('"yes" (Ya), "not-yet" (Belum) or null (not answered)'),
});

/** A self-check export, version 2 (documented in the README and checked on import). */
export const selfCheckExportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exported: z.iso.datetime({ offset: true }).describe('When the file was written (ISO 8601)'),
  lang: z.enum(['id', 'en']).describe('The language of the page it was exported from'),
  source: z.string().describe('Number of the letter whose draft dictionary the indicators come from'),
  role: z.string().nullable().describe('Target role id (e.g. "helpdesk"), or null for none'),
  all: z.boolean().describe('Whether every level of every competency was asked'),
  indicators: z.array(exportIndicatorSchema),
});

/** A parsed self-check export. */
export type SelfCheckExport = z.infer<typeof selfCheckExportSchema>;
/** One indicator row of an export. */
export type ExportIndicator = z.infer<typeof exportIndicatorSchema>;

/** Indonesian and English text of each indicator, by stable id. */
export type IndicatorTexts = Map<string, { id: string; en: string }>;

/** The part of the open data (`/data/kamus.json`) the export reads its two texts from. */
const openDataTexts = z.object({
  competencies: z.array(
    z.object({
      levels: z.array(
        z.object({
          indicators: z.array(
            z.object({
              id: z.string(),
              text: bothTexts,
              items: z.array(z.object({ key: z.string(), text: bothTexts })),
            }),
          ),
        }),
      ),
    }),
  ),
});

/** Reads both texts of every indicator (sub-items appended as "a. …; b. …") from the open data. */
export function textsFromOpenData(json: unknown): IndicatorTexts {
  const parsed = openDataTexts.parse(json);
  const texts: IndicatorTexts = new Map();
  for (const indicator of parsed.competencies.flatMap((c) => c.levels.flatMap((l) => l.indicators))) {
    const join = (lang: 'id' | 'en') =>
      [indicator.text[lang], indicator.items.map((item) => `${item.key}. ${item.text[lang]}`).join('; ')]
        .filter(Boolean)
        .join(' ');
    texts.set(indicator.id, { id: join('id'), en: join('en') });
  }
  return texts;
}

/** The stable id of an indicator, as in the open data. */
export const indicatorId = (competency: string, no: string) => `${competency}:${no}`;

const toWord = { y: 'yes', n: 'not-yet', _: null } as const;
const fromWord = (answer: ExportIndicator['answer']) => (answer === 'yes' ? 'y' : answer === 'not-yet' ? 'n' : '_');

/**
 * Writes a record as an export. `texts` supplies both languages; an indicator missing from it
 * keeps the page language's text for both, so an export never fails for want of a translation.
 */
export function toExport(
  data: MatrixData,
  record: SelfCheckRecord,
  options: { texts: IndicatorTexts; lang: 'id' | 'en'; source: string; date: Date },
): SelfCheckExport {
  const indicators: ExportIndicator[] = data.competencies.flatMap((competency) => {
    const answers = record.answers[competency.slug] ?? '';
    let position = 0;
    return competency.levels.flatMap((level) =>
      level.indicators.map((indicator) => {
        const id = indicatorId(competency.slug, indicator.no);
        const own = plainText([indicator.text, indicator.items.join('; ')].filter(Boolean).join(' '));
        const letter = (answers[position++] ?? '_') as keyof typeof toWord;
        return {
          id,
          competency: competency.slug,
          level: level.level,
          no: indicator.no,
          text: options.texts.get(id) ?? { id: own, en: own },
          answer: toWord[letter] ?? null,
        };
      }),
    );
  });
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported: options.date.toISOString(),
    lang: options.lang,
    source: options.source,
    role: record.role,
    all: record.all,
    indicators,
  };
}

/** The export as indented JSON text. */
export const exportJson = (value: SelfCheckExport) => `${JSON.stringify(value, null, 2)}\n`;

/** The CSV columns, in order: the export's fields, repeated on each indicator row. */
export const CSV_COLUMNS = [
  'format',
  'version',
  'exported',
  'lang',
  'source',
  'role',
  'all',
  'indicator',
  'competency',
  'level',
  'indicator_no',
  'text_id',
  'text_en',
  'answer',
] as const;

/** The export as CSV: a header row, one row per indicator, UTF-8 with a byte-order mark. */
export function exportCsv(value: SelfCheckExport): string {
  return stringify(
    value.indicators.map((indicator) => [
      value.format,
      value.version,
      value.exported,
      value.lang,
      value.source,
      value.role ?? '',
      value.all ? 'true' : 'false',
      indicator.id,
      indicator.competency,
      indicator.level,
      indicator.no,
      indicator.text.id,
      indicator.text.en,
      indicator.answer ?? '',
    ]),
    { bom: true, header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' },
  );
}

/** Turns a version 2 export back into a record, checking it against this dictionary; never throws. */
export function fromExport(value: unknown, data: MatrixData): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'malformed' };
  const input = value as Record<string, unknown>;
  if (input.format !== EXPORT_FORMAT) return { ok: false, problem: 'malformed' };
  if (input.version !== EXPORT_VERSION) {
    return { ok: false, problem: typeof input.version === 'number' ? 'version' : 'malformed' };
  }
  const parsed = selfCheckExportSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problem: 'malformed' };
  const { role, all, indicators } = parsed.data;
  if (role !== null && !data.roles.some((entry) => entry.slug === role)) return { ok: false, problem: 'unknown-role' };
  // Where each indicator id sits in the record: competency slug and position in its answer string.
  const places = new Map<string, { slug: string; position: number }>();
  for (const competency of data.competencies) {
    let position = 0;
    for (const indicator of competency.levels.flatMap((level) => level.indicators)) {
      places.set(indicatorId(competency.slug, indicator.no), { slug: competency.slug, position: position++ });
    }
  }
  const known = new Set(data.competencies.map((competency) => competency.slug));
  const record = emptyRecord(data, role, all);
  const answers: Record<string, string[]> = Object.fromEntries(
    Object.entries(record.answers).map(([slug, text]) => [slug, [...text]]),
  );
  const seen = new Set<string>();
  for (const indicator of indicators) {
    const place = places.get(indicator.id);
    if (!place) return { ok: false, problem: known.has(indicator.competency) ? 'answers' : 'unknown-competency' };
    // A repeated indicator, or one whose number or competency disagrees with its id, is not guessed at.
    if (seen.has(indicator.id) || indicatorId(indicator.competency, indicator.no) !== indicator.id) {
      return { ok: false, problem: 'answers' };
    }
    seen.add(indicator.id);
    answers[place.slug]![place.position] = fromWord(indicator.answer);
  }
  return {
    ok: true,
    record: {
      v: RECORD_VERSION,
      role,
      all,
      answers: Object.fromEntries(Object.entries(answers).map(([slug, letters]) => [slug, letters.join('')])),
    },
  };
}

/** Reads an imported file's text: a version 2 export, or a version 1 record; never throws. */
export function parseImport(text: string, data: MatrixData): ParseResult {
  if (text.length > MAX_EXPORT_LENGTH) return { ok: false, problem: 'too-long' };
  let value: unknown;
  try {
    // A byte-order mark is allowed, as some editors add one when saving.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (typeof value === 'object' && value !== null && 'format' in value) return fromExport(value, data);
  return text.length > MAX_RECORD_LENGTH ? { ok: false, problem: 'too-long' } : parseRecordJson(text, data);
}
