/**
 * The body of the matrix grid: its markup as one HTML string, and the few marks the explorer puts
 * on it (the focusable cell, the highlighted row and column, the open cell).
 *
 * At 40 roles x 300 competencies the body has 12,000 cells, and any change to all of them costs
 * the browser hundreds of milliseconds of style and layout. So the body is not diffed by Preact:
 * the server sends this markup, the island writes it again only when rows or columns change, and
 * every other interaction touches a handful of cells through `GridMarker`.
 */
import type { MatrixData, MatrixLabels } from './matrix.ts';
import { fill } from './template.ts';

/**
 * Which rows and columns the grid shows, in display order: role or competency indexes. The body
 * always holds every role and competency of its orientation in index order; the roles the
 * filters leave out are there too, `hidden`.
 */
export interface GridView {
  /** Competencies, or the visible roles when transposed. */
  rows: number[];
  /** The visible roles, or competencies when transposed. */
  cols: number[];
  transposed: boolean;
}

/** A cell of the grid in display coordinates (row, column), whichever way the table is turned. */
export interface Point {
  row: number;
  col: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

/** The role and competency behind a display cell. */
export function cellAt(view: GridView, point: Point): { role: number; competency: number } {
  const row = view.rows[point.row];
  const col = view.cols[point.col];
  if (row === undefined || col === undefined) {
    throw new Error(
      `no cell at row ${point.row}, column ${point.col}: the view has ${view.rows.length} x ${view.cols.length}`,
    );
  }
  return view.transposed ? { role: row, competency: col } : { role: col, competency: row };
}

/**
 * Every row of the grid as HTML, competencies as rows or (transposed) roles as rows: a linked row
 * header, then one cell per column writing its level ("Level 3"), or a dash with "not required"
 * for screen readers. Reads fully without JavaScript.
 */
export function gridBodyHtml(data: MatrixData, labels: MatrixLabels, transposed: boolean): string {
  // Six possible cells; each is written once and repeated.
  const cells = [0, 1, 2, 3, 4, 5].map((level) =>
    level === 0
      ? `<td class="matrix-cell" data-level="0"><span aria-hidden="true">–</span>` +
        `<span class="sr-only">${escapeHtml(labels.notRequired)}</span></td>`
      : `<td class="matrix-cell" data-level="${level}">${escapeHtml(fill(labels.level, { level }))}</td>`,
  );
  const [rows, cols] = transposed ? [data.roles, data.competencies] : [data.competencies, data.roles];
  let html = '';
  rows.forEach((header, row) => {
    html += `<tr><th scope="row"><a href="${escapeHtml(header.href)}">${escapeHtml(header.name)}</a></th>`;
    for (let col = 0; col < cols.length; col++) {
      html += cells[(transposed ? data.required[row]?.[col] : data.required[col]?.[row]) ?? 0];
    }
    html += '</tr>';
  });
  return html;
}

/** The display cell an event happened in, or null outside the cells (a row header, say). */
export function pointOf(body: Element, view: GridView, target: EventTarget | null): Point | null {
  const cell = (target as Partial<Element> | null)?.closest?.('td');
  const row = cell?.parentElement;
  if (!cell || !row || row.parentElement !== body) return null;
  // The row header is the first child of every row.
  const point = { row: view.rows.indexOf(indexIn(body, row)), col: view.cols.indexOf(indexIn(row, cell) - 1) };
  return point.row < 0 || point.col < 0 ? null : point;
}

const indexIn = (parent: Element, child: Element) => Array.prototype.indexOf.call(parent.children, child);

/** The cell element at a display point, if the view has it. */
export function cellElement(body: Element, view: GridView, point: Point): HTMLElement | null {
  const row = view.rows[point.row];
  const col = view.cols[point.col];
  if (row === undefined || col === undefined) return null;
  return (body.children[row]?.children[col + 1] as HTMLElement | undefined) ?? null;
}

/** What the explorer shows on top of the grid's markup. */
export interface GridMarks {
  view: GridView;
  /** The tab stop: the one focusable cell (roving tabindex), named `label`; null: none. */
  stop: { point: Point; label: string } | null;
  /** The row and column to highlight (those of the tab stop); null: none. */
  lines: Point | null;
  /** The open cell; null: none. */
  selected: Point | null;
}

/**
 * Puts marks on a grid body and takes the previous ones off, touching only the cells that change.
 * Marks are attributes, never content, so none costs the browser new nodes: the roles the
 * filters leave out are `hidden`, the tab stop is `tabindex="0"` with the cell's full name as
 * `aria-label` (the WAI-ARIA grid pattern's roving tabindex), the highlighted row and column get
 * `data-highlight`, the open cell `aria-selected`.
 */
export class GridMarker {
  private body: Element | null = null;
  private hidden = new Set<number>();
  private stop: HTMLElement | null = null;
  private lineCells: Element[] = [];
  private lineKey = '';
  private lineView: GridView | null = null;
  private selected: Element | null = null;

