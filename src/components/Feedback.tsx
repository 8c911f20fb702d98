/**
 * The feedback island (masukan): comment on any clause of the draft, list the comments in dictionary
 * order, edit and delete them, hand them in as CSV, JSON or a printed response, and merge a team's
 * files into one. Everything stays in this browser (localStorage); nothing is sent anywhere.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  emptyFeedback,
  FEEDBACK_KINDS,
  inDictionaryOrder,
  MAX_FEEDBACK_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_TEXT_LENGTH,
  mergeComments,
  newCommentId,
  toExport,
  type ClauseRow,
  type FeedbackKind,
  type FeedbackParse,
  type FeedbackProblem,
  type FeedbackRecord,
} from '../lib/feedback/record.ts';
import { clearFeedback, loadFeedback, saveFeedback } from '../lib/feedback/store.ts';

/** The strict parser carries Zod: it loads when a file is imported (or storage holds feedback), not with the page. */
const loadSchema = (): Promise<typeof import('../lib/feedback/record-schema.ts')> =>
  import('../lib/feedback/record-schema.ts');
import { filler, type Labels } from '../lib/labels.ts';
import { formatLocalDate } from '../lib/format.ts';

/** The `feedback.*` strings the pages render themselves, so the island need not carry them. */
export const FEEDBACK_PAGE_ONLY = [
  'control',
  'controlClause',
  'title',
  'lead',
  'letterTitle',
  'letterIntro',
  'letterNote',
  'privacy',
  'privacyText',
  'needsScript',
] as const;

/** UI strings of the page's language (the `feedback.*` keys without their prefix). */
export type FeedbackLabels = Omit<Labels<'feedback'>, (typeof FEEDBACK_PAGE_ONLY)[number]>;

/** The letter that asks for feedback, as the printed response cites it. */
export interface LetterInfo {
  number: string;
  subject: string;
}

interface Props {
  clauses: ClauseRow[];
  labels: FeedbackLabels;
  lang: 'id' | 'en';
  letter: LetterInfo;
}

/** The form's fields; `id` is set when an existing comment is being edited. */
interface Draft {
  id?: string;
  clause: string;
  kind: FeedbackKind;
  proposal: string;
  reason: string;
}

type Notice = { kind: 'error' | 'info'; text: string; back?: ClauseRow } | null;

const today = () => new Date().toISOString().slice(0, 10);

