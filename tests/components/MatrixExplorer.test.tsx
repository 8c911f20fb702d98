// The matrix island in happy-dom with the real data and Indonesian labels: grid, keyboard, details, filters, transpose, compare and the URL.
import { act, cleanup, fireEvent, render, waitFor, within } from '@testing-library/preact';
import { render as renderPreact } from 'preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import MatrixExplorer, { type MatrixLabels } from '../../src/components/MatrixExplorer.tsx';
import idStrings from '../../src/content/i18n/id.json';
import { checkContent } from '../../src/lib/load-files.ts';
import { plainText } from '../../src/lib/inline.ts';
import { labelsFor } from '../../src/lib/labels.ts';
import { MATRIX_PAGE_ONLY, type MatrixData } from '../../src/lib/matrix.ts';
import { toMatrixData } from '../../src/lib/matrix-data.ts';
import { indicatorsBetween, matrixTruth, seedCompetencyNamed } from '../support/matrix-truth.ts';
import { normalize, projectRoot } from '../support/seed.ts';

const { dictionary } = await checkContent(projectRoot);
if (!dictionary) throw new Error('The real content does not validate (see `npm run check`).');
const data: MatrixData = toMatrixData(dictionary, 'id', undefined);
const truth = matrixTruth();

/** The UI strings as matriks.astro passes them: raw templates, `{{placeholders}}` intact. */
const labels: MatrixLabels = labelsFor('matrix', idStrings, MATRIX_PAGE_ONLY);

const PATH = '/matriks/';
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
const role = (slug: string) => data.roles.findIndex((entry) => entry.slug === slug);
const competency = (slug: string) => data.competencies.findIndex((entry) => entry.slug === slug);
const seedLevel = (r: number, c: number) => truth.level(data.roles[r]!.name, data.competencies[c]!.name);
/** The accessible name a cell button must have, from the seed's level. */
const cellName = (r: number, c: number) => {
  const level = seedLevel(r, c);
  const names = { role: data.roles[r]!.name, competency: data.competencies[c]!.name };
  return level === null ? fill(labels.cellLabelNone, names) : fill(labels.cellLabel, { ...names, level });
};
const text = (element: Element | null | undefined) => normalize(element?.textContent ?? '');

const visible = (elements: Iterable<Element>) => [...elements].filter((element) => !element.hasAttribute('hidden'));

function mount() {
  const view = render(<MatrixExplorer data={data} labels={labels} />);
  const root = view.container;
  const q = within(root as HTMLElement);
  const grid = () => q.getByRole('grid');
  // Rows and cells as a user sees them: filtered roles stay in the table, hidden.
  const gridRows = () => visible(grid().querySelectorAll('tbody tr:not(.matrix-prerequisite)'));
  const cellAt = (row: number, col: number) => {
    const cell = visible(gridRows()[row]?.querySelectorAll('td') ?? [])[col];
    if (!cell) throw new Error(`no visible cell at ${row},${col}`);
    return cell as HTMLElement;
  };
  const columnHeaders = () => visible(grid().querySelectorAll('thead th[scope="col"]')).map(text);
  const rowHeaders = () => gridRows().map((row) => text(row.querySelector('th[scope="row"]')));
  /** The cell of role r and competency c, found through the header texts, whichever way the table is turned. */
  const cellFor = (r: number, c: number) => {
    const transposed = columnHeaders()[0] === normalize(labels.role);
    const [rowName, colName] = transposed
      ? [data.roles[r]!.name, data.competencies[c]!.name]
      : [data.competencies[c]!.name, data.roles[r]!.name];
    return cellAt(rowHeaders().indexOf(normalize(rowName)), columnHeaders().slice(1).indexOf(normalize(colName)));
  };
  const cells = () => gridRows().flatMap((row) => visible(row.querySelectorAll('td')));
  const detail = () => root.querySelector('section.matrix-detail');
  const compareTable = () => root.querySelector('table.matrix-compare-table');
  const statusSelect = () => q.getByLabelText(labels.status) as HTMLSelectElement;
  const positionSelect = () => q.getByLabelText(labels.position) as HTMLSelectElement;
  const transpose = () => q.getByLabelText(labels.transpose) as HTMLInputElement;
  const fromSelect = () => q.getByLabelText(labels.compareFrom) as HTMLSelectElement;
  const toSelect = () => q.getByLabelText(labels.compareTo) as HTMLSelectElement;
  const tabbable = () => [...grid().querySelectorAll('[tabindex="0"]')];
  return {
    ...view,
    q,
    grid,
    cellAt,
    cellFor,
    cells,
    columnHeaders,
    rowHeaders,
    detail,
    compareTable,
    statusSelect,
    positionSelect,
    transpose,
    fromSelect,
    toSelect,
    tabbable,
  };
}
type View = ReturnType<typeof mount>;