  /** The focusable cell, if the grid has one. */
  get stopCell(): HTMLElement | null {
    return this.stop;
  }

  /**
   * Takes every mark off the grid (the rows are about to leave it, to be kept for a later turn of
   * the table): shows the hidden roles again and forgets the grid, so the next `apply` starts anew.
   */
  clear(): void {
    const body = this.body;
    if (!body) return;
    const view = this.lineView;
    for (const role of this.hidden) {
      if (view?.transposed) body.children[role]?.removeAttribute('hidden');
      else for (const row of body.children) row.children[role + 1]?.removeAttribute('hidden');
    }
    this.stop?.removeAttribute('tabindex');
    this.stop?.removeAttribute('aria-label');
    for (const cell of this.lineCells) cell.removeAttribute('data-highlight');
    this.selected?.removeAttribute('aria-selected');
    this.body = null;
  }

  /** Applies `marks` to `body` (which may be a new body: marks on a replaced one are dropped). */
  apply(body: Element, marks: GridMarks): void {
    if (body !== this.body) {
      // The body was rewritten: its cells and their marks are gone with it.
      this.body = body;
      this.hidden = new Set();
      this.stop = null;
      this.lineCells = [];
      this.lineKey = '';
      this.lineView = null;
      this.selected = null;
    }
    this.hideRoles(body, marks.view);
    const stop = marks.stop && cellElement(body, marks.view, marks.stop.point);
    if (stop !== this.stop) {
      this.stop?.removeAttribute('tabindex');
      this.stop?.removeAttribute('aria-label');
      stop?.setAttribute('tabindex', '0');
      this.stop = stop ?? null;
    }
    if (stop && marks.stop) stop.setAttribute('aria-label', marks.stop.label);
    this.placeLines(body, marks.view, marks.lines);
    const selected = (marks.selected && cellElement(body, marks.view, marks.selected)) ?? null;
    if (selected !== this.selected) {
      this.selected?.removeAttribute('aria-selected');
      selected?.setAttribute('aria-selected', 'true');
      this.selected = selected;
    }
  }

  /** Hides the cells of the roles the view leaves out, and shows those it brings back. */
  private hideRoles(body: Element, view: GridView): void {
    const shown = new Set(view.transposed ? view.rows : view.cols);
    // Every role is in the body: one per row, or one per cell after the row header.
    const roleCount = view.transposed ? body.children.length : (body.firstElementChild?.children.length ?? 1) - 1;
    const toggle = (role: number, hide: boolean) => {
      if (view.transposed) body.children[role]?.toggleAttribute('hidden', hide);
      else for (const row of body.children) row.children[role + 1]?.toggleAttribute('hidden', hide);
    };
    for (let role = 0; role < roleCount; role++) {
      const hide = !shown.has(role);
      if (hide !== this.hidden.has(role)) {
        toggle(role, hide);
        if (hide) this.hidden.add(role);
        else this.hidden.delete(role);
      }
    }
  }

  private placeLines(body: Element, view: GridView, lines: Point | null): void {
    // A new view may show or hide cells of the same row and column: mark them again.
    const key = lines ? `${lines.row},${lines.col}` : '';
    if (key === this.lineKey && view === this.lineView) return;
    for (const cell of this.lineCells) cell.removeAttribute('data-highlight');
    const cells: Element[] = [];
    if (lines) {
      for (let col = 0; col < view.cols.length; col++) {
        const cell = cellElement(body, view, { row: lines.row, col });
        if (cell) cells.push(cell);
      }
      for (let row = 0; row < view.rows.length; row++) {
        const cell = row !== lines.row && cellElement(body, view, { row, col: lines.col });
        if (cell) cells.push(cell);
      }
    }
    for (const cell of cells) cell.setAttribute('data-highlight', '');
    this.lineCells = cells;
    this.lineKey = key;
    this.lineView = view;
  }
}
