/**
 * The self-check island: choose a target role, answer each indicator "Ya" / "Belum", and see
 * levels, gaps, role fit and a development plan. Answers stay in this browser (localStorage);
 * a share link carries them in the URL fragment, which browsers never send to a server.
 */
import { Fragment } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MatrixData } from '../lib/matrix.ts';
import { neededProgress } from '../lib/self-check-plan.ts';
import { IndicatorItems, IndicatorLabel, InlineText } from './IndicatorText.tsx';
import { PlanList, RoleGap } from './RoleGap.tsx';
import {
  answer,
  answersByLevel,
  competenciesInScope,
  decodeFragment,
  emptyRecord,
  encodeFragment,
  levelsInScope,
  results,
  roleFit,
  type Answer,
  type RecordProblem,
  type SelfCheckRecord,
} from '../lib/self-check.ts';
import { clearRecord, loadRecord, saveRecord } from '../lib/self-check-store.ts';
import { LEVELS, levelsBelow } from '../lib/levels.ts';
import { filler, type Filler, type Labels } from '../lib/labels.ts';

/** UI strings of the page's language (the `check.*` keys without their prefix). */
export type SelfCheckLabels = Labels<'check'>;

interface Props {
  data: MatrixData;
  labels: SelfCheckLabels;
  /** The page's language, written into exports. */
  lang?: 'id' | 'en';
  /** The source letter's number, written into exports. */
  source?: string;
  /** Where the open data (both languages' texts, for exports) is served. */
  openDataUrl?: string;
  /** The unit roll-up page, where a head of unit combines staff's exports. */
  rollupUrl?: string;
}

/** A message; those about a share link go when the link does (Back to one's own answers). */
type Notice = { kind: 'error' | 'info'; text: string; fromLink?: boolean } | null;

/** The action groups that confirm next to their own controls. */
type Group = 'share' | 'file' | 'delete';
/** The confirmation shown (and announced) next to each group. */
type Confirmations = Partial<Record<Group, { kind: 'error' | 'info'; text: string }>>;

/** Largest file read on import; the export format's parser checks the exact limit. */
const MAX_FILE_BYTES = 400_000;
/** File names of exports: a fixed stem and the date, no personal data. */
const fileName = (date: Date, extension: string) =>
  `cek-mandiri-pengelola-lpse-${date.toISOString().slice(0, 10)}.${extension}`;

