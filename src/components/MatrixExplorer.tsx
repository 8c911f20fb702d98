/**
 * The role x competency matrix. Server-rendered as a plain table that reads fully without
 * JavaScript; once hydrated it becomes a keyboard grid with cell details, role filters, a role
 * comparison and a transposed view, all kept in the URL so a view can be shared.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  compareRoles,
  decodeState,
  displayPoint,
  encodeState,
  initialState,
  visibleRoles,
  withVisibleSelection,
  type MatrixData,
  type MatrixLabels,
  type MatrixState,
} from '../lib/matrix.ts';
import { fill } from '../lib/template.ts';

export type { MatrixLabels };

interface Props {
  data: MatrixData;
  labels: MatrixLabels;
}

/** A cell of the grid in display coordinates (row, column), whichever way the table is turned. */
interface Point {
  row: number;
  col: number;
}

export default function MatrixExplorer({ data, labels }: Props) {
  const [hydrated, setHydrated] = useState(false);
  const [state, setState] = useState<MatrixState>(initialState);
  const [focus, setFocus] = useState<Point>({ row: 0, col: 0 });
  // The two roles picked for comparison; a comparison exists once both differ (-1: none yet).
  const [picks, setPicks] = useState({ from: -1, to: -1 });
  const grid = useRef<HTMLTableElement>(null);

  // The server rendered the default view; the URL may ask for another. Back/Forward re-read it.
  useEffect(() => {
    const read = () => {
      const next = decodeState(data, location.search);
      setState(next);
      setPicks(next.compare ?? { from: -1, to: -1 });
      // The tab stop starts on the open cell, if the URL names one.
      setFocus((next.selected && displayPoint(data, next, next.selected)) || { row: 0, col: 0 });
    };
    read();
    setHydrated(true);
    addEventListener('popstate', read);
    return () => removeEventListener('popstate', read);
  }, [data]);

  /** Applies a change and records it in the URL (and so in the history). */
  const update = (change: Partial<MatrixState>) => {
    const next = withVisibleSelection(data, { ...state, ...change });
    setState(next);
    history.pushState(null, '', `${location.pathname}${encodeState(data, next)}${location.hash}`);
  };

  const roles = useMemo(() => visibleRoles(data, state), [data, state.status, state.position]);
  // Cell texts are filled in once per data set, not on every render of every cell.
  const levelText = useMemo(() => [0, 1, 2, 3, 4, 5].map((level) => fill(labels.level, { level })), [labels]);
  const cellLabels = useMemo(
    () =>
      data.roles.map((role, r) =>
        data.competencies.map((competency, c) => {
          const level = data.required[r]?.[c] ?? null;
          const names = { role: role.name, competency: competency.name };
          return fill(level ? labels.cellLabel : labels.cellLabelNone, { ...names, level: level ?? '' });
        }),
      ),
    [data, labels],
  );
  const competencies = data.competencies.map((_, index) => index);
  // Rows and columns as displayed: competencies x roles, or roles x competencies when transposed.
  const rows = state.transposed ? roles : competencies;
  const cols = state.transposed ? competencies : roles;
  // Filters and Back/Forward can shrink the table under the remembered tab stop: keep it inside.
  const stop = { row: Math.min(focus.row, rows.length - 1), col: Math.min(focus.col, cols.length - 1) };
  const focusCell = (point: Point) =>
    grid.current?.querySelector<HTMLButtonElement>(`[data-row="${point.row}"][data-col="${point.col}"]`)?.focus();
  const at = (point: Point) =>
    state.transposed
      ? { role: rows[point.row]!, competency: cols[point.col]! }
      : { role: cols[point.col]!, competency: rows[point.row]! };

  const onKeyDown = (event: KeyboardEvent, point: Point) => {
    const last = { row: rows.length - 1, col: cols.length - 1 };
    const moves: Record<string, Point> = {
      ArrowUp: { row: Math.max(0, point.row - 1), col: point.col },
      ArrowDown: { row: Math.min(last.row, point.row + 1), col: point.col },
      ArrowLeft: { row: point.row, col: Math.max(0, point.col - 1) },
      ArrowRight: { row: point.row, col: Math.min(last.col, point.col + 1) },
      Home: event.ctrlKey ? { row: 0, col: 0 } : { row: point.row, col: 0 },
      End: event.ctrlKey ? last : { row: point.row, col: last.col },
    };
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      // Every cell is already in the DOM, so focus moves at once (its onFocus records it).
      focusCell(target);
    } else if (event.key === 'Escape') {
      closeDetail();
    }
  };

  /** Closes the detail and puts focus back on its cell (the close button disappears with it). */
  const closeDetail = () => {
    if (!state.selected) return;
    const point = displayPoint(data, state, state.selected);
    update({ selected: null });
    if (point) focusCell(point);
  };

  const select = (point: Point) => {
    setFocus(point);
    update({ selected: at(point) });
  };

  const selected = state.selected;
  const selectedLevel = selected ? data.required[selected.role]?.[selected.competency] : null;
  const gaps = state.compare ? compareRoles(data, state.compare.from, state.compare.to) : null;
  const toAddCount = gaps?.reduce((sum, gap) => sum + gap.toAdd.length, 0) ?? 0;

  const header = (kind: 'role' | 'competency', index: number) => {
    const entry = kind === 'role' ? data.roles[index]! : data.competencies[index]!;
    return <a href={entry.href}>{entry.name}</a>;
  };

  const cell = (point: Point) => {
    const { role, competency } = at(point);
    const level = data.required[role]?.[competency] ?? null;
    const text = level ? levelText[level]! : '–';
    const isSelected = selected?.role === role && selected.competency === competency;
    const highlighted = hydrated && (point.row === stop.row || point.col === stop.col);
    return (
      <td
        key={point.col}
        class="matrix-cell"
        data-level={level ?? 0}
        data-highlight={highlighted ? '' : undefined}
        data-selected={isSelected ? '' : undefined}
      >
        {hydrated ? (
          <button
            type="button"
            data-row={point.row}
            data-col={point.col}
            tabIndex={point.row === stop.row && point.col === stop.col ? 0 : -1}
            aria-label={cellLabels[role]![competency]}
            aria-pressed={isSelected}
            onClick={() => select(point)}
            onKeyDown={(event) => onKeyDown(event, point)}
            onFocus={() => setFocus(point)}
          >
            {text}
          </button>
        ) : level ? (
          text
        ) : (
          <>
            <span aria-hidden="true">–</span>
            <span class="sr-only">{labels.notRequired}</span>
          </>
        )}
      </td>
    );
  };

  const prerequisiteRows = state.transposed
    ? null
    : data.prerequisites.map((prerequisite) => (
        <tr class="matrix-prerequisite" key={prerequisite.name}>
          <th scope="row">
            {prerequisite.name} <span class="matrix-note">({labels.prerequisite})</span>
          </th>
          {cols.map((role) => (
            <td key={role}>{prerequisite.roles[role] ? '✓' : '–'}</td>
          ))}
        </tr>
      ));

  const roleOptions = data.roles.map((role, index) => (
    <option key={role.slug} value={index}>
      {role.name}
    </option>
  ));

  return (
    // not-content: Starlight's content typography uses sibling selectors that make every change
    // restyle a large table; the explorer styles itself (site.css).
    <div class="matrix-explorer not-content" data-hydrated={hydrated ? '' : undefined}>
      {hydrated && (
        <fieldset class="matrix-controls">
          <legend>{labels.filters}</legend>
          {(['status', 'position'] as const).map((filter) => (
            <label key={filter}>
              {labels[filter]}{' '}
              <select
                value={state[filter] ?? ''}
                onChange={(event) => update({ [filter]: event.currentTarget.value || null })}
              >
                <option value="">{labels.any}</option>
                {(filter === 'status' ? data.statuses : data.positions).map((option) => (
                  <option key={option.key} value={option.key}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label>
            <input
              type="checkbox"
              checked={state.transposed}
              onChange={(event) => {
                setFocus({ row: 0, col: 0 });
                update({ transposed: event.currentTarget.checked });
              }}
            />{' '}
            {labels.transpose}
          </label>
          <p class="matrix-status" role="status">
            {fill(labels.shown, { shown: roles.length, total: data.roles.length })}
          </p>
        </fieldset>
      )}
      {hydrated && <p class="matrix-help">{labels.keyboardHelp}</p>}
      <div class="table-scroll">
        <table class="matrix-table" role={hydrated ? 'grid' : undefined} ref={grid}>
          <caption>{labels.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{state.transposed ? labels.role : labels.competency}</th>
              {cols.map((index) => (
                <th scope="col" key={index}>
                  {header(state.transposed ? 'competency' : 'role', index)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {prerequisiteRows}
            {rows.map((index, row) => (
              <tr key={index}>
                <th scope="row">{header(state.transposed ? 'role' : 'competency', index)}</th>
                {cols.map((_, col) => cell({ row, col }))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {/* A permanent slot: opening the detail adds nothing beside the table, so nothing else restyles. */}
      <div class="matrix-detail-slot">
        {hydrated && selected && (
          <section
            class="matrix-detail"
            aria-labelledby="matrix-detail-title"
            onKeyDown={(event) => event.key === 'Escape' && closeDetail()}
          >
            <h2 id="matrix-detail-title">
              {data.roles[selected.role]!.name} · {data.competencies[selected.competency]!.name}
            </h2>
            {selectedLevel ? (
              <DetailLevel data={data} labels={labels} competency={selected.competency} level={selectedLevel} />
            ) : (
              <p>{labels.detailNone}</p>
            )}
            <button type="button" onClick={closeDetail}>
              {labels.close}
            </button>
          </section>
        )}
      </div>

      {hydrated && (
        <section class="matrix-compare" aria-labelledby="matrix-compare-title">
          <h2 id="matrix-compare-title">{labels.compare}</h2>
          <div class="matrix-compare-pick">
            {(['from', 'to'] as const).map((end) => (
              <label key={end}>
                {end === 'from' ? labels.compareFrom : labels.compareTo}{' '}
                <select
                  value={picks[end] >= 0 ? String(picks[end]) : ''}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    const next = { ...picks, [end]: value === '' ? -1 : Number(value) };
                    setPicks(next);
                    update({ compare: next.from >= 0 && next.to >= 0 && next.from !== next.to ? next : null });
                  }}
                >
                  <option value="">{labels.choose}</option>
                  {roleOptions}
                </select>
              </label>
            ))}
          </div>
          {state.compare && gaps && (
            <>
              <p role="status">
                {fill(labels.compareSummary, {
                  from: data.roles[state.compare.from]!.name,
                  to: data.roles[state.compare.to]!.name,
                  count: toAddCount,
                })}
              </p>
              <table class="matrix-compare-table">
                <thead>
                  <tr>
                    <th scope="col">{labels.competency}</th>
                    <th scope="col">{data.roles[state.compare.from]!.name}</th>
                    <th scope="col">{data.roles[state.compare.to]!.name}</th>
                    <th scope="col">{labels.difference}</th>
                    <th scope="col">{labels.toAdd}</th>
                  </tr>
                </thead>
                <tbody>
                  {gaps.map((gap) => (
                    <tr key={gap.competency}>
                      <th scope="row">{data.competencies[gap.competency]!.name}</th>
                      <td>{gap.from ?? '–'}</td>
                      <td>{gap.to ?? '–'}</td>
                      <td>{gap.difference > 0 ? `+${gap.difference}` : '0'}</td>
                      <td>
                        {gap.toAdd.length === 0 ? (
                          labels.nothingToAdd
                        ) : (
                          <ul class="matrix-indicators">
                            {gap.toAdd.map((indicator) => (
                              <li key={indicator.no}>
                                <a href={indicator.href}>{indicator.no}</a> {indicator.text}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}
    </div>
  );
}

/** The level a cell requires: description and the indicators it adds, linked to their anchors. */
function DetailLevel({
  data,
  labels,
  competency,
  level,
}: {
  data: MatrixData;
  labels: MatrixLabels;
  competency: number;
  level: number;
}) {
  const entry = data.competencies[competency]!.levels[level - 1]!;
  return (
    <>
      <p>
        <a href={entry.href}>{fill(labels.detailLevel, { level })}</a>: {entry.description}
      </p>
      <ul class="matrix-indicators">
        {entry.indicators.map((indicator) => (
          <li key={indicator.no}>
            <a href={indicator.href}>{indicator.no}</a> {indicator.text}
            {indicator.items.length > 0 && (
              <ul>
                {indicator.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {level > 1 && <p class="matrix-note">{fill(labels.detailCumulative, { below: level - 1 })}</p>}
    </>
  );
}
