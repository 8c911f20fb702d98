/**
 * The self-check island: choose a target role, answer each indicator "Ya" / "Belum", and see
 * levels, gaps, role fit and a development plan. Answers stay in this browser (localStorage);
 * a share link carries them in the URL fragment, which browsers never send to a server.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MatrixData } from '../lib/matrix.ts';
import {
  answer,
  answersByLevel,
  competenciesInScope,
  decodeFragment,
  emptyRecord,
  encodeFragment,
  levelsInScope,
  MAX_RECORD_LENGTH,
  parseRecordJson,
  progress,
  results,
  roleFit,
  type Answer,
  type RecordProblem,
  type SelfCheckRecord,
} from '../lib/self-check.ts';
import { clearRecord, loadRecord, saveRecord } from '../lib/self-check-store.ts';
import { fill } from '../lib/template.ts';

/** UI strings of the page's language (the `check.*` keys without their prefix). */
export type SelfCheckLabels = Record<string, string>;

interface Props {
  data: MatrixData;
  labels: SelfCheckLabels;
}

/** A message; those about a share link go when the link does (Back to one's own answers). */
type Notice = { kind: 'error' | 'info'; text: string; fromLink?: boolean } | null;

export default function SelfCheck({ data, labels }: Props) {
  const l = (key: string, values: Record<string, string | number> = {}) => fill(labels[key] ?? '', values);
  const [hydrated, setHydrated] = useState(false);
  const [record, setRecord] = useState<SelfCheckRecord>(() => emptyRecord(data));
  // A shared result being viewed: shown, but not saved over the viewer's own answers.
  const [shared, setShared] = useState<SelfCheckRecord | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [storageOk, setStorageOk] = useState(true);

  const problemText = (problem: RecordProblem) => l(`problem.${problem}`);

  useEffect(() => {
    const loaded = loadRecord(data);
    if (loaded.status === 'ok') setRecord(loaded.record);
    if (loaded.status === 'unavailable') setStorageOk(false);
    if (loaded.status === 'corrupt')
      setNotice({ kind: 'error', text: `${l('corrupt')} ${problemText(loaded.problem)}` });
    const readLink = () => {
      if (!location.hash || location.hash === '#') {
        setShared(null);
        setNotice((notice) => (notice?.fromLink ? null : notice));
        return;
      }
      const parsed = decodeFragment(location.hash, data);
      if (parsed.ok) {
        setShared(parsed.record);
        setNotice({ kind: 'info', text: l('sharedView'), fromLink: true });
      } else {
        setShared(null);
        setNotice({ kind: 'error', text: `${l('badLink')} ${problemText(parsed.problem)}`, fromLink: true });
      }
    };
    readLink();
    setHydrated(true);
    addEventListener('hashchange', readLink);
    return () => removeEventListener('hashchange', readLink);
  }, [data]);

  const current = shared ?? record;

  /** Every change of one's own answers is saved at once. */
  const change = (next: SelfCheckRecord, replace = false) => {
    // A shared result is read-only; only keeping it or importing a file replaces one's answers.
    if (shared && !replace) return;
    setRecord(next);
    if (!saveRecord(next)) setStorageOk(false);
  };

  const leaveShared = () => {
    history.replaceState(null, '', location.pathname + location.search);
    setShared(null);
    setNotice(null);
  };

  const keepShared = () => {
    if (!shared) return;
    change(shared, true);
    leaveShared();
    setNotice({ kind: 'info', text: l('sharedSaved') });
  };

  const scope = useMemo(() => competenciesInScope(data, current), [data, current]);
  const done = progress(data, current);
  const scored = results(data, current);
  const fit = roleFit(data, current);
  const roleIndex = data.roles.findIndex((role) => role.slug === current.role);
  const shareUrl = hydrated ? `${location.origin}${location.pathname}#${encodeFragment(current)}` : '';

  const exportFile = () => {
    const blob = new Blob([JSON.stringify(current, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'cek-mandiri-pengelola-lpse.json';
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const parsed =
      file.size > MAX_RECORD_LENGTH
        ? ({ ok: false, problem: 'too-long' } as const)
        : parseRecordJson(await file.text(), data);
    if (!parsed.ok) return setNotice({ kind: 'error', text: `${l('badFile')} ${problemText(parsed.problem)}` });
    leaveShared();
    change(parsed.record, true);
    setNotice({ kind: 'info', text: l('imported') });
  };

  const remove = () => {
    if (!confirm(l('deleteConfirm'))) return;
    clearRecord();
    leaveShared();
    setRecord(emptyRecord(data));
    setNotice({ kind: 'info', text: l('deleted') });
  };

  // Before hydration (and without JavaScript) the same view is served with its controls disabled,
  // so hydrating changes no layout; the page says in a <noscript> why nothing can be answered.
  const editable = hydrated && shared === null;

  return (
    <div class="self-check" data-hydrated={hydrated || undefined}>
      {notice && (
        <div
          class={`self-check-notice self-check-notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <p>{notice.text}</p>
          {shared && (
            <p>
              <button type="button" onClick={keepShared}>
                {l('sharedKeep')}
              </button>{' '}
              <button type="button" onClick={leaveShared}>
                {l('sharedLeave')}
              </button>
            </p>
          )}
        </div>
      )}
      {!storageOk && (
        <p class="self-check-notice self-check-notice-info" role="status">
          {l('noStorage')}
        </p>
      )}

      <fieldset class="self-check-target" disabled={!editable}>
        <legend>{l('target')}</legend>
        {data.roles.map((role) => (
          <label key={role.slug}>
            <input
              type="radio"
              name="target-role"
              value={role.slug}
              checked={current.role === role.slug}
              onChange={() => change({ ...current, role: role.slug })}
            />{' '}
            {role.name}
          </label>
        ))}
        <label>
          <input
            type="radio"
            name="target-role"
            value=""
            checked={current.role === null}
            onChange={() => change({ ...current, role: null })}
          />{' '}
          {l('noRole')}
        </label>
        <label class="self-check-all">
          <input
            type="checkbox"
            checked={current.all}
            onChange={(event) => change({ ...current, all: event.currentTarget.checked })}
          />{' '}
          {l('askAll')}
        </label>
      </fieldset>

      <p class="self-check-progress">
        <label>
          {l('progress', done)} <progress max={done.total} value={done.answered} />
        </label>
      </p>

      <form class="self-check-questions" onSubmit={(event) => event.preventDefault()}>
        {scope.map((competency) => (
          <CompetencyQuestions
            key={competency}
            data={data}
            record={current}
            competency={competency}
            editable={editable}
            l={l}
            onAnswer={(index, value) => change(answer(current, data.competencies[competency]!.slug, index, value))}
          />
        ))}
      </form>

      <section class="self-check-results" aria-labelledby="self-check-results-title">
        <h2 id="self-check-results-title">{l('results')}</h2>
        <p class="self-check-print-meta">
          {l('printMeta', { role: roleIndex >= 0 ? data.roles[roleIndex]!.name : l('noRole') })}
        </p>
        <table class="stack-table" role="table">
          <caption>{l('resultsCaption')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                {l('competency')}
              </th>
              <th scope="col" role="columnheader">
                {l('attained')}
              </th>
              <th scope="col" role="columnheader">
                {l('required')}
              </th>
              <th scope="col" role="columnheader">
                {l('gap')}
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {scored.map((result) => (
              <tr role="row" key={result.competency}>
                <th scope="row" role="rowheader">
                  <a href={data.competencies[result.competency]!.href}>{data.competencies[result.competency]!.name}</a>
                </th>
                <td role="cell" class="stack-inline" data-label={l('attained')}>
                  {result.attained.level}
                  {!result.attained.complete && ` (${l('incomplete')})`}
                </td>
                <td role="cell" class="stack-inline" data-label={l('required')}>
                  {result.required ?? '–'}
                </td>
                <td role="cell" class="stack-inline" data-label={l('gap')}>
                  {result.required === null
                    ? '–'
                    : result.meets === 'yes'
                      ? l('met')
                      : result.meets === 'unknown'
                        ? l('unknown')
                        : l('gapLevels', { count: result.gap ?? 0 })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Chart data={data} scored={scored} l={l} />

        <h3>{l('fit')}</h3>
        <table class="stack-table" role="table">
          <caption>{l('fitCaption')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                {l('role')}
              </th>
              <th scope="col" role="columnheader">
                {l('status')}
              </th>
              <th scope="col" role="columnheader">
                {l('competenciesMet')}
              </th>
              <th scope="col" role="columnheader">
                {l('indicatorsLeft')}
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {fit.map((entry) => (
              <tr role="row" key={entry.role}>
                <th scope="row" role="rowheader">
                  <a href={data.roles[entry.role]!.href}>{data.roles[entry.role]!.name}</a>
                </th>
                <td role="cell" class="stack-inline" data-label={l('status')}>
                  {l(`fit.${entry.status}`)}
                </td>
                <td role="cell" class="stack-inline" data-label={l('competenciesMet')}>
                  {entry.competenciesMet} / {entry.competenciesRequired}
                </td>
                <td role="cell" class="stack-inline" data-label={l('indicatorsLeft')}>
                  {entry.indicatorsLeft}
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <h3>{l('plan')}</h3>
        {roleIndex < 0 ? (
          <p>{l('planNoRole')}</p>
        ) : scored.every((result) => result.toReach.length === 0) ? (
          <p>{l('planDone')}</p>
        ) : (
          <div class="self-check-plan-list">
            {scored
              .filter((result) => result.toReach.length > 0)
              .map((result) => (
                <div class="self-check-plan" key={result.competency}>
                  <h4>
                    {data.competencies[result.competency]!.name}: {l('planTo', { level: result.required ?? 0 })}
                  </h4>
                  <ul>
                    {result.toReach.map((indicator) => (
                      <li key={indicator.no}>
                        <a href={indicator.href}>{indicator.no}</a> {indicator.text}
                        {indicator.items.length > 0 && (
                          <span class="self-check-items"> {indicator.items.join('; ')}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
          </div>
        )}
      </section>

      <section class="self-check-actions" aria-labelledby="self-check-actions-title">
        <h2 id="self-check-actions-title">{l('actions')}</h2>
        <label class="self-check-share">
          {l('shareLink')}
          <input
            type="text"
            readOnly
            disabled={!hydrated}
            value={shareUrl}
            onFocus={(event) => event.currentTarget.select()}
          />
        </label>
        <p>
          <button
            type="button"
            disabled={!hydrated}
            onClick={() =>
              navigator.clipboard?.writeText(shareUrl).then(() => setNotice({ kind: 'info', text: l('copied') }))
            }
          >
            {l('copy')}
          </button>{' '}
          <button type="button" disabled={!hydrated} onClick={exportFile}>
            {l('export')}
          </button>{' '}
          <label class="self-check-import">
            {l('import')}{' '}
            <input
              type="file"
              disabled={!hydrated}
              accept="application/json,.json"
              onChange={(event) => importFile(event.currentTarget.files?.[0])}
            />
          </label>{' '}
          <button type="button" disabled={!hydrated} onClick={() => print()}>
            {l('print')}
          </button>{' '}
          <button type="button" class="self-check-delete" disabled={!hydrated} onClick={remove}>
            {l('delete')}
          </button>
        </p>
      </section>
    </div>
  );
}

/** The questions of one competency, level by level; levels above a "not yet" fold away (still answerable). */
function CompetencyQuestions({
  data,
  record,
  competency,
  editable,
  l,
  onAnswer,
}: {
  data: MatrixData;
  record: SelfCheckRecord;
  competency: number;
  editable: boolean;
  l: (key: string, values?: Record<string, string | number>) => string;
  onAnswer: (index: number, value: Answer) => void;
}) {
  const entry = data.competencies[competency]!;
  const byLevel = answersByLevel(data, record, competency);
  const levels = entry.levels.slice(0, levelsInScope(data, record, competency));
  const firstNo = byLevel.findIndex((answers) => answers.includes('n'));
  let offset = 0;
  const blocks = levels.map((level, levelIndex) => {
    const start = offset;
    offset += level.indicators.length;
    const block = (
      <fieldset class="self-check-level" key={level.level} disabled={!editable}>
        <legend>
          {l('level', { level: level.level })}: {level.description}
        </legend>
        {level.indicators.map((indicator, position) => {
          const name = `${entry.slug}-${indicator.no}`;
          const value = byLevel[levelIndex]![position];
          return (
            <fieldset class="self-check-indicator" key={indicator.no}>
              <legend>
                {indicator.no} {indicator.text}
              </legend>
              {indicator.items.length > 0 && (
                <ul>
                  {indicator.items.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              )}
              {(['y', 'n'] as const).map((option) => (
                <label key={option}>
                  <input
                    type="radio"
                    name={name}
                    value={option}
                    checked={value === option}
                    onChange={() => onAnswer(start + position, option)}
                  />{' '}
                  {l(option === 'y' ? 'yes' : 'notYet')}
                </label>
              ))}
            </fieldset>
          );
        })}
      </fieldset>
    );
    return { level: level.level, block };
  });
  const open = firstNo < 0 ? blocks : blocks.slice(0, firstNo + 1);
  const folded = firstNo < 0 ? [] : blocks.slice(firstNo + 1);
  return (
    <section class="self-check-competency" aria-labelledby={`q-${entry.slug}`}>
      <h2 id={`q-${entry.slug}`}>{entry.name}</h2>
      {open.map(({ block }) => block)}
      {folded.length > 0 && (
        <details class="self-check-folded">
          <summary>{l('folded', { from: folded[0]!.level, to: folded.at(-1)!.level })}</summary>
          {folded.map(({ block }) => block)}
        </details>
      )}
    </section>
  );
}

/** Attained vs required level per competency, as bars; the results table above is its text alternative. */
function Chart({
  data,
  scored,
  l,
}: {
  data: MatrixData;
  scored: ReturnType<typeof results>;
  l: (key: string, values?: Record<string, string | number>) => string;
}) {
  const rowHeight = 44;
  const width = 520;
  const left = 170;
  const unit = (width - left - 10) / 5;
  const height = scored.length * rowHeight + 30;
  return (
    <figure class="self-check-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="self-check-chart-title">
        <title id="self-check-chart-title">{l('chartTitle')}</title>
        {[0, 1, 2, 3, 4, 5].map((level) => (
          <g key={level}>
            <line x1={left + level * unit} x2={left + level * unit} y1={0} y2={height - 20} class="grid" />
            <text x={left + level * unit} y={height - 5} text-anchor="middle">
              {level}
            </text>
          </g>
        ))}
        {scored.map((result, index) => {
          const y = index * rowHeight + 6;
          const name = data.competencies[result.competency]!.name;
          return (
            <g key={result.competency}>
              <text x={0} y={y + 18} class="label">
                {name.length > 26 ? `${name.slice(0, 25)}…` : name}
              </text>
              <rect x={left} y={y} width={result.attained.level * unit} height={14} class="attained" />
              {result.required !== null && (
                <rect x={left} y={y + 18} width={result.required * unit} height={14} class="required" />
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="key key-attained" aria-hidden="true" /> {l('attained')}{' '}
        <span class="key key-required" aria-hidden="true" /> {l('required')}. {l('chartAlt')}
      </figcaption>
    </figure>
  );
}
