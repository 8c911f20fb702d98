/**
 * The strict parser of feedback records (files and storage), apart from `record.ts` because it
 * carries Zod: the feedback page loads it only once it reads storage or a file.
 */
// Zod's mini build: the same schemas at a fraction of the classic build's weight in the page's bundle.
import * as z from 'zod/mini';
import {
  FEEDBACK_FORMAT,
  FEEDBACK_KINDS,
  FEEDBACK_VERSION,
  MAX_COMMENTS,
  MAX_FEEDBACK_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_TEXT_LENGTH,
  type FeedbackParse,
  type FeedbackRecord,
} from './record.ts';

// Zod probes for `new Function` to compile faster parsers; the site's strict CSP forbids eval, and
// the probe alone reports a violation. Records are small, so the plain parser is fast enough.
z.config({ jitless: true });

const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));
const label = text(MAX_LABEL_LENGTH);
const commentSchema = z.strictObject({
  id: z.string().check(z.regex(/^[\w-]{1,64}$/)),
  clause: text(200, 1),
  kind: z.enum(FEEDBACK_KINDS),
  proposal: text(MAX_TEXT_LENGTH),
  reason: text(MAX_TEXT_LENGTH, 1),
  authors: z.array(text(MAX_LABEL_LENGTH, 1)).check(z.maxLength(100)),
});
const recordSchema = z.strictObject({
  format: z.literal(FEEDBACK_FORMAT),
  version: z.literal(FEEDBACK_VERSION),
  /** Export date, `YYYY-MM-DD`; absent in storage. */
  exported: z.optional(z.iso.date()),
  lang: z.optional(z.enum(['id', 'en'])),
  author: label,
  unit: label,
  contact: label,
  comments: z.array(commentSchema).check(z.maxLength(MAX_COMMENTS)),
});

// The schema and the declared type must describe the same record (a compile-time check).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof recordSchema>, FeedbackRecord> = true;
void sameShape;

/** Checks an untrusted value (parsed JSON from a file or storage) against the format and the clause ids. Never throws. */
export function parseFeedback(value: unknown, clauseIds: ReadonlySet<string>): FeedbackParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'foreign' };
  const input = value as Record<string, unknown>;
  if (input.format !== FEEDBACK_FORMAT) return { ok: false, problem: 'foreign' };
  if (input.version !== FEEDBACK_VERSION) return { ok: false, problem: 'version' };
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: 'invalid', field: issue ? issue.path.join('.') : '' };
  }
  const unknown = [...new Set(parsed.data.comments.map((c) => c.clause).filter((id) => !clauseIds.has(id)))];
  if (unknown.length > 0) return { ok: false, problem: 'unknown-clause', ids: unknown };
  const ids = parsed.data.comments.map((comment) => comment.id);
  if (new Set(ids).size !== ids.length) return { ok: false, problem: 'invalid', field: 'comments.id' };
  return { ok: true, record: parsed.data };
}

/** Parses the text of a file or of storage; oversized or non-JSON text is refused. */
export function parseFeedbackJson(text: string, clauseIds: ReadonlySet<string>): FeedbackParse {
  if (text.length > MAX_FEEDBACK_LENGTH) return { ok: false, problem: 'too-large' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  return parseFeedback(value, clauseIds);
}
