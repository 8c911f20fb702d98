/**
 * The role x competency matrix. Server-rendered as a plain table that reads fully without
 * JavaScript; once hydrated it becomes a keyboard grid with cell details, role filters, a role
 * comparison and a transposed view, all kept in the URL so a view can be shared.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  compareRoles,
  decodeState,
  displayPoint,
  encodeState,
  initialState,
  visibleRoles,
  withVisibleSelection,
  type CompetencyGap,
  type MatrixData,
  type MatrixIndicator,
  type MatrixLabels,
  type MatrixState,
} from '../lib/matrix.ts';
import { levelsBelow } from '../lib/levels.ts';
import {
  GridMarker,
  cellAt,
  gridBodyHtml,
  pointOf,
  type GridMarks,
  type GridView,
  type Point,
} from '../lib/matrix-grid.ts';
import { fill } from '../lib/template.ts';
import { IndicatorItems, IndicatorLabel, InlineText } from './IndicatorText.tsx';

export type { MatrixLabels };

/** At least this many rows come in with a turn of the table: all of a small one (the real 3 x 4). */
const MIN_FIRST_ROWS = 4;
/** The least height of a grid row (its cells' `min-height` of 2.75rem, site.css). */
const ROW_PX = 44;
/** About this many cells come in per frame after a turn's first rows. */
const CELLS_PER_FRAME = 2400;

interface Props {
  data: MatrixData;
  labels: MatrixLabels;
  /** The page's language (the draft's italics are marked as English on Indonesian pages). */
  lang?: 'id' | 'en';
}