/** Offers a text as a file download. */
function download(text: string, type: string, name: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

export default function SelfCheck({ data, labels, lang = 'id', source = '', openDataUrl, rollupUrl }: Props) {
  const l = filler(labels);
  const [hydrated, setHydrated] = useState(false);
  const [record, setRecord] = useState<SelfCheckRecord>(() => emptyRecord(data));
  // A shared result being viewed: shown, but not saved over the viewer's own answers.
  const [shared, setShared] = useState<SelfCheckRecord | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [storageOk, setStorageOk] = useState(true);
  const [confirmations, setConfirmations] = useState<Confirmations>({});
  // Roles whose gap is open in the fit table; the target role and the answers stay as they are.
  const [openRoles, setOpenRoles] = useState<number[]>([]);
  const acknowledge = (group: Group, kind: 'error' | 'info', text: string) =>
    setConfirmations((current) => ({ ...current, [group]: { kind, text } }));

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
  const done = neededProgress(data, current);
  const scored = results(data, current);
  const fit = roleFit(data, current);
  const roleIndex = data.roles.findIndex((role) => role.slug === current.role);
  const shareUrl = hydrated ? `${location.origin}${location.pathname}#${encodeFragment(current)}` : '';

  const exportFile = async (kind: 'json' | 'csv') => {
    try {
      const format = await import('../lib/self-check-export.ts');
      const response = openDataUrl ? await fetch(openDataUrl) : null;
      const texts: Map<string, { id: string; en: string }> = response?.ok
        ? format.textsFromOpenData(await response.json())
        : new Map();
      const date = new Date();
      const value = format.toExport(data, current, { texts, lang, source, date });
      const name = fileName(date, kind);
      if (kind === 'json') download(format.exportJson(value), 'application/json', name);
      else download(format.exportCsv(value), 'text/csv;charset=utf-8', name);
      acknowledge('file', 'info', l('exported', { file: name }));
    } catch {
      acknowledge('file', 'error', l('exportFailed'));
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const { parseImport } = await import('../lib/self-check-export.ts');
    const parsed =
      file.size > MAX_FILE_BYTES ? ({ ok: false, problem: 'too-long' } as const) : parseImport(await file.text(), data);
    // The same file can be chosen again after a refusal or a change.
    input.value = '';
    if (!parsed.ok) return acknowledge('file', 'error', `${l('badFile')} ${problemText(parsed.problem)}`);
    leaveShared();
    change(parsed.record, true);
    acknowledge('file', 'info', l('imported'));
  };

  const remove = () => {
    if (!confirm(l('deleteConfirm'))) return;
    clearRecord();
    leaveShared();
    setRecord(emptyRecord(data));
    acknowledge('delete', 'info', l('deleted'));
  };

  const toggleRole = (role: number) =>
    setOpenRoles((open) => (open.includes(role) ? open.filter((entry) => entry !== role) : [...open, role]));

  // Before hydration (and without JavaScript) the same view is served with its controls disabled,
  // so hydrating changes no layout; the page says in a <noscript> why nothing can be answered.
  const editable = hydrated && shared === null;

  return (
    // Kept out of the search index: its questions repeat the indicators (indexed on their own) and
    // its controls are no content.
    <div class="self-check" data-hydrated={hydrated || undefined} data-pagefind-ignore>
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

      <div class="self-check-answering">
        {/* Stays in view while answering (sticky), with jumps to the next needed question and the results. */}
        <div class="self-check-progress">
          <label>
            <span class="self-check-progress-text">
              {l('progress', { answered: done.answered, total: done.total })}
            </span>{' '}
            <progress max={done.total || 1} value={done.answered} />
          </label>
          <span class="self-check-jumps">
            {done.next && (
              <a
                href={`#${questionId(data.competencies[done.next.competency]!.slug, done.next.index, data, done.next.competency)}`}
              >
                {l('nextQuestion')}
              </a>
            )}{' '}
            <a href="#self-check-results-title">{l('toResults')}</a>
          </span>
        </div>

        <form class="self-check-questions" onSubmit={(event) => event.preventDefault()}>
          {scope.map((competency) => (
            <CompetencyQuestions
              key={competency}
              data={data}
              record={current}
              competency={competency}
              editable={editable}
              lang={lang}
              l={l}
              onAnswer={(index, value) => change(answer(current, data.competencies[competency]!.slug, index, value))}
            />
          ))}
        </form>
      </div>

      <section class="self-check-results" aria-labelledby="self-check-results-title">
        <h2 id="self-check-results-title">{l('results')}</h2>
        <p class="self-check-print-meta">
          {l('printMeta', { role: roleIndex >= 0 ? data.roles[roleIndex]!.name : l('noRole') })}
        </p>
        <table class="stack-table">
          <caption>{l('resultsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{l('competency')}</th>
              <th scope="col">{l('attained')}</th>
              <th scope="col">{l('required')}</th>
              <th scope="col">{l('gap')}</th>
            </tr>
          </thead>
          <tbody>
            {scored.map((result) => (
              <tr key={result.competency}>
                <th scope="row">
                  <a href={data.competencies[result.competency]!.href}>{data.competencies[result.competency]!.name}</a>
                </th>
                <td class="stack-inline" data-label={l('attained')}>
                  {result.attained.level}
                  {!result.attained.complete && ` (${l('incomplete')})`}
                </td>
                <td class="stack-inline" data-label={l('required')}>
                  {result.required ?? '–'}
                </td>
                <td class="stack-inline" data-label={l('gap')}>
                  {result.required === null
                    ? '–'
                    : result.meets === 'yes'
                      ? l('met')
                      : result.meets === 'unknown'
                        ? l('unknown')
                        : l(result.gap === 1 ? 'gapLevel' : 'gapLevels', { count: result.gap ?? 0 })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Chart data={data} scored={scored} l={l} />

        <h3>{l('fit')}</h3>
        <table class="stack-table">
          <caption>{l('fitCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{l('role')}</th>
              <th scope="col">{l('status')}</th>
              <th scope="col">{l('competenciesMet')}</th>
              <th scope="col">{l('indicatorsLeft')}</th>
            </tr>
          </thead>
          <tbody>
            {fit.map((entry) => {
              const role = data.roles[entry.role]!;
              const open = openRoles.includes(entry.role);
              return (
                <Fragment key={entry.role}>
                  <tr>
                    <th scope="row">
                      <button
                        type="button"
                        class="self-check-role-toggle"
                        aria-expanded={open ? 'true' : 'false'}
                        aria-controls={`self-check-gap-${role.slug}`}
                        disabled={!hydrated}
                        onClick={() => toggleRole(entry.role)}
                      >
                        <span class="self-check-role-name">{role.name}</span>{' '}
                        <span class="self-check-role-hint">{l(open ? 'fitHide' : 'fitShow')}</span>
                      </button>
                    </th>
                    <td class="stack-inline" data-label={l('status')}>
                      {l(`fit.${entry.status}`)}
                    </td>
                    <td class="stack-inline" data-label={l('competenciesMet')}>
                      {entry.competenciesMet} / {entry.competenciesRequired}
                    </td>
                    <td class="stack-inline" data-label={l('indicatorsLeft')}>
                      {entry.indicatorsLeft === entry.indicatorsLeftOwn
                        ? entry.indicatorsLeft
                        : l('leftSplit', {
                            count: entry.indicatorsLeft,
                            own: entry.indicatorsLeftOwn,
                            below: entry.indicatorsLeft - entry.indicatorsLeftOwn,
                          })}
                    </td>
                  </tr>
                  <tr class="self-check-gap-row" id={`self-check-gap-${role.slug}`} hidden={!open}>
                    <td colSpan={4}>
                      {open && <RoleGap data={data} record={current} role={entry.role} lang={lang} l={l} />}
                    </td>
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>

        <h3>{l('plan')}</h3>
        {roleIndex < 0 ? (
          <p>{l('planNoRole')}</p>
        ) : scored.every((result) => result.toReach.all.length === 0) ? (
          <p>{l('planDone')}</p>
        ) : (
          <div class="self-check-plan-list">
            {scored
              .filter((result) => result.toReach.all.length > 0)
              .map((result) => (
                <div class="self-check-plan" key={result.competency}>
                  <h4>
                    {data.competencies[result.competency]!.name}: {l('planTo', { level: result.required ?? 0 })}
                  </h4>
                  {/* The draft lists the required level's own indicators; the levels below are our reading. */}
                  {result.toReach.own.length > 0 && (
                    <>
                      <p data-part="own">
                        {l('planOwn', { level: result.toReach.level, count: result.toReach.own.length })}
                      </p>
                      <PlanList indicators={result.toReach.own} lang={lang} />
                    </>
                  )}
                  {result.toReach.below.length > 0 && (
                    <>
                      <p data-part="below">
                        {l('planBelow', { levels: levelsBelow(result.toReach), count: result.toReach.below.length })}
                      </p>
                      <PlanList indicators={result.toReach.below} lang={lang} />
                    </>
                  )}
                </div>
              ))}
          </div>
        )}
      </section>

      <section class="self-check-actions" aria-labelledby="self-check-actions-title">
        <h2 id="self-check-actions-title">{l('actions')}</h2>
        <div class="self-check-action-group">
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
                navigator.clipboard
                  ?.writeText(shareUrl)
                  .then(() => acknowledge('share', 'info', l('copied')))
                  .catch(() => acknowledge('share', 'error', l('copyFailed')))
              }
            >
              {l('copy')}
            </button>
          </p>
          <Confirmation value={confirmations.share} />
        </div>
        <div class="self-check-action-group">
          <p>
            <button type="button" disabled={!hydrated} onClick={() => exportFile('json')}>
              {l('export')}
            </button>{' '}
            <button type="button" disabled={!hydrated} onClick={() => exportFile('csv')}>
              {l('exportCsv')}
            </button>{' '}
            <label class="self-check-import">
              {l('import')}{' '}
              <input
                type="file"
                disabled={!hydrated}
                accept="application/json,.json"
                onChange={(event) => importFile(event.currentTarget)}
              />
            </label>
          </p>
          <Confirmation value={confirmations.file} />
          {rollupUrl && (
            <p class="self-check-to-rollup">
              <a href={rollupUrl}>{l('toRollup')}</a>: {l('toRollupHint')}
            </p>
          )}
        </div>
        <div class="self-check-action-group">
          <p>
            <button type="button" disabled={!hydrated} onClick={() => print()}>
              {l('print')}
            </button>{' '}
            <button type="button" class="self-check-delete" disabled={!hydrated} onClick={remove}>
              {l('delete')}
            </button>
          </p>
          <Confirmation value={confirmations.delete} />
        </div>
      </section>
    </div>
  );
}

/** A polite live region beside a group of controls: always present, so what it says is announced. */
function Confirmation({ value }: { value: Confirmations[Group] }) {
  return (
    <p
      class={`self-check-confirm${value?.kind === 'error' ? ' self-check-confirm-error' : ''}`}
      role="status"
      aria-live="polite"
    >
      {value?.text ?? ''}
    </p>
  );
}

/** The id of an indicator's question, for jumps: `q-<competency>-<number>`. */
function questionId(slug: string, index: number, data: MatrixData, competency: number): string {
  const indicator = data.competencies[competency]!.levels.flatMap((level) => level.indicators)[index]!;
  return `q-${slug}-${indicator.no}`;
}

/** The questions of one competency, level by level; levels above a "not yet" fold away (still answerable). */
function CompetencyQuestions({
  data,
  record,
  competency,
  editable,
  lang,
  l,
  onAnswer,
}: {
  data: MatrixData;
  record: SelfCheckRecord;
  competency: number;
  editable: boolean;
  lang: 'id' | 'en';
  l: Filler<SelfCheckLabels>;
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
          {l('level', { level: level.level })}: <InlineText text={level.description} lang={lang} />
        </legend>
        {level.indicators.map((indicator, position) => {
          const name = `${entry.slug}-${indicator.no}`;
          const value = byLevel[levelIndex]![position];
          return (
            <fieldset class="self-check-indicator" key={indicator.no} id={`q-${entry.slug}-${indicator.no}`}>
              <legend>
                <IndicatorLabel indicator={{ no: indicator.no, text: indicator.text }} lang={lang} />
              </legend>
              <IndicatorItems items={indicator.items} lang={lang} />
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
          <summary>
            {/* "Level 3", not "Levels 3–3". */}
            {folded.length === 1
              ? l('foldedOne', { level: folded[0]!.level })
              : l('folded', { from: folded[0]!.level, to: folded.at(-1)!.level })}
          </summary>
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
  l: Filler<SelfCheckLabels>;
}) {
  const rowHeight = 44;
  const width = 520;
  const left = 170;
  const unit = (width - left - 10) / LEVELS.length;
  const height = scored.length * rowHeight + 30;
  return (
    <figure class="self-check-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="self-check-chart-title">
        <title id="self-check-chart-title">{l('chartTitle')}</title>
        {[0, ...LEVELS].map((level) => (
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