/** Offers a text as a file to save. */
function download(name: string, text: string, type: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

export default function Feedback({ clauses, labels, lang, letter }: Props) {
  const l = filler(labels);
  const clauseIds = useMemo(() => new Set(clauses.map((clause) => clause.id)), [clauses]);
  const byId = useMemo(() => new Map(clauses.map((clause) => [clause.id, clause])), [clauses]);
  const places = useMemo(() => [...new Set(clauses.map((clause) => clause.place))], [clauses]);
  const [hydrated, setHydrated] = useState(false);
  const [record, setRecord] = useState<FeedbackRecord>(emptyFeedback);
  const [keepUnit, setKeepUnit] = useState(false);
  const [storageOk, setStorageOk] = useState(true);
  const [notice, setNotice] = useState<Notice>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);

  const problemText = (problem: FeedbackProblem) => {
    if (problem.problem === 'unknown-clause') return l('problem.unknown-clause', { ids: problem.ids.join(', ') });
    if (problem.problem === 'invalid') return l('problem.invalid', { field: problem.field || '-' });
    return l(`problem.${problem.problem}`);
  };

  useEffect(() => {
    let live = true;
    void loadFeedback(clauseIds).then((loaded) => {
      if (!live) return;
      if (loaded.status === 'ok') {
        setRecord(loaded.record);
        setKeepUnit(loaded.record.unit !== '' || loaded.record.contact !== '');
      }
      if (loaded.status === 'unavailable') setStorageOk(false);
      if (loaded.status === 'corrupt')
        setNotice({ kind: 'error', text: `${l('corrupt')} ${problemText(loaded.problem)}` });
      // A "Beri masukan" link on a content page lands here with the clause in the query.
      const asked = new URLSearchParams(location.search).get('klausul');
      if (asked !== null) {
        if (clauseIds.has(asked)) {
          setDraft({ clause: asked, kind: 'redaksi', proposal: '', reason: '' });
          setFocusTarget('form');
        } else setNotice({ kind: 'error', text: l('problem.unknown-clause', { ids: asked }) });
      }
      setHydrated(true);
    });
    return () => {
      live = false;
    };
  }, [clauseIds]);

  useEffect(() => {
    // Only once a target is set: on mount this runs after the effect above has asked for the form.
    if (!focusTarget) return;
    if (focusTarget === 'form') formHeading.current?.focus();
    else if (focusTarget) document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  /** Every change is saved at once. */
  const change = (next: FeedbackRecord, keep = keepUnit) => {
    setRecord(next);
    if (!saveFeedback(next, keep)) setStorageOk(false);
  };

  const comments = useMemo(() => inDictionaryOrder(record.comments, clauses), [record.comments, clauses]);
  // What is handed in, printed as exported: the reader's own comments carry the author label.
  const handedIn = useMemo(
    () => inDictionaryOrder(mergeComments([record]), clauses),
    [record.comments, record.author, clauses],
  );

  const submit = (event: Event) => {
    event.preventDefault();
    if (!draft || !draft.reason.trim() || !clauseIds.has(draft.clause)) return;
    const id = draft.id ?? newCommentId();
    const comment = {
      id,
      clause: draft.clause,
      kind: draft.kind,
      proposal: draft.proposal.trim(),
      reason: draft.reason.trim(),
      authors: record.comments.find((entry) => entry.id === id)?.authors ?? [],
    };
    const exists = record.comments.some((entry) => entry.id === id);
    change({
      ...record,
      comments: exists
        ? record.comments.map((entry) => (entry.id === id ? comment : entry))
        : [...record.comments, comment],
    });
    setDraft(null);
    setNotice({
      kind: 'info',
      text: l('saved', { clause: byId.get(draft.clause)!.number }),
      back: byId.get(draft.clause),
    });
    setFocusTarget(`masukan-${id}`);
  };

  const remove = (id: string) => {
    const comment = record.comments.find((entry) => entry.id === id);
    if (!comment) return;
    change({ ...record, comments: record.comments.filter((entry) => entry.id !== id) });
    setNotice({ kind: 'info', text: l('deleted', { clause: byId.get(comment.clause)?.number ?? comment.clause }) });
    setFocusTarget('feedback-list-heading');
  };

  const removeAll = () => {
    if (!confirm(l('deleteAllConfirm'))) return;
    clearFeedback();
    setRecord(emptyFeedback());
    setKeepUnit(false);
    setDraft(null);
    setNotice({ kind: 'info', text: l('deletedAll') });
  };

  const exported = () => toExport(record, lang, today(), clauses);

  const exportCsv = async () => {
    // The CSV writer is loaded on the first export, not with the page.
    const { toCsv } = await import('../lib/feedback/csv.ts');
    const csv = toCsv(exported().comments, clauses, {
      columns: [
        l('col.id'),
        l('col.number'),
        l('col.text'),
        l('col.kind'),
        l('col.proposal'),
        l('col.reason'),
        l('col.authors'),
      ],
      kinds: Object.fromEntries(FEEDBACK_KINDS.map((kind) => [kind, l(`kind.${kind}`)])) as Record<
        FeedbackKind,
        string
      >,
    });
    download(`masukan-kkt-lpse-${today()}.csv`, csv, 'text/csv;charset=utf-8');
  };

  const exportJson = () =>
    download(`masukan-kkt-lpse-${today()}.json`, JSON.stringify(exported(), null, 2), 'application/json');

  const importFiles = async (files: File[]) => {
    if (files.length === 0) return;
    const { parseFeedbackJson } = await loadSchema();
    const accepted: FeedbackRecord[] = [];
    const refused: string[] = [];
    for (const file of files) {
      const parsed: FeedbackParse =
        file.size > MAX_FEEDBACK_LENGTH
          ? { ok: false, problem: 'too-large' }
          : parseFeedbackJson(await file.text(), clauseIds);
      if (parsed.ok) accepted.push(parsed.record);
      else refused.push(`${file.name}: ${problemText(parsed)}`);
    }
    if (accepted.length > 0) {
      const merged = mergeComments([record, ...accepted]);
      change({ ...record, comments: merged });
    }
    const count = accepted.reduce((sum, file) => sum + file.comments.length, 0);
    setNotice({
      kind: refused.length > 0 ? 'error' : 'info',
      text: [
        accepted.length > 0 ? l('imported', { files: accepted.length, comments: count }) : '',
        ...refused.map((reason) => `${l('refused')} ${reason}`),
      ]
        .filter(Boolean)
        .join(' '),
    });
  };

  const setUnitField = (field: 'unit' | 'contact' | 'author', value: string) =>
    change({ ...record, [field]: value.slice(0, MAX_LABEL_LENGTH) });

  const clause = draft ? byId.get(draft.clause) : undefined;

  return (
    <div class="feedback" data-hydrated={hydrated ? '' : undefined} data-pagefind-ignore>
      {!storageOk && <p class="feedback-notice feedback-notice-error">{l('noStorage')}</p>}
      <div aria-live="polite" class="feedback-live">
        {notice && (
          <p class={`feedback-notice feedback-notice-${notice.kind}`}>
            {notice.text} {notice.back && <a href={notice.back.href}>{l('backTo', { clause: notice.back.number })}</a>}
          </p>
        )}
      </div>

      <section class="feedback-form" aria-labelledby="feedback-form-heading">
        {draft && clause ? (
          <form onSubmit={submit}>
            <h2 id="feedback-form-heading" tabIndex={-1} ref={formHeading}>
              {draft.id ? l('editTitle', { clause: clause.number }) : l('newTitle', { clause: clause.number })}
            </h2>
            <p>
              <label for="feedback-clause">{l('clause')}</label>
              <select
                id="feedback-clause"
                value={draft.clause}
                onChange={(event) => setDraft({ ...draft, clause: event.currentTarget.value })}
              >
                {places.map((place) => (
                  <optgroup label={place} key={place}>
                    {clauses
                      .filter((entry) => entry.place === place)
                      .map((entry) => (
                        <option value={entry.id} key={entry.id}>
                          {entry.number} — {entry.text.length > 70 ? `${entry.text.slice(0, 70)}…` : entry.text}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </p>
            <figure class="feedback-current">
              <figcaption>
                {l('currentText')} ({clause.place}, <a href={clause.href}>{clause.number}</a>, <code>{clause.id}</code>)
              </figcaption>
              <blockquote>{clause.text}</blockquote>
            </figure>
            <fieldset class="feedback-kinds">
              <legend>{l('kind')}</legend>
              {FEEDBACK_KINDS.map((kind) => (
                <label key={kind}>
                  <input
                    type="radio"
                    name="feedback-kind"
                    value={kind}
                    checked={draft.kind === kind}
                    onChange={() => setDraft({ ...draft, kind })}
                  />{' '}
                  {l(`kind.${kind}`)}
                </label>
              ))}
            </fieldset>
            <p>
              <label for="feedback-proposal">{l('proposal')}</label>
              <textarea
                id="feedback-proposal"
                rows={3}
                maxLength={MAX_TEXT_LENGTH}
                value={draft.proposal}
                onInput={(event) => setDraft({ ...draft, proposal: event.currentTarget.value })}
              />
            </p>
            <p>
              <label for="feedback-reason">{l('reason')}</label>
              <textarea
                id="feedback-reason"
                rows={4}
                required
                maxLength={MAX_TEXT_LENGTH}
                value={draft.reason}
                onInput={(event) => setDraft({ ...draft, reason: event.currentTarget.value })}
              />
            </p>
            <p class="feedback-buttons">
              <button type="submit">{l('save')}</button>{' '}
              <button type="button" onClick={() => setDraft(null)}>
                {l('cancel')}
              </button>
            </p>
          </form>
        ) : (
          <>
            <h2 id="feedback-form-heading">{l('formTitle')}</h2>
            <p>{l('formLead')}</p>
            <button
              type="button"
              disabled={!hydrated}
              onClick={() => {
                setDraft({ clause: clauses[0]!.id, kind: 'redaksi', proposal: '', reason: '' });
                setFocusTarget('form');
              }}
            >
              {l('add')}
            </button>
          </>
        )}
      </section>

      <section class="feedback-list-section" aria-labelledby="feedback-list-heading">
        <h2 id="feedback-list-heading" tabIndex={-1}>
          {l('listTitle', { count: comments.length })}
        </h2>
        {comments.length === 0 ? (
          <p>{l('empty')}</p>
        ) : (
          <ol class="feedback-list" role="list">
            {comments.map((comment) => {
              const target = byId.get(comment.clause)!;
              return (
                <li key={comment.id} id={`masukan-${comment.id}`} tabIndex={-1} class="feedback-item">
                  <p class="feedback-item-clause">
                    <a href={target.href}>{target.number}</a> {target.place} · <code>{target.id}</code>
                  </p>
                  <blockquote>{target.text}</blockquote>
                  <dl class="feedback-item-fields">
                    <dt>{l('kind')}</dt>
                    <dd>{l(`kind.${comment.kind}`)}</dd>
                    {comment.proposal && (
                      <>
                        <dt>{l('proposalShort')}</dt>
                        <dd class="feedback-text">{comment.proposal}</dd>
                      </>
                    )}
                    <dt>{l('reasonShort')}</dt>
                    <dd class="feedback-text">{comment.reason}</dd>
                    {comment.authors.length > 0 && (
                      <>
                        <dt>{l('authors')}</dt>
                        <dd>{comment.authors.join('; ')}</dd>
                      </>
                    )}
                  </dl>
                  <p class="feedback-buttons">
                    <button
                      type="button"
                      aria-label={l('editLabel', { clause: target.number })}
                      onClick={() => {
                        setDraft({ ...comment });
                        setFocusTarget('form');
                      }}
                    >
                      {l('edit')}
                    </button>{' '}
                    <button
                      type="button"
                      aria-label={l('deleteLabel', { clause: target.number })}
                      onClick={() => remove(comment.id)}
                    >
                      {l('delete')}
                    </button>
                  </p>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section class="feedback-handin" aria-labelledby="feedback-handin-heading">
        <h2 id="feedback-handin-heading">{l('handInTitle')}</h2>
        <p>
          <label for="feedback-author">{l('author')}</label>
          <input
            id="feedback-author"
            type="text"
            maxLength={MAX_LABEL_LENGTH}
            value={record.author}
            aria-describedby="feedback-author-hint"
            onInput={(event) => setUnitField('author', event.currentTarget.value)}
          />
          <small id="feedback-author-hint">{l('authorHint')}</small>
        </p>
        <p class="feedback-buttons">
          <button type="button" disabled={!hydrated || comments.length === 0} onClick={() => void exportCsv()}>
            {l('exportCsv')}
          </button>{' '}
          <button type="button" disabled={!hydrated || comments.length === 0} onClick={exportJson}>
            {l('exportJson')}
          </button>
        </p>
        <h3>{l('mergeTitle')}</h3>
        <p>{l('mergeLead')}</p>
        <p>
          <label for="feedback-import">{l('import')}</label>
          <input
            id="feedback-import"
            type="file"
            multiple
            accept=".json,application/json"
            disabled={!hydrated}
            onChange={(event) => {
              // Copied first: clearing the input below empties its live FileList.
              void importFiles([...(event.currentTarget.files ?? [])]);
              event.currentTarget.value = '';
            }}
          />
        </p>
        <h3>{l('printTitle')}</h3>
        <p>
          <label for="feedback-unit">{l('unit')}</label>
          <input
            id="feedback-unit"
            type="text"
            maxLength={MAX_LABEL_LENGTH}
            value={record.unit}
            onInput={(event) => setUnitField('unit', event.currentTarget.value)}
          />
        </p>
        <p>
          <label for="feedback-contact">{l('contact')}</label>
          <input
            id="feedback-contact"
            type="text"
            maxLength={MAX_LABEL_LENGTH}
            value={record.contact}
            onInput={(event) => setUnitField('contact', event.currentTarget.value)}
          />
        </p>
        <p>
          <label>
            <input
              type="checkbox"
              checked={keepUnit}
              onChange={(event) => {
                setKeepUnit(event.currentTarget.checked);
                change(record, event.currentTarget.checked);
              }}
            />{' '}
            {l('keepUnit')}
          </label>
        </p>
        <p class="feedback-buttons">
          <button type="button" disabled={!hydrated || comments.length === 0} onClick={() => print()}>
            {l('print')}
          </button>
        </p>
        <h3>{l('deleteAllTitle')}</h3>
        <p>
          <button type="button" class="feedback-delete-all" disabled={!hydrated} onClick={removeAll}>
            {l('deleteAll')}
          </button>
        </p>
      </section>

      <section class="feedback-print" aria-label={l('printTitle')}>
        <p class="feedback-print-subject">{l('printSubject', { number: letter.number, subject: letter.subject })}</p>
        <dl class="feedback-print-meta">
          <dt>{l('unit')}</dt>
          <dd>{record.unit || '—'}</dd>
          <dt>{l('contact')}</dt>
          <dd>{record.contact || '—'}</dd>
          <dt>{l('printDate')}</dt>
          <dd>{hydrated ? formatLocalDate(lang) : ''}</dd>
        </dl>
        <table class="feedback-print-table">
          <thead>
            <tr>
              <th scope="col">{l('col.number')}</th>
              <th scope="col">{l('col.text')}</th>
              <th scope="col">{l('col.kind')}</th>
              <th scope="col">{l('col.proposal')}</th>
              <th scope="col">{l('col.reason')}</th>
              <th scope="col">{l('col.authors')}</th>
            </tr>
          </thead>
          <tbody>
            {handedIn.map((comment) => {
              const target = byId.get(comment.clause)!;
              return (
                <tr key={comment.id}>
                  <td>
                    {target.number}
                    <br />
                    <code>{target.id}</code>
                  </td>
                  <td>{target.text}</td>
                  <td>{l(`kind.${comment.kind}`)}</td>
                  <td class="feedback-text">{comment.proposal}</td>
                  <td class="feedback-text">{comment.reason}</td>
                  <td>{comment.authors.join('; ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
