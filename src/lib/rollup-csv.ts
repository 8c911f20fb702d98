/**
 * The unit roll-up as CSV, the way the self-check's export writes it: UTF-8 with a byte-order mark
 * and Windows line ends, so spreadsheets keep Indonesian characters. Loaded on demand by the island.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { plainText } from './inline.ts';
import type { MatrixData } from './matrix.ts';
import type { Priority, StaffRow } from './rollup.ts';

/** Column headings in the page's language, in the order of the columns. */
export interface RollupCsvHeadings {
  staff: [
    label: string,
    role: string,
    competency: string,
    attained: string,
    complete: string,
    required: string,
    gap: string,
  ];
  priorities: [
    rank: string,
    competency: string,
    level: string,
    indicator: string,
    text: string,
    count: string,
    own: string,
    who: string,
  ];
  /** Words for true/false in the "complete" column. */
  yes: string;
  no: string;
}

const write = (rows: (string | number)[][], columns: string[]) =>
  stringify(rows, { bom: true, header: true, columns, record_delimiter: 'windows' });

/** The staff table: one row per staff member and competency (attained, required, gap in levels). */
export function staffCsv(data: MatrixData, rows: readonly StaffRow[], headings: RollupCsvHeadings): string {
  return write(
    rows.flatMap((row) =>
      row.cells.map((cell) => [
        row.label,
        data.roles[row.role]?.name ?? '',
        data.competencies[cell.competency]!.name,
        cell.attained.level,
        cell.attained.complete ? headings.yes : headings.no,
        cell.required ?? '',
        cell.gap ?? '',
      ]),
    ),
    [...headings.staff],
  );
}

/** The training priorities in rank order, with who needs each indicator. */
export function prioritiesCsv(data: MatrixData, ranked: readonly Priority[], headings: RollupCsvHeadings): string {
  return write(
    ranked.map((priority, index) => [
      index + 1,
      data.competencies[priority.competency]!.name,
      priority.level,
      priority.indicator.no,
      plainText([priority.indicator.text, ...priority.indicator.items].join(' ')),
      priority.who.length,
      priority.own,
      priority.who.join('; '),
    ]),
    [...headings.priorities],
  );
}
