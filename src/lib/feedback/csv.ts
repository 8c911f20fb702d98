/**
 * The feedback list as CSV, one row per comment in dictionary order. Apart from `record.ts` so the
 * CSV writer loads only when a reader exports.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { inDictionaryOrder, type ClauseRow, type FeedbackComment, type FeedbackKind } from './record.ts';

/** Column headings and kind names of the CSV, in the page's language. */
export interface CsvLabels {
  columns: [id: string, number: string, text: string, kind: string, proposal: string, reason: string, authors: string];
  kinds: Record<FeedbackKind, string>;
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe, the
 * usual guard against CSV injection; the text is otherwise unchanged.
 */
export const csvCell = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** One row per comment, in dictionary order: UTF-8 with a byte-order mark so spreadsheets read it right. */
export function toCsv(comments: FeedbackComment[], clauses: ClauseRow[], labels: CsvLabels): string {
  const byId = new Map(clauses.map((clause) => [clause.id, clause]));
  const rows = inDictionaryOrder(comments, clauses).map((comment) => {
    const clause = byId.get(comment.clause);
    return [
      comment.clause,
      clause?.number ?? '',
      clause?.text ?? '',
      labels.kinds[comment.kind],
      comment.proposal,
      comment.reason,
      comment.authors.join('; '),
    ].map(csvCell);
  });
  return stringify([labels.columns, ...rows], { bom: true, record_delimiter: 'windows' });
}
