// The matrix grid body: its HTML against the draft (both languages, both ways round), escaping, cell lookups, and the marks (with fast-check) in happy-dom.
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { labelsFor, syntheticMatrix } from '../../bench/synthetic.ts';
import { checkContent } from '../../src/lib/load-files.ts';
import { type MatrixData, visibleRoles } from '../../src/lib/matrix.ts';
import { toMatrixData } from '../../src/lib/matrix-data.ts';
import {
  GridMarker,
  cellAt,
  cellElement,
  escapeHtml,
  gridBodyHtml,
  pointOf,
  type GridMarks,
  type GridView,
  type Point,
} from '../../src/lib/matrix-grid.ts';
import { matrixTruth } from '../support/matrix-truth.ts';
import { normalize, projectRoot } from '../support/seed.ts';

const { dictionary } = await checkContent(projectRoot);
if (!dictionary) throw new Error('The real content does not validate (see `npm run check`).');
const editions = (['id', 'en'] as const).map((lang) => ({
  lang,
  data: toMatrixData(dictionary, lang, lang === 'id' ? undefined : 'en'),
  labels: labelsFor(projectRoot, lang),
}));
const truth = matrixTruth();
const document = new Window().document as unknown as Document;

/** A table body holding `html`, as the browser parses it. */
function parseBody(html: string): Element {
  const table = document.createElement('table');
  table.innerHTML = `<tbody>${html}</tbody>`;
  return table.querySelector('tbody')!;
}
// Rows and cells through `children`: happy-dom's `rows` and `cells` collections are not iterable.
const rowsOf = (body: Element) => [...body.children];
const cellsOf = (row: Element) => [...row.children].slice(1);
const text = (element: Element | null | undefined) => normalize(element?.textContent ?? '');
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

/** The view the explorer shows for a set of visible roles, either way round. */
function viewOf(data: MatrixData, roles: number[], transposed: boolean): GridView {
  const competencies = data.competencies.map((_, index) => index);
  return transposed ? { rows: roles, cols: competencies, transposed } : { rows: competencies, cols: roles, transposed };
}

describe('gridBodyHtml on the real dictionary', () => {
  test.each(editions)(
    '$lang: competency rows with linked headers, the draft’s level in every cell',
    ({ data, labels }) => {
      const body = parseBody(gridBodyHtml(data, labels, false));
      const rows = rowsOf(body);
      expect(rows).toHaveLength(truth.competencies.length);
      rows.forEach((row, c) => {
        const link = row.querySelector('th[scope="row"] > a')!;
        expect(text(link)).toBe(normalize(data.competencies[c]!.name));
        expect(link.getAttribute('href')).toMatch(/^(\/en)?\/kompetensi\/[a-z-]+\/$/);
        const cells = [...row.querySelectorAll('td')];
        expect(cells).toHaveLength(truth.roles.length);
        cells.forEach((cell, r) => {
          // Roles and competencies keep the draft's order (checked in matrix.test.ts), so index r is column r.
          const level = truth.level(truth.roles[r]!.name, truth.competencies[c]!.name);
          expect(cell.className).toBe('matrix-cell');
          expect(cell.getAttribute('data-level')).toBe(String(level ?? 0));
          if (level === null) {
            expect(text(cell.querySelector('[aria-hidden="true"]'))).toBe('–');
            expect(text(cell.querySelector('.sr-only'))).toBe(normalize(labels.notRequired));
          } else {
            expect(text(cell)).toBe(normalize(fill(labels.level, { level })));
            expect(cell.children).toHaveLength(0);
          }
        });
      });
    },
  );

  test.each(editions)('$lang: transposed, role rows with the same levels', ({ data, labels }) => {
    const body = parseBody(gridBodyHtml(data, labels, true));
    expect(rowsOf(body).map((row) => text(row.querySelector('th')))).toEqual(
      data.roles.map(({ name }) => normalize(name)),
    );
    rowsOf(body).forEach((row, r) =>
      [...row.querySelectorAll('td')].forEach((cell, c) =>
        expect(cell.getAttribute('data-level')).toBe(
          String(truth.level(truth.roles[r]!.name, truth.competencies[c]!.name) ?? 0),
        ),
      ),
    );
  });
});

