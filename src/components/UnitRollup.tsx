/**
 * The unit roll-up island: a head of unit imports staff's self-check files and share links, labels
 * them and gives each a role, and sees a staff table, role totals, a chart, training priorities and
 * each person's plan. Everything happens in this browser; it is kept only when the head asks.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MatrixData } from '../lib/matrix.ts';
import {
  MAX_LABEL_LENGTH,
  parseShareLink,
  pastedLines,
  rollup,
  uniqueLabel,
  type StaffInput,
  type StaffRow,
} from '../lib/rollup.ts';
import type { RollupCsvHeadings } from '../lib/rollup-csv.ts';
import { clearRollup, loadRollup, saveRollup } from '../lib/rollup-store.ts';
import type { RecordProblem } from '../lib/self-check.ts';
import { filler, type Filler, type Labels } from '../lib/labels.ts';
import { IndicatorLabel } from './IndicatorText.tsx';
import { RoleGap } from './RoleGap.tsx';

interface Props {
  data: MatrixData;
  /** The `rollup.*` strings without their prefix. */
  labels: Labels<'rollup'>;
  /** The `check.*` strings without their prefix, for the shared plan view and problem messages. */
  checkLabels: Labels<'check'>;
  /** The page's language (the draft's italics are marked as English on Indonesian pages). */
  lang?: 'id' | 'en';
}

/** Largest file read: the export format's own limit, checked before reading a byte. */
const MAX_FILE_BYTES = 400_000;

/** A refused file or link: its name (or line) and why. */
interface Refusal {
  name: string;
  problem: RecordProblem;
}

/** What one import did: how many were added, which were refused. */
interface Report {
  added: number;
  refused: Refusal[];
}