/** What the view shows, for comparing two renderings. */
const snapshot = (view: View) => ({
  search: location.search,
  columns: view.columnHeaders(),
  rows: view.rowHeaders(),
  cells: view.cells().map((cell) => `${text(cell)}|${cell.getAttribute('aria-selected')}`),
  stop: view.tabbable().map((cell) => cell.getAttribute('aria-label')),
  detail: text(view.detail()),
  compare: text(view.compareTable()),
  controls: [view.statusSelect(), view.positionSelect(), view.fromSelect(), view.toSelect()].map(({ value }) => value),
  transposed: view.transpose().checked,
});

/** The text of every visible cell, row by row, as the draft gives the levels of the headers' roles and competencies. */
function expectCellsMatchHeaders(view: View) {
  const transposed = view.columnHeaders()[0] === normalize(labels.role);
  const byName = <T extends { name: string }>(list: T[], name: string) =>
    list.findIndex((entry) => normalize(entry.name) === name);
  const expected = view.rowHeaders().map((rowName) =>
    view
      .columnHeaders()
      .slice(1)
      .map((colName) => {
        const [r, c] = transposed
          ? [byName(data.roles, rowName), byName(data.competencies, colName)]
          : [byName(data.roles, colName), byName(data.competencies, rowName)];
        const level = seedLevel(r, c);
        return level === null ? `–${labels.notRequired}` : `Level ${level}`;
      }),
  );
  const shown = view.rowHeaders().map((_, row) =>
    view
      .columnHeaders()
      .slice(1)
      .map((__, col) => text(view.cellAt(row, col))),
  );
  expect(shown).toEqual(expected);
}

beforeEach(() => history.replaceState(null, '', PATH));
afterEach(() => cleanup());

