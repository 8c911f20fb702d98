/**
 * The role x competency matrix as plain, serialisable data for one language, and the pure logic
 * of the matrix explorer: filters, role comparison and the view state kept in the URL.
 * Runs in the browser, so it imports nothing from the content model (see `matrix-data.ts`).
 */
import type { Labels } from './labels.ts';
import { climb, type Climb } from './levels.ts';

/** An indicator as the matrix shows it: number, text and where it is cited. */
export interface MatrixIndicator {
  no: string;
  /** With the draft's italics as `*term*` (see `inline.ts`): views render them, exports drop them. */
  text: string;
  /** Lettered sub-items, `a. …`, marked up like `text`. */
  items: string[];
  href: string;
}

/** One level of a competency, with the indicators it adds. */
export interface MatrixLevel {
  level: number;
  /** With the draft's italics as `*term*`, like indicator text. */
  description: string;
  href: string;
  indicators: MatrixIndicator[];
}

/** A competency row of the matrix. */
export interface MatrixCompetency {
  slug: string;
  name: string;
  href: string;
  levels: MatrixLevel[];
}

/** A role column of the matrix, with who may hold it (glossary keys). */
export interface MatrixRole {
  slug: string;
  name: string;
  href: string;
  eligibility: { status: string; positions: string[] }[];
}

/** A filter option: a glossary key and its label. */
export interface MatrixOption {
  key: string;
  label: string;
}

/** Everything the matrix explorer needs, in one language. */
export interface MatrixData {
  roles: MatrixRole[];
  competencies: MatrixCompetency[];
  /** `required[r][c]`: the level role r requires of competency c, or null where not required. */
  required: (number | null)[][];
  /** Standards every role must hold first, e.g. "Standar Kompetensi PBJP Level-1", per role. */
  prerequisites: { name: string; roles: boolean[] }[];
  statuses: MatrixOption[];
  positions: MatrixOption[];
}

/** The explorer's whole view, as kept in the URL. */
export interface MatrixState {
  /** The open cell: role and competency indexes. */
  selected: { role: number; competency: number } | null;
  status: string | null;
  position: string | null;
  /** Compare: from role index to role index. */
  compare: { from: number; to: number } | null;
  transposed: boolean;
}

/** The view a page opens with. */
export const initialState: MatrixState = {
  selected: null,
  status: null,
  position: null,
  compare: null,
  transposed: false,
};

/** Whether a role may be held under the status and position filters (null: any). */
export function roleMatches(role: MatrixRole, status: string | null, position: string | null): boolean {
  return role.eligibility.some(
    (entry) =>
      (status === null || entry.status === status) && (position === null || entry.positions.includes(position)),
  );
}

/** Indexes of the roles the filters leave visible. */
export function visibleRoles(data: MatrixData, state: Pick<MatrixState, 'status' | 'position'>): number[] {
  return data.roles.flatMap((role, index) => (roleMatches(role, state.status, state.position) ? [index] : []));
}

/** The level role `role` requires of competency `competency`, with its address; null where not required. */
export function requiredLevel(data: MatrixData, role: number, competency: number): MatrixLevel | null {
  const level = data.required[role]?.[competency] ?? null;
  return data.competencies[competency]?.levels.find((entry) => entry.level === level) ?? null;
}

/** What moving from one role to another asks of one competency. */
export interface CompetencyGap {
  competency: number;
  from: number | null;
  to: number | null;
  /** Levels to climb; 0 where the second role asks no more. */
  difference: number;
  /**
   * The indicators to add: those of level `to` itself (what the draft lists for the role) and,
   * under this site's cumulative reading, those of the levels between the two requirements.
   */
  toAdd: Climb<MatrixIndicator>;
}

/** Per competency, what someone meeting role `from` must add to meet role `to`. */
export function compareRoles(data: MatrixData, from: number, to: number): CompetencyGap[] {
  return data.competencies.map((competency, index) => {
    const have = data.required[from]?.[index] ?? null;
    const need = data.required[to]?.[index] ?? null;
    const difference = Math.max(0, (need ?? 0) - (have ?? 0));
    const toAdd = climb(competency.levels, have ?? 0, need ?? 0);
    return { competency: index, from: have, to: need, difference, toAdd };
  });
}

/** A cell's place in the table as displayed (filters and transposition applied), or null if hidden. */
export function displayPoint(
  data: MatrixData,
  state: MatrixState,
  cell: { role: number; competency: number },
): { row: number; col: number } | null {
  const column = visibleRoles(data, state).indexOf(cell.role);
  if (column < 0) return null;
  return state.transposed ? { row: column, col: cell.competency } : { row: cell.competency, col: column };
}

/** The state with an open cell dropped when the filters hide its role. */
export function withVisibleSelection(data: MatrixData, state: MatrixState): MatrixState {
  return state.selected && !displayPoint(data, state, state.selected) ? { ...state, selected: null } : state;
}

const cellKey = (data: MatrixData, role: number, competency: number) =>
  `${data.roles[role]!.slug}.${data.competencies[competency]!.slug}`;

/** Writes the state as URL search parameters; the default view writes nothing. */
export function encodeState(data: MatrixData, state: MatrixState): string {
  const params = new URLSearchParams();
  if (state.selected) params.set('sel', cellKey(data, state.selected.role, state.selected.competency));
  if (state.status) params.set('status', state.status);
  if (state.position) params.set('pos', state.position);
  if (state.compare) {
    params.set('compare', `${data.roles[state.compare.from]!.slug}..${data.roles[state.compare.to]!.slug}`);
  }
  if (state.transposed) params.set('t', '1');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * Reads a state from URL search parameters. Anything unknown or malformed is dropped, never
 * thrown: a hand-edited or stale link still opens the matrix.
 */
export function decodeState(data: MatrixData, search: string): MatrixState {
  const params = new URLSearchParams(search);
  const roleIndex = (slug: string | undefined) => data.roles.findIndex((role) => role.slug === slug);
  const [selRole, selCompetency] = (params.get('sel') ?? '').split('.');
  const role = roleIndex(selRole);
  const competency = data.competencies.findIndex((entry) => entry.slug === selCompetency);
  const [fromSlug, toSlug] = (params.get('compare') ?? '').split('..');
  const from = roleIndex(fromSlug);
  const to = roleIndex(toSlug);
  const status = params.get('status');
  const position = params.get('pos');
  return withVisibleSelection(data, {
    selected: role >= 0 && competency >= 0 ? { role, competency } : null,
    status: data.statuses.some((option) => option.key === status) ? status : null,
    position: data.positions.some((option) => option.key === position) ? position : null,
    compare: from >= 0 && to >= 0 && from !== to ? { from, to } : null,
    transposed: params.get('t') === '1',
  });
}

/** The `matrix.*` strings the page renders itself, so the explorer island need not carry them. */
export const MATRIX_PAGE_ONLY = ['title', 'lead', 'needsScript'] as const;

/** The explorer's UI strings in the page's language, as templates: `{{name}}` is filled in by the island. */
export type MatrixLabels = Omit<Labels<'matrix'>, (typeof MATRIX_PAGE_ONLY)[number]>;