export default function MatrixExplorer({ data, labels, lang = 'id' }: Props) {
  const [hydrated, setHydrated] = useState(false);
  const [state, setState] = useState<MatrixState>(initialState);
  const [focus, setFocus] = useState<Point>({ row: 0, col: 0 });
  // The two roles picked for comparison; a comparison exists once both differ (-1: none yet).
  const [picks, setPicks] = useState({ from: -1, to: -1 });
  const body = useRef<HTMLTableSectionElement>(null);
  const marker = useMemo(() => new GridMarker(), []);
  // Set by a click or key that moves the tab stop: focus follows it once the grid is marked.
  const focusStop = useRef<'click' | 'key' | false>(false);
  // The role whose column header was pressed: shown in a panel here, its page one link further.
  const [roleOpen, setRoleOpen] = useState<number | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const rolePanel = useRef<HTMLElement>(null);
  const compareSection = useRef<HTMLElement>(null);
  // A shared link with `?compare=` lands on the comparison once, when the page opens.
  const landOnCompare = useRef(false);

  // The server rendered the default view; the URL may ask for another. Back/Forward re-read it.
  useEffect(() => {
    let first = true;
    const read = () => {
      const next = decodeState(data, location.search);
      landOnCompare.current = first && next.compare !== null;
      first = false;
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

  // Scrolls to the comparison a shared link asked for and puts focus on it (its heading is read).
  useEffect(() => {
    if (!hydrated || !landOnCompare.current) return;
    landOnCompare.current = false;
    compareSection.current?.focus({ preventScroll: true });
    compareSection.current?.scrollIntoView({ block: 'start' });
  }, [hydrated]);

  // An opened role panel takes focus, so it is read and in view.
  useEffect(() => {
    if (roleOpen !== null) rolePanel.current?.focus();
  }, [roleOpen]);

  /** Closes the role panel and returns focus to the header that opened it. */
  const closeRole = () => {
    if (roleOpen === null) return;
    const slug = data.roles[roleOpen]!.slug;
    setRoleOpen(null);
    table.current?.querySelector<HTMLButtonElement>(`thead button[data-slug="${slug}"]`)?.focus();
  };

  /** Applies a change and records it in the URL (and so in the history). */
  const update = (change: Partial<MatrixState>) => {
    const next = withVisibleSelection(data, { ...state, ...change });
    setState(next);
    history.pushState(null, '', `${location.pathname}${encodeState(data, next)}${location.hash}`);
  };

  const roles = useMemo(() => visibleRoles(data, state), [data, state.status, state.position]);
  const competencies = useMemo(() => data.competencies.map((_, index) => index), [data]);
  // The caption names what the rows and columns are, so it turns with the table.
  const caption = state.transposed ? labels.captionTransposed : labels.caption;
  // Rows and columns as displayed: competencies x roles, or roles x competencies when transposed.
  const view: GridView = useMemo(
    () =>
      state.transposed
        ? { rows: roles, cols: competencies, transposed: true }
        : { rows: competencies, cols: roles, transposed: false },
    [roles, competencies, state.transposed],
  );
  const { rows, cols } = view;
  // The server's rows (competencies as rows), never diffed nor written again: turning the table
  // moves rows in and out of the body instead (see `turn`).
  const bodyHtml = useMemo(() => ({ __html: gridBodyHtml(data, labels, false) }), [data, labels]);
  // The rows of the orientation not shown, in a detached body: built in idle time after hydration,
  // so a turn of a 40 x 300 table moves ready rows in rather than parsing 12,000 cells then.
  const spare = useMemo(() => new Map<boolean, HTMLTableSectionElement>(), [data, labels]);
  const shownTransposed = useRef(false);
  // Rows of a turn still to come in, a few per frame after the first (see `turn`), and the marks
  // last applied, put on again as they arrive.
  const arriving = useRef<{ rest: Element[]; frame: number } | null>(null);
  const lastMarks = useRef<GridMarks | null>(null);
  // Where the grid's body starts on the page and how tall each orientation's rows are, read in idle
  // time: a turn must not ask for layout.
  const bodyTop = useRef<number | null>(null);
  const rowPx = useMemo(() => new Map<boolean, number>(), []);
  const shownRoles = useMemo(() => new Set(roles), [roles]);
  // Filters and Back/Forward can shrink the table under the remembered tab stop: keep it inside.
  const stop = { row: Math.min(focus.row, rows.length - 1), col: Math.min(focus.col, cols.length - 1) };
  const hasStop = stop.row >= 0 && stop.col >= 0;
  const selectedPoint = state.selected && displayPoint(data, state, state.selected);

  /** The rows of one orientation in a detached body (parsing them lays nothing out). */
  const rowsOf = (transposed: boolean) => {
    const rows = document.createElement('tbody');
    rows.innerHTML = gridBodyHtml(data, labels, transposed);
    return rows;
  };

  // Once the browser is idle: where the body lies and how tall its rows are, and the other
  // orientation's rows, ready for the next turn.
  useEffect(() => {
    if (!hydrated) return;
    const build = () => {
      if (body.current) {
        bodyTop.current = body.current.getBoundingClientRect().top + scrollY;
        const row = body.current.querySelector<HTMLElement>(':scope > tr:not([hidden])');
        if (row) rowPx.set(state.transposed, row.offsetHeight);
      }
      if (!spare.has(!state.transposed)) spare.set(!state.transposed, rowsOf(!state.transposed));
    };
    if ('requestIdleCallback' in window) {
      const id = requestIdleCallback(build, { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(build, 200);
    return () => clearTimeout(id);
  }, [hydrated, state.transposed, spare]);

  /**
   * Turns the table: moves the shown rows out (kept for the next turn) and the other orientation's
   * in, so the DOM really holds the orientation shown (screen readers, find-in-page). The rows that
   * fit on screen come in at once, the rest a few per frame after it: the first rows the browser
   * meets cost it all their cells (300 of them when roles are rows), wherever they lie.
   */
  const turn = (live: HTMLTableSectionElement, to: boolean) => {
    marker.clear();
    const kept = document.createElement('tbody');
    kept.append(...live.children);
    if (arriving.current) {
      cancelAnimationFrame(arriving.current.frame);
      kept.append(...arriving.current.rest);
      arriving.current = null;
    }
    spare.set(shownTransposed.current, kept);
    const rows = [...(spare.get(to) ?? rowsOf(to)).children];
    spare.delete(to);
    shownTransposed.current = to;
    // Rows are as tall as when last shown, or at least ROW_PX: this many cover the screen below the top.
    const top = bodyTop.current === null ? 0 : Math.max(0, bodyTop.current - scrollY);
    const height = Math.max(ROW_PX, rowPx.get(to) ?? 0);
    const inView = Math.max(MIN_FIRST_ROWS, Math.ceil((innerHeight - top) / height) + 1);
    live.append(...rows.slice(0, inView));
    const rest = rows.slice(inView);
    if (!rest.length) return;
    const perFrame = Math.max(1, Math.floor(CELLS_PER_FRAME / (rows[0]?.children.length || 1)));
    const more = () => {
      live.append(...rest.splice(0, perFrame));
      // The new rows' cells take the marks too (a hidden role's row, the highlighted column).
      marker.clear();
      if (lastMarks.current) marker.apply(live, lastMarks.current);
      arriving.current = rest.length ? { rest, frame: requestAnimationFrame(more) } : null;
    };
    arriving.current = { rest, frame: requestAnimationFrame(more) };
  };

  // A turn's rows still arriving when the explorer goes away stay where they are.
  useEffect(() => () => arriving.current && cancelAnimationFrame(arriving.current.frame), []);

  // The grid's marks follow every render; only the cells whose marks change are touched.
  useLayoutEffect(() => {
    if (!hydrated || !body.current) return;
    if (shownTransposed.current !== state.transposed) turn(body.current, state.transposed);
    const target = hasStop ? cellAt(view, stop) : null;
    const level = target && data.required[target.role]?.[target.competency];
    marker.apply(
      body.current,
      (lastMarks.current = {
        view,
        stop: target && {
          point: stop,
          label: fill(level ? labels.cellLabel : labels.cellLabelNone, {
            role: data.roles[target.role]!.name,
            competency: data.competencies[target.competency]!.name,
            level: level ?? '',
          }),
        },
        lines: hasStop ? stop : null,
        selected: selectedPoint,
      }),
    );
    if (focusStop.current) {
      // A click lands on a cell in view; keys may leave the view, so they scroll to the cell.
      marker.stopCell?.focus({ preventScroll: focusStop.current === 'click' });
      focusStop.current = false;
    }
  });

  /** Moves the tab stop (and, once the grid is marked, the focus) to a cell. */
  const moveTo = (point: Point, by: 'click' | 'key') => {
    setFocus(point);
    focusStop.current = by;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys count on the focusable cell only (row header links keep their own behaviour).
    const point = event.target === marker.stopCell ? stop : null;
    if (!point) return;
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
      moveTo(target, 'key');
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(point);
    } else if (event.key === 'Escape') {
      closeDetail();
    }
  };

  /** Closes the detail and puts focus back on its cell (the close button disappears with it). */
  const closeDetail = () => {
    if (!state.selected) return;
    const point = displayPoint(data, state, state.selected);
    update({ selected: null });
    if (point) moveTo(point, 'key');
  };

  /** Opens a cell's details: a click on the cell, or Enter/Space on it. */
  const select = (point: Point, by: 'click' | 'key' = 'key') => {
    moveTo(point, by);
    update({ selected: cellAt(view, point) });
  };

  const selected = state.selected;
  const selectedLevel = selected ? data.required[selected.role]?.[selected.competency] : null;

  // Parts that change only with the view or the comparison are kept as vnodes: Preact skips a
  // vnode it has seen, so a cell click does not diff 300 headers or a 300-row comparison.
  const headRow = useMemo(() => {
    const column = (entry: { href: string; name: string; slug: string }, key: number, hidden = false) => (
      <th scope="col" key={key} hidden={hidden}>
        <a href={entry.href} data-slug={entry.slug}>
          {entry.name}
        </a>
      </th>
    );
    // Once hydrated, a role's header shows the role here instead of leaving the matrix.
    const roleColumn = (role: MatrixData['roles'][number], index: number) =>
      hydrated ? (
        <th scope="col" key={index} hidden={!shownRoles.has(index)}>
          <button
            type="button"
            class="matrix-role-toggle"
            data-slug={role.slug}
            aria-expanded={roleOpen === index ? 'true' : 'false'}
            aria-controls={roleOpen === index ? 'matrix-role-detail' : undefined}
            onClick={() => setRoleOpen(roleOpen === index ? null : index)}
          >
            {role.name}
          </button>
        </th>
      ) : (
        column(role, index, !shownRoles.has(index))
      );
    return (
      <tr>
        <th scope="col">{state.transposed ? labels.role : labels.competency}</th>
        {/* Every column, as in the body, where the filters hide roles rather than remove them. */}
        {state.transposed
          ? data.competencies.map((competency, index) => column(competency, index))
          : data.roles.map((role, index) => roleColumn(role, index))}
      </tr>
    );
  }, [data, labels, state.transposed, shownRoles, hydrated, roleOpen]);

  const prerequisiteBody = useMemo(
    () =>
      !state.transposed && (
        <tbody>
          {data.prerequisites.map((prerequisite) => (
            <tr class="matrix-prerequisite" key={prerequisite.name}>
              {/* One string per text node: the server merges adjacent texts, and hydration would
                  split them again, a DOM change that costs a layout of the whole table. */}
              <th scope="row">
                {`${prerequisite.name} `}
                <span class="matrix-note">{`(${labels.prerequisite})`}</span>
              </th>
              {prerequisite.roles.map((held, role) => (
                <td key={role} hidden={!shownRoles.has(role)}>
                  {held ? '✓' : '–'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      ),
    [data, labels, state.transposed, shownRoles],
  );

  const comparison = useMemo(
    () =>
      state.compare && (
        <Comparison data={data} labels={labels} lang={lang} from={state.compare.from} to={state.compare.to} />
      ),
    [data, labels, lang, state.compare],
  );

  const roleOptions = useMemo(
    () =>
      data.roles.map((role) => (
        // Slugs, not indices: server rendering compares values loosely, and "" == "0" would mark
        // "Koordinator" selected beside the empty choice.
        <option key={role.slug} value={role.slug}>
          {role.name}
        </option>
      )),
    [data],
  );

  return (
    // not-content: Starlight's content typography uses sibling selectors that make every change
    // restyle a large table; the explorer styles itself (site.css).
    <div class="matrix-explorer not-content" data-hydrated={hydrated ? '' : undefined}>
      {/* Permanent slots: controls and details appear inside them, never beside the table, whose
          12,000 cells would otherwise be restyled by the sibling selectors of the site's CSS. */}
      <div class="matrix-controls-slot" data-pagefind-ignore>
        <p class="matrix-compare-jump">
          <a href="#matrix-compare">{labels.compareJump}</a>
        </p>
        {/* Served disabled before hydration (and without JavaScript), so their arrival shifts nothing. */}
        <fieldset class="matrix-controls" disabled={!hydrated}>
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
        {/* Keeps its place before hydration, but says nothing until the keys work. */}
        <p class="matrix-help" data-pending={hydrated ? undefined : ''}>
          {labels.keyboardHelp}
        </p>
      </div>
      {/* The one table allowed to scroll sideways, in its own named, focusable region. */}
      <div class="table-scroll scroll-region" role="region" aria-label={caption} tabIndex={0}>
        <table class="matrix-table" role={hydrated ? 'grid' : undefined} ref={table}>
          <caption>{caption}</caption>
          <thead>{headRow}</thead>
          {prerequisiteBody}
          {/* The cells: markup from gridBodyHtml, its rows swapped for the other orientation's when
              the table turns, marked by GridMarker; one listener per event for the whole grid. */}
          <tbody
            class="matrix-grid"
            ref={body}
            dangerouslySetInnerHTML={bodyHtml}
            onClick={(event) => {
              const point = pointOf(event.currentTarget, view, event.target);
              if (point && hydrated) select(point, 'click');
            }}
            onKeyDown={onKeyDown}
          />
        </table>
      </div>

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
              <DetailLevel
                data={data}
                labels={labels}
                lang={lang}
                competency={selected.competency}
                level={selectedLevel}
              />
            ) : (
              <p>{labels.detailNone}</p>
            )}
            <button type="button" onClick={closeDetail}>
              {labels.close}
            </button>
          </section>
        )}
        {hydrated && roleOpen !== null && (
          <RoleDetail
            data={data}
            labels={labels}
            role={roleOpen}
            panel={rolePanel}
            onClose={closeRole}
            onLevel={(competency) => {
              setRoleOpen(null);
              const point = displayPoint(data, state, { role: roleOpen, competency });
              if (point) select(point, 'key');
            }}
          />
        )}
      </div>

      <section
        class="matrix-compare"
        id="matrix-compare"
        aria-labelledby="matrix-compare-title"
        tabIndex={-1}
        ref={compareSection}
      >
        <h2 id="matrix-compare-title">{labels.compare}</h2>
        <div class="matrix-compare-pick" data-pagefind-ignore>
          {(['from', 'to'] as const).map((end) => (
            <label key={end}>
              {end === 'from' ? labels.compareFrom : labels.compareTo}{' '}
              <select
                disabled={!hydrated}
                value={picks[end] >= 0 ? data.roles[picks[end]]!.slug : ''}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  const next = { ...picks, [end]: data.roles.findIndex((role) => role.slug === value) };
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
        {comparison}
      </section>
    </div>
  );
}

/** What someone meeting role `from` must add to meet role `to`: a summary, then per competency. */
function Comparison({
  data,
  labels,
  lang,
  from,
  to,
}: {
  data: MatrixData;
  labels: MatrixLabels;
  lang: 'id' | 'en';
  from: number;
  to: number;
}) {
  const gaps = compareRoles(data, from, to);
  const count = (pick: (gap: CompetencyGap) => MatrixIndicator[]) =>
    gaps.reduce((sum, gap) => sum + pick(gap).length, 0);
  return (
    <>
      <p role="status">
        {fill(labels.compareSummary, {
          from: data.roles[from]!.name,
          to: data.roles[to]!.name,
          count: count((gap) => gap.toAdd.all),
          own: count((gap) => gap.toAdd.own),
          below: count((gap) => gap.toAdd.below),
        })}
      </p>
      <table class="matrix-compare-table stack-table">
        <thead>
          <tr>
            <th scope="col">{labels.competency}</th>
            <th scope="col">{data.roles[from]!.name}</th>
            <th scope="col">{data.roles[to]!.name}</th>
            <th scope="col">{labels.difference}</th>
            <th scope="col">{labels.toAdd}</th>
          </tr>
        </thead>
        <tbody>
          {gaps.map((gap) => (
            <tr key={gap.competency}>
              <th scope="row">{data.competencies[gap.competency]!.name}</th>
              <td class="stack-inline" data-label={data.roles[from]!.name}>
                {gap.from ?? '–'}
              </td>
              <td class="stack-inline" data-label={data.roles[to]!.name}>
                {gap.to ?? '–'}
              </td>
              <td class="stack-inline" data-label={labels.difference}>
                {gap.difference > 0 ? `+${gap.difference}` : '0'}
              </td>
              <td data-label={labels.toAdd}>
                {gap.toAdd.all.length === 0 ? (
                  labels.nothingToAdd
                ) : (
                  <>
                    {/* The draft lists the required level's own indicators; the levels below are our reading. */}
                    <p class="matrix-note" data-part="own">
                      {fill(labels.toAddOwn, { level: gap.toAdd.level, count: gap.toAdd.own.length })}
                    </p>
                    <IndicatorLinks indicators={gap.toAdd.own} lang={lang} />
                    {gap.toAdd.below.length > 0 && (
                      <>
                        <p class="matrix-note" data-part="below">
                          {fill(labels.toAddBelow, { levels: levelsBelow(gap.toAdd), count: gap.toAdd.below.length })}
                        </p>
                        <IndicatorLinks indicators={gap.toAdd.below} lang={lang} />
                      </>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Indicators as a list of links to their anchors, each followed by its text. */
function IndicatorLinks({ indicators, lang }: { indicators: MatrixIndicator[]; lang: 'id' | 'en' }) {
  return (
    <ul class="matrix-indicators">
      {indicators.map((indicator) => (
        <li key={indicator.no}>
          <IndicatorLabel indicator={indicator} lang={lang} />
        </li>
      ))}
    </ul>
  );
}

/** A role shown in the matrix: the level it requires of each competency (each opens its cell), and its page. */
function RoleDetail({
  data,
  labels,
  role,
  panel,
  onClose,
  onLevel,
}: {
  data: MatrixData;
  labels: MatrixLabels;
  role: number;
  panel: { current: HTMLElement | null };
  onClose: () => void;
  onLevel: (competency: number) => void;
}) {
  const entry = data.roles[role]!;
  return (
    <section
      class="matrix-detail matrix-role-detail"
      id="matrix-role-detail"
      aria-labelledby="matrix-role-title"
      tabIndex={-1}
      ref={panel}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <h2 id="matrix-role-title">{entry.name}</h2>
      <p>{fill(labels.roleRequired, { role: entry.name })}</p>
      <ul class="matrix-role-levels">
        {data.competencies.map((competency, index) => {
          const level = data.required[role]?.[index] ?? null;
          return (
            <li key={competency.slug}>
              {competency.name}:{' '}
              {level === null ? (
                labels.notRequired
              ) : (
                <button type="button" class="matrix-role-level" onClick={() => onLevel(index)}>
                  {fill(labels.detailLevel, { level })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p>
        <a href={entry.href}>{fill(labels.rolePage, { role: entry.name })}</a>
      </p>
      <button type="button" onClick={onClose}>
        {labels.roleClose}
      </button>
    </section>
  );
}

/** The level a cell requires: description and the indicators it adds, linked to their anchors. */
function DetailLevel({
  data,
  labels,
  lang,
  competency,
  level,
}: {
  data: MatrixData;
  labels: MatrixLabels;
  lang: 'id' | 'en';
  competency: number;
  level: number;
}) {
  const entry = data.competencies[competency]!.levels[level - 1]!;
  return (
    <>
      <p>
        <a href={entry.href}>{fill(labels.detailLevel, { level })}</a>:{' '}
        <InlineText text={entry.description} lang={lang} />
      </p>
      <ul class="matrix-indicators">
        {entry.indicators.map((indicator) => (
          <li key={indicator.no}>
            <IndicatorLabel indicator={indicator} lang={lang} />
            <IndicatorItems items={indicator.items} lang={lang} />
          </li>
        ))}
      </ul>
      {level > 1 && <p class="matrix-note">{fill(labels.detailCumulative, { below: level - 1 })}</p>}
    </>
  );
}
