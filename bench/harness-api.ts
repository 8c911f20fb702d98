/**
 * What the matrix harness page (`matrix-harness.tsx`) exposes to the bench as `window.bench`.
 * Every duration is in milliseconds, measured in the page with `performance.now()`.
 */

/** How the explorer is put on the page: a fresh client render, or hydration of server HTML. */
export type MountMode = 'render' | 'hydrate';

/** The two role filters of the explorer, in the order of its controls. */
export type FilterKind = 'status' | 'position';

/** Timings of one mount. */
export interface MountTiming {
  /** Parsing the JSON props (the real page deserialises its props too). */
  parseMs: number;
  /** The synchronous `render()`/`hydrate()` call: the static table is in the DOM. */
  firstRenderMs: number;
  /** From the call until the mount effect has run and `[data-hydrated]` is in the DOM. */
  domMs: number;
  /** Until the next frame after that (style, layout and paint included). */
  frameMs: number;
  /** Grid cells in the DOM once interactive. */
  cells: number;
  /** Focusable cells once interactive: the roving tab stop, so exactly one. */
  tabStops: number;
}

/** Timings of one interaction: until the DOM shows the result, and until the next frame. */
export interface InteractionTiming {
  domMs: number;
  frameMs: number;
}

/** The harness API. */
export interface HarnessApi {
  mount(mode: MountMode): Promise<MountTiming>;
  /** Picks a status or position filter option ('' for any) and waits for exactly `expectedRoles` columns. */
  filter(kind: FilterKind, value: string, expectedRoles: string[]): Promise<InteractionTiming>;
  /** Clicks the cell at a display row and column and waits for the detail panel titled `expectedTitle`. */
  selectCell(row: number, col: number, expectedTitle: string): Promise<InteractionTiming>;
  /** Ticks or unticks "roles as rows" and waits for the first column header to read `expectedCorner`. */
  transpose(on: boolean, expectedCorner: string): Promise<InteractionTiming>;
  /** Picks the second role of a comparison and waits for its table with `expectedRows` rows. */
  compare(from: number, to: number, expectedRows: number): Promise<InteractionTiming>;
  /** Takes the comparison away again (untimed set-up between comparisons). */
  clearCompare(): Promise<void>;
  /** Closes the detail panel (untimed set-up between cell clicks). */
  closeDetail(): Promise<void>;
}

/** The harness page's window. */
export type HarnessWindow = Window & { bench: HarnessApi };
