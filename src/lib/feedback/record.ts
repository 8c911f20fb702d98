/**
 * Feedback on the draft (masukan): the record a reader keeps in the browser and hands in as a file,
 * its strict parsing, and merging a team's files into one unit response. Pure functions that run in
 * the browser; they know clauses only by the table the page hands them. The strict parser (Zod) is
 * apart (`record-schema.ts`) and the CSV writer too (`csv.ts`): the page loads each only when needed,
 * so the feedback page's first load stays within the tools' budget.
 */
/** One clause as the feedback page knows it, in the page's language. */
export interface ClauseRow {
  /** Stable id, e.g. `layanan-lpse.indikator-3-2`. */
  id: string;
  /** The draft's numbering, e.g. `1 · 3.2`. */
  number: string;
  /** Competency or role it belongs to. */
  place: string;
  /** Current text, plain. */
  text: string;
  /** Its link on the site. */
  href: string;
}

/** Marks a file or stored record as this site's feedback; anything else is refused as foreign. */
export const FEEDBACK_FORMAT = 'kkt-lpse-masukan';
/** The format version; any other is refused, not guessed at. */
export const FEEDBACK_VERSION = 1;
/** Largest file or stored record accepted (characters), far above a real unit response. */
export const MAX_FEEDBACK_LENGTH = 1_000_000;
/** Longest proposal or reason. */
export const MAX_TEXT_LENGTH = 5_000;
/** Longest author label, unit name or contact. */
export const MAX_LABEL_LENGTH = 200;
/** Most comments in one record. */
export const MAX_COMMENTS = 2_000;

/** What a comment is about, as the form offers it. */
export const FEEDBACK_KINDS = ['redaksi', 'substansi', 'level', 'indikator-baru', 'lainnya'] as const;
/** One of `FEEDBACK_KINDS`. */
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** One comment on one clause. */
export interface FeedbackComment {
  id: string;
  clause: string;
  kind: FeedbackKind;
  proposal: string;
  reason: string;
  authors: string[];
}
/** Everything a reader has entered; also the file format of an export. */
export interface FeedbackRecord {
  format: typeof FEEDBACK_FORMAT;
  version: typeof FEEDBACK_VERSION;
  /** Export date, `YYYY-MM-DD`; absent in storage. */
  exported?: string | undefined;
  lang?: 'id' | 'en' | undefined;
  author: string;
  unit: string;
  contact: string;
  comments: FeedbackComment[];
}

/** Why a record was refused; the UI turns each into a message. */
export type FeedbackProblem =
  | { problem: 'too-large' }
  | { problem: 'malformed' }
  | { problem: 'foreign' }
  | { problem: 'version' }
  | { problem: 'invalid'; field: string }
  | { problem: 'unknown-clause'; ids: string[] };

/** A parse outcome: the record, or the reason it was refused. */
export type FeedbackParse = { ok: true; record: FeedbackRecord } | ({ ok: false } & FeedbackProblem);

/** A record with no comments. */
export const emptyFeedback = (): FeedbackRecord => ({
  format: FEEDBACK_FORMAT,
  version: FEEDBACK_VERSION,
  author: '',
  unit: '',
  contact: '',
  comments: [],
});

/** A fresh comment id (random, so comments from different people do not collide). */
export const newCommentId = (): string =>
  globalThis.crypto?.randomUUID?.() ?? `c${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;

/** Whitespace-insensitive form of a text, for telling identical comments apart. */
const normalized = (text: string) => text.trim().replace(/\s+/g, ' ');
const sameComment = (a: FeedbackComment, b: FeedbackComment) =>
  a.clause === b.clause &&
  a.kind === b.kind &&
  normalized(a.proposal) === normalized(b.proposal) &&
  normalized(a.reason) === normalized(b.reason);

/**
 * Merges records into one list: each comment carries its authors (a comment without any takes its
 * record's author label), identical comments become one listing every author, ids stay unique.
 */
export function mergeComments(records: Pick<FeedbackRecord, 'author' | 'comments'>[]): FeedbackComment[] {
  const merged: FeedbackComment[] = [];
  const ids = new Set<string>();
  for (const record of records) {
    for (const comment of record.comments) {
      const authors = comment.authors.length > 0 ? comment.authors : record.author.trim() ? [record.author.trim()] : [];
      const same = merged.find((entry) => sameComment(entry, comment));
      if (same) {
        same.authors = [...new Set([...same.authors, ...authors])];
        continue;
      }
      const id = ids.has(comment.id) ? newCommentId() : comment.id;
      ids.add(id);
      merged.push({ ...comment, id, authors: [...new Set(authors)] });
    }
  }
  return merged;
}

/** Comments in dictionary order (by their clause), keeping the order of comments on one clause. */
export function inDictionaryOrder<T extends { clause: string }>(comments: T[], clauses: ClauseRow[]): T[] {
  const position = new Map(clauses.map((clause, index) => [clause.id, index]));
  return comments
    .map((comment, index) => ({ comment, index }))
    .sort(
      (a, b) =>
        (position.get(a.comment.clause) ?? Infinity) - (position.get(b.comment.clause) ?? Infinity) ||
        a.index - b.index,
    )
    .map(({ comment }) => comment);
}

/** The record as a file: dated, in a language, with every comment's author named. */
export function toExport(
  record: FeedbackRecord,
  lang: 'id' | 'en',
  today: string,
  clauses: ClauseRow[],
): FeedbackRecord {
  const comments = inDictionaryOrder(mergeComments([record]), clauses);
  return { ...record, exported: today, lang, contact: '', comments };
}
