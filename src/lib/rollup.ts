/**
 * The unit roll-up (rekap unit): a head of unit's view of several staff's self-checks at once.
 * Pure functions over records already parsed by the self-check's own parsers (files through
 * `parseImport`, share links through `decodeFragment`); scoring and plans come from the
 * self-check's functions, so the roll-up can never disagree with what each person saw.
 * Runs in the browser; imports no content and no Zod (files are parsed by the lazily loaded export module).
 */
import type { MatrixData, MatrixIndicator } from './matrix.ts';
import { rolePlan } from './self-check-plan.ts';
import {
  decodeFragment,
  parseRecord,
  results,
  type Attainment,
  type ParseResult,
  type SelfCheckRecord,
} from './self-check.ts';

/** One staff member's record as the head has labelled it and given it a role. */
export interface StaffInput {
  /** What the head calls this record (a file name by default); never sent anywhere. */
  label: string;
  /** The role this person is measured against (slug), or null while the head has not chosen one. */
  role: string | null;
  record: SelfCheckRecord;
}

/** One cell of the staff table: a competency's attained level against the role's requirement. */
export interface StaffCell {
  competency: number;
  attained: Attainment;
  /** The role's required level, or null where the role does not require the competency. */
  required: number | null;
  /** Levels still to climb (0 when met), or null without a requirement. */
  gap: number | null;
}

/** How far a person is from their role's standard: the largest gap over the competencies it requires. */
export type Standing = 'meets' | 'one-short' | 'further' | 'no-role';

/** One row of the staff table. */
export interface StaffRow {
  label: string;
  /** Role index in the data, or -1 without a role. */
  role: number;
  cells: StaffCell[];
  standing: Standing;
  /** Whether unanswered indicators could still raise a level the role requires. */
  incomplete: boolean;
}

/** Per role: how many staff meet its standard, are one level short, or further. */
export interface RoleTotal {
  role: number;
  staff: number;
  meets: number;
  oneShort: number;
  further: number;
  /** Of those staff, how many left answers that could still change a required level. */
  incomplete: number;
}

/** One indicator of the training priorities, with who still needs it for their role. */
export interface Priority {
  competency: number;
  level: number;
  indicator: MatrixIndicator;
  /** Labels of the staff who need it, sorted. */
  who: string[];
  /** How many of them need it as their required level's own indicator (as the draft's role table lists it). */
  own: number;
}

/** The priorities of one competency and level, ranked within. */
export interface PriorityGroup {
  competency: number;
  level: number;
  priorities: Priority[];
}

/** Largest label kept: long enough for a name and a note, short enough to print. */
export const MAX_LABEL_LENGTH = 120;

/** Reads a pasted share link (a whole address or just its `#…` part); anything else is refused, never thrown. */
export function parseShareLink(text: string, data: MatrixData): ParseResult {
  const line = text.trim();
  const hash = line.indexOf('#');
  if (hash < 0 && !line.startsWith('v=')) return { ok: false, problem: 'malformed' };
  return decodeFragment(hash < 0 ? line : line.slice(hash + 1), data);
}

/** The lines of a pasted block that hold something, each with its 1-based line number. */
export const pastedLines = (text: string): { line: number; text: string }[] =>
  text.split(/\r?\n/).flatMap((value, index) => (value.trim() ? [{ line: index + 1, text: value.trim() }] : []));

/** The role index of a slug, or -1. */
const roleIndexOf = (data: MatrixData, slug: string | null) => data.roles.findIndex((role) => role.slug === slug);

/** Scores one person against the role the head gave them, with the self-check's own scoring. */
export function staffRow(data: MatrixData, input: StaffInput): StaffRow {
  const role = roleIndexOf(data, input.role);
  const scored = results(data, { ...input.record, role: role >= 0 ? input.role : null });
  const cells = scored.map(({ competency, attained, required, gap }) => ({ competency, attained, required, gap }));
  const gaps = cells.flatMap((cell) => (cell.gap === null ? [] : [cell.gap]));
  const largest = Math.max(0, ...gaps);
  return {
    label: input.label,
    role,
    cells,
    standing: role < 0 ? 'no-role' : largest === 0 ? 'meets' : largest === 1 ? 'one-short' : 'further',
    incomplete: cells.some(
      (cell) => cell.required !== null && !cell.attained.complete && cell.attained.level < cell.required,
    ),
  };
}

/** The staff table, in the order given. */
export const staffTable = (data: MatrixData, staff: readonly StaffInput[]): StaffRow[] =>
  staff.map((input) => staffRow(data, input));