/** Offers a text as a file download (created here, never sent). */
function download(text: string, name: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

export default function UnitRollup({ data, labels, checkLabels, lang = 'id' }: Props) {
  const l = filler(labels);
  const lc = filler(checkLabels);
  const [hydrated, setHydrated] = useState(false);
  const [staff, setStaff] = useState<StaffInput[]>([]);
  const [keep, setKeep] = useState(false);
  const [storeNote, setStoreNote] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  // What the last import of each kind did, shown beside its own controls.
  const [reports, setReports] = useState<Partial<Record<'files' | 'links', Report>>>({});
  const [links, setLinks] = useState('');
  const [dragging, setDragging] = useState(false);
  // The people whose plan is open, by label.
  const [openPlans, setOpenPlans] = useState<string[]>([]);

  useEffect(() => {
    const loaded = loadRollup(data);
    if (loaded.status === 'ok') {
      setStaff(loaded.staff);
      setKeep(true);
    } else if (loaded.status === 'corrupt') setStoreNote({ kind: 'error', text: l('storeCorrupt') });
    else if (loaded.status === 'unavailable') setStoreNote({ kind: 'info', text: l('storeUnavailable') });
    setHydrated(true);
  }, [data]);

  /** Every change is kept at once while the head has chosen to keep the roll-up. */
  const update = (next: StaffInput[], keeping = keep) => {
    setStaff(next);
    if (keeping && !saveRollup(next)) setStoreNote({ kind: 'error', text: l('storeFailed') });
  };

  const add = (kind: 'files' | 'links', entries: StaffInput[], refused: Refusal[]) => {
    setStaff((current) => {
      const taken = current.map((entry) => entry.label);
      const added = entries.map((entry) => {
        const label = uniqueLabel(entry.label, taken);
        taken.push(label);
        return { ...entry, label };
      });
      const next = [...current, ...added];
      if (keep && !saveRollup(next)) setStoreNote({ kind: 'error', text: l('storeFailed') });
      return next;
    });
    setReports((current) => ({ ...current, [kind]: { added: entries.length, refused } }));
  };

  const importFiles = async (files: FileList | File[] | null) => {
    const list = [...(files ?? [])];
    if (list.length === 0) return;
    // The export module carries Zod; it is loaded only when files are imported.
    const { parseImport } = await import('../lib/self-check-export.ts');
    const entries: StaffInput[] = [];
    const refused: Refusal[] = [];
    // Read together (the browser reads files in parallel), then parsed in the order chosen.
    const texts = await Promise.all(
      list.map((file) => (file.size > MAX_FILE_BYTES ? null : file.text().catch(() => ''))),
    );
    for (const [index, file] of list.entries()) {
      const text = texts[index];
      const parsed =
        text === null || text === undefined ? ({ ok: false, problem: 'too-long' } as const) : parseImport(text, data);
      if (parsed.ok) entries.push({ label: file.name, role: parsed.record.role, record: parsed.record });
      else refused.push({ name: file.name, problem: parsed.problem });
    }
    add('files', entries, refused);
  };

  const importLinks = () => {
    const entries: StaffInput[] = [];
    const refused: Refusal[] = [];
    let number = staff.length;
    for (const { line, text } of pastedLines(links)) {
      const parsed = parseShareLink(text, data);
      if (!parsed.ok) {
        refused.push({ name: l('linkLine', { line }), problem: parsed.problem });
        continue;
      }
      number++;
      entries.push({ label: l('staffN', { n: number }), role: parsed.record.role, record: parsed.record });
    }
    add('links', entries, refused);
    if (refused.length === 0) setLinks('');
  };

  const change = (index: number, patch: Partial<StaffInput>) =>
    update(staff.map((entry, at) => (at === index ? { ...entry, ...patch } : entry)));

  const toggleKeep = (on: boolean) => {
    setKeep(on);
    if (on) {
      update(staff, true);
      setStoreNote({ kind: 'info', text: l('kept') });
    } else {
      clearRollup();
      setStoreNote({ kind: 'info', text: l('notKept') });
    }
  };

  const removeAll = () => {
    if (!confirm(l('deleteConfirm'))) return;
    clearRollup();
    setKeep(false);
    setStaff([]);
    setReports({});
    setStoreNote({ kind: 'info', text: l('deleted') });
  };

  const view = useMemo(() => rollup(data, staff), [data, staff]);

  const exportCsv = async (kind: 'staff' | 'priorities') => {
    const csv = await import('../lib/rollup-csv.ts');
    const headings: RollupCsvHeadings = {
      staff: [
        l('colLabel'),
        l('colRole'),
        l('colCompetency'),
        l('colAttained'),
        l('colComplete'),
        l('colRequired'),
        l('colGap'),
      ],
      priorities: [
        l('colRank'),
        l('colCompetency'),
        l('colLevel'),
        l('colIndicator'),
        l('colText'),
        l('colCount'),
        l('colOwn'),
        l('colWho'),
      ],
      yes: l('yes'),
      no: l('no'),
    };
    const date = new Date().toISOString().slice(0, 10);
    if (kind === 'staff') download(csv.staffCsv(data, view.rows, headings), `rekap-unit-staf-${date}.csv`);
    else download(csv.prioritiesCsv(data, view.priorities, headings), `rekap-unit-prioritas-${date}.csv`);
  };

  const roleName = (row: StaffRow) => data.roles[row.role]?.name ?? l('noRole');
  const withRole = view.rows.filter((row) => row.role >= 0);

  return (
    <div class="unit-rollup" data-hydrated={hydrated || undefined} data-pagefind-ignore>
      <section class="unit-rollup-import" aria-labelledby="rollup-import-title">
        <h2 id="rollup-import-title">{l('importTitle')}</h2>
        <div
          class={`unit-rollup-drop${dragging ? ' unit-rollup-dragging' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            void importFiles(event.dataTransfer?.files ?? null);
          }}
        >
          <label>
            {l('chooseFiles')}{' '}
            <input
              type="file"
              multiple
              disabled={!hydrated}
              accept="application/json,.json"
              onChange={(event) => {
                const input = event.currentTarget;
                void importFiles(input.files).then(() => (input.value = ''));
              }}
            />
          </label>
          <p class="unit-rollup-hint">{l('dropHint')}</p>
          <ImportReport report={reports.files} l={l} lc={lc} />
        </div>
        <label class="unit-rollup-links">
          {l('pasteLinks')}
          <textarea
            rows={3}
            disabled={!hydrated}
            value={links}
            onInput={(event) => setLinks(event.currentTarget.value)}
          />
        </label>
        <p>
          <button type="button" disabled={!hydrated || !links.trim()} onClick={importLinks}>
            {l('addLinks')}
          </button>
        </p>
        <ImportReport report={reports.links} l={l} lc={lc} />
      </section>

      <section class="unit-rollup-staff" aria-labelledby="rollup-staff-title">
        <h2 id="rollup-staff-title">{l('staffTitle', { count: staff.length })}</h2>
        {staff.length === 0 ? (
          <p>{l('empty')}</p>
        ) : (
          <ul class="unit-rollup-entries">
            {staff.map((entry, index) => (
              <li key={index}>
                <label>
                  {l('label')}{' '}
                  <input
                    type="text"
                    value={entry.label}
                    maxLength={MAX_LABEL_LENGTH}
                    onChange={(event) => change(index, { label: event.currentTarget.value.trim() || entry.label })}
                  />
                </label>{' '}
                <label>
                  {l('role')}{' '}
                  <select
                    value={entry.role ?? ''}
                    aria-invalid={entry.role === null ? 'true' : undefined}
                    onChange={(event) => change(index, { role: event.currentTarget.value || null })}
                  >
                    <option value="">{l('chooseRole')}</option>
                    {data.roles.map((role) => (
                      <option key={role.slug} value={role.slug}>
                        {role.name}
                      </option>
                    ))}
                  </select>
                </label>{' '}
                {entry.role === null && <span class="unit-rollup-ask">{l('needsRole')}</span>}{' '}
                <button
                  type="button"
                  aria-label={l('removeOne', { label: entry.label })}
                  onClick={() => update(staff.filter((_, at) => at !== index))}
                >
                  {l('remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {view.duplicates.length > 0 && (
          <div class="self-check-notice" role="status">
            <p>{l('duplicates')}</p>
            <ul>
              {view.duplicates.map((group) => (
                <li key={group.join('\n')}>{group.join(', ')}</li>
              ))}
            </ul>
          </div>
        )}
        <p>
          <label>
            <input
              type="checkbox"
              checked={keep}
              disabled={!hydrated}
              onChange={(event) => toggleKeep(event.currentTarget.checked)}
            />{' '}
            {l('keep')}
          </label>{' '}
          <span class="unit-rollup-hint">{keep ? '' : l('keepHint')}</span>{' '}
          <button type="button" class="self-check-delete" disabled={!hydrated} onClick={removeAll}>
            {l('delete')}
          </button>
        </p>
        <p class={`self-check-confirm${storeNote?.kind === 'error' ? ' self-check-confirm-error' : ''}`} role="status">
          {storeNote?.text ?? ''}
        </p>
      </section>

      {staff.length > 0 && (
        <section class="unit-rollup-results" aria-labelledby="rollup-results-title">
          <h2 id="rollup-results-title">{l('resultsTitle')}</h2>
          <h3 id="rollup-table-title">{l('tableTitle')}</h3>
          <div class="unit-rollup-scroll" role="region" aria-labelledby="rollup-table-title" tabindex={0}>
            <table class="unit-rollup-table">
              <caption>{l('tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{l('colLabel')}</th>
                  <th scope="col">{l('colRole')}</th>
                  {data.competencies.map((competency) => (
                    <th scope="col" key={competency.slug}>
                      {competency.name}
                    </th>
                  ))}
                  <th scope="col">{l('colStanding')}</th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((row, index) => (
                  <tr key={index}>
                    <th scope="row">{row.label}</th>
                    <td data-label={l('colRole')}>{roleName(row)}</td>
                    {row.cells.map((cell) => (
                      <td key={cell.competency} data-label={data.competencies[cell.competency]!.name}>
                        <span class="unit-rollup-levels">
                          {cell.required === null
                            ? l('attainedOnly', { attained: cell.attained.level })
                            : l('attainedOf', { attained: cell.attained.level, required: cell.required })}
                        </span>
                        <br />
                        <span class={`unit-rollup-gap unit-rollup-gap-${gapClass(cell.gap)}`}>
                          {cell.gap === null
                            ? l('notRequired')
                            : cell.gap === 0
                              ? lc('met')
                              : lc(cell.gap === 1 ? 'gapLevel' : 'gapLevels', { count: cell.gap }) + ` (−${cell.gap})`}
                        </span>
                        {!cell.attained.complete && (
                          <>
                            <br />
                            <em class="unit-rollup-incomplete">{lc('incomplete')}</em>
                          </>
                        )}
                      </td>
                    ))}
                    <td data-label={l('colStanding')}>{l(`standing.${row.standing}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h3>{l('totalsTitle')}</h3>
          <table class="unit-rollup-totals stack-table">
            <caption>{l('totalsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{l('colRole')}</th>
                <th scope="col">{l('colStaff')}</th>
                <th scope="col">{l('standing.meets')}</th>
                <th scope="col">{l('standing.one-short')}</th>
                <th scope="col">{l('standing.further')}</th>
                <th scope="col">{l('colIncomplete')}</th>
              </tr>
            </thead>
            <tbody>
              {view.totals.map((total) => (
                <tr key={total.role}>
                  <th scope="row">{data.roles[total.role]!.name}</th>
                  <td class="stack-inline" data-label={l('colStaff')}>
                    {total.staff}
                  </td>
                  <td class="stack-inline" data-label={l('standing.meets')}>
                    {total.meets}
                  </td>
                  <td class="stack-inline" data-label={l('standing.one-short')}>
                    {total.oneShort}
                  </td>
                  <td class="stack-inline" data-label={l('standing.further')}>
                    {total.further}
                  </td>
                  <td class="stack-inline" data-label={l('colIncomplete')}>
                    {total.incomplete}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {staff.length > withRole.length && (
            <p class="unit-rollup-ask">{l('noRoleCount', { count: staff.length - withRole.length })}</p>
          )}

          <GapChart data={data} rows={withRole} l={l} />

          <h3>{l('prioritiesTitle')}</h3>
          <p>{l('prioritiesLead')}</p>
          {view.groups.length === 0 ? (
            <p>{l('prioritiesNone')}</p>
          ) : (
            <div class="unit-rollup-priorities">
              {view.groups.map((group) => (
                <div key={`${group.competency}:${group.level}`} class="unit-rollup-priority-group">
                  <h4>
                    {l('groupTitle', {
                      competency: data.competencies[group.competency]!.name,
                      level: group.level,
                    })}
                  </h4>
                  <ul>
                    {group.priorities.map((priority) => (
                      <li key={priority.indicator.no}>
                        <IndicatorLabel indicator={priority.indicator} lang={lang} />
                        {' — '}
                        <strong>{l('needCount', { count: priority.who.length })}</strong>
                        {': '}
                        {priority.who.join(', ')}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          )}

          <h3 class="unit-rollup-plans-title">{l('plansTitle')}</h3>
          <div class="unit-rollup-plans">
            {staff.map((entry, index) => {
              const role = data.roles.findIndex((each) => each.slug === entry.role);
              return (
                <details
                  key={index}
                  class="unit-rollup-plan"
                  onToggle={(event) => {
                    const open = event.currentTarget.open;
                    setOpenPlans((current) =>
                      open ? [...current, entry.label] : current.filter((label) => label !== entry.label),
                    );
                  }}
                >
                  <summary>{l('planOf', { label: entry.label, role: data.roles[role]?.name ?? l('noRole') })}</summary>
                  {/* Drawn when opened: two hundred closed plans would cost more than every other view. */}
                  {!openPlans.includes(entry.label) ? null : role >= 0 ? (
                    <RoleGap data={data} record={entry.record} role={role} lang={lang} l={lc} />
                  ) : (
                    <p>{l('needsRole')}</p>
                  )}
                </details>
              );
            })}
          </div>

          <div class="unit-rollup-actions">
            <button type="button" onClick={() => void exportCsv('staff')}>
              {l('csvStaff')}
            </button>{' '}
            <button type="button" onClick={() => void exportCsv('priorities')}>
              {l('csvPriorities')}
            </button>{' '}
            <button type="button" onClick={() => print()}>
              {l('print')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

/** What an import did, beside its controls: a polite live region, always present so it is announced. */
function ImportReport({
  report,
  l,
  lc,
}: {
  report: Report | undefined;
  l: Filler<Labels<'rollup'>>;
  lc: Filler<Labels<'check'>>;
}) {
  return (
    <div role="status" aria-live="polite" class="unit-rollup-report">
      {report && (
        <>
          <p>{report.added === 1 ? l('addedOne') : l('added', { count: report.added })}</p>
          {report.refused.length > 0 && (
            <>
              <p class="unit-rollup-refused-title">
                {report.refused.length === 1 ? l('refusedOne') : l('refused', { count: report.refused.length })}
              </p>
              <ul class="unit-rollup-refused">
                {report.refused.map((refusal, index) => (
                  <li key={index}>
                    <strong>{refusal.name}</strong>: {lc(`problem.${refusal.problem}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}

/** A gap as a class name, for a pattern beside the words (never colour alone). */
const gapClass = (gap: number | null) => (gap === null ? 'none' : gap === 0 ? 'met' : gap === 1 ? 'one' : 'more');

/**
 * Per competency, how many staff meet their role's level, are one level short or further, as
 * stacked bars. Each bar's sentence is its text alternative; the bars themselves are hidden from
 * screen readers so the figures are read once.
 */
function GapChart({ data, rows, l }: { data: MatrixData; rows: StaffRow[]; l: Filler<Labels<'rollup'>> }) {
  const bars = data.competencies.map((competency, index) => {
    const cells = rows.map((row) => row.cells[index]!).filter((cell) => cell.gap !== null);
    return {
      competency,
      total: cells.length,
      met: cells.filter((cell) => cell.gap === 0).length,
      one: cells.filter((cell) => cell.gap === 1).length,
      more: cells.filter((cell) => (cell.gap ?? 0) > 1).length,
    };
  });
  const largest = Math.max(1, ...bars.map((bar) => bar.total));
  return (
    <figure class="unit-rollup-chart" aria-labelledby="rollup-chart-title">
      <figcaption id="rollup-chart-title">{l('chartTitle')}</figcaption>
      <ul>
        {bars.map((bar) => (
          <li key={bar.competency.slug}>
            <span class="unit-rollup-chart-text">
              {l('chartLine', {
                competency: bar.competency.name,
                total: bar.total,
                met: bar.met,
                one: bar.one,
                more: bar.more,
              })}
            </span>
            <span class="unit-rollup-bar" aria-hidden="true">
              {(['met', 'one', 'more'] as const).map((part) =>
                bar[part] > 0 ? (
                  <span
                    key={part}
                    class={`unit-rollup-gap-${part}`}
                    style={{ width: `${(bar[part] / largest) * 100}%` }}
                  >
                    {bar[part]}
                  </span>
                ) : null,
              )}
            </span>
          </li>
        ))}
      </ul>
      <p class="unit-rollup-key" aria-hidden="true">
        <span class="unit-rollup-gap-met">{l('standing.meets')}</span>{' '}
        <span class="unit-rollup-gap-one">{l('standing.one-short')}</span>{' '}
        <span class="unit-rollup-gap-more">{l('standing.further')}</span>
      </p>
    </figure>
  );
}