describe('escaping', () => {
  test('names, links and labels with markup come out as text, never as elements', () => {
    const data = syntheticMatrix({ roles: 3, competencies: 2, seed: 7, notRequiredShare: 0.5 });
    const hostile = '<img src=x onerror="alert(1)"> & \'quotes\' "too" </td></tr>';
    data.competencies[0]!.name = hostile;
    data.competencies[1]!.href = '/x/"><script>alert(1)</script>';
    data.roles[0]!.name = hostile;
    data.required[1]![0] = null;
    const labels = { ...labelsFor(projectRoot, 'id'), level: '<b>{{level}}</b>', notRequired: '</span><i>x</i>' };
    for (const transposed of [false, true]) {
      const body = parseBody(gridBodyHtml(data, labels, transposed));
      expect(body.querySelector('img, script, b, i')).toBeNull();
      expect(rowsOf(body)).toHaveLength(transposed ? 3 : 2);
      expect(rowsOf(body).every((row) => row.children.length === (transposed ? 3 : 4))).toBe(true);
      expect(rowsOf(body)[0]!.querySelector('th a')!.textContent).toBe(hostile);
    }
    const body = parseBody(gridBodyHtml(data, labels, false));
    expect(rowsOf(body)[1]!.querySelector('th a')!.getAttribute('href')).toBe('/x/"><script>alert(1)</script>');
    expect(body.querySelector('.sr-only')!.textContent).toBe('</span><i>x</i>');
  });

  test('escapeHtml: any text read back from content and from a quoted attribute is the text itself', () => {
    fc.assert(
      fc.property(
        // The HTML parser normalises carriage returns and NUL, which no name or label contains.
        fc.string({ unit: 'grapheme', maxLength: 80 }).filter((value) => !/[\r\0]/.test(value)),
        (value) => {
          const holder = document.createElement('div');
          holder.innerHTML = `<p title="${escapeHtml(value)}">${escapeHtml(value)}</p>`;
          const paragraph = holder.querySelector('p')!;
          expect(paragraph.textContent).toBe(value);
          expect(paragraph.getAttribute('title')).toBe(value);
          expect(holder.children).toHaveLength(1);
        },
      ),
    );
  });
});

/** A synthetic matrix big enough for filters and both orientations, small enough for many runs. */
const synthetic = syntheticMatrix({ roles: 7, competencies: 5, seed: 11 });
const syntheticLabels = labelsFor(projectRoot, 'id');

describe('cell lookups', () => {
  test('cellElement and pointOf are inverse on every visible cell, and cellAt names its role and competency', () => {
    for (const transposed of [false, true]) {
      const body = parseBody(gridBodyHtml(synthetic, syntheticLabels, transposed));
      for (const status of [null, ...synthetic.statuses.map(({ key }) => key)]) {
        const view = viewOf(synthetic, visibleRoles(synthetic, { status, position: null }), transposed);
        view.rows.forEach((_, row) =>
          view.cols.forEach((__, col) => {
            const point = { row, col };
            const cell = cellElement(body, view, point)!;
            expect(pointOf(body, view, cell)).toEqual(point);
            // A click on the text inside the cell counts for the cell.
            if (cell.firstChild) expect(pointOf(body, view, cell.firstElementChild ?? cell)).toEqual(point);
            const { role, competency } = cellAt(view, point);
            expect(cell.getAttribute('data-level')).toBe(String(synthetic.required[role]![competency] ?? 0));
            const header = cell.parentElement!.querySelector('th a')!;
            expect(header.textContent).toBe(
              transposed ? synthetic.roles[role]!.name : synthetic.competencies[competency]!.name,
            );
          }),
        );
      }
    }
  });

  test('no point outside the cells: row headers, hidden roles, other tables and nothing', () => {
    const body = parseBody(gridBodyHtml(synthetic, syntheticLabels, false));
    const view = viewOf(synthetic, [1, 3], false);
    expect(pointOf(body, view, rowsOf(body)[0]!.querySelector('th a'))).toBeNull();
    expect(pointOf(body, view, rowsOf(body)[0]!.children[1]!)).toBeNull(); // role 0 is filtered out
    expect(pointOf(body, view, rowsOf(body)[0]!.children[2]!)).toEqual({ row: 0, col: 0 });
    expect(
      pointOf(body, view, rowsOf(parseBody(gridBodyHtml(synthetic, syntheticLabels, false)))[0]!.children[2]!),
    ).toBeNull();
    expect(pointOf(body, view, null)).toBeNull();
    expect(cellElement(body, view, { row: 0, col: 2 })).toBeNull();
    expect(() => cellAt(view, { row: 9, col: 0 })).toThrow(/no cell at row 9/);
  });
});