/** Totals per role, every role of the data in its order (roles with no staff count zero). */
export function roleTotals(data: MatrixData, rows: readonly StaffRow[]): RoleTotal[] {
  return data.roles.map((_, role) => {
    const mine = rows.filter((row) => row.role === role);
    return {
      role,
      staff: mine.length,
      meets: mine.filter((row) => row.standing === 'meets').length,
      oneShort: mine.filter((row) => row.standing === 'one-short').length,
      further: mine.filter((row) => row.standing === 'further').length,
      incomplete: mine.filter((row) => row.incomplete).length,
    };
  });
}

/** Plain code-unit order, the same in every browser and locale, so results never depend on file order. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Training priorities: every indicator some staff member still needs for their role (from the
 * self-check's role plan, so the cumulative reading is applied exactly as there), ranked by how
 * many need it, ties in dictionary order.
 */
export function priorities(data: MatrixData, staff: readonly StaffInput[]): Priority[] {
  const found = new Map<string, Priority & { order: number }>();
  for (const input of staff) {
    const role = roleIndexOf(data, input.role);
    if (role < 0) continue;
    for (const competency of rolePlan(data, input.record, role)) {
      for (const level of competency.levels) {
        for (const indicator of level.indicators) {
          const key = `${competency.competency}:${indicator.no}`;
          let entry = found.get(key);
          if (!entry) {
            const all = data.competencies[competency.competency]!.levels.flatMap((each) => each.indicators);
            entry = {
              competency: competency.competency,
              level: level.level,
              indicator,
              who: [],
              own: 0,
              order: competency.competency * 10_000 + all.indexOf(indicator),
            };
            found.set(key, entry);
          }
          entry.who.push(input.label);
          if (level.level === competency.required) entry.own++;
        }
      }
    }
  }
  return [...found.values()]
    .sort((a, b) => b.who.length - a.who.length || a.order - b.order)
    .map(({ order: _order, ...entry }) => ({ ...entry, who: entry.who.sort(byText) }));
}

/** The priorities grouped by competency and level; groups ranked by their most needed indicator, then dictionary order. */
export function priorityGroups(ranked: readonly Priority[]): PriorityGroup[] {
  const groups: PriorityGroup[] = [];
  for (const priority of ranked) {
    const group = groups.find((each) => each.competency === priority.competency && each.level === priority.level);
    if (group) group.priorities.push(priority);
    else groups.push({ competency: priority.competency, level: priority.level, priorities: [priority] });
  }
  return groups;
}

/** The identity of a record for duplicate detection: role and every answer, nothing else. */
const recordKey = (data: MatrixData, input: StaffInput) =>
  JSON.stringify([input.role, data.competencies.map((competency) => input.record.answers[competency.slug] ?? '')]);

/** Exact duplicates (same role, same answers): each group lists the labels, in the order given. */
export function duplicates(data: MatrixData, staff: readonly StaffInput[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const input of staff) {
    const key = recordKey(data, input);
    groups.set(key, [...(groups.get(key) ?? []), input.label]);
  }
  return [...groups.values()].filter((labels) => labels.length > 1);
}

/** A label not yet taken: the wanted one, else with " (2)", " (3)", … added. */
export function uniqueLabel(wanted: string, taken: readonly string[]): string {
  const base = wanted.trim().slice(0, MAX_LABEL_LENGTH) || '?';
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!taken.includes(candidate)) return candidate;
  }
}

/** Every view of the roll-up at once. */
export function rollup(data: MatrixData, staff: readonly StaffInput[]) {
  const rows = staffTable(data, staff);
  const ranked = priorities(data, staff);
  return {
    rows,
    totals: roleTotals(data, rows),
    priorities: ranked,
    groups: priorityGroups(ranked),
    duplicates: duplicates(data, staff),
  };
}

/** The roll-up's stored form: version and staff, validated on load like a file. */
export const ROLLUP_VERSION = 1;

/** Checks a stored roll-up against the dictionary; anything wrong gives null, never an exception. */
export function parseStoredRollup(value: unknown, data: MatrixData): StaffInput[] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const input = value as Record<string, unknown>;
  if (input.v !== ROLLUP_VERSION || !Array.isArray(input.staff)) return null;
  const staff: StaffInput[] = [];
  for (const entry of input.staff as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return null;
    const { label, role, record } = entry as Record<string, unknown>;
    if (typeof label !== 'string' || label.length > MAX_LABEL_LENGTH) return null;
    if (role !== null && (typeof role !== 'string' || roleIndexOf(data, role) < 0)) return null;
    const parsed = parseRecord(record, data);
    if (!parsed.ok) return null;
    staff.push({ label, role, record: parsed.record });
  }
  return staff;
}