describe('rendering', () => {
  test('first render (what the server sends) is a plain table: caption, th scope, levels, controls disabled', async () => {
    const container = document.body.appendChild(document.createElement('div'));
    renderPreact(<MatrixExplorer data={data} labels={labels} />, container);
    // Effects have not run yet: this is the markup server-side rendering produces.
    const table = container.querySelector('table')!;
    expect(table.getAttribute('role')).toBeNull();
    expect(text(table.querySelector('caption'))).toBe(normalize(labels.caption));
    const controls = [...container.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select, input')];
    expect(controls.length).toBeGreaterThan(0);
    // Disabled itself or by its fieldset (happy-dom's :disabled does not follow fieldsets).
    expect(controls.filter((control) => !control.disabled && !control.closest('fieldset[disabled]'))).toEqual([]);
    expect(container.querySelector('button')).toBeNull();
    const heads = [...table.querySelectorAll('thead th')];
    expect(heads.every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect(heads.map(text)).toEqual([labels.competency, ...truth.roles.map(({ name }) => name)].map(normalize));
    const rows = [...table.querySelectorAll('tbody tr:not(.matrix-prerequisite)')];
    expect(rows.map((row) => text(row.querySelector('th[scope="row"]')))).toEqual(
      truth.competencies.map(({ name }) => normalize(name)),
    );
    rows.forEach((row, c) => {
      [...row.querySelectorAll('td')].forEach((td, r) => {
        const level = truth.level(truth.roles[r]!.name, truth.competencies[c]!.name);
        expect(text(td)).toBe(level === null ? `–${labels.notRequired}` : `Level ${level}`);
        if (level === null) expect(text(td.querySelector('.sr-only'))).toBe(labels.notRequired);
      });
    });
    const prerequisite = table.querySelector('tr.matrix-prerequisite')!;
    expect(text(prerequisite.querySelector('th[scope="row"]'))).toBe(
      normalize(`${truth.prerequisites[0]} (${labels.prerequisite})`),
    );
    expect([...prerequisite.querySelectorAll('td')].map(text)).toEqual(truth.roles.map(() => '✓'));
    // Then the effect runs: the table becomes the interactive grid.
    await waitFor(() => expect(container.querySelector('[data-hydrated]')).not.toBeNull());
    expect(table.getAttribute('role')).toBe('grid');
    renderPreact(null, container);
    container.remove();
  });

  test('after mount: filters, transpose and compare controls, the levels as text, one named tab stop', () => {
    const view = mount();
    expect(view.q.getByRole('group', { name: labels.filters })).toBeTruthy();
    expect([...view.statusSelect().options].map(({ value }) => value)).toEqual(['', 'p3k', 'pns']);
    expect([...view.positionSelect().options].map((option) => option.textContent)).toEqual([
      labels.any,
      'JF MI',
      'JF Prakom',
      'PPBJ',
    ]);
    expect(view.transpose().checked).toBe(false);
    expect(text(view.q.getByRole('status'))).toBe(normalize(fill(labels.shown, { shown: 4, total: 4 })));
    expect(view.q.getByText(labels.keyboardHelp)).toBeTruthy();
    expect(view.q.getByRole('heading', { name: labels.compare })).toBeTruthy();
    expect(view.compareTable()).toBeNull();
    expect(view.detail()).toBeNull();
    // The cells keep the server's markup: the level as text, no control inside; competencies are rows.
    expect(view.cells()).toHaveLength(12);
    expect(view.grid().querySelector('tbody button, tbody input')).toBeNull();
    expectCellsMatchHeaders(view);
    // One tab stop, the first cell, named with its role, competency and level.
    expect(view.tabbable()).toEqual([view.cellAt(0, 0)]);
    expect(view.cellAt(0, 0).getAttribute('aria-label')).toBe(cellName(0, 0));
    expect(view.grid().querySelectorAll('[aria-selected]')).toHaveLength(0);
    expect(location.search).toBe('');
  });
});

describe('details', () => {
  test('clicking a cell opens its level: description, indicators with links, and records it in the URL', () => {
    const view = mount();
    const r = role('admin-sistem');
    const c = competency('keamanan-informasi');
    const cell = view.cellFor(r, c);
    expect(cell.textContent).toBe('Level 4');
    fireEvent.click(cell);
    const detail = view.detail()!;
    expect(detail).not.toBeNull();
    expect(text(detail.querySelector('h2#matrix-detail-title'))).toBe(
      normalize(`${data.roles[r]!.name} · ${data.competencies[c]!.name}`),
    );
    expect(detail.getAttribute('aria-labelledby')).toBe('matrix-detail-title');
    const seedCompetency = seedCompetencyNamed(truth, data.competencies[c]!.name);
    const level = seedCompetency.levels.find((entry) => entry.level === 4)!;
    expect(text(detail.querySelector('p'))).toBe(normalize(`Level 4: ${plainText(level.description)}`));
    expect(detail.querySelector('p a')!.getAttribute('href')).toBe('/kompetensi/keamanan-informasi/#level-4');
    const items = [...detail.querySelectorAll(':scope > ul.matrix-indicators > li')];
    expect(items.map((item) => text(item))).toEqual(
      level.indicators.map((indicator) => normalize(`${indicator.no} ${indicator.text}`)),
    );
    expect(items.map((item) => item.querySelector('a')!.getAttribute('href'))).toEqual(
      level.indicators.map(({ no }) => `/kompetensi/keamanan-informasi/#indikator-${no.replace('.', '-')}`),
    );
    expect(text(detail.querySelector('.matrix-note'))).toBe(normalize(fill(labels.detailCumulative, { below: 3 })));
    // The clicked cell is the open one, the tab stop, named in full, and has focus.
    expect(cell.getAttribute('aria-selected')).toBe('true');
    expect(view.grid().querySelectorAll('[aria-selected="true"]')).toHaveLength(1);
    expect(view.tabbable()).toEqual([cell]);
    expect(cell.getAttribute('aria-label')).toBe(cellName(r, c));
    expect(document.activeElement).toBe(cell);
    expect(new URLSearchParams(location.search).get('sel')).toBe('admin-sistem.keamanan-informasi');
    expect(location.pathname).toBe(PATH);
  });

  test('a level with lettered sub-items lists them under the indicator', () => {
    const view = mount();
    // The draft's indicator with sub-items, and a role that requires exactly its level.
    const found = data.competencies.flatMap((_, c) =>
      seedCompetencyNamed(truth, data.competencies[c]!.name)
        .levels.flatMap(({ indicators }) => indicators)
        .filter(({ items }) => items.length > 0)
        .flatMap((indicator) => {
          const r = data.roles.findIndex((_, index) => seedLevel(index, c) === indicator.level);
          return r < 0 ? [] : [{ indicator, r, c }];
        }),
    );
    expect(found.length).toBeGreaterThan(0);
    const { indicator, r, c } = found[0]!;
    fireEvent.click(view.cellFor(r, c));
    const item = [...view.detail()!.querySelectorAll(':scope > ul.matrix-indicators > li')].find(
      (li) => li.querySelector('a')?.textContent === indicator.no,
    );
    expect([...item!.querySelectorAll('ul > li')].map(text)).toEqual(
      indicator.items.map(({ key, text: itemText }) => normalize(`${key}. ${itemText}`)),
    );
  });

  test('a cell the role does not require says so, and the close button closes the detail', () => {
    const view = mount();
    const r = role('verifikator');
    const c = competency('keamanan-informasi');
    const cell = view.cellFor(r, c);
    expect(text(cell.querySelector('[aria-hidden="true"]'))).toBe('–');
    expect(text(cell.querySelector('.sr-only'))).toBe(labels.notRequired);
    fireEvent.click(cell);
    expect(cell.getAttribute('aria-label')).toBe(
      `${data.roles[r]!.name}, ${data.competencies[c]!.name}: ${labels.notRequired}`,
    );
    expect(text(view.detail())).toContain(normalize(labels.detailNone));
    expect(view.detail()!.querySelector('ul')).toBeNull();
    fireEvent.click(within(view.detail() as HTMLElement).getByRole('button', { name: labels.close }));
    expect(view.detail()).toBeNull();
    expect(location.search).toBe('');
  });
});

describe('keyboard', () => {
  test('arrows, Home/End and Ctrl+Home/End move focus and the single tab stop; Escape closes the detail', () => {
    const view = mount();
    const focused = () => document.activeElement as HTMLElement;
    const press = (key: string, init: Partial<KeyboardEventInit> = {}) =>
      fireEvent.keyDown(focused(), { key, ...init });
    const expectAt = (row: number, col: number) => {
      expect(focused()).toBe(view.cellAt(row, col));
      expect(focused().getAttribute('aria-label')).toBe(cellName(col, row));
      expect(view.tabbable()).toEqual([view.cellAt(row, col)]);
    };
    // Tab from outside the island lands on the tab stop; a click on a cell makes it the tab stop.
    act(() => (view.tabbable()[0] as HTMLElement).focus());
    expectAt(0, 0);
    fireEvent.click(view.cellAt(2, 2));
    expectAt(2, 2);
    press('Escape');
    expect(view.detail()).toBeNull();
    press('Home', { ctrlKey: true });
    expectAt(0, 0);
    press('ArrowLeft');
    expectAt(0, 0);
    press('ArrowUp');
    expectAt(0, 0);
    press('ArrowRight');
    expectAt(0, 1);
    press('ArrowDown');
    expectAt(1, 1);
    press('End');
    expectAt(1, 3);
    press('ArrowRight');
    expectAt(1, 3);
    press('Home');
    expectAt(1, 0);
    press('End', { ctrlKey: true });
    expectAt(2, 3);
    press('ArrowDown');
    expectAt(2, 3);
    press('Home', { ctrlKey: true });
    expectAt(0, 0);
    // Every cell takes its full name when the tab stop reaches it.
    for (let row = 0; row < 3; row++) {
      for (let col = 0; col < 4; col++) {
        expectAt(row, col);
        press(col < 3 ? 'ArrowRight' : 'Home');
      }
      press('ArrowDown');
    }
    press('Home', { ctrlKey: true });
    press('ArrowDown');
    press('ArrowRight');
    expectAt(1, 1);
    // Row and column of the focused cell are marked for highlighting (shown while a cell has focus).
    const marked = [...view.grid().querySelectorAll('td[data-highlight]')];
    const at = (cell: Element) => {
      const row = cell.parentElement!;
      return {
        row: view.rowHeaders().indexOf(text(row.querySelector('th'))),
        col: [...row.querySelectorAll('td')].indexOf(cell as HTMLTableCellElement),
      };
    };
    expect(marked.every((cell) => at(cell).row === 1 || at(cell).col === 1)).toBe(true);
    expect(marked).toHaveLength(4 + 3 - 1);
    // Enter opens the focused cell's details; Escape closes them; Space opens them too.
    press('Enter');
    expect(text(view.detail()!.querySelector('h2'))).toBe(
      normalize(`${data.roles[1]!.name} · ${data.competencies[1]!.name}`),
    );
    expect(new URLSearchParams(location.search).get('sel')).toBe(
      `${data.roles[1]!.slug}.${data.competencies[1]!.slug}`,
    );
    expect(view.cellAt(1, 1).getAttribute('aria-selected')).toBe('true');
    press('Escape');
    expect(view.detail()).toBeNull();
    expect(location.search).toBe('');
    expect(view.grid().querySelectorAll('[aria-selected]')).toHaveLength(0);
    expectAt(1, 1);
    press('ArrowLeft');
    press(' ');
    expect(text(view.detail()!.querySelector('h2'))).toBe(
      normalize(`${data.roles[0]!.name} · ${data.competencies[1]!.name}`),
    );
    press('Escape');
    expectAt(1, 0);
    // Other keys do nothing.
    press('a');
    press('Tab');
    expectAt(1, 0);
    expect(view.detail()).toBeNull();
  });

  test('keys on a row header link are left to the link', () => {
    const view = mount();
    const link = view.grid().querySelector<HTMLAnchorElement>('tbody th[scope="row"] a')!;
    link.focus();
    fireEvent.keyDown(link, { key: 'ArrowRight' });
    fireEvent.keyDown(link, { key: 'Enter' });
    expect(document.activeElement).toBe(link);
    expect(view.tabbable()).toEqual([view.cellAt(0, 0)]);
    expect(view.detail()).toBeNull();
  });
});

describe('filters and transpose', () => {
  test('filters hide role columns, the status counts the roles, the URL keeps them, "Semua" restores', () => {
    const view = mount();
    const status = () => text(view.q.getByRole('status'));
    fireEvent.change(view.positionSelect(), { target: { value: 'ppbj' } });
    expect(view.columnHeaders()).toEqual([normalize(labels.competency), 'Koordinator LPSE']);
    expect(view.cells()).toHaveLength(3);
    expectCellsMatchHeaders(view);
    expect(status()).toBe(normalize(fill(labels.shown, { shown: 1, total: 4 })));
    expect(new URLSearchParams(location.search).get('pos')).toBe('ppbj');
    // The prerequisite row follows the columns.
    expect(visible(view.grid().querySelectorAll('tr.matrix-prerequisite td'))).toHaveLength(1);

    fireEvent.change(view.positionSelect(), { target: { value: 'jf-mi' } });
    fireEvent.change(view.statusSelect(), { target: { value: 'pns' } });
    expect(view.columnHeaders().slice(1)).toEqual(['Koordinator LPSE', 'Admin Sistem']);
    expect(status()).toBe(normalize(fill(labels.shown, { shown: 2, total: 4 })));
    expect(Object.fromEntries(new URLSearchParams(location.search))).toEqual({ status: 'pns', pos: 'jf-mi' });
    // Cells of the remaining columns are still the right roles, in their levels and in their names.
    expectCellsMatchHeaders(view);
    const stop = view.tabbable()[0] as HTMLElement;
    expect(stop.getAttribute('aria-label')).toBe(cellName(role('koordinator'), 0));
    act(() => stop.focus());
    fireEvent.keyDown(stop, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(view.cellAt(0, 1));
    expect(view.cellAt(0, 1).getAttribute('aria-label')).toBe(cellName(role('admin-sistem'), 0));
    expect(location.search).toBe('?status=pns&pos=jf-mi');

    fireEvent.change(view.statusSelect(), { target: { value: 'p3k' } });
    fireEvent.change(view.positionSelect(), { target: { value: 'ppbj' } });
    expect(view.columnHeaders()).toEqual([normalize(labels.competency)]);
    expect(view.cells()).toHaveLength(0);
    expect(view.tabbable()).toEqual([]);
    expect(status()).toBe(normalize(fill(labels.shown, { shown: 0, total: 4 })));

    fireEvent.change(view.statusSelect(), { target: { value: '' } });
    fireEvent.change(view.positionSelect(), { target: { value: '' } });
    expect(view.columnHeaders()).toHaveLength(5);
    expect(view.cells()).toHaveLength(12);
    expectCellsMatchHeaders(view);
    expect(status()).toBe(normalize(fill(labels.shown, { shown: 4, total: 4 })));
    expect(location.search).toBe('');
  });

  test('transpose swaps rows and columns (roles as rows) and back', () => {
    const view = mount();
    const before = snapshot(view);
    fireEvent.click(view.transpose());
    expect(view.transpose().checked).toBe(true);
    expect(view.columnHeaders()).toEqual([labels.role, ...truth.competencies.map(({ name }) => name)].map(normalize));
    expect(view.rowHeaders()).toEqual(truth.roles.map(({ name }) => normalize(name)));
    expectCellsMatchHeaders(view);
    // The caption and the scroll region's name say what the rows are now.
    expect(text(view.grid().querySelector('caption'))).toBe(normalize(labels.captionTransposed));
    expect(view.grid().closest('[role="region"]')?.getAttribute('aria-label')).toBe(labels.captionTransposed);
    // The tab stop starts again at the first cell; names follow the turned table.
    const stop = view.tabbable()[0] as HTMLElement;
    expect(stop).toBe(view.cellAt(0, 0));
    expect(stop.getAttribute('aria-label')).toBe(cellName(0, 0));
    act(() => stop.focus());
    fireEvent.keyDown(stop, { key: 'End', ctrlKey: true });
    expect(document.activeElement).toBe(view.cellAt(3, 2));
    expect(view.cellAt(3, 2).getAttribute('aria-label')).toBe(cellName(3, 2));
    fireEvent.keyDown(document.activeElement!, { key: 'Home', ctrlKey: true });
    expect(view.grid().querySelector('tr.matrix-prerequisite')).toBeNull();
    expect(new URLSearchParams(location.search).get('t')).toBe('1');
    fireEvent.click(view.transpose());
    expect(snapshot(view)).toEqual(before);
  });

  test('a filter holds through turns of the table: the roles it leaves out stay hidden, one tab stop, no stray marks', () => {
    const view = mount();
    const marks = () => view.grid().querySelectorAll('tbody [tabindex], tbody [aria-selected], tbody [aria-label]');
    fireEvent.change(view.positionSelect(), { target: { value: 'ppbj' } });
    fireEvent.click(view.cellAt(1, 0));
    fireEvent.click(view.transpose());
    // Roles as rows: the filtered roles' rows are hidden, and the DOM holds every role's row.
    expect(view.rowHeaders()).toEqual(['Koordinator LPSE']);
    expect(view.grid().querySelectorAll('tbody tr:not(.matrix-prerequisite)')).toHaveLength(truth.roles.length);
    expectCellsMatchHeaders(view);
    expect(view.tabbable()).toHaveLength(1);
    fireEvent.click(view.transpose());
    expect(view.columnHeaders()).toEqual([normalize(labels.competency), 'Koordinator LPSE']);
    expect(view.cells()).toHaveLength(3);
    expectCellsMatchHeaders(view);
    expect(view.tabbable()).toHaveLength(1);
    // Only the tab stop (and the open cell, if any) carry marks; the turned-away rows left theirs.
    expect(marks().length).toBeLessThanOrEqual(2);
    fireEvent.change(view.positionSelect(), { target: { value: '' } });
    fireEvent.click(view.transpose());
    expect(view.cells()).toHaveLength(12);
    expectCellsMatchHeaders(view);
    expect(view.tabbable()).toHaveLength(1);
  });
});

describe('compare', () => {
  test('Helpdesk -> Admin Sistem: levels, differences and the indicators of the levels in between', () => {
    const view = mount();
    const from = role('helpdesk');
    const to = role('admin-sistem');
    fireEvent.change(view.fromSelect(), { target: { value: data.roles[from]!.slug } });
    expect(view.compareTable()).toBeNull();
    expect(location.search).toBe('');
    fireEvent.change(view.toSelect(), { target: { value: data.roles[to]!.slug } });
    const table = view.compareTable()!;
    expect([...table.querySelectorAll('thead th')].map(text)).toEqual(
      [labels.competency, 'Helpdesk', 'Admin Sistem', labels.difference, labels.toAdd].map(normalize),
    );
    let total = 0;
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(3);
    rows.forEach((row, c) => {
      const seedCompetency = seedCompetencyNamed(truth, data.competencies[c]!.name);
      const have = truth.level('Helpdesk', seedCompetency.name);
      const need = truth.level('Admin Sistem', seedCompetency.name);
      // The required level's own indicators first (as the draft's role table lists them), then the levels below.
      const between = indicatorsBetween(seedCompetency, have, need);
      const expected = [
        ...between.filter(({ level }) => level === need),
        ...between.filter(({ level }) => level !== need),
      ];
      total += expected.length;
      const cells = [...row.querySelectorAll('td')].map(text);
      expect(text(row.querySelector('th'))).toBe(normalize(seedCompetency.name));
      expect(cells.slice(0, 3)).toEqual([
        String(have ?? '–'),
        String(need ?? '–'),
        Math.max(0, (need ?? 0) - (have ?? 0)) > 0 ? `+${(need ?? 0) - (have ?? 0)}` : '0',
      ]);
      const links = [...row.querySelectorAll('li > a')];
      expect(links.map(text)).toEqual(expected.map(({ no }) => no));
      expect(links.map((link) => link.getAttribute('href'))).toEqual(
        expected.map(({ no }) => `${data.competencies[c]!.href}#indikator-${no.replace('.', '-')}`),
      );
      if (expected.length === 0) expect(cells[3]).toBe(labels.nothingToAdd);
      else {
        const own = between.filter(({ level }) => level === need).length;
        const parts = [normalize(fill(labels.toAddOwn, { level: need!, count: own }))];
        if (between.length > own) {
          const levels = need! - 1 === (have ?? 0) + 1 ? `${need! - 1}` : `${(have ?? 0) + 1}–${need! - 1}`;
          parts.push(normalize(fill(labels.toAddBelow, { levels, count: between.length - own })));
        }
        expect([...row.querySelectorAll('p[data-part]')].map(text)).toEqual(parts);
      }
    });
    // Information security: levels 2-4; LPSE services: Admin Sistem asks less than Helpdesk.
    expect(text(rows[competency('keamanan-informasi')]!.querySelector('td:nth-of-type(3)'))).toBe('+3');
    expect(text(rows[competency('layanan-lpse')]!.querySelector('td:nth-of-type(3)'))).toBe('0');
    expect(text(rows[competency('layanan-lpse')]!.querySelector('td:nth-of-type(4)'))).toBe(labels.nothingToAdd);
    expect(total).toBe(16);
    const summary = view.q.getAllByRole('status').map(text);
    expect(summary).toContain(
      normalize(fill(labels.compareSummary, { from: 'Helpdesk', to: 'Admin Sistem', count: 16, own: 6, below: 10 })),
    );
    expect(new URLSearchParams(location.search).get('compare')).toBe('helpdesk..admin-sistem');

    // The same role twice is no comparison.
    fireEvent.change(view.fromSelect(), { target: { value: data.roles[to]!.slug } });
    expect(view.compareTable()).toBeNull();
    expect(new URLSearchParams(location.search).has('compare')).toBe(false);
    // Reversed: Admin Sistem -> Helpdesk adds LPSE services level 2 only.
    fireEvent.change(view.toSelect(), { target: { value: data.roles[from]!.slug } });
    const reversed = [...view.compareTable()!.querySelectorAll('tbody tr')];
    expect([...reversed[competency('layanan-lpse')]!.querySelectorAll('li > a')].map(text)).toEqual(
      truth.competencies[0]!.levels[1]!.indicators.map(({ no }) => no),
    );
    expect(text(reversed[competency('keamanan-informasi')]!.querySelector('td:nth-of-type(4)'))).toBe(
      labels.nothingToAdd,
    );
  });
});

describe('URL', () => {
  const shared = '?sel=admin-sistem.keamanan-informasi&compare=helpdesk..admin-sistem&status=pns&pos=jf-mi&t=1';

  test('an initial URL opens its view: detail, filters, transpose and comparison', () => {
    history.replaceState(null, '', `${PATH}${shared}`);
    const view = mount();
    expect(text(view.detail()!.querySelector('h2'))).toBe(
      normalize(`Admin Sistem · ${data.competencies[competency('keamanan-informasi')]!.name}`),
    );
    expect(view.statusSelect().value).toBe('pns');
    expect(view.positionSelect().value).toBe('jf-mi');
    expect(view.transpose().checked).toBe(true);
    expect(view.rowHeaders()).toEqual(['Koordinator LPSE', 'Admin Sistem']);
    expect(view.columnHeaders()[0]).toBe(labels.role);
    expect(view.fromSelect().value).toBe('helpdesk');
    expect(view.toSelect().value).toBe('admin-sistem');
    expect(view.compareTable()).not.toBeNull();
    expect(view.cellFor(role('admin-sistem'), competency('keamanan-informasi')).getAttribute('aria-selected')).toBe(
      'true',
    );
    // The URL is left as it was (nothing pushed on load).
    expect(location.search).toBe(shared);
  });

  test('the view built by hand and the same URL opened afresh look the same', () => {
    const built = mount();
    fireEvent.change(built.statusSelect(), { target: { value: 'pns' } });
    fireEvent.change(built.positionSelect(), { target: { value: 'jf-mi' } });
    fireEvent.click(built.transpose());
    fireEvent.click(built.cellFor(role('admin-sistem'), competency('keamanan-informasi')));
    fireEvent.change(built.fromSelect(), { target: { value: 'helpdesk' } });
    fireEvent.change(built.toSelect(), { target: { value: 'admin-sistem' } });
    const search = location.search;
    expect(Object.fromEntries(new URLSearchParams(search))).toEqual(Object.fromEntries(new URLSearchParams(shared)));
    const expected = snapshot(built);
    cleanup();
    history.replaceState(null, '', PATH);
    history.replaceState(null, '', `${PATH}${search}`);
    const opened = mount();
    expect(snapshot(opened)).toEqual(expected);
  });

  test('popstate restores the view the URL describes', async () => {
    const view = mount();
    fireEvent.click(view.cellFor(role('koordinator'), competency('aplikasi-spse')));
    const first = snapshot(view);
    fireEvent.change(view.statusSelect(), { target: { value: 'p3k' } });
    fireEvent.change(view.fromSelect(), { target: { value: 'verifikator' } });
    fireEvent.change(view.toSelect(), { target: { value: 'koordinator' } });
    const second = snapshot(view);
    expect(second.compare).not.toBe('');

    // Back to the first view: the URL changes, then popstate tells the island.
    history.replaceState(null, '', `${PATH}${first.search}`);
    fireEvent(window, new PopStateEvent('popstate'));
    expect(snapshot(view)).toEqual(first);
    expect(view.fromSelect().value).toBe('');

    history.replaceState(null, '', `${PATH}${second.search}`);
    fireEvent(window, new PopStateEvent('popstate'));
    expect(snapshot(view)).toEqual(second);

    // And a real history.back().
    history.replaceState(null, '', PATH);
    fireEvent(window, new PopStateEvent('popstate'));
    expect(view.detail()).toBeNull();
    expect(view.compareTable()).toBeNull();
    fireEvent.click(view.transpose());
    expect(location.search).toBe('?t=1');
    history.back();
    await waitFor(() => expect(location.search).toBe(''));
    await waitFor(() => expect(view.transpose().checked).toBe(false));
    expect(view.columnHeaders()[0]).toBe(normalize(labels.competency));
  });

  test.each([
    { name: 'dots, markup and a lone %', search: '?sel=..&compare=...&status=<script>alert(1)</script>&pos=%&t=yes' },
    { name: 'half-valid values', search: '?sel=admin-sistem&compare=helpdesk..helpdesk&status=PNS' },
    {
      name: 'a huge value, emoji and a broken escape',
      search: `?sel=${'x.'.repeat(5000)}&compare=${encodeURIComponent('😀..🙈')}&%E0%A4%A=1`,
    },
    { name: 'prototype keys', search: '?__proto__=1&constructor=x&sel=__proto__.constructor' },
  ])('a garbage URL ($name) renders the default view', ({ search }) => {
    history.replaceState(null, '', `${PATH}${search}`);
    const view = mount();
    expect(view.detail()).toBeNull();
    expect(view.compareTable()).toBeNull();
    expect(view.statusSelect().value).toBe('');
    expect(view.positionSelect().value).toBe('');
    expect(view.transpose().checked).toBe(false);
    expect(view.columnHeaders()).toHaveLength(5);
    expect(view.grid().querySelectorAll('[aria-selected="true"]')).toHaveLength(0);
    expect(document.body.innerHTML).not.toContain('<script>alert');
  });
});

describe('focus and selection survive changes to the table', () => {
  test('a filter that removes the focused column still leaves exactly one tab stop, inside the table', () => {
    const view = mount();
    const helpdesk = role('helpdesk');
    // Helpdesk is the last column: Tab into the grid, then End.
    act(() => (view.tabbable()[0] as HTMLElement).focus());
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(view.tabbable()).toEqual([view.cellFor(helpdesk, 0)]);
    fireEvent.change(view.positionSelect(), { target: { value: 'ppbj' } });
    const stops = view.tabbable();
    expect(stops).toHaveLength(1);
    expect(stops[0]!.getAttribute('aria-label')).toBe(cellName(role('koordinator'), 0));
  });

  test('closing the detail, by its button or by Escape inside it, returns focus to the cell', () => {
    const view = mount();
    const cell = view.cellFor(role('admin-sistem'), competency('aplikasi-spse'));
    fireEvent.click(cell);
    fireEvent.click(within(view.detail() as HTMLElement).getByRole('button', { name: labels.close }));
    expect(view.detail()).toBeNull();
    expect(document.activeElement).toBe(cell);
    fireEvent.click(cell);
    const link = view.detail()!.querySelector('a')!;
    link.focus();
    fireEvent.keyDown(link, { key: 'Escape' });
    expect(view.detail()).toBeNull();
    expect(document.activeElement).toBe(cell);
  });

  test('a filter that hides the open cell’s role closes the detail', () => {
    const view = mount();
    fireEvent.click(view.cellFor(role('helpdesk'), 0));
    expect(view.detail()).not.toBeNull();
    fireEvent.change(view.positionSelect(), { target: { value: 'ppbj' } });
    expect(view.detail()).toBeNull();
    expect(location.search).toBe('?pos=ppbj');
  });

  test('a URL naming a cell puts the tab stop on that cell', async () => {
    history.replaceState(null, '', `${PATH}?sel=verifikator.aplikasi-spse&t=1`);
    const view = mount();
    await waitFor(() => expect(view.detail()).not.toBeNull());
    expect(view.tabbable()).toEqual([view.cellFor(role('verifikator'), competency('aplikasi-spse'))]);
  });
});