describe('GridMarker', () => {
  /** Every attribute the marker may set, per cell, row header and row: the marks as the DOM shows them. */
  const marksOf = (body: Element) =>
    rowsOf(body).map((row) => ({
      hidden: row.hasAttribute('hidden'),
      cells: cellsOf(row).map((cell) =>
        ['hidden', 'tabindex', 'aria-label', 'aria-selected', 'data-highlight']
          .filter((name) => cell.hasAttribute(name))
          .map((name) => `${name}=${cell.getAttribute(name)}`)
          .join(' '),
      ),
    }));

  /** What the marks must look like, worked out from the view and the points alone. */
  function expectedMarks(body: Element, marks: GridMarks) {
    const { view } = marks;
    const roles = new Set(view.transposed ? view.rows : view.cols);
    const displayRow = (row: number) => view.rows.indexOf(row);
    const displayCol = (col: number) => view.cols.indexOf(col);
    const same = (a: Point | null, row: number, col: number) => a !== null && a.row === row && a.col === col;
    return rowsOf(body).map((tr, r) => ({
      hidden: view.transposed && !roles.has(r),
      cells: cellsOf(tr).map((_, c) => {
        const [row, col] = [displayRow(r), displayCol(c)];
        const attributes: string[] = [];
        if (!view.transposed && !roles.has(c)) attributes.push('hidden=');
        if (row < 0 || col < 0) return attributes.join(' ');
        if (same(marks.stop?.point ?? null, row, col)) attributes.push('tabindex=0', `aria-label=${marks.stop!.label}`);
        if (same(marks.selected, row, col)) attributes.push('aria-selected=true');
        if (marks.lines && (marks.lines.row === row || marks.lines.col === col)) attributes.push('data-highlight=');
        return attributes.join(' ');
      }),
    }));
  }

  /** Random marks for a view of this synthetic matrix: any roles shown, points inside the view or none. */
  const marksArbitrary = (transposed: boolean) =>
    fc
      .subarray(synthetic.roles.map((_, index) => index))
      .chain((roles) => {
        const view = viewOf(synthetic, roles, transposed);
        const point =
          view.rows.length && view.cols.length
            ? fc.option(fc.record({ row: fc.nat(view.rows.length - 1), col: fc.nat(view.cols.length - 1) }), {
                nil: null,
              })
            : fc.constant(null);
        return fc.record({
          view: fc.constant(view),
          stop: point,
          selected: point,
          label: fc.string({ maxLength: 12 }),
        });
      })
      .map(({ view, stop, selected, label }): GridMarks => ({
        view,
        stop: stop && { point: stop, label },
        lines: stop,
        selected,
      }));

  test('any sequence of marks leaves exactly the last ones, and never changes what a cell says', () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((transposed) => fc.array(marksArbitrary(transposed), { minLength: 1, maxLength: 8 })),
        (sequence) => {
          const transposed = sequence[0]!.view.transposed;
          const html = gridBodyHtml(synthetic, syntheticLabels, transposed);
          const body = parseBody(html);
          const texts = [...body.querySelectorAll('td')].map((cell) => cell.innerHTML);
          const marker = new GridMarker();
          for (const marks of sequence) marker.apply(body, marks);
          const last = sequence.at(-1)!;
          expect(marksOf(body)).toEqual(expectedMarks(body, last));
          expect([...body.querySelectorAll('td')].map((cell) => cell.innerHTML)).toEqual(texts);
          expect(marker.stopCell).toBe(last.stop ? cellElement(body, last.view, last.stop.point) : null);
          // Marking a fresh body once gives the same marks as all the steps did.
          const fresh = parseBody(html);
          new GridMarker().apply(fresh, last);
          expect(marksOf(fresh)).toEqual(marksOf(body));
        },
      ),
      { numRuns: 150 },
    );
  });

  test('a rewritten body is marked from scratch; the old one is left alone', () => {
    const marker = new GridMarker();
    const view = viewOf(synthetic, [0, 2, 4], false);
    const marks: GridMarks = {
      view,
      stop: { point: { row: 1, col: 1 }, label: 'x' },
      lines: { row: 1, col: 1 },
      selected: { row: 0, col: 2 },
    };
    const first = parseBody(gridBodyHtml(synthetic, syntheticLabels, false));
    marker.apply(first, marks);
    const before = marksOf(first);
    const turned = viewOf(synthetic, [0, 2, 4], true);
    const second = parseBody(gridBodyHtml(synthetic, syntheticLabels, true));
    const turnedMarks: GridMarks = {
      view: turned,
      stop: { point: { row: 2, col: 0 }, label: 'y' },
      lines: { row: 2, col: 0 },
      selected: null,
    };
    marker.apply(second, turnedMarks);
    expect(marksOf(second)).toEqual(expectedMarks(second, turnedMarks));
    expect(marksOf(first)).toEqual(before);
    expect(marker.stopCell).toBe(rowsOf(second)[4]!.children[1]);
  });
});
